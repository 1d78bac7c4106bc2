/**
 * Lockout-aware credential attempts: for one camera, try named credential sets in order within a budget, and
 * stop at the first sign of a lock. Pure apart from the injected `attempt` function and clock.
 *
 * The budget (per camera, sliding window, default one hour):
 * - at most `maxAttemptsPerWindow` tries that did not log in (default 3, issue #8) — timeouts count (the
 *   request may still have reached the camera); successes do not (they prove the set, and cameras reset their
 *   failure count on one), so re-identifying a healthy camera is never blocked;
 * - at most `maxFailuresPerWindow` refused tries (default 2). Many cameras lock on their 3rd–5th failure, and a
 *   lock also shuts out the customer's recorder, so the planner never makes the failure that would be the 3rd.
 *   With sets [wrong, wrong, wrong, right] it tries two, stops, and says which sets were not tried and when it
 *   may try again; with the right set first (or `preferred`, the set that worked last time) it needs one try.
 * - each set gets `triesPerSet` tries (default 1); a set is tried again only after "unreachable" (a refused
 *   password does not become right by repeating it).
 * Hazard: sentences name sets and cameras, never user names or passwords.
 */
import type { DeviceResult } from '../failure.js';

export interface CredentialSet {
  /** Shown to the technician ("site default", "Axis", "camera 12"). */
  name: string;
  username: string;
  /** Secret: never logged, never in a sentence. */
  password: string;
}

export type TryOutcome<T> =
  | { kind: 'authenticated'; value: T }
  | { kind: 'refused' }
  | { kind: 'locked'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'error'; message: string };

export interface AttemptPolicy {
  triesPerSet: number;
  maxAttemptsPerWindow: number;
  maxFailuresPerWindow: number;
  windowMs: number;
}

export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = {
  triesPerSet: 1,
  maxAttemptsPerWindow: 3,
  maxFailuresPerWindow: 2,
  windowMs: 3_600_000,
};

export type CameraAuthStatus = 'authenticated' | 'refused' | 'locked' | 'unreachable' | 'error' | 'not-tried';

export interface CameraAuthOutcome<T> {
  status: CameraAuthStatus;
  /** The set that authenticated, or the one the camera locked on. */
  setName: string | null;
  value: T | null;
  /** Set names in the order tried (a set tried twice appears twice). */
  tried: string[];
  untried: string[];
  /** Tries the budget still allows in this window. */
  attemptsLeft: number;
  /** When the budget frees a try (ms from now), or null when it is not exhausted. */
  retryInMs: number | null;
  sentence: string;
}

export interface Entry {
  at: number;
  failed: boolean;
}

/** Where a ledger survives the process: a second CLI run within the hour must see the first run's failures. */
export interface AttemptLedgerStore {
  load(): unknown;
  save(data: Record<string, Entry[]>): void;
}

/** Ledger bounds: cameras remembered, attempts per camera, and how long an attempt is kept at most. */
const LEDGER_MAX_KEYS = 5000;
const LEDGER_MAX_PER_KEY = 16;
const LEDGER_RETENTION_MS = 24 * 3_600_000;

/**
 * Attempts per camera, remembered across identify runs — across processes too when given a store (the CLI and
 * browser mode keep it in the data folder): a technician who repeats a command within the hour must not spend a
 * camera's last try before it locks. Keys are MAC, serial or IP. Holds times and outcomes only, never a secret.
 */
export class AttemptLedger {
  private readonly entries = new Map<string, Entry[]>();
  constructor(
    private readonly now: () => number,
    private readonly store?: AttemptLedgerStore,
  ) {
    if (store) this.restore(store.load());
  }

  record(key: string, failed: boolean): void {
    const list = this.entries.get(key) ?? [];
    list.push({ at: this.now(), failed });
    this.entries.delete(key); // re-insert: Map order is least recently used first
    this.entries.set(key, list.slice(-LEDGER_MAX_PER_KEY));
    this.persist();
  }

  /** Reads a stored ledger defensively: anything not shaped like one is ignored (a torn or foreign file). */
  private restore(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return;
    const since = this.now() - LEDGER_RETENTION_MS;
    for (const [key, list] of Object.entries(raw as Record<string, unknown>).slice(-LEDGER_MAX_KEYS)) {
      if (!Array.isArray(list) || key.length > 128) continue;
      const kept = list
        .filter((e): e is Entry => typeof e === 'object' && e !== null && typeof e.at === 'number' && typeof e.failed === 'boolean')
        .filter((e) => e.at > since && e.at <= this.now() + 60_000)
        .slice(-LEDGER_MAX_PER_KEY)
        .map((e) => ({ at: e.at, failed: e.failed }));
      if (kept.length > 0) this.entries.set(key, kept);
    }
  }

