/**
 * The identify lab's cameras (issue #8): logins spread over three credential sets and the four auth modes, with
 * the awkward ones a technician meets — clocks an hour off, a clock without UTC, an 18-digit serial, a camera
 * that locks after 3 failures — and the credentials file that opens them all. Shared by the lab test and the bench.
 */
import type { AuthMode } from '../sim/onvif-device/device.js';
import type { SimDevice } from '../sim/sim-protocol.js';
import type { CameraSpec } from './topology.js';

export type CredentialSet = { name: string; username: string; password: string };

/**
 * In the order the app tries them on the first pass. Hazard: the app's lockout planner allows at most 2 refused
 * tries per camera per hour and never makes a 3rd (many cameras lock on it), so a camera whose right set is 3rd
 * is out of reach: the biggest group's set goes first (fewest refusals overall), Hikvision's second, and the Axis
 * cameras — the smallest group — get 2 refusals and the app's sentence "Put the right set first". The lab test
 * then does what that sentence says, with AXIS_FIRST. The Hikvision password is non-ASCII: digest and
 * UsernameToken must hash it as UTF-8.
 */
export const CREDENTIAL_SETS: readonly CredentialSet[] = [
  { name: 'site default', username: 'admin', password: 'Site-7rQ2-default' },
  { name: 'hikvision', username: 'admin', password: 'Hïk-Ωmega-48Zp' },
  { name: 'axis', username: 'root', password: 'Axis-v9Lk-3301' },
];

/** The same three sets with the Axis set first: the second pass, for the cameras the first pass could not reach. */
export const AXIS_FIRST: readonly CredentialSet[] = [CREDENTIAL_SETS[2]!, CREDENTIAL_SETS[0]!, CREDENTIAL_SETS[1]!];

/** A Bosch-like serial: 18 digits with leading zeros, which a number parser would mangle. */
export const LONG_SERIAL = '004206251234567890';
export const HOUR = 3_600_000;

export type IdentifyCameraPlan = { spec: CameraSpec & { id: string; device: SimDevice }; set: CredentialSet };

const users = (set: CredentialSet): Record<string, string> => ({ [set.username]: set.password });
const AUTH_MODES: readonly AuthMode[] = ['ws-security', 'digest-md5', 'digest-sha256+md5', 'both'];
const siteProfiles = ['dahua', 'reolink', 'soap11-oem', 'hikvision'] as const;

/**
 * `count` cameras on the lab bridge: half on the site set (every auth mode, several vendors), a quarter Hikvision
 * on their own set (SHA-256+MD5, WS-Security, both), a quarter Axis with VAPIX and VXG's agent on the Axis set.
 * With `quirks`, the first cameras of each group carry the skewed clocks, no-UTC clock, long serial and lockout.
 * With `oneSet`, every camera takes the site set (the bench: the right set is the first one tried).
 */
export function identifyCameras(count: number, options: { quirks?: boolean; oneSet?: boolean } = {}): IdentifyCameraPlan[] {
  const [site, siteOrHik, siteOrAxis] = CREDENTIAL_SETS as [CredentialSet, CredentialSet, CredentialSet];
  const hik = options.oneSet ? site : siteOrHik;
  const axis = options.oneSet ? site : siteOrAxis;
  const quirks = options.quirks ?? true;
  const plans: IdentifyCameraPlan[] = [];
  for (let i = 0; i < count; i++) {
    const group = i % 4 < 2 ? 'site' : i % 4 === 2 ? 'hik' : 'axis';
    const id = `cam${i + 1}`;
    if (group === 'site') {
      const auth = AUTH_MODES[Math.floor(i / 4 + (i % 2)) % 4]!;
      plans.push({
        set: site,
        spec: { id, profile: siteProfiles[Math.floor(i / 2) % siteProfiles.length]!, device: { auth, users: users(site) } },
      });
    } else if (group === 'hik') {
      const auth = (['digest-sha256+md5', 'ws-security', 'both'] as const)[Math.floor(i / 4) % 3]!;
      plans.push({ set: hik, spec: { id, profile: 'hikvision', device: { auth, users: users(hik) } } });
    } else {
      const auth = (['digest-md5', 'both'] as const)[Math.floor(i / 4) % 2]!;
      const vapix = { agent: i % 8 === 3 ? ('running' as const) : ('absent' as const), cloudToken: i % 16 === 3 ? 'lab-cloud-token' : '' };
      plans.push({ set: axis, spec: { id, profile: 'axis', device: { auth, users: users(axis), vapix } } });
    }
  }
  if (quirks && !options.oneSet) applyQuirks(plans);
  return plans;
}

/** The quirks, each on a camera whose auth mode makes it bite (a clock only matters to WS-Security). */
function applyQuirks(plans: IdentifyCameraPlan[]): void {
  const ws = plans.filter((p) => p.spec.device.auth === 'ws-security');
  const set = (p: IdentifyCameraPlan | undefined, patch: Partial<SimDevice>, id: string): void => {
    if (!p) throw new Error(`Too few cameras for the ${id} quirk.`);
    Object.assign(p.spec.device, patch);
    p.spec.id = id;
  };
  set(ws[0], { clockSkewMs: HOUR }, 'skew-ahead');
  set(ws[1], { clockSkewMs: -HOUR }, 'skew-behind');
  set(ws[2], { noUtc: true, clockSkewMs: 5 * 60_000 }, 'no-utc');
  set(
    plans.find((p) => p.set.name === 'site default' && p.spec.id.startsWith('cam')),
    { serial: LONG_SERIAL },
    'long-serial',
  );
  // Its right set is tried last: 2 refusals before success, one short of locking it.
  set(
    plans.find((p) => p.set.name === 'axis' && p.spec.id.startsWith('cam')),
    { lockout: { afterFailures: 3, forMs: HOUR } },
    'lockout-3',
  );
}
