/**
 * Identify one camera: ONVIF clock → lockout-aware login with the camera's credential sets → device facts,
 * then for an Axis camera VAPIX device info and VXG Cloud Agent state with the set that worked.
 *
 * Hazard (untrusted LAN input): the device-service address comes from a WS-Discovery packet. It is used only
 * when its host is the camera's own IP; otherwise we ask http://<ip>/onvif/device_service, so a forged XAddr
 * cannot make the app send a password to another host.
 */
import type { Device } from '../../../../shared/device.js';
import type { HttpClient } from '../../../platform/http.js';
import type { Clock } from '../../../platform/ports.js';
import { createVapixClient } from '../axis/client.js';
import {
  outcomeOf,
  tryCredentialSets,
  type AttemptLedger,
  type AttemptPolicy,
  type CameraAuthOutcome,
  type CredentialSet,
} from '../credentials/attempts.js';
import { createOnvifClient, type OnvifIdentity } from '../onvif/client.js';
import type { IdentifiedFacts } from './reconcile.js';

/** Axis OUIs (IEEE): a camera with one of these MACs is tried over VAPIX too. */
const AXIS_OUIS = ['00:40:8c', 'ac:cc:8e', 'b8:a4:4f'];

export function deviceServiceUrl(ip: string, xaddrs: readonly string[]): string {
  for (const xaddr of xaddrs) {
    try {
      const url = new URL(xaddr);
      if (url.protocol === 'http:' && url.hostname === ip) return url.href;
    } catch {
      // not a URL: skip it
    }
  }
  return `http://${ip}/onvif/device_service`;
}

export function looksAxis(device: Pick<Device, 'mac' | 'vendor' | 'manufacturer'>, reported: string | null = null): boolean {
  if ([device.vendor, device.manufacturer, reported].some((v) => v !== null && /\baxis\b/i.test(v))) return true;
  return device.mac !== null && AXIS_OUIS.includes(device.mac.slice(0, 8));
}

export interface CameraIdentification {
  outcome: CameraAuthOutcome<OnvifIdentity>;
  facts: IdentifiedFacts;
  cloudAgent: Device['cloudAgent'];
  /** Extra sentences (clock guessed, VAPIX failed) for the auth message. */
  notes: string[];
}

export interface IdentifyCameraDeps {
  http: HttpClient;
  clock: Clock;
  ledger: AttemptLedger;
  policy?: Partial<AttemptPolicy>;
  /** Called after every login attempt (the audit log); never given the password. */
  onAttempt(set: string, result: 'ok' | 'failed', message: string): void;
}

export async function identifyCamera(
  device: Device,
  ip: string,
  sets: CredentialSet[],
  preferred: string | undefined,
  deps: IdentifyCameraDeps,
): Promise<CameraIdentification> {
  const xaddr = deviceServiceUrl(ip, device.onvif?.xaddrs ?? []);
  const name = device.mac ?? ip;
  const onvif = createOnvifClient({ http: deps.http, clock: deps.clock, xaddr });
  const empty: IdentifiedFacts = { onvif: null, vapix: null };
  const time = await onvif.readClock();
  if (!time.ok) {
    const status = time.failure.kind === 'unreachable' ? 'unreachable' : 'error';
    const outcome: CameraAuthOutcome<OnvifIdentity> = {
      status,
      setName: null,
      value: null,
      tried: [],
      untried: sets.map((s) => s.name),
      attemptsLeft: 0,
      retryInMs: null,
      sentence: `Camera ${name}: ${time.failure.message} No password was sent.`,
    };
    return { outcome, facts: empty, cloudAgent: null, notes: [] };
  }
  const notes = time.value.note ? [time.value.note] : [];
  const outcome = await tryCredentialSets({
    camera: name,
    // The IP, not the MAC: a camera behind a router gets its MAC only by this login, and the budget must not reset then.
    key: ip,
    sets,
    ledger: deps.ledger,
    ...(deps.policy ? { policy: deps.policy } : {}),
    ...(preferred ? { preferred } : {}),
    attempt: async (set) => {
      const result = await onvif.identify(set, time.value);
      deps.onAttempt(
        set.name,
        result.ok ? 'ok' : 'failed',
        result.ok ? `ONVIF login with set "${set.name}" accepted.` : result.failure.message,
      );
      return outcomeOf(result);
    },
  });
  if (outcome.status !== 'authenticated' || !outcome.value) return { outcome, facts: empty, cloudAgent: null, notes };
  const id = outcome.value;
  notes.push(...id.notes);
  const facts: IdentifiedFacts = {
    onvif: {
      manufacturer: id.info.manufacturer,
      model: id.info.model,
      firmware: id.info.firmware,
      serial: id.info.serial,
      hardware: id.info.hardwareId,
      mac: id.mac,
    },
    vapix: null,
  };
  let cloudAgent: Device['cloudAgent'] = null;
  const set = sets.find((s) => s.name === outcome.setName);
  if (set && looksAxis(device, id.info.manufacturer)) {
    // VAPIX on the same origin as the ONVIF service (an Axis camera serves both on port 80).
    const vapix = createVapixClient({ http: deps.http, baseUrl: new URL(xaddr).origin, credentials: set });
    const info = await vapix.deviceInfo();
    const refused = !info.ok && (info.failure.kind === 'unauthorized' || info.failure.kind === 'locked');
    deps.onAttempt(set.name, info.ok ? 'ok' : 'failed', info.ok ? `VAPIX login with set "${set.name}" accepted.` : info.failure.message);
    if (refused) {
      // Axis keeps ONVIF users apart from VAPIX users: a refusal here is a failed login the lockout counts too.
      deps.ledger.record(ip, true);
      notes.push(
        `VAPIX refused set "${set.name}" (Axis keeps ONVIF and VAPIX users apart); add a set with the camera's root account to see the cloud agent.`,
      );
    } else {
      if (info.ok) facts.vapix = { model: info.value.model, firmware: info.value.firmware, serial: info.value.serial, mac: info.value.mac };
      else notes.push(`VAPIX device information could not be read: ${info.failure.message}`);
      const agent = await vapix.agentStatus();
      const token = agent.ok && agent.value.state !== 'absent' ? await vapix.cloudTokenState() : null;
      cloudAgent = {
        installed: agent.ok ? agent.value.state : 'unknown',
        token:
          token?.ok && token.value !== 'agent-absent' ? token.value : agent.ok && agent.value.state === 'absent' ? 'no-token' : 'unknown',
      };
    }
  }
  return { outcome, facts, cloudAgent, notes };
}
