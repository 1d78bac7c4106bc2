/**
 * The Axis VAPIX subset identification and the token writer use (shared/reference/vxg-cloud.md §5.1), as a
 * request handler for the simulator server (an Axis camera serves it beside ONVIF on one port):
 * - POST /axis-cgi/basicdeviceinfo.cgi (JSON getAllProperties; absent on "old firmware" → 404)
 * - GET  /axis-cgi/param.cgi?action=list&group=… (text lines; unknown group → "# Error: …")
 * - GET|POST /axis-cgi/applications/list.cgi (XML <reply result="ok"><application …/></reply>)
 * - param.cgi?action=update and applications/control.cgi, enough for a token writer to test against.
 * Every path wants HTTP Digest (MD5, qop=auth, realm AXIS_<serial>); Basic is disabled, as on recent firmware.
 */
import type { IncomingMessage } from 'node:http';
import type { RawReply } from '../onvif-device/device.js';
import { DigestGate } from '../onvif-device/digest-server.js';
import type { RequestHandler } from '../onvif-device/server.js';

export type AgentInstall = 'running' | 'stopped' | 'absent';

export interface VapixProfile {
  /** 12 hex digits, upper-case: the MAC (Axis serial = MAC). */
  serial: string;
  model: string;
  firmware: string;
  users: Record<string, string>;
  agent: AgentInstall;
  /** The agent's CloudToken parameter ('' = none). */
  cloudToken: string;
  /** False: older firmware without basicdeviceinfo.cgi. */
  basicDeviceInfo?: boolean;
  /** Hostile or broken replies: return one to answer this path instead. */
  override?: (path: string) => RawReply | undefined;
}

export interface VapixState {
  requests: number;
  failures: number;
  cloudToken: string;
  agent: AgentInstall;
  restarts: number;
}

export interface VapixDevice extends RequestHandler {
  state: VapixState;
}

const text = (body: string, status = 200): RawReply => ({ status, headers: { 'content-type': 'text/plain' }, body });

