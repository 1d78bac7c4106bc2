import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createInterface } from 'node:readline';
import { parseProbe, probeMatchesProfile } from './probe-parse.js';
import { getProfile, type Profile } from './profiles.js';
import type { SimAgentState, SimCameraConfig, SimCommand, SimConfig, SimEvent } from './sim-protocol.js';
import { ProvisioningCamera } from './provisioning/provisioning-camera.js';
import { cloudUrlOf, httpAsk, httpConnect } from './provisioning/http-camera-side.js';
import { scaledClock } from './provisioning/scaled-clock.js';
import { startCameraDevice, type CameraDevice } from './camera-device.js';
import { startMdns, type MdnsResponder } from './mdns/mdns-responder.js';
import { startSsdp, type SsdpResponder } from './ssdp/ssdp-responder.js';

// Camera simulator process: run inside a lab namespace (`ip netns exec <ns> ...`), never in the root namespace —
// it joins 239.255.255.250 and 224.0.0.251 and sends Hello/Bye, SSDP NOTIFY and mDNS announcements by multicast.
// Each camera speaks the protocols its profile speaks (profiles/*.ts): WS-Discovery always, SSDP and mDNS if set.
const GROUP = '239.255.255.250';
const PORT = 3702;
const instanceId = Math.floor(Date.now() / 1000);

type Cam = {
  cfg: SimCameraConfig;
  profile: Profile;
  socket: Socket;
  messageNumber: number;
  cloud: ProvisioningCamera | null;
  /** ONVIF device service (+ VAPIX) on <ip>:80, issue #8; it keeps serving while WS-Discovery is stopped. */
  device: CameraDevice | null;
};

const emit = (e: SimEvent): void => void process.stdout.write(`${JSON.stringify(e)}\n`);

function bind(socket: Socket, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: PORT, address, exclusive: false }, () => {
      socket.off('error', reject);
      socket.on('error', (err) => emit({ event: 'error', message: String(err) }));
      resolve();
    });
  });
}

const send = (cam: Cam, msg: Buffer, port: number, address: string): Promise<void> =>
  new Promise((resolve) => cam.socket.send(msg, port, address, () => resolve()));

const ctx = (cam: Cam, relatesTo = ''): { relatesTo: string; instanceId: number; messageNumber: number } => ({
  relatesTo,
  instanceId,
  messageNumber: ++cam.messageNumber,
});

function answer(cams: Cam[], data: Buffer, from: RemoteInfo, maxDelayMs: number): void {
  const probe = parseProbe(data.toString('utf8'));
  if (!probe) return;
  for (const cam of cams) {
    if (!cam.cfg.running || !probeMatchesProfile(probe, cam.profile)) continue;
    // Targets wait a random 0–APP_MAX_DELAY before answering a multicast probe (SOAP-over-UDP).
    setTimeout(() => {
      if (cam.cfg.running) void send(cam, cam.profile.probeMatches(cam.cfg, ctx(cam, probe.messageId)), from.port, from.address);
    }, Math.random() * maxDelayMs);
  }
}

async function openCamera(cfg: SimCameraConfig, maxDelayMs: number): Promise<Cam> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  const holder: { cam?: Cam } = {};
  const device = await startCameraDevice(cfg, { agentRestarted: (token) => holder.cam && agentTookToken(holder.cam, token) });
  const cam: Cam = { cfg, profile: getProfile(cfg.profile), socket, messageNumber: 0, cloud: provisioningLoop(cfg, device), device };
  holder.cam = cam;
  await bind(socket, cfg.ip);
  socket.setMulticastInterface(cfg.ip);
  socket.setMulticastTTL(1);
  socket.setMulticastLoopback(false);
  // Unicast probes to <camera ip>:3702 land on this socket; only this camera answers them.
  socket.on('message', (data, from) => answer([cam], data, from, maxDelayMs));
  return cam;
}

/**
 * The seed's polling loop (test/sim/provisioning) against the cloud simulator, on a sped-up clock. Every poll
 * and state change is reported on stdout so a lab test can watch the camera ask, get its token and connect.
 */
function provisioningLoop(cfg: SimCameraConfig, device: CameraDevice | null): ProvisioningCamera | null {
  const p = cfg.provisioning;
  if (!p) return null;
  const serialId = serialIdOf(cfg);
  const ask = httpAsk(p.url, p.variant);
  const camera: ProvisioningCamera = new ProvisioningCamera({
    clock: scaledClock(p.timeScale),
    serialId,
    password: p.password,
    ask: async (id, password) => {
      emit({ event: 'cloud', id: cfg.id, state: 'polling', polls: camera.polls });
      return ask(id, password);
    },
    connect: async (token, id) => {
      // A token fetched by polling is stored where a written one lives: the agent's CloudToken parameter.
      const agent = device?.agent;
      if (agent && agent.state.cloudToken !== token) agent.state.cloudToken = token;
      emit({ event: 'cloud', id: cfg.id, state: 'connecting', polls: camera.polls });
      const accepted = await httpConnect(cloudUrlOf(token, p.url))(token, id);
      emit({ event: 'cloud', id: cfg.id, state: accepted ? 'online' : 'rejected', polls: camera.polls });
      return accepted;
    },
  });
  return camera;
}

const serialIdOf = (cfg: SimCameraConfig): string => cfg.provisioning?.serialId ?? cfg.mac.replaceAll(':', '').toUpperCase();

/** A camera with the agent but without a provisioning loop connects straight away (no polling to stop). */
async function connectDirectly(cam: Cam, token: string): Promise<void> {
  const url = cloudUrlOf(token, cam.cfg.provisioning?.url);
  if (!url) return;
  emit({ event: 'cloud', id: cam.cfg.id, state: 'connecting', polls: 0 });
  const accepted = await httpConnect(url)(token, serialIdOf(cam.cfg));
  emit({ event: 'cloud', id: cam.cfg.id, state: accepted ? 'online' : 'rejected', polls: 0 });
}

