/**
 * Real LAN peers from Debian packages (issue #10 item 8), each in a lab namespace of its own on the lab bridge:
 * avahi-daemon publishing an Axis-like `_axis-video._tcp` service from a static service file, minidlna (a real
 * UPnP MediaServer that answers SSDP) and wsdd (a real WS-Discovery responder for a PC). Every daemon runs only
 * inside its namespace, with its config, pid and state files under a temp dir; `/run` and avahi's service
 * directory are bind-mounted from that dir inside the private mount namespace `ip netns exec` gives each
 * command, so nothing of the host's is read or written. `stop()` kills it and removes the dir; the lab's own
 * cleanup kills whatever still runs in its namespaces.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from './cleanup.js';
import { ipBatchIn, killQuietly, netnsBatch } from './ip.js';
import type { Lab } from './lab.js';
import { BRIDGE, CAMERA_LOWER } from './topology.js';

export type PeerName = 'avahi' | 'minidlna' | 'wsdd';

export interface Peer {
  name: PeerName;
  ns: string;
  ip: string;
  mac: string;
  /** the daemon's pid (`ip netns exec` execs it) */
  pid: number;
  /** its stdout/stderr so far (bounded), for a failing test's message */
  log(): string;
  stop(): Promise<void>;
}

/** Where each package puts its daemon on Debian bookworm/trixie. */
export const PEER_BINARIES: Record<PeerName, string> = {
  avahi: '/usr/sbin/avahi-daemon',
  minidlna: '/usr/sbin/minidlnad',
  wsdd: '/usr/sbin/wsdd',
};

/** Null when every daemon asked for is installed, else what is missing and how .ci/run installs it. */
export function missingPeers(names: PeerName[]): string | null {
  const missing = names.filter((n) => !existsSync(PEER_BINARIES[n]));
  if (missing.length === 0) return null;
  return `${missing.map((n) => PEER_BINARIES[n]).join(', ')} not installed (.ci/run installs avahi-daemon, minidlna and wsdd with apt-get)`;
}

/** Peer namespaces are <prefix>-c8xx (isLabNamespace removes them with the lab); addresses 198.18.7.x. */
const PEER_SLOT: Record<PeerName, number> = { avahi: 1, minidlna: 2, wsdd: 3 };
export const peerIp = (name: PeerName): string => `198.18.7.${PEER_SLOT[name]}`;

async function addPeerNamespace(lab: Lab, name: PeerName, mac: string): Promise<string> {
  const k = 800 + PEER_SLOT[name];
  const ns = `${lab.prefix}-c${k}`;
  await netnsBatch('add', [ns]);
  await ipBatchIn(lab.switchNs, [
    `link add p${k} type veth peer name ${CAMERA_LOWER} address ${mac} netns ${ns}`,
    `link set p${k} master ${BRIDGE}`,
    `link set p${k} up`,
  ]);
  await ipBatchIn(ns, ['link set lo up', `link set ${CAMERA_LOWER} up`, `addr add ${peerIp(name)}/16 dev ${CAMERA_LOWER}`]);
  return ns;
}

const MAX_LOG = 64 * 1024;

