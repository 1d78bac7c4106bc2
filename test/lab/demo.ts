import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLab, type CameraSpec } from './lab.js';
import { REPO_ROOT } from './sim-bundle.js';
import { forwardLoopbackInto } from './tcp-forward.js';

// `npm run demo`: a lab of mixed cameras and the app's browser-mode server inside the technician namespace.
const PORT = 5174;
const CAMERAS: CameraSpec[] = [
  { profile: 'axis', model: 'M1065-L' },
  { profile: 'axis', model: 'P3818-PVE' },
  { profile: 'hikvision', model: 'DS-2CD2043G2-I' },
  { profile: 'hikvision', model: 'DS-2CD2955FWD-IS' },
  { profile: 'dahua', model: 'IPC-HDW2431T-AS-S2' },
  { profile: 'dahua', model: 'IPC-HFW2831S-S-S2' },
  { profile: 'reolink', model: 'E1Zoom' },
  { profile: 'reolink', model: 'RLC-810A' },
  { profile: 'soap11-oem' },
  { profile: 'hikvision', name: '<img src=x onerror=alert(1)>' },
  { profile: 'windows-pc' },
  { profile: 'garbage' },
  { id: 'late', profile: 'axis', model: 'Q3819-PVE', stopped: true },
];

async function main(): Promise<void> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.error('The demo builds Linux network namespaces, so run it as root on Linux (sudo npm run demo).');
    process.exit(1);
  }
  const server = join(REPO_ROOT, 'dist', 'electron', 'server.js');
  if (!existsSync(server)) throw new Error('dist/electron/server.js is missing; run `npm run build` first.');
  const lab = await createLab({ prefix: 'cfdemo', cameras: CAMERAS, camerasPerNamespace: 4 });
  console.log(`Lab up: ${lab.cameras.length} devices on 198.18.0.0/16, technician at ${lab.techIp} (${lab.techNs}).`);
  const app = lab.runInTech(process.execPath, [server, '--port', String(PORT), '--interface', lab.techIface], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const forward = await forwardLoopbackInto(lab.techNs, PORT);
  let shown = false;
  createInterface({ input: app.stdout! }).on('line', (line) => {
    console.log(`[app] ${line}`);
    const url = /https?:\/\/\S*token=\S+/.exec(line)?.[0];
    if (url && !shown) {
      shown = true;
      const u = new URL(url);
      console.log(
        `\nOpen http://127.0.0.1:${PORT}${u.pathname}${u.search}\n(camera "late" plugs in 30 s from now; Ctrl-C stops the demo)\n`,
      );
    }
  });
  const late = setTimeout(() => void lab.sim.startCamera('late').then(() => console.log('Camera "late" sent Hello.')), 30_000);

  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why} Tearing the lab down…`);
    clearTimeout(late);
    forward.close();
    app.kill('SIGTERM');
    await lab.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Interrupted.'));
  process.on('SIGTERM', () => void stop('Terminated.'));
  app.on('exit', (code) => void stop(`The app exited (code ${code}).`));
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