export function createVapixDevice(profile: VapixProfile): VapixDevice {
  const gate = new DigestGate({ realm: `AXIS_${profile.serial}`, algorithms: ['MD5'], qop: 'auth', explicitMd5: true });
  const users = new Map(Object.entries(profile.users));
  const state: VapixState = { requests: 0, failures: 0, cloudToken: profile.cloudToken, agent: profile.agent, restarts: 0 };
  const model = profile.model;

  const params = (): Map<string, string> => {
    const p = new Map<string, string>([
      ['root.Brand.Brand', 'AXIS'],
      ['root.Brand.ProdFullName', `AXIS ${model} Network Camera`],
      ['root.Brand.ProdNbr', model],
      ['root.Brand.ProdShortName', `AXIS ${model}`],
      ['root.Brand.ProdType', 'Network Camera'],
      ['root.Properties.API.HTTP.Version', '3'],
      ['root.Properties.Firmware.BuildDate', 'Nov 20 2025 17:44'],
      ['root.Properties.Firmware.Version', profile.firmware],
      ['root.Properties.System.Architecture', 'armv7hf'],
      ['root.Properties.System.HardwareID', '768.1'],
      ['root.Properties.System.SerialNumber', profile.serial],
      ['root.Properties.System.Soc', 'Axis Artpec-6'],
    ]);
    if (state.agent !== 'absent') {
      p.set('root.VXGCloudAgent.AllowInvalidSSLCerts', 'no');
      p.set('root.VXGCloudAgent.CameraLogin', 'root');
      p.set('root.VXGCloudAgent.CameraPassword', '********');
      p.set('root.VXGCloudAgent.CameraTimeZoneIANA', 'Europe/Stockholm');
      p.set('root.VXGCloudAgent.CloudToken', state.cloudToken);
      p.set('root.VXGCloudAgent.InsecureCloudConnection', 'no');
    }
    return p;
  };

  const list = (groups: string): RawReply => {
    const all = params();
    const lines: string[] = [];
    for (const group of groups.split(',')) {
      const matched = [...all].filter(([key]) => key === group || key.startsWith(`${group}.`));
      if (matched.length === 0) return text(`# Error: Error -1 getting param in group '${group}'\r\n`);
      for (const [key, value] of matched) lines.push(`${key}=${value}`);
    }
    return text(`${lines.join('\r\n')}\r\n`);
  };

  const applications = (): RawReply => {
    const apps = [
      '<application Name="vmd" NiceName="AXIS Video Motion Detection" Vendor="Axis Communications" Version="4.5-2" ApplicationID="143440" License="None" Status="Running" ConfigurationPage="local/vmd/config.html" VendorHomePage="http://www.axis.com" />',
    ];
    if (state.agent !== 'absent') {
      apps.push(
        `<application Name="VXGCloudAgent" NiceName="VXG Cloud Agent" Vendor="VXG Inc." Version="2.2.27" ApplicationID="0" License="None" Status="${state.agent === 'running' ? 'Running' : 'Stopped'}" ConfigurationPage="local/VXGCloudAgent/settings.html" VendorHomePage="https://www.videoexpertsgroup.com" />`,
      );
    }
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: `<reply result="ok">\n${apps.join('\n')}\n</reply>` };
  };

  const basicDeviceInfo = (body: string): RawReply => {
    let method = '';
    try {
      method = String((JSON.parse(body) as { method?: unknown }).method ?? '');
    } catch {
      // falls through to the error reply
    }
    if (method !== 'getAllProperties') {
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiVersion: '1.3', error: { code: 4002, message: 'Method not supported' } }),
      };
    }
    const p = params();
    const propertyList = {
      Architecture: 'armv7hf',
      Brand: 'AXIS',
      BuildDate: p.get('root.Properties.Firmware.BuildDate'),
      HardwareID: '768.1',
      ProdFullName: p.get('root.Brand.ProdFullName'),
      ProdNbr: model,
      ProdShortName: p.get('root.Brand.ProdShortName'),
      ProdType: 'Network Camera',
      ProdVariant: '',
      SerialNumber: profile.serial,
      Soc: 'Axis Artpec-6',
      SocSerialNumber: '00000000-00000000-44123C08-C840037D',
      Version: profile.firmware,
      WebURL: 'http://www.axis.com',
    };
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: '1.3', data: { propertyList } }),
    };
  };

  const route = (req: IncomingMessage, path: string, query: URLSearchParams, body: string): RawReply | null => {
    if (path === '/axis-cgi/basicdeviceinfo.cgi' && req.method === 'POST' && profile.basicDeviceInfo !== false)
      return basicDeviceInfo(body);
    if (path === '/axis-cgi/applications/list.cgi') return applications();
    if (path === '/axis-cgi/param.cgi') {
      const action = query.get('action');
      if (action === 'list') return list(query.get('group') ?? 'root');
      if (action === 'update') {
        for (const [key, value] of query) {
          if (key === 'action') continue;
          if (key === 'root.VXGCloudAgent.CloudToken' && state.agent !== 'absent') state.cloudToken = value;
          else return text(`# Request failed: Error setting '${key}' to '${value}'!\r\n`);
        }
        return text('OK');
      }
      return text('# Request failed: Unknown action\r\n');
    }
    if (path === '/axis-cgi/applications/control.cgi') {
      if (query.get('package') !== 'VXGCloudAgent' || state.agent === 'absent') return text('Error: 6');
      const action = query.get('action');
      if (action === 'stop') state.agent = 'stopped';
      else if (action === 'start' || action === 'restart') {
        state.agent = 'running';
        if (action === 'restart') state.restarts += 1;
      } else return text('Error: 4');
      return text('OK');
    }
    return null;
  };

  return {
    state,
    answer(req, body) {
      const url = new URL(req.url ?? '/', 'http://camera');
      if (!url.pathname.startsWith('/axis-cgi/')) return null;
      state.requests += 1;
      const override = profile.override?.(url.pathname);
      if (override) return override;
      const check = gate.check(req.headers.authorization, req.method ?? 'GET', users);
      if (check.result !== 'ok') {
        if (check.result === 'wrong') state.failures += 1;
        return {
          status: 401,
          headers: { 'www-authenticate': gate.challenge(check.result === 'stale'), 'content-type': 'text/html' },
          body: '<HTML><HEAD><TITLE>401 Unauthorized</TITLE></HEAD></HTML>',
        };
      }
      return route(req, url.pathname, url.searchParams, body) ?? text('Not found', 404);
    },
  };
}
