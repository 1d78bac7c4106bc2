import { getProfile, type ProfileName } from '../sim/profiles.js';
import type { SimCameraConfig, SimDevice, SimProvisioning } from '../sim/sim-protocol.js';
import { LAB_PREFIX_LEN, cameraIp, cameraMac } from './addressing.js';

/** What a test asks for. */
export type CameraSpec = {
  id?: string;
  profile: ProfileName;
  /** raw name scope value (percent-encoded by the sim as a device would); default: the vendor's usual name */
  name?: string;
  model?: string;
  /** create the camera silent; it announces itself (Hello) on SimControl.startCamera */
  stopped?: boolean;
  /** DoorBird-like empty RelatesTo */
  emptyRelatesTo?: boolean;
  /** Run the seed's provisioning loop (no token yet) against the lab's cloud simulator. */
  provisioning?: SimProvisioning;
  /** Serve the ONVIF device service (and VAPIX on Axis) on <ip>:80 with these logins (issue #8). */
  device?: SimDevice;
};

/** One camera namespace and the cameras in it. */
export type NsPlan = { ns: string; port: string; shared: boolean; cameras: SimCameraConfig[] };

export const BRIDGE = 'br0';
export const CAMERA_LOWER = 'eth0';

/** Assigns IPs, MACs, interfaces and namespaces; camera n gets cameraIp(n) whatever namespace it lands in. */
export function planNamespaces(prefix: string, specs: CameraSpec[], perNs: number, firstCamera: number, firstNs: number): NsPlan[] {
  const plans: NsPlan[] = [];
  specs.forEach((spec, i) => {
    const n = firstCamera + i;
    const k = firstNs + Math.floor(i / perNs);
    let plan = plans[plans.length - 1];
    if (!plan || plan.ns !== `${prefix}-c${k}`) {
      plan = { ns: `${prefix}-c${k}`, port: `p${k}`, shared: perNs > 1, cameras: [] };
      plans.push(plan);
    }
    const profile = getProfile(spec.profile);
    const mac = cameraMac(profile.ouis, prefix, n);
    const id = spec.id ?? `cam${n}`;
    plan.cameras.push({
      id,
      ip: cameraIp(n),
      mac,
      model: spec.model ?? profile.defaultModel,
      ...(spec.name === undefined ? {} : { name: spec.name }),
      uuid: profile.uuidFor(`${prefix}/${id}`, mac),
      ...(spec.emptyRelatesTo ? { emptyRelatesTo: true } : {}),
      ...(spec.provisioning ? { provisioning: spec.provisioning } : {}),
      ...(spec.device ? { device: spec.device } : {}),
      profile: spec.profile,
      iface: plan.shared ? `cam${plan.cameras.length + 1}` : CAMERA_LOWER,
      running: !spec.stopped,
    });
  });
  return plans;
}

/** Switch-namespace lines: the bridge (once) and one veth per namespace, peer moved straight into its namespace. */
export function switchLines(plans: NsPlan[], withBridge: { techNs: string; techIface: string } | undefined): string[] {
  const lines: string[] = [];
  if (withBridge) {
    lines.push(`link add ${BRIDGE} type bridge stp_state 0 forward_delay 0 mcast_snooping 0`, `link set ${BRIDGE} up`);
    lines.push(`link add ptech type veth peer name ${withBridge.techIface} netns ${withBridge.techNs}`);
    lines.push(`link set ptech master ${BRIDGE}`, 'link set ptech up');
  }
  for (const p of plans) {
    const single = p.shared ? '' : ` address ${p.cameras[0]?.mac}`;
    lines.push(`link add ${p.port} type veth peer name ${CAMERA_LOWER}${single} netns ${p.ns}`);
    lines.push(`link set ${p.port} master ${BRIDGE}`, `link set ${p.port} up`);
  }
  return lines;
}

/**
 * Lines run inside one camera namespace. Shared namespaces put each camera on its own macvlan (own MAC) and route
 * each camera's source address out of its own interface, so replies and ARP answers carry that camera's MAC.
 */
export function cameraNsLines(p: NsPlan): string[] {
  const lines = ['link set lo up', `link set ${CAMERA_LOWER} up`];
  p.cameras.forEach((c, j) => {
    if (p.shared) {
      lines.push(`link add link ${CAMERA_LOWER} name ${c.iface} address ${c.mac} type macvlan mode bridge`);
    }
    lines.push(`addr add ${c.ip}/${LAB_PREFIX_LEN} dev ${c.iface}`, `link set ${c.iface} up`);
    if (p.shared) {
      const table = 100 + j;
      lines.push(`rule add from ${c.ip} lookup ${table} pref ${table}`);
      lines.push(`route add 198.18.0.0/${LAB_PREFIX_LEN} dev ${c.iface} src ${c.ip} table ${table}`);
    }
  });
  return lines;
}

export const techLines = (iface: string, address: string): string[] => [
  'link set lo up',
  `addr add ${address} dev ${iface}`,
  `link set ${iface} up`,
];

/** ARP hygiene for shared namespaces: answer only for the address on the receiving interface. */
export const SHARED_NS_SYSCTLS = ['net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.all.arp_announce=2'];
