import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { ProfileName } from '../sim/profiles.js';
import { getProfile } from '../sim/profiles.js';
import { DEFAULT_TECH_ADDRESS, namespaceNames } from './addressing.js';
import { destroyLabByPrefix, destroyLabByPrefixSync, readBackMacs, startSims, wireNamespaces } from './build.js';
import { registerCleanup } from './cleanup.js';
import { exec, ipBatchIn, netnsBatch, type ExecResult } from './ip.js';
import type { SimAgentState, SimDeviceState } from '../sim/sim-protocol.js';
import type { AgentFaults } from '../sim/vapix/agent-camera.js';
import type { SimProcess } from './sim-process.js';
import { planNamespaces, switchLines, techLines, type CameraSpec, type NsPlan } from './topology.js';

export type { CameraSpec } from './topology.js';
export { destroyLabByPrefix } from './build.js';
export { readLinkMac, readLinks, readNeighbours, readProcNetArp } from './inspect.js';

export type LabCamera = {
  id: string;
  ns: string;
  iface: string;
  ip: string;
  /** read back from the kernel (`ip -j link`) */
  mac: string;
  profile: ProfileName;
  name?: string;
  model: string;
  /** EndpointReference address exactly as the camera writes it */
  epr: string;
  /** false while stopped (silent); toggled by SimControl */
  running: boolean;
};

export type SimControl = {
  /** camera sends Hello and answers probes again; resolves once the simulator acknowledged */
  startCamera(id: string): Promise<void>;
  /** camera sends Bye and falls silent */
  stopCamera(id: string): Promise<void>;
  /** wires a new single-camera namespace to the bridge; it sends Hello unless spec.stopped */
  addCamera(spec: CameraSpec): Promise<LabCamera>;
  /** pids of the simulator processes, e.g. to measure their memory */
  pids(): number[];
  /** What the cameras' provisioning loops reported (polls, token, connect), by camera id; `at`: when (lab clock, ms). */
  cloudEvents(id: string): { state: string; polls: number; at: number }[];
  /** The camera's ONVIF/VAPIX counters (failures, lockouts), or null when it serves no device service. */
  deviceState(id: string): Promise<SimDeviceState | null>;
  /**
   * The camera's VXG Cloud Agent (Axis with `device.vapix`): arm faults, give it a token (it connects with it),
   * or read its state with no fields. Null when the camera has no agent simulator.
   */
  agent(id: string, change?: { faults?: Partial<AgentFaults>; token?: string }): Promise<SimAgentState | null>;
};

