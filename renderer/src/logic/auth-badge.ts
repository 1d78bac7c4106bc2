import type { Device } from '../../../shared/device.js';
import type { FactSource } from '../../../shared/device.js';

export type AuthStatus = NonNullable<Device['auth']>['status'];
export type Tone = 'none' | 'wait' | 'good' | 'bad';
export type AuthBadge = { label: string; tone: Tone };

const AUTH: Record<AuthStatus, AuthBadge> = {
  authenticated: { label: 'Authenticated', tone: 'good' },
  refused: { label: 'Refused', tone: 'bad' },
  locked: { label: 'Locked', tone: 'bad' },
  unreachable: { label: 'Unreachable', tone: 'wait' },
  error: { label: 'Error', tone: 'bad' },
  'not-tried': { label: 'Not tried', tone: 'none' },
};

/** The Auth column: "Authenticated (site default)", "Refused", … or "—" before any identify ran. */
export function authBadge(auth: Device['auth']): AuthBadge {
  if (!auth) return { label: '—', tone: 'none' };
  const base = AUTH[auth.status] ?? AUTH.error;
  if (auth.status === 'authenticated' && auth.set) return { ...base, label: `${base.label} (${auth.set})` };
  return base;
}

/** The Cloud agent column: "Agent running · has token", "Agent stopped · no token", "not installed", or "—". */
export function agentLabel(agent: Device['cloudAgent']): string {
  if (!agent) return '—';
  if (agent.installed === 'absent') return 'not installed';
  if (agent.installed === 'unknown' && agent.token === 'unknown') return '—';
  const state = agent.installed === 'running' ? 'Agent running' : agent.installed === 'stopped' ? 'Agent stopped' : 'Agent';
  const token = agent.token === 'has-token' ? 'has token' : agent.token === 'no-token' ? 'no token' : 'token unknown';
  return `${state} · ${token}`;
}

const MAC_SOURCES: Partial<Record<FactSource, string>> = { onvif: 'ONVIF', vapix: 'VAPIX', arp: 'ARP' };

/** "from ONVIF" / "from VAPIX" / "from ARP": where the MAC shown was read; other sources by their long name. */
export function macSourcePhrase(source: FactSource | null, longName: (source: FactSource) => string): string | null {
  if (!source) return null;
  return `from ${MAC_SOURCES[source] ?? longName(source)}`;
}

/** True when the device reported a MAC (ONVIF/VAPIX) that the neighbour table contradicts: flagged, never hidden. */
export const macConflict = (device: Device): boolean => device.conflicts.includes('mac');
