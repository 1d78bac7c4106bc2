import type { ProfileName, SimCamera } from './profile-types.js';

/** One camera hosted by a simulator process. */
export type SimCameraConfig = SimCamera & { profile: ProfileName; iface: string; running: boolean };

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
  | { event: 'error'; id?: string; message: string };
