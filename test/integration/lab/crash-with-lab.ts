import { createLab } from '../../lab/lab.js';

// Helper process for lab-lifecycle.spec.ts: brings a lab up, then dies by an uncaught exception ('throw') or
// waits to be killed by a signal ('wait'). The lab's exit hooks must remove its namespaces either way.
const [prefix = 'cfe', mode = 'throw'] = process.argv.slice(2);
await createLab({ prefix, cameras: [{ profile: 'axis' }, { profile: 'hikvision' }], camerasPerNamespace: 2 });
process.stdout.write('lab-up\n');
if (mode === 'throw')
  setTimeout(() => {
    throw new Error('test failure while the lab is up');
  }, 200);
else setInterval(() => undefined, 1000);