/** `ready`: a line the daemon logs once it serves, or a number of ms it must stay up (for one that logs nothing). */
function startIn(ns: string, name: PeerName, script: string, dir: string, mac: string, ip: string, ready: RegExp | number): Promise<Peer> {
  const timeoutMs = typeof ready === 'number' ? ready : 10_000;
  const child: ChildProcess = spawn('ip', ['netns', 'exec', ns, 'sh', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const unregister = registerCleanup(`peer:${ns}`, () => {
    if (child.pid) killQuietly(child.pid);
    rmSync(dir, { recursive: true, force: true });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
    unregister();
  };
  return new Promise<Peer>((resolve, reject) => {
    const peer: Peer = { name, ns, ip, mac, pid: child.pid ?? -1, log: () => log, stop };
    const timer = setTimeout(() => {
      if (typeof ready === 'number') return resolve(peer);
      void stop();
      reject(new Error(`${name} did not come up in ${ns} within ${timeoutMs} ms: ${log.slice(-2000)}`));
    }, timeoutMs);
    const onData = (d: Buffer): void => {
      log = (log + d.toString('utf8')).slice(-MAX_LOG);
      if (typeof ready !== 'number' && ready.test(log)) {
        clearTimeout(timer);
        resolve(peer);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited in ${ns} (${code ?? signal}): ${log.slice(-2000)}`));
    });
  });
}

const tempDir = (name: PeerName): string => mkdtempSync(join(tmpdir(), `cf-peer-${name}-`));

/**
 * avahi-daemon with D-Bus off, only on the peer's interface, IPv4 only, publishing `instance` as an
 * `_axis-video._tcp` service on port 80 with TXT `macaddress=<12 hex>` from a static service file.
 */
export async function startAvahi(lab: Lab, opts: { mac: string; instance: string }): Promise<Peer> {
  const ns = await addPeerNamespace(lab, 'avahi', opts.mac);
  const dir = tempDir('avahi');
  const hex = opts.mac.replaceAll(':', '').toUpperCase();
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'services'));
  writeFileSync(
    join(dir, 'avahi-daemon.conf'),
    [
      '[server]',
      `host-name=axis-${hex.toLowerCase()}`,
      'domain-name=local',
      'use-ipv4=yes',
      'use-ipv6=no',
      `allow-interfaces=${CAMERA_LOWER}`,
      'enable-dbus=no',
      'ratelimit-interval-usec=1000000',
      'ratelimit-burst=1000',
      '[wide-area]',
      'enable-wide-area=no',
      '[publish]',
      'publish-hinfo=no',
      'publish-workstation=no',
      '[reflector]',
      'enable-reflector=no',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'services', 'axis-video.service'),
    `<?xml version="1.0" standalone='no'?>\n<!DOCTYPE service-group SYSTEM "avahi-service.dtd">\n<service-group>\n` +
      `  <name>${opts.instance}</name>\n  <service>\n    <type>_axis-video._tcp</type>\n    <port>80</port>\n` +
      `    <txt-record>macaddress=${hex}</txt-record>\n  </service>\n</service-group>\n`,
  );
  // The mounts live in this command's private mount namespace only (ip netns exec makes / a slave mount).
  const script =
    `mount --bind ${dir}/run /run && mount --bind ${dir}/services /etc/avahi/services && ` +
    `exec ${PEER_BINARIES.avahi} -f ${dir}/avahi-daemon.conf --no-drop-root --no-chroot --no-rlimits --no-proc-title`;
  return startIn(ns, 'avahi', script, dir, opts.mac, peerIp('avahi'), /successfully established/);
}

/** minidlna serving an empty video folder as `friendlyName`, its database, log and pid under its temp dir. */
export async function startMinidlna(lab: Lab, opts: { mac: string; friendlyName: string }): Promise<Peer> {
  const ns = await addPeerNamespace(lab, 'minidlna', opts.mac);
  const dir = tempDir('minidlna');
  for (const d of ['media', 'db', 'log']) mkdirSync(join(dir, d));
  writeFileSync(
    join(dir, 'minidlna.conf'),
    [
      `media_dir=V,${dir}/media`,
      `db_dir=${dir}/db`,
      `log_dir=${dir}/log`,
      `network_interface=${CAMERA_LOWER}`,
      'port=8200',
      `friendly_name=${opts.friendlyName}`,
      'inotify=no',
      'notify_interval=30',
      'log_level=general,artwork,database,inotify,scanner,metadata,http,ssdp,tivo=warn',
      '',
    ].join('\n'),
  );
  // -S: stay in the foreground (as under systemd); -d would also log every request.
  const script = `exec ${PEER_BINARIES.minidlna} -S -f ${dir}/minidlna.conf -P ${dir}/minidlna.pid -r`;
  // At log level warn minidlna prints nothing when all is well: it is ready when it is still up after 1.5 s.
  return startIn(ns, 'minidlna', script, dir, opts.mac, peerIp('minidlna'), 1500);
}

/** wsdd announcing a Windows-like PC (`pub:Computer`) named `hostname`, IPv4 only, on the peer's interface. */
export async function startWsdd(lab: Lab, opts: { mac: string; hostname: string }): Promise<Peer> {
  const ns = await addPeerNamespace(lab, 'wsdd', opts.mac);
  const dir = tempDir('wsdd');
  const script = `cd ${dir} && exec ${PEER_BINARIES.wsdd} -4 -i ${CAMERA_LOWER} -n ${opts.hostname} -w LABGROUP -v`;
  return startIn(ns, 'wsdd', script, dir, opts.mac, peerIp('wsdd'), /joined multicast group|new socket|starting/i);
}
