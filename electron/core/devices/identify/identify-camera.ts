/**
 * Identify one camera: ONVIF clock → lockout-aware login with the camera's credential sets → device facts,
 * then for an Axis camera VAPIX device info and VXG Cloud Agent state with the set that worked.
 *
 * Hazard (untrusted LAN input): the device-service address comes from a WS-Discovery packet. It is used only
 * when its host is the camera's own IP; otherwise we ask http://<ip>/onvif/device_service, so a forged XAddr
 * cannot make the app send a password to another host. A camera found only over IPv6 has a link-local IP with
 * the interface it was heard on (`fe80::…%eth0`), while its XAddrs say `http://[fe80::…]/…` without one: an XAddr
 * whose host is that same address is used with the zone added (RFC 6874, `[fe80::…%25eth0]`), else
 * `http://[fe80::…%25eth0]/onvif/device_service`.
 */
import type { Device } from '../../../../shared/device.js';
import { parseZonedUrl, withZone, type HttpClient } from '../../../platform/http.js';
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
import { createOnvifClient } from '../onvif/client.js';
import type { IdentifiedFacts } from './reconcile.js';

/** Axis OUIs (IEEE): a camera with one of these MACs is tried over VAPIX too. */
const AXIS_OUIS = ['00:40:8c', 'ac:cc:8e', 'b8:a4:4f'];

/** The address and zone of an IP as discovery reports it (`fe80::1%eth0`); the zone null when absent or unusable. */
function splitZone(ip: string): { address: string; zone: string | null } {
  const at = ip.indexOf('%');
  if (at < 0 || !ip.includes(':')) return { address: ip, zone: null };
  const zone = ip.slice(at + 1);
  return { address: ip.slice(0, at), zone: /^[A-Za-z0-9_.-]{1,64}$/.test(zone) ? zone : null };
}

export function deviceServiceUrl(ip: string, xaddrs: readonly string[]): string {
  const { address, zone } = splitZone(ip);
  let host: string;
  try {
    // WHATWG URL spelling of the camera's own host (`[fe80::1]`, compressed, lower case) to compare XAddrs with.
    host = new URL(`http://${address.includes(':') ? `[${address}]` : address}/`).hostname;
  } catch {
    return `http://${ip}/onvif/device_service`;
  }
  for (const xaddr of xaddrs) {
    const parsed = parseZonedUrl(xaddr);
    // Another interface's zone in the XAddr is not this camera's address on the interface we heard it on.
    if (parsed && parsed.url.protocol === 'http:' && parsed.url.hostname === host && (parsed.zone === null || parsed.zone === zone))
      return withZone(parsed.url, zone);
  }
  return withZone(new URL(`http://${host}/onvif/device_service`), zone);
}

/** `http://host[:port]` of a device-service URL, keeping an IPv6 zone. */
function originOf(xaddr: string): string {
  const parsed = parseZonedUrl(xaddr);
  if (!parsed) return new URL(xaddr).origin;
  return withZone(new URL(parsed.url.origin), parsed.zone).replace(/\/$/, '');
}

export function looksAxis(device: Pick<Device, 'mac' | 'vendor' | 'manufacturer'>, reported: string | null = null): boolean {
  if ([device.vendor, device.manufacturer, reported].some((v) => v !== null && /\baxis\b/i.test(v))) return true;
  return device.mac !== null && AXIS_OUIS.includes(device.mac.slice(0, 8));
}

export interface CameraIdentification {
  outcome: CameraAuthOutcome<unknown>;
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
  // An Axis camera with ONVIF turned off still speaks VAPIX: log in there instead.
  if (!time.ok && time.failure.kind === 'not-supported' && looksAxis(device))
    return identifyByVapix(device, ip, xaddr, sets, preferred, deps);
  if (!time.ok) {
    const status = time.failure.kind === 'unreachable' ? 'unreachable' : 'error';
    const outcome: CameraAuthOutcome<unknown> = {
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
    const vapix = createVapixClient({ http: deps.http, baseUrl: originOf(xaddr), credentials: set });
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
      cloudAgent = await agentState(vapix);
    }
  }
  return { outcome, facts, cloudAgent, notes };
}

/** VAPIX as the login itself (ONVIF off): device info is the attempt, then the cloud agent with the set that worked. */
async function identifyByVapix(
  device: Device,
  ip: string,
  xaddr: string,
  sets: CredentialSet[],
  preferred: string | undefined,
  deps: IdentifyCameraDeps,
): Promise<CameraIdentification> {
  const baseUrl = originOf(xaddr);
  const outcome = await tryCredentialSets({
    camera: device.mac ?? ip,
    key: ip,
    sets,
    ledger: deps.ledger,
    ...(deps.policy ? { policy: deps.policy } : {}),
    ...(preferred ? { preferred } : {}),
    attempt: async (set) => {
      const info = await createVapixClient({ http: deps.http, baseUrl, credentials: set }).deviceInfo();
      deps.onAttempt(set.name, info.ok ? 'ok' : 'failed', info.ok ? `VAPIX login with set "${set.name}" accepted.` : info.failure.message);
      return outcomeOf(info);
    },
  });
  const facts: IdentifiedFacts = { onvif: null, vapix: null };
  const set = sets.find((s) => s.name === outcome.setName);
  if (outcome.status !== 'authenticated' || !outcome.value || !set) return { outcome, facts, cloudAgent: null, notes: [] };
  const info = outcome.value;
  facts.vapix = { model: info.model, firmware: info.firmware, serial: info.serial, mac: info.mac };
  const vapix = createVapixClient({ http: deps.http, baseUrl, credentials: set });
  return { outcome, facts, cloudAgent: await agentState(vapix), notes: ['ONVIF is off on this camera; it was identified over VAPIX.'] };
}

async function agentState(vapix: ReturnType<typeof createVapixClient>): Promise<NonNullable<Device['cloudAgent']>> {
  const agent = await vapix.agentStatus();
  const token = agent.ok && agent.value.state !== 'absent' ? await vapix.cloudTokenState() : null;
  return {
    installed: agent.ok ? agent.value.state : 'unknown',
    token: token?.ok && token.value !== 'agent-absent' ? token.value : agent.ok && agent.value.state === 'absent' ? 'no-token' : 'unknown',
  };
}