/**
 * The agent (re)started holding `token`: a token → it connects with it, and the polling loop stops for good
 * (ProvisioningCamera.writeToken: no poll while holding a token); none → polling starts again from the minutely phase.
 */
function agentTookToken(cam: Cam, token: string): void {
  if (!cam.cfg.running) return;
  if (!token) {
    cam.cloud?.reset();
    return;
  }
  if (cam.cloud) cam.cloud.writeToken(token);
  else void connectDirectly(cam, token);
}

/** Power on: an agent that holds a token connects with it; a camera without one polls (from `startedAgoMs`). */
function powerOn(cam: Cam): void {
  const agent = cam.device?.agent;
  const held = agent && agent.state.agent === 'running' ? agent.state.cloudToken : '';
  if (held && agent) {
    agent.connections.push(held);
    agentTookToken(cam, held);
  } else cam.cloud?.start(cam.cfg.provisioning?.startedAgoMs ?? 0);
}

function agentState(cam: Cam): SimAgentState | null {
  const agent = cam.device?.agent;
  if (!agent) return null;
  const { state } = agent;
  return {
    agent: state.agent,
    cloudToken: state.cloudToken,
    restarts: state.restarts,
    connections: [...agent.connections],
    faults: { ...agent.faults },
    requests: state.requests,
    failures: state.failures,
  };
}

/** The SSDP and mDNS sides of this process (set in main before any command is read). */
let ssdp: SsdpResponder | null = null;
let mdns: MdnsResponder | null = null;

const hello = async (cam: Cam): Promise<void> => {
  await send(cam, cam.profile.hello(cam.cfg, ctx(cam)), PORT, GROUP);
  await ssdp?.alive(cam.cfg.id);
  await mdns?.announce(cam.cfg.id);
};
const bye = async (cam: Cam): Promise<void> => {
  await send(cam, cam.profile.bye(cam.cfg, ctx(cam)), PORT, GROUP);
  await ssdp?.byebye(cam.cfg.id);
  await mdns?.goodbye(cam.cfg.id);
};

async function command(cams: Map<string, Cam>, cmd: SimCommand): Promise<void> {
  if (cmd.cmd === 'quit') {
    await Promise.all([...cams.values()].filter((c) => c.cfg.running).map(bye));
    emit({ event: 'quit' });
    process.exit(0);
  }
  const cam = cams.get(cmd.id);
  if (!cam) return emit({ event: 'error', id: cmd.id, message: `no camera ${cmd.id} in this simulator` });
  if (cmd.cmd === 'device-state') return emit({ event: 'device-state', id: cmd.id, state: cam.device?.state() ?? null });
  if (cmd.cmd === 'agent') {
    const agent = cam.device?.agent;
    if (agent && cmd.faults) {
      for (const key of ['write', 'readBack', 'restart'] as const) {
        const n = cmd.faults[key];
        if (n !== undefined) agent.faults[key] = Math.max(0, Math.min(1000, Math.floor(n)));
      }
    }
    if (agent && cmd.token !== undefined) {
      // As if provisioned earlier and the agent restarted: it holds the token and connects with it.
      agent.state.cloudToken = cmd.token;
      agent.state.agent = 'running';
      if (cmd.token) agent.connections.push(cmd.token);
      agentTookToken(cam, cmd.token);
    }
    return emit({ event: 'agent', id: cmd.id, state: agentState(cam) });
  }
  if (cmd.cmd === 'start') {
    cam.cfg.running = true;
    await hello(cam);
    powerOn(cam);
    emit({ event: 'started', id: cmd.id });
  } else {
    if (cam.cfg.running) await bye(cam);
    cam.cfg.running = false;
    cam.cloud?.stop();
    emit({ event: 'stopped', id: cmd.id });
  }
}

async function readConfig(lines: AsyncIterator<string>): Promise<SimConfig> {
  const arg = process.argv[2];
  if (arg !== undefined) return JSON.parse(arg) as SimConfig;
  const first = await lines.next();
  return JSON.parse(String(first.value)) as SimConfig;
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const config = await readConfig(lines);
  const maxDelayMs = config.maxDelayMs ?? 500;
  const list = await Promise.all(config.cameras.map((c) => openCamera(c, maxDelayMs)));
  const cams = new Map(list.map((c) => [c.cfg.id, c]));
  const listener = createSocket({ type: 'udp4', reuseAddr: true });
  await bind(listener, '0.0.0.0');
  // One membership is enough: with macvlan, group traffic reaches every camera interface of the namespace.
  listener.addMembership(GROUP, config.joinIp ?? list[0]?.cfg.ip ?? '0.0.0.0');
  listener.on('message', (data, from) => answer(list, data, from, maxDelayMs));
  const joinIp = config.joinIp ?? list[0]?.cfg.ip ?? '0.0.0.0';
  const onError = (message: string): void => emit({ event: 'error', message });
  ssdp = await startSsdp(list, joinIp, onError);
  mdns = await startMdns(list, joinIp, onError);
  await Promise.all(list.filter((c) => c.cfg.running).map(hello));
  emit({ event: 'ready', pid: process.pid });
  list.filter((c) => c.cfg.running).forEach(powerOn);
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    try {
      await command(cams, JSON.parse(next.value) as SimCommand);
    } catch (err) {
      emit({ event: 'error', message: String(err) });
    }
  }
  // stdin closed: the lab that started us is gone; leave without Bye.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`camera-sim: ${String(err)}\n`);
  process.exit(1);
});
