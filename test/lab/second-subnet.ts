/**
 * A second camera subnet on its own bridge, reached by a second technician interface (issue #10: "a technician
 * with three interfaces"). `br1` in the switch namespace, the technician's `lab1` at 198.19.0.2/17, cameras at
 * 198.19.1.i in `<prefix>-c7xx` (removed with the lab). No router: this subnet is on-link for the technician,
 * so multicast and ARP work on it as on the first. Do not combine with addRoutedSubnet (both use 198.19.x).
 */
import { getProfile } from '../sim/profiles.js';
import { cameraMac } from './addressing.js';
import { readBackMacs, startSims } from './build.js';
import { ipBatchIn, netnsBatch } from './ip.js';
import type { Lab, LabCamera } from './lab.js';
import type { SimProcess } from './sim-process.js';
import { CAMERA_LOWER, planNamespaces, type CameraSpec } from './topology.js';

export const SECOND_IFACE = 'lab1';
export const SECOND_TECH_ADDRESS = '198.19.0.2/17';
export const SECOND_SUBNET = '198.19.0.0/17';
const FIRST_NS = 701;

export interface SecondSubnet {
  iface: string;
  cameras: LabCamera[];
  sims: SimProcess[];
}

export async function addSecondSubnet(lab: Lab, specs: CameraSpec[]): Promise<SecondSubnet> {
  if (specs.length > 40) throw new Error('The second subnet holds at most 40 cameras (namespaces c701–c740).');
  const plans = specs.flatMap((spec, i) => planNamespaces(lab.prefix, [spec], 1, 700 + i + 1, FIRST_NS + i));
  plans.forEach((p, i) => {
    const cam = p.cameras[0];
    if (!cam) return;
    cam.ip = `198.19.1.${i + 1}`;
    cam.mac = cameraMac(getProfile(cam.profile).ouis, lab.prefix, 700 + i + 1);
  });
  await netnsBatch(
    'add',
    plans.map((p) => p.ns),
  );
  const sw = ['link add br1 type bridge stp_state 0 forward_delay 0 mcast_snooping 0', 'link set br1 up'];
  sw.push(`link add ptech1 type veth peer name ${SECOND_IFACE} netns ${lab.techNs}`, 'link set ptech1 master br1', 'link set ptech1 up');
  plans.forEach((p, i) => {
    const k = FIRST_NS + i;
    sw.push(`link add q${k} type veth peer name ${CAMERA_LOWER} address ${p.cameras[0]?.mac} netns ${p.ns}`);
    sw.push(`link set q${k} master br1`, `link set q${k} up`);
  });
  await ipBatchIn(lab.switchNs, sw);
  await ipBatchIn(lab.techNs, [`addr add ${SECOND_TECH_ADDRESS} dev ${SECOND_IFACE}`, `link set ${SECOND_IFACE} up`]);
  await Promise.all(
    plans.map((p) =>
      ipBatchIn(p.ns, ['link set lo up', `link set ${CAMERA_LOWER} up`, `addr add ${p.cameras[0]?.ip}/17 dev ${CAMERA_LOWER}`]),
    ),
  );
  await readBackMacs(plans);
  const sims = await startSims(plans);
  const cameras: LabCamera[] = plans.flatMap((p) =>
    p.cameras.map((c) => ({
      id: c.id,
      ns: p.ns,
      iface: c.iface,
      ip: c.ip,
      mac: c.mac,
      profile: c.profile,
      model: c.model,
      epr: getProfile(c.profile).epr(c),
      running: c.running,
    })),
  );
  return { iface: SECOND_IFACE, cameras, sims };
}

/**
 * Holds /dev/net/tun open as a VPN client does (TUNSETIFF, IFF_TUN | IFF_NO_PI) and never sends: the adapter has
 * carrier (an unheld tun is down and invisible to the OS's interface list) but carries no traffic.
 */
const TUN_HOLDER = [
  'import fcntl, os, struct, sys',
  "fd = os.open('/dev/net/tun', os.O_RDWR)",
  "fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', sys.argv[1].encode(), 0x0001 | 0x1000))",
  "print('held', flush=True)",
  'sys.stdin.read()',
].join('\n');

/**
 * An idle VPN adapter in the technician namespace: a tun device held by a client that sends nothing (connected,
 * idle), up, with an address outside both camera subnets. Gone when the holder exits (lab cleanup kills it).
 */
export async function addIdleVpn(lab: Lab, name = 'tun0', address = '198.19.200.1/24'): Promise<string> {
  const holder = lab.runInTech('python3', ['-c', TUN_HOLDER, name], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  holder.stderr?.on('data', (d) => (err = (err + String(d)).slice(-2000)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the tun holder did not start: ${err}`)), 10_000);
    holder.once('exit', (code) => reject(new Error(`the tun holder exited (${code}): ${err}`)));
    holder.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await ipBatchIn(lab.techNs, [`addr add ${address} dev ${name}`, `link set ${name} up`]);
  return name;
}
