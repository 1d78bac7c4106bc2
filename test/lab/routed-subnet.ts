/**
 * A second subnet behind a router (issue #8): `<prefix>-c950` routes between the lab bridge (198.18.0.254) and its
 * own bridge `br1` (198.19.0.1/16) where a few cameras live, one namespace each (`<prefix>-c951`…, removed with the
 * lab because isLabNamespace matches `-c<digits>`). The technician gets a route to 198.19.0.0/16 via the router.
 * Multicast does not cross it (no multicast routing), and the technician's neighbour table only ever holds the
 * router's MAC for that traffic — the hazard the app must not fall for: ONVIF is the only source of these MACs.
 */
import { getProfile } from '../sim/profiles.js';
import { cameraMac } from './addressing.js';
import { configureCameraNs, readBackMacs, startSims } from './build.js';
import { exec, ipBatchIn, netnsBatch } from './ip.js';
import { deviceStateOf, type Lab, type LabCamera } from './lab.js';
import { readLinkMac } from './inspect.js';
import type { SimProcess } from './sim-process.js';
import type { SimDeviceState } from '../sim/sim-protocol.js';
import { BRIDGE, CAMERA_LOWER, planNamespaces, type CameraSpec } from './topology.js';

export const ROUTER_LAB_IP = '198.18.0.254';
export const ROUTED_GATEWAY = '198.19.0.1';
export const ROUTED_SUBNET = '198.19.0.0/16';
const ROUTER_NS_INDEX = 950;

export interface RoutedSubnet {
  routerNs: string;
  /** The router's MAC on the lab bridge: what ARP gives for everything behind it. */
  routerMac: string;
  cameras: LabCamera[];
  deviceState(id: string): Promise<SimDeviceState | null>;
}

/** Camera i (1-based) behind the router: 198.19.1.i. */
export const routedCameraIp = (i: number): string => `198.19.1.${i}`;

export async function addRoutedSubnet(lab: Lab, specs: CameraSpec[]): Promise<RoutedSubnet> {
  if (specs.length > 40) throw new Error('The routed subnet holds at most 40 cameras (namespaces c951–c990).');
  const routerNs = `${lab.prefix}-c${ROUTER_NS_INDEX}`;
  // One namespace per camera; MACs come from a range the main lab does not use (n = 900 + i).
  const plans = specs.flatMap((spec, i) => planNamespaces(lab.prefix, [spec], 1, 900 + i + 1, ROUTER_NS_INDEX + 1 + i));
  plans.forEach((p, i) => {
    const cam = p.cameras[0];
    if (!cam) return;
    cam.ip = routedCameraIp(i + 1);
    cam.mac = cameraMac(getProfile(cam.profile).ouis, lab.prefix, 900 + i + 1);
  });
  await netnsBatch('add', [routerNs, ...plans.map((p) => p.ns)]);
  await ipBatchIn(lab.switchNs, [
    `link add p${ROUTER_NS_INDEX} type veth peer name ${CAMERA_LOWER} netns ${routerNs}`,
    `link set p${ROUTER_NS_INDEX} master ${BRIDGE}`,
    `link set p${ROUTER_NS_INDEX} up`,
  ]);
  const routerLines = [
    'link set lo up',
    `addr add ${ROUTER_LAB_IP}/16 dev ${CAMERA_LOWER}`,
    `link set ${CAMERA_LOWER} up`,
    'link add br1 type bridge stp_state 0 forward_delay 0',
    `addr add ${ROUTED_GATEWAY}/16 dev br1`,
    'link set br1 up',
  ];
  plans.forEach((p, i) => {
    const cam = p.cameras[0];
    routerLines.push(`link add r${i + 1} type veth peer name ${CAMERA_LOWER} address ${cam?.mac} netns ${p.ns}`);
    routerLines.push(`link set r${i + 1} master br1`, `link set r${i + 1} up`);
  });
  await ipBatchIn(routerNs, routerLines);
  const fwd = await exec('ip', ['netns', 'exec', routerNs, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
  if (fwd.code !== 0) throw new Error(`sysctl in ${routerNs} failed: ${fwd.stderr.trim()}`);
  await Promise.all(
    plans.map(async (p) => {
      await configureCameraNs(p);
      await ipBatchIn(p.ns, [`route add default via ${ROUTED_GATEWAY}`]);
    }),
  );
  await ipBatchIn(lab.techNs, [`route add ${ROUTED_SUBNET} via ${ROUTER_LAB_IP}`]);
  await readBackMacs(plans);
  const sims: SimProcess[] = await startSims(plans);
  const simOf = new Map<string, SimProcess>();
  plans.forEach((p, i) => p.cameras.forEach((c) => simOf.set(c.id, sims[i] as SimProcess)));
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
  return {
    routerNs,
    routerMac: await readLinkMac(routerNs, CAMERA_LOWER),
    cameras,
    deviceState: (id) => deviceStateOf(simOf.get(id), id),
  };
}
