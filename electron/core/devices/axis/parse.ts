/**
 * Readers for Axis VAPIX replies (shared/reference/vxg-cloud.md §5.1). Pure and defensive: `param.cgi` lists
 * are `root.Group.Param=value` lines with `# Error…` lines for failures; `applications/list.cgi` is XML;
 * `basicdeviceinfo.cgi` is JSON. Values are kept as strings, exactly as sent (a value may contain "=").
 */
import { attribute, child, children, parseXml } from '../xml.js';

const MAX_LINES = 4096;

export type ParamList = { ok: true; params: Map<string, string> } | { ok: false; error: string };

export function parseParamList(body: string): ParamList {
  const params = new Map<string, string>();
  const lines = body.split(/\r?\n/, MAX_LINES + 1);
  if (lines.length > MAX_LINES) return { ok: false, error: 'the parameter list was far longer than any camera sends' };
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (line.startsWith('#')) return { ok: false, error: line.replace(/^#\s*/, '').slice(0, 200) };
    const eq = line.indexOf('=');
    if (eq <= 0 || !line.startsWith('root.')) continue;
    params.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return params.size > 0 || body.trim().length === 0 ? { ok: true, params } : { ok: false, error: 'the reply was not a parameter list' };
}

export interface AxisApplication {
  name: string;
  niceName: string;
  version: string;
  /** "Running" or "Stopped" on real devices; kept as sent. */
  status: string;
}

const MAX_APPLICATIONS = 256;

export type ApplicationList = { ok: true; applications: AxisApplication[] } | { ok: false; error: string };

export function parseApplicationList(body: string): ApplicationList {
  const parsed = parseXml(body);
  if (!parsed.ok) return { ok: false, error: parsed.reason === 'doctype' ? 'it contained a DOCTYPE' : 'it was not readable XML' };
  const reply = child(parsed.tree, 'reply');
  if (reply === undefined) return { ok: false, error: 'it was not an application list' };
  if ((attribute(reply, 'result') ?? '').toLowerCase() !== 'ok')
    return { ok: false, error: 'the camera reported an error listing applications' };
  const applications = children(reply, 'application')
    .slice(0, MAX_APPLICATIONS)
    .map((app) => ({
      name: (attribute(app, 'Name') ?? '').slice(0, 64),
      niceName: (attribute(app, 'NiceName') ?? '').slice(0, 128),
      version: (attribute(app, 'Version') ?? '').slice(0, 32),
      status: (attribute(app, 'Status') ?? '').slice(0, 32),
    }))
    .filter((app) => app.name.length > 0);
  return { ok: true, applications };
}

export interface AxisDeviceInfo {
  brand: string;
  model: string;
  fullName: string;
  firmware: string;
  /** Exactly as sent; on Axis it is the MAC in 12 hex digits. */
  serial: string;
  hardwareId: string;
}

const str = (record: Record<string, unknown>, key: string): string => {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' ? value.slice(0, 128) : '';
};
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"apiVersion":"1.x","data":{"propertyList":{…}}}` → device info, or null for an error or another shape. */
export function parseBasicDeviceInfo(json: unknown): AxisDeviceInfo | null {
  if (!isRecord(json) || !isRecord(json['data']) || !isRecord(json['data']['propertyList'])) return null;
  const p = json['data']['propertyList'];
  return {
    brand: str(p, 'Brand'),
    model: str(p, 'ProdNbr'),
    fullName: str(p, 'ProdFullName'),
    firmware: str(p, 'Version'),
    serial: str(p, 'SerialNumber'),
    hardwareId: str(p, 'HardwareID'),
  };
}

/** The same facts from `param.cgi?action=list&group=root.Brand,root.Properties` (older firmware). */
export function deviceInfoFromParams(params: Map<string, string>): AxisDeviceInfo {
  const get = (key: string): string => (params.get(key) ?? '').slice(0, 128);
  return {
    brand: get('root.Brand.Brand'),
    model: get('root.Brand.ProdNbr'),
    fullName: get('root.Brand.ProdFullName'),
    firmware: get('root.Properties.Firmware.Version'),
    serial: get('root.Properties.System.SerialNumber'),
    hardwareId: get('root.Properties.System.HardwareID'),
  };
}
