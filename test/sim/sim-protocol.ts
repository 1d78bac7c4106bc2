import type { AuthMode } from './onvif-device/device.js';
import type { ProfileName, SimCamera } from './profile-types.js';
import type { AgentFaults } from './vapix/agent-camera.js';
import type { AgentInstall } from './vapix/vapix.js';

/**
 * The seed's provisioning loop for a camera without a token (test/sim/provisioning). `timeScale` speeds the
 * camera's clock up (600: a minute in 100 ms, an hour in 6 s); `startedAgoMs` (camera time) puts it further into
 * its schedule, e.g. 20 minutes: already in the hourly phase.
 */
export type SimProvisioning = {
  /** The provisioning service and cloud connection point, e.g. http://198.18.0.10:8080 (the cloud simulator). */
  url: string;
  variant: 'get-token-post' | 'token-get';
  password: string;
  timeScale: number;
  startedAgoMs?: number;
  /** The ID it asks with; default its MAC as 12 upper-case hex digits. */
  serialId?: string;
};

/**
 * The camera's ONVIF device service (and, for Axis, VAPIX) on <camera ip>:80 — issue #8's login lab. The MAC it
 * reports in GetNetworkInterfaces is the camera's own interface MAC (the macvlan's), never a configured one.
 */
export type SimDevice = {
  /** 'ws-security' | 'digest-md5' | 'digest-sha256+md5' | 'both' (test/sim/onvif-device/device.ts) */
  auth: AuthMode;
  /** user name → password */
  users: Record<string, string>;
  /** Camera clock minus true time, e.g. ±3_600_000. */
  clockSkewMs?: number;
  /** GetSystemDateAndTime without UTCDateTime (LocalDateTime only). */
  noUtc?: boolean;
  /** Serial exactly as the camera sends it (e.g. 18 digits); default: derived from the MAC. */
  serial?: string;
  manufacturer?: string;
  firmware?: string;
  /** Refuse even the right password for `forMs` after this many consecutive failures. */
  lockout?: { afterFailures: number; forMs: number };
  /**
   * Axis only: VAPIX beside ONVIF, with VXG's cloud agent (test/sim/vapix/agent-camera.ts). A camera that holds a
   * token connects to the cloud named in it at power-on and after every agent restart; with `provisioning` too,
   * its polling loop stops while it holds a token and starts again when the token is cleared.
   */
  vapix?: { agent: AgentInstall; cloudToken: string };
};

/** One camera hosted by a simulator process. */
export type SimCameraConfig = SimCamera & {
  profile: ProfileName;
  iface: string;
  running: boolean;
  provisioning?: SimProvisioning;
  device?: SimDevice;
};

/** What a lab test reads back from a camera's device service: its failure counter and lockouts. */
export type SimDeviceState = {
  requests: number;
  /** ONVIF requests that presented wrong credentials (what the lockout counts). */
  failures: number;
  lockouts: number;
  successes: number;
  locked: boolean;
  vapixRequests: number;
  /** VAPIX refusals: counted apart, the simulated Axis locks on ONVIF failures only. */
  vapixFailures: number;
};

/** What the lab reads back from a camera's VXG Cloud Agent (tokens included: test-only, never the app's output). */
export type SimAgentState = {
  agent: AgentInstall;
  cloudToken: string;
  restarts: number;
  /** Every token the agent connected with after a restart or at power-on, oldest first. */
  connections: string[];
  faults: AgentFaults;
  requests: number;
  failures: number;
};

/** Passed as JSON in argv[2] (or as the first stdin line) to camera-sim.ts. */
export type SimConfig = {
  cameras: SimCameraConfig[];
  /** address of the interface whose multicast group membership receives Probes; default: first camera's IP */
  joinIp?: string;
  /** upper bound of the random reply delay (APP_MAX_DELAY); default 500 */
  maxDelayMs?: number;
};

/** stdin, one JSON object per line */
export type SimCommand =
  | { cmd: 'start'; id: string }
  | { cmd: 'stop'; id: string }
  | { cmd: 'device-state'; id: string }
  /**
   * The camera's cloud agent: arm faults (counts of upcoming calls that fail), give it a token as an earlier
   * provisioning would have (`token`, then a restart: it connects with it), or just read its state (no fields).
   */
  | { cmd: 'agent'; id: string; faults?: Partial<AgentFaults>; token?: string }
  | { cmd: 'quit' };

/** stdout, one JSON object per line */
export type SimEvent =
  | { event: 'ready'; pid: number }
  | { event: 'started'; id: string }
  | { event: 'stopped'; id: string }
  | { event: 'quit' }
  /** The provisioning loop changed state (polling → connecting → online | rejected), with its poll count. */
  | { event: 'cloud'; id: string; state: string; polls: number }
  /** Answer to `device-state`: the camera's ONVIF/VAPIX counters (null when it serves no device service). */
  | { event: 'device-state'; id: string; state: SimDeviceState | null }
  /** Answer to `agent`: the agent's state after the command (null when the camera has no VAPIX agent). */
  | { event: 'agent'; id: string; state: SimAgentState | null }
  | { event: 'error'; id?: string; message: string };
