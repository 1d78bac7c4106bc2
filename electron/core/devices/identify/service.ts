/**
 * The identify capability behind `credentials.list|save|remove` and `identify.run` (issue #8). Built by
 * createCore from ports, like the cloud service; it meets the inventory through `IdentifyInventory`.
 *
 * Per run: each selected camera (all cameras when none are named), at most `concurrency` at a time, each with
 * its credential sets from the vault; one AttemptLedger per core so the lockout budget holds across runs; the set
 * that worked last is tried first. Every login attempt lands in the audit log (set name and outcome, no secret).
 */
import type { IdentifyResult } from '../../../../shared/contract/identify.js';
import type { Device } from '../../../../shared/device.js';
import type { HttpClient } from '../../../platform/http.js';
import type { AuditLog } from '../../../platform/audit-log.js';
import type { Clock, Logger } from '../../../platform/ports.js';
import type { ObservedFact } from '../../inventory/observation.js';
import { AttemptLedger, type AttemptLedgerStore, type AttemptPolicy } from '../credentials/attempts.js';
import type { CredentialVault } from '../vault.js';
import { identifyCamera } from './identify-camera.js';
import { identifiedFacts, macDisagreement } from './reconcile.js';

export const IDENTIFY_CONCURRENCY = 32;

export interface IdentifyInventory {
  device(id: string): Device | null;
  cameras(): Device[];
  addFacts(id: string, facts: ObservedFact[]): void;
  /** Store auth and cloud-agent state and emit exactly one device-updated. */
  finish(id: string, auth: NonNullable<Device['auth']>, cloudAgent: Device['cloudAgent']): void;
}

export interface IdentifyServiceOptions {
  http: HttpClient;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  vault: CredentialVault;
  inventory: IdentifyInventory;
  /** Keeps the lockout ledger across processes (the data folder); memory only when absent. */
  ledgerStore?: AttemptLedgerStore;
  via?: string;
  concurrency?: number;
  policy?: Partial<AttemptPolicy>;
}

export interface IdentifyService {
  run(deviceIds: string[] | undefined): Promise<IdentifyResult[]>;
}

export function createIdentifyService(o: IdentifyServiceOptions): IdentifyService {
  const ledger = new AttemptLedger(() => o.clock.now(), o.ledgerStore);
  const preferred = new Map<string, string>();
  const via = o.via ?? 'ui';
  const audit = (camera: string, result: 'ok' | 'failed' | 'info', message: string) => {
    o.audit.append({ action: 'camera.login', camera, result, message: message.slice(0, 1024), via }).catch((error: unknown) => {
      o.log.warn('The audit log could not be written', { action: 'camera.login', error: String(error) });
    });
  };

  // Two overlapping runs must not log in to one camera at once: the second would not see the first's failures.
  const inFlight = new Map<string, Promise<IdentifyResult>>();
  const serial = (id: string): Promise<IdentifyResult> => {
    const before = inFlight.get(id) ?? Promise.resolve(null);
    const mine = before.then(() => one(id));
    inFlight.set(id, mine);
    void mine.finally(() => {
      if (inFlight.get(id) === mine) inFlight.delete(id);
    });
    return mine;
  };

  const one = async (id: string): Promise<IdentifyResult> => {
    const device = o.inventory.device(id);
    if (!device) return { deviceId: id, status: 'error', set: null, message: `No device ${id} in the list; scan again.` };
    const ip = device.ip;
    const at = () => new Date(o.clock.now()).toISOString();
    if (!ip) {
      const message = `Camera ${device.mac ?? id} has no IP address known, so it cannot be asked; scan again.`;
      o.inventory.finish(id, { status: 'not-tried', set: null, message, at: at() }, device.cloudAgent);
      return { deviceId: id, status: 'not-tried', set: null, message };
    }
    const camera = device.mac ?? ip;
    try {
      const sets = await o.vault.setsFor(device);
      const found = await identifyCamera(device, ip, sets, preferred.get(ip), {
        http: o.http,
        clock: o.clock,
        ledger,
        ...(o.policy ? { policy: o.policy } : {}),
        onAttempt: (set, result, message) => audit(camera, result, `Set "${set}": ${message}`),
      });
      const { outcome } = found;
      if (outcome.status === 'authenticated' && outcome.setName) preferred.set(ip, outcome.setName);
      const facts = identifiedFacts(found.facts);
      if (facts.length) o.inventory.addFacts(id, facts);
      const reported = [
        ...(found.facts.onvif?.mac ? [{ mac: found.facts.onvif.mac, source: 'onvif' as const }] : []),
        ...(found.facts.vapix?.mac ? [{ mac: found.facts.vapix.mac, source: 'vapix' as const }] : []),
      ];
      const disagreement = macDisagreement(o.inventory.device(id) ?? device, reported);
      const message = [outcome.sentence, disagreement?.trim(), ...found.notes].filter(Boolean).join(' ');
      o.inventory.finish(id, { status: outcome.status, set: outcome.setName, message, at: at() }, found.cloudAgent);
      if (outcome.status !== 'authenticated' && outcome.tried.length === 0) audit(camera, 'info', outcome.sentence);
      return { deviceId: id, status: outcome.status, set: outcome.setName, message };
    } catch (error) {
      // A port's bug must not stop the other cameras; the text is not shown (it could quote what a port was handed).
      o.log.warn('Identification failed unexpectedly', { deviceId: id, error: error instanceof Error ? error.name : 'unknown' });
      const message = `Camera ${camera} could not be identified because of an internal error; try again.`;
      o.inventory.finish(id, { status: 'error', set: null, message, at: at() }, device.cloudAgent);
      return { deviceId: id, status: 'error', set: null, message };
    }
  };

  return {
    async run(deviceIds) {
      const ids = deviceIds ?? o.inventory.cameras().map((d) => d.id);
      const unique = [...new Set(ids)];
      const results: IdentifyResult[] = new Array(unique.length);
      let next = 0;
      const worker = async () => {
        while (next < unique.length) {
          const index = next++;
          results[index] = await serial(unique[index]!);
        }
      };
      const width = Math.max(1, Math.min(o.concurrency ?? IDENTIFY_CONCURRENCY, unique.length));
      await Promise.all(Array.from({ length: width }, worker));
      return results;
    },
  };
}
