import { parseArgs } from 'node:util';
import { createWsdSource } from '../../../../electron/core/discovery/wsd/source.js';
import { deviceServiceUrl } from '../../../../electron/core/devices/identify/identify-camera.js';
import { createOnvifClient } from '../../../../electron/core/devices/onvif/client.js';
import type { Observation } from '../../../../electron/core/inventory/observation.js';
import { createNodeHttpClient } from '../../../../electron/platform/http.js';
import { systemClock } from '../../../../electron/platform/clock.js';
import { silentLogger } from '../../../../electron/platform/logger.js';
import { listIpv4Interfaces } from '../../../../electron/platform/network.js';
import { createUdpSocket } from '../../../../electron/platform/udp.js';

// Lab tool, run only inside the technician namespace: one real WS-Discovery scan (our source, our UDP adapter, the
// OS's interface list) on one interface; prints the interface, every observation and the stats as JSON lines.
const { values } = parseArgs({
  options: { iface: { type: 'string' }, ms: { type: 'string', default: '2500' }, identify: { type: 'string' } },
});
const interfaces = listIpv4Interfaces().filter((i) => i.name === values.iface);
if (interfaces.length !== 1) throw new Error(`scan needs --iface naming one interface of this namespace, got ${values.iface}`);
const out = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
out({ interface: interfaces[0] });
const observations: Observation[] = [];
const source = createWsdSource();
const stats = await source.scan(
  {
    interfaces,
    udp: createUdpSocket,
    clock: systemClock,
    log: silentLogger,
    report: (observation) => {
      observations.push(observation);
      out({ observation });
    },
  },
  Number(values.ms),
  new AbortController().signal,
);
out({ stats });
await source.close();
// With --identify: ask every camera heard only over IPv6 (a zoned link-local IP) for its ONVIF identity, at the
// device-service URL identify would use, over the real HTTP adapter.
if (values.identify) {
  const http = createNodeHttpClient();
  for (const o of observations.filter((x) => x.ip?.includes('%') && x.onvif)) {
    const xaddr = deviceServiceUrl(o.ip!, o.onvif!.xaddrs);
    const client = createOnvifClient({ http, clock: systemClock, xaddr });
    const time = await client.readClock();
    const who = time.ok ? await client.identify({ username: 'admin', password: values.identify }, time.value) : time;
    out({ identified: { endpoint: o.endpoint, xaddr, result: who.ok ? { info: who.value.info, mac: who.value.mac } : who } });
  }
}
