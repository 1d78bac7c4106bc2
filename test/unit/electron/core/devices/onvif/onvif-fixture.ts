/**
 * A simulated ONVIF camera on 127.0.0.1 and a client pointed at it. Facts look like a Bosch FLEXIDOME with an
 * 18-digit serial; the password is non-ASCII on purpose (UTF-8 hashing is part of what is tested).
 */
import { createOnvifClient, type OnvifClient } from '../../../../../../electron/core/devices/onvif/client.js';
import { createNodeHttpClient, type HttpClient } from '../../../../../../electron/platform/http.js';
import type { Clock } from '../../../../../../electron/platform/ports.js';
import { createOnvifDevice, type OnvifDevice, type OnvifDeviceProfile } from '../../../../../sim/onvif-device/device.js';
import type { DeviceFacts } from '../../../../../sim/onvif-device/replies.js';
import { onvifHandler, startSimServer, type SimServer } from '../../../../../sim/onvif-device/server.js';

export const USER = 'admin';
export const PASSWORD = 'Pässwörd-ÆØÅ-密码';

export const BOSCH: DeviceFacts = {
  manufacturer: 'Bosch',
  model: 'FLEXIDOME IP indoor 5100i IR',
  firmware: '8.71.0066',
  serial: '404754734012345678',
  hardwareId: 'F0004D43',
  mac: '00:07:5f:12:34:56',
  ip: '127.0.0.1',
  scopes: [
    'onvif://www.onvif.org/type/video_encoder',
    'onvif://www.onvif.org/hardware/FLEXIDOME',
    'onvif://www.onvif.org/name/BOSCH-404754734012345678',
  ],
};

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export interface OnvifFixture {
  server: SimServer;
  device: OnvifDevice;
  client: OnvifClient;
  close(): Promise<void>;
}

export async function startOnvifCamera(
  profile: Partial<OnvifDeviceProfile> & Pick<OnvifDeviceProfile, 'auth'>,
  http: HttpClient = createNodeHttpClient(),
): Promise<OnvifFixture> {
  const device = createOnvifDevice({ facts: BOSCH, users: { [USER]: PASSWORD }, ...profile });
  const server = await startSimServer({ host: '127.0.0.1', handlers: [onvifHandler(device)] });
  const client = createOnvifClient({ http, clock: realClock, xaddr: `${server.url}/onvif/device_service` });
  return { server, device, client, close: () => server.close() };
}
