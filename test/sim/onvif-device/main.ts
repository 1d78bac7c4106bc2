/**
 * Run simulated cameras (ONVIF device service, plus the Axis VAPIX subset when given) as a process, for the
 * lab: `ip netns exec <ns> npx tsx test/sim/onvif-device/main.ts`, with the cameras as JSON in the environment
 * variable SIM_CAMERAS (passwords stay out of process lists):
 *   [{"host":"198.18.0.10","port":80,"onvif":{…OnvifDeviceProfile without functions},"vapix":{…VapixProfile}}]
 * Prints one JSON line per camera ({"event":"ready","url":…}) and stops on SIGTERM/SIGINT.
 */
import type { OnvifDeviceProfile } from './device.js';
import { createOnvifDevice } from './device.js';
import { onvifHandler, startSimServer, type RequestHandler, type SimServer } from './server.js';
import { createVapixDevice, type VapixProfile } from '../vapix/vapix.js';

interface CameraSpec {
  host: string;
  port?: number;
  onvif?: OnvifDeviceProfile;
  vapix?: VapixProfile;
}

let specs: CameraSpec[];
try {
  specs = JSON.parse(process.env['SIM_CAMERAS'] ?? '') as CameraSpec[];
  if (!Array.isArray(specs) || specs.length === 0) throw new Error('empty');
} catch {
  process.stderr.write('SIM_CAMERAS must be a JSON array of {host, port?, onvif?, vapix?}\n');
  process.exit(2);
}

const servers: SimServer[] = [];
for (const spec of specs) {
  const handlers: RequestHandler[] = [];
  if (spec.onvif) handlers.push(onvifHandler(createOnvifDevice(spec.onvif)));
  if (spec.vapix) handlers.push(createVapixDevice(spec.vapix));
  const server = await startSimServer({ host: spec.host, port: spec.port ?? 80, handlers });
  servers.push(server);
  process.stdout.write(`${JSON.stringify({ event: 'ready', url: server.url })}\n`);
}
const stop = (): void => void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
