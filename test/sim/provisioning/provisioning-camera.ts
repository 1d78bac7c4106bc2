/**
 * The seed's camera-side provisioning state machine (architecture "Seed behaviour", reference §4):
 * - without a token it asks the provisioning service with its ID on SEED_SCHEDULE (a minute apart for the
 *   first 5 minutes, then hourly), until the service has a token for it;
 * - once it holds a token it never asks again, and connects to the cloud with it;
 * - a token written straight onto it takes effect without polling;
 * - reset clears the token and polling starts again from the minute-by-minute phase.
 * Time comes from the Clock port, so a test runs the hourly phase in milliseconds.
 */
import { pollTimeMs } from '../../../electron/core/cloud/seed-schedule.js';
import type { Clock } from '../../../electron/platform/ports.js';

export type CameraCloudState = 'idle' | 'polling' | 'connecting' | 'online' | 'rejected';

export interface ProvisioningCameraOptions {
  clock: Clock;
  serialId: string;
  password: string;
  /** One poll: the token the service returned, or null (no record yet, wrong password, error). */
  ask(serialId: string, password: string): Promise<string | null>;
  /** Connect to the cloud with the token; true when the cloud accepted it. */
  connect(token: string, serialId: string): Promise<boolean>;
}

export class ProvisioningCamera {
  state: CameraCloudState = 'idle';
  /** Every poll ever made, as clock times (tests assert the schedule on these). */
  readonly pollTimes: number[] = [];
  private token: string | null = null;
  private startedAt = 0;
  private nextIndex = 0;
  private cancelTimer: (() => void) | null = null;
  /** Bumped on reset/stop/write so an answer to an older poll is ignored. */
  private generation = 0;

  constructor(private readonly options: ProvisioningCameraOptions) {}

  get polls(): number {
    return this.pollTimes.length;
  }
  get heldToken(): string | null {
    return this.token;
  }
  /** When the current tokenless phase began (for the UI's expected-wait test). */
  get pollingSince(): number {
    return this.startedAt;
  }

  /**
   * Power on: poll now, then on the seed schedule. `startedAgoMs` pretends it powered on that long ago (the
   * lab's "already in its hourly phase" camera): polls already past are skipped, the next one keeps the schedule.
   */
  start(startedAgoMs = 0): void {
    if (this.token !== null) {
      void this.connectWith(this.token, this.generation);
      return;
    }
    this.generation++;
    this.startedAt = this.options.clock.now() - Math.max(0, startedAgoMs);
    this.nextIndex = 0;
    while (this.startedAt + pollTimeMs(this.nextIndex) < this.options.clock.now()) this.nextIndex++;
    this.state = 'polling';
    this.schedule();
  }

  /** Factory reset: forget the token, start polling again. */
  reset(): void {
    this.halt();
    this.token = null;
    this.start();
  }

  /** A token written onto the camera directly (forced change): no polling needed. */
  writeToken(token: string): void {
    this.halt();
    this.token = token;
    void this.connectWith(token, this.generation);
  }

  stop(): void {
    this.halt();
    this.state = 'idle';
  }

  private halt(): void {
    this.generation++;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private schedule(): void {
    const generation = this.generation;
    const due = this.startedAt + pollTimeMs(this.nextIndex);
    this.cancelTimer = this.options.clock.setTimeout(() => void this.poll(generation), Math.max(0, due - this.options.clock.now()));
  }

  private async poll(generation: number): Promise<void> {
    if (generation !== this.generation || this.token !== null) return; // never poll while holding a token
    this.pollTimes.push(this.options.clock.now());
    this.nextIndex++;
    let token: string | null = null;
    try {
      token = await this.options.ask(this.options.serialId, this.options.password);
    } catch {
      token = null;
    }
    if (generation !== this.generation) return;
    if (token) {
      this.token = token;
      this.cancelTimer = null;
      await this.connectWith(token, generation);
      return;
    }
    this.schedule();
  }

  private async connectWith(token: string, generation: number): Promise<void> {
    this.state = 'connecting';
    let accepted = false;
    try {
      accepted = await this.options.connect(token, this.options.serialId);
    } catch {
      accepted = false;
    }
    if (generation === this.generation) this.state = accepted ? 'online' : 'rejected';
  }
}
