import type { Profile, QName } from './profile-types.js';

/** The little the simulator needs from a Probe: who asked and for which Types. */
export type ParsedProbe = { messageId: string; types: QName[] };

const MAX_PROBE_BYTES = 64 * 1024;

/**
 * Minimal, regex-based Probe reader, written independently of the app's parser so lab tests stay honest.
 * Returns undefined for anything that is not a Probe (Hello, Bye, ProbeMatches from other devices, junk).
 */
export function parseProbe(text: string): ParsedProbe | undefined {
  if (text.length > MAX_PROBE_BYTES) return undefined;
  // `Probe` followed by space, `>` or `/` — excludes ProbeMatches.
  if (!/<(?:[\w.-]+:)?Probe[\s>/]/.test(text)) return undefined;
  const messageId = /<(?:[\w.-]+:)?MessageID\b[^>]*>\s*([^<]*?)\s*</.exec(text)?.[1] ?? '';
  const prefixes = new Map<string, string>();
  for (const m of text.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*"([^"]*)"/g)) prefixes.set(m[1] ?? '', m[2] ?? '');
  const typesText = /<(?:[\w.-]+:)?Types\b[^>/]*>([^<]*)</.exec(text)?.[1] ?? '';
  const types = typesText
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t): QName => {
      const i = t.indexOf(':');
      const prefix = i < 0 ? '' : t.slice(0, i);
      return { ns: prefixes.get(prefix) ?? '', local: t.slice(i + 1) };
    });
  return { messageId, types };
}

/** WS-Discovery match rule: every probed Type must be one the device has; an untyped probe matches all. */
export function probeMatchesProfile(probe: ParsedProbe, profile: Profile): boolean {
  if (profile.wsd === false) return false;
  if (profile.answersAnyProbe) return true;
  return probe.types.every((t) => profile.types.some((p) => p.local === t.local && (t.ns === '' || t.ns === p.ns)));
}
