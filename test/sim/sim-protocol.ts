import type { ProfileName, SimCamera } from './profile-types.js';

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

/** One camera hosted by a simulator process. */
export type SimCameraConfig = SimCamera & { profile: ProfileName; iface: string; running: boolean; provisioning?: SimProvisioning };

/** Passed as JSON in argv[2] (or as the first stdin line) to camera-sim.ts. */
export type SimConfig = {
  cameras: SimCameraConfig[];
  /** address of the interface whose multicast group membership receives Probes; default: first camera's IP */
  joinIp?: string;
  /** upper bound of the random reply delay (APP_MAX_DELAY); default 500 */
  maxDelayMs?: number;
};

/** stdin, one JSON object per line */
export type SimCommand = { cmd: 'start'; id: string } | { cmd: 'stop'; id: string } | { cmd: 'quit' };

/** stdout, one JSON object per line */
export type SimEvent =
  | { event: 'ready'; pid: number }
  | { event: 'started'; id: string }
  | { event: 'stopped'; id: string }
  | { event: 'quit' }
  /** The provisioning loop changed state (polling → connecting → online | rejected), with its poll count. */
  | { event: 'cloud'; id: string; state: string; polls: number }
  | { event: 'error'; id?: string; message: string };