export type Lab = {
  prefix: string;
  techNs: string;
  techIface: string;
  techIp: string;
  switchNs: string;
  cameras: LabCamera[];
  /** spawns `ip netns exec <techNs> <cmd> ...args`: the only place the app may send discovery traffic */
  runInTech(cmd: string, args: string[], opts?: SpawnOptions): ChildProcess;
  execInTech(cmd: string, args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<ExecResult>;
  sim: SimControl;
  destroy(): Promise<void>;
};

export type LabOptions = { prefix?: string; cameras: CameraSpec[]; camerasPerNamespace?: number; techAddress?: string };

/** Drives a camera's cloud agent simulator (faults, token) and reads its state back. */
export async function agentOf(
  sim: SimProcess | undefined,
  id: string,
  change: { faults?: Partial<AgentFaults>; token?: string } = {},
): Promise<SimAgentState | null> {
  if (!sim) throw new Error(`No camera ${id} in this lab.`);
  const e = await sim.request({ cmd: 'agent', id, ...change }, (ev) => ev.event === 'agent' && ev.id === id);
  if (e.event !== 'agent') throw new Error(`Camera ${id}'s agent did not answer: ${e.event === 'error' ? e.message : e.event}`);
  return e.state;
}

/** Asks a camera's simulator for its device-service counters. */
export async function deviceStateOf(sim: SimProcess | undefined, id: string): Promise<SimDeviceState | null> {
  if (!sim) throw new Error(`No camera ${id} in this lab.`);
  const e = await sim.request({ cmd: 'device-state', id }, (ev) => ev.event === 'device-state' && ev.id === id);
  if (e.event !== 'device-state')
    throw new Error(`Camera ${id} did not report its device state: ${e.event === 'error' ? e.message : e.event}`);
  return e.state;
}

const toLabCamera = (p: NsPlan): LabCamera[] =>
  p.cameras.map((c) => ({
    id: c.id,
    ns: p.ns,
    iface: c.iface,
    ip: c.ip,
    mac: c.mac,
    profile: c.profile,
    ...(c.name === undefined ? {} : { name: c.name }),
    model: c.model,
    epr: getProfile(c.profile).epr(c),
    running: c.running,
  }));

/**
 * Builds an isolated L2 network of simulated cameras plus a technician namespace (root only, Linux only).
 * Nothing is added to the root namespace; leftovers of an earlier run with the same prefix are removed first.
 * camerasPerNamespace defaults to 1 for up to 20 cameras and 25 above, to keep the process count small.
 */
export async function createLab(options: LabOptions): Promise<Lab> {
  const prefix = options.prefix ?? 'cf';
  const perNs = Math.max(1, options.camerasPerNamespace ?? (options.cameras.length <= 20 ? 1 : 25));
  const techAddress = options.techAddress ?? DEFAULT_TECH_ADDRESS;
  const names = namespaceNames(prefix);
  const techIface = 'lab0';
  const plans = planNamespaces(prefix, options.cameras, perNs, 1, 1);
  const sims = new Map<string, SimProcess>();
  const cameras: LabCamera[] = [];
  const simOf = new Map<string, SimProcess>();
  await destroyLabByPrefix(prefix);
  const unregister = registerCleanup(`lab:${prefix}`, () =>
    destroyLabByPrefixSync(
      prefix,
      [...sims.values()].map((s) => s.pid),
    ),
  );

  const track = async (newPlans: NsPlan[]): Promise<LabCamera[]> => {
    await readBackMacs(newPlans);
    const started = await startSims(newPlans);
    const added = newPlans.flatMap(toLabCamera);
    newPlans.forEach((p, i) => sims.set(p.ns, started[i] as SimProcess));
    for (const c of added) simOf.set(c.id, sims.get(c.ns) as SimProcess);
    cameras.push(...added);
    return added;
  };

  const destroy = async (): Promise<void> => {
    await Promise.all([...sims.values()].map((s) => s.quit()));
    await destroyLabByPrefix(prefix);
    unregister();
  };

  try {
    await netnsBatch('add', [names.sw, names.tech]);
    await ipBatchIn(names.sw, switchLines([], { techNs: names.tech, techIface }));
    await ipBatchIn(names.tech, techLines(techIface, techAddress));
    await wireNamespaces(names.sw, plans);
    await track(plans);
  } catch (err) {
    await destroy().catch(() => undefined);
    throw err;
  }

  const toggle = async (id: string, cmd: 'start' | 'stop'): Promise<void> => {
    const sim = simOf.get(id);
    if (!sim) throw new Error(`No camera ${id} in lab ${prefix}.`);
    const want = cmd === 'start' ? 'started' : 'stopped';
    const e = await sim.request({ cmd, id }, (ev) => ev.event === want && ev.id === id);
    if (e.event !== want) throw new Error(`Camera ${id} did not ${cmd}: ${e.event === 'error' ? e.message : e.event}`);
    const cam = cameras.find((c) => c.id === id);
    if (cam) cam.running = cmd === 'start';
  };

  let nsCount = plans.length;
  const addCamera = async (spec: CameraSpec): Promise<LabCamera> => {
    if (spec.id !== undefined && simOf.has(spec.id)) throw new Error(`Lab ${prefix} already has a camera ${spec.id}.`);
    const plan = planNamespaces(prefix, [spec], 1, cameras.length + 1, ++nsCount);
    await wireNamespaces(names.sw, plan);
    const [added] = await track(plan);
    return added as LabCamera;
  };

  return {
    prefix,
    techNs: names.tech,
    techIface,
    techIp: techAddress.split('/')[0] ?? techAddress,
    switchNs: names.sw,
    cameras,
    runInTech: (cmd, args, opts = {}) => spawn('ip', ['netns', 'exec', names.tech, cmd, ...args], opts),
    execInTech: (cmd, args, opts = {}) => exec('ip', ['netns', 'exec', names.tech, cmd, ...args], opts),
    sim: {
      startCamera: (id) => toggle(id, 'start'),
      stopCamera: (id) => toggle(id, 'stop'),
      addCamera,
      pids: () => [...sims.values()].map((s) => s.pid),
      cloudEvents: (id) => (simOf.get(id)?.cloudEvents ?? []).filter((e) => e.id === id),
      deviceState: (id) => deviceStateOf(simOf.get(id), id),
      agent: (id, change) => agentOf(simOf.get(id), id, change),
    },
    destroy,
  };
}