  private persist(): void {
    if (!this.store) return;
    const since = this.now() - LEDGER_RETENTION_MS;
    for (const [key, list] of this.entries) if (!list.some((e) => e.at > since)) this.entries.delete(key);
    while (this.entries.size > LEDGER_MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
    this.store.save(Object.fromEntries(this.entries));
  }

  /** Entries inside the window, oldest first (older ones are forgotten here). */
  recent(key: string, windowMs: number): Entry[] {
    const since = this.now() - windowMs;
    const kept = (this.entries.get(key) ?? []).filter((e) => e.at > since);
    if (kept.length === 0) this.entries.delete(key);
    else this.entries.set(key, kept);
    return kept;
  }

  clock(): number {
    return this.now();
  }
}

/** A device call's result as an attempt outcome: 401/NotAuthorized is "refused"; lock signals are "locked". */
export function outcomeOf<T>(result: DeviceResult<T>): TryOutcome<T> {
  if (result.ok) return { kind: 'authenticated', value: result.value };
  switch (result.failure.kind) {
    case 'unauthorized':
      return { kind: 'refused' };
    case 'locked':
      return { kind: 'locked', message: result.failure.message };
    case 'unreachable':
      return { kind: 'unreachable', message: result.failure.message };
    default:
      return { kind: 'error', message: result.failure.message };
  }
}

function budget(ledger: AttemptLedger, key: string, policy: AttemptPolicy): { left: number; retryInMs: number | null } {
  const recent = ledger.recent(key, policy.windowMs);
  const failures = recent.filter((e) => e.failed);
  const left = Math.max(0, Math.min(policy.maxAttemptsPerWindow - recent.length, policy.maxFailuresPerWindow - failures.length));
  if (left > 0) return { left, retryInMs: null };
  // The try that frees a slot first: the oldest attempt, or the oldest failure when failures are the limit.
  const limiting = failures.length >= policy.maxFailuresPerWindow ? failures : recent;
  const oldest = limiting[0]?.at ?? ledger.clock();
  return { left: 0, retryInMs: Math.max(0, oldest + policy.windowMs - ledger.clock()) };
}

const minutes = (ms: number): string => {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? 'about a minute' : `about ${m} minutes`;
};
const quoteNames = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface TryCredentialsInput<T> {
  /** How the camera is named in sentences: its MAC when known, else its IP. */
  camera: string;
  /** Ledger key (stable across runs: MAC, else serial, else IP). */
  key: string;
  sets: readonly CredentialSet[];
  attempt: (set: CredentialSet) => Promise<TryOutcome<T>>;
  ledger: AttemptLedger;
  policy?: Partial<AttemptPolicy>;
  /** Name of the set that authenticated this camera before: tried first. */
  preferred?: string;
}

export async function tryCredentialSets<T>(input: TryCredentialsInput<T>): Promise<CameraAuthOutcome<T>> {
  const policy = { ...DEFAULT_ATTEMPT_POLICY, ...input.policy };
  const { camera, key, ledger } = input;
  const ordered = [...input.sets].sort((a, b) => Number(b.name === input.preferred) - Number(a.name === input.preferred));
  const tried: string[] = [];
  let refusedCount = 0;
  const result = (
    status: CameraAuthStatus,
    sentence: string,
    setName: string | null = null,
    value: T | null = null,
  ): CameraAuthOutcome<T> => {
    const { left, retryInMs } = budget(ledger, key, policy);
    const untried = ordered.map((s) => s.name).filter((name) => !tried.includes(name));
    return { status, setName, value, tried, untried, attemptsLeft: left, retryInMs, sentence };
  };
  if (ordered.length === 0) return result('not-tried', `No credential sets to try on camera ${camera}; add one on the credentials screen.`);

  for (let index = 0; index < ordered.length; index++) {
    const set = ordered[index]!;
    for (let round = 0; round < policy.triesPerSet; round++) {
      const { left, retryInMs } = budget(ledger, key, policy);
      if (left === 0) {
        const wait = `try again in ${minutes(retryInMs ?? 0)}`;
        if (tried.length === 0) {
          return result(
            'not-tried',
            `Camera ${camera} was not tried: it already had as many unsuccessful logins in the last hour as it can safely take; ${wait}.`,
          );
        }
        const rest = ordered.slice(index).map((s) => s.name);
        return result(
          'refused',
          `Camera ${camera} refused ${plural(refusedCount, 'credential set')}; ${quoteNames(rest)} ${rest.length === 1 ? 'was' : 'were'} not tried so that it does not lock. Put the right set first, or ${wait}.`,
        );
      }
      tried.push(set.name);
      const outcome = await input.attempt(set);
      if (outcome.kind !== 'authenticated') ledger.record(key, outcome.kind === 'refused');
      if (outcome.kind === 'authenticated') {
        const after = refusedCount === 0 ? '' : ` after ${plural(refusedCount, 'refused set')}`;
        return result('authenticated', `Camera ${camera} accepted credential set "${set.name}"${after}.`, set.name, outcome.value);
      }
      if (outcome.kind === 'locked') {
        return result(
          'locked',
          `Camera ${camera} is locked after too many login attempts (it said so when we tried "${set.name}"); we stopped. Wait for it to unlock, often 30 minutes, or unlock it in its web page, then identify it again.`,
          set.name,
        );
      }
      if (outcome.kind === 'error') return result('error', `Camera ${camera} answered, but not as expected: ${outcome.message}`, set.name);
      if (outcome.kind === 'refused') {
        refusedCount += 1;
        break;
      }
      if (round + 1 >= policy.triesPerSet) return result('unreachable', `Camera ${camera} did not answer: ${outcome.message}`, set.name);
    }
  }
  const { left } = budget(ledger, key, policy);
  return result(
    'refused',
    `Camera ${camera} refused all ${plural(ordered.length, 'credential set')}; ${plural(left, 'attempt')} left this hour before it may lock. Check the password on the camera or add the right set.`,
  );
}
