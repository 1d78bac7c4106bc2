import { parseArgs } from 'node:util';
import { createWsdSource } from '../../../../electron/core/discovery/wsd/source.js';
import { systemClock } from '../../../../electron/platform/clock.js';
import { silentLogger } from '../../../../electron/platform/logger.js';
import { listIpv4Interfaces } from '../../../../electron/platform/network.js';
import { createUdpSocket } from '../../../../electron/platform/udp.js';

// Lab tool, run only inside the technician namespace: one real WS-Discovery scan (our source, our UDP adapter, the
// OS's interface list) on one interface; prints the interface, every observation and the stats as JSON lines.
const { values } = parseArgs({ options: { iface: { type: 'string' }, ms: { type: 'string', default: '2500' } } });
const interfaces = listIpv4Interfaces().filter((i) => i.name === values.iface);
if (interfaces.length !== 1) throw new Error(`scan needs --iface naming one interface of this namespace, got ${values.iface}`);
const out = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
out({ interface: interfaces[0] });
const source = createWsdSource();
const stats = await source.scan(
  { interfaces, udp: createUdpSocket, clock: systemClock, log: silentLogger, report: (observation) => out({ observation }) },
  Number(values.ms),
  new AbortController().signal,
);
out({ stats });
await source.close();
