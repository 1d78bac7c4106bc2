/**
 * The camera's clock offset from GetSystemDateAndTime (discovery.md §2.2): offset = camera UTC − our UTC at
 * the moment the reply arrived; WS-Security `Created` is then our now + offset.
 * Hazard: the spec requires UTCDateTime but some cameras send only LocalDateTime. The `onvif` package then
 * reads local time as if it were UTC (wrong by the time zone); we convert it with the POSIX TZ string when
 * the camera gives one, and otherwise assume no offset and say so.
 */
import { child, text, type XmlNode } from '../xml.js';

export type ClockSource = 'utc' | 'local-with-tz' | 'assumed';

export interface CameraClock {
  /** Camera time minus our time, milliseconds. */
  offsetMs: number;
  source: ClockSource;
  /** Sentence for the UI when the offset is a guess; null when the camera gave UTC. */
  note: string | null;
}

const int = (node: XmlNode | undefined, name: string): number | null => {
  const value = text(child(node, name));
  return /^\d{1,4}$/.test(value) ? Number(value) : null;
};

/** Epoch ms of a DateTime element read as UTC, or null when a field is missing or out of range. */
function dateTimeMs(node: XmlNode | undefined): number | null {
  const date = child(node, 'Date');
  const time = child(node, 'Time');
  const [y, mo, d] = [int(date, 'Year'), int(date, 'Month'), int(date, 'Day')];
  const [h, mi, s] = [int(time, 'Hour'), int(time, 'Minute'), int(time, 'Second')];
  if (y === null || mo === null || d === null || h === null || mi === null || s === null) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
}

/**
 * Hours east of UTC for a POSIX TZ string ("CET-1CEST", "EST5EDT,M3.2.0,M11.1.0", "<+03>-3"), or null.
 * POSIX signs are inverted: "CST-8" is UTC+8. `dst` picks the daylight offset (given, or standard + 1 h).
 */
export function posixTzEastMinutes(tz: string, dst: boolean): number | null {
  const match =
    /^(?:[A-Za-z]{3,}|<[^>]{1,16}>)([+-]?\d{1,2})(?::(\d{2}))?(?:([A-Za-z]{3,}|<[^>]{1,16}>)(?:([+-]?\d{1,2})(?::(\d{2}))?)?)?(,.*)?$/.exec(
      tz.trim(),
    );
  if (!match) return null;
  const minutes = (h: string, m: string | undefined): number => {
    const sign = h.startsWith('-') ? -1 : 1;
    return sign * (Math.abs(Number(h)) * 60 + Number(m ?? 0));
  };
  const standardWest = minutes(match[1]!, match[2]);
  // `0 -` keeps UTC0 at +0 rather than -0.
  if (!dst || !match[3]) return 0 - standardWest;
  const daylightWest = match[4] ? minutes(match[4], match[5]) : standardWest - 60;
  return 0 - daylightWest;
}

/** The clock reading from the SOAP Body of a GetSystemDateAndTime reply; `receivedAtMs` is our clock then. */
export function cameraClock(body: XmlNode, receivedAtMs: number): CameraClock {
  const system = child(body, 'GetSystemDateAndTimeResponse', 'SystemDateAndTime');
  const utc = dateTimeMs(child(system, 'UTCDateTime'));
  if (utc !== null) return { offsetMs: utc - receivedAtMs, source: 'utc', note: null };
  const local = dateTimeMs(child(system, 'LocalDateTime'));
  const tz = text(child(system, 'TimeZone', 'TZ'));
  const dst = text(child(system, 'DaylightSavings')).toLowerCase() === 'true';
  const east = tz ? posixTzEastMinutes(tz, dst) : null;
  if (local !== null && east !== null) {
    return {
      offsetMs: local - east * 60_000 - receivedAtMs,
      source: 'local-with-tz',
      note: `The camera did not report UTC time; its clock was read from local time and time zone ${tz}.`,
    };
  }
  return {
    offsetMs: 0,
    source: 'assumed',
    note: "The camera did not report its UTC time or a usable time zone; we assume its clock matches this laptop's. If logins fail, set the camera's clock (NTP).",
  };
}
