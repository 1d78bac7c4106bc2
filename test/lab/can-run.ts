import { existsSync } from 'node:fs';

/** Set by .ci/run: in CI a lab or e2e suite that cannot run is a failure, not a skip. */
export const REQUIRE_LAB_ENV = 'CAMERA_FINDER_REQUIRE_LAB';

/** The prefix the summary reporter looks for in a test file's output to list skipped suites with their reasons. */
export const SKIP_MARK = '[SKIPPED]';

/** The lab needs Linux, root (network namespaces) and iproute2; most suites also need the built app. */
export function labUnavailableReason({ needsBuild = true }: { needsBuild?: boolean } = {}): string | null {
  if (process.platform !== 'linux') return 'the network lab needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the network lab needs root to create network namespaces (run the tests as root, as CI does)';
  if (!['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((p) => existsSync(p))) return 'the network lab needs iproute2 (`ip`)';
  if (needsBuild && (!existsSync('dist/electron/cli.js') || !existsSync('dist/renderer/index.html'))) {
    return 'the app is not built; run `npm run build` first (npm test does)';
  }
  return null;
}

type SkipOptions = {
  /** Another thing this suite needs that is missing here (e.g. "/usr/bin/chromium is not installed"), or null. */
  missing?: string | null;
  /** False for suites that test the lab itself and never start the app. */
  needsBuild?: boolean;
  /** Tests pass a fake lab verdict and environment; suites use the real ones. */
  labReason?: string | null;
  env?: Record<string, string | undefined>;
};

/**
 * Whether a lab suite must skip here. Skipping is loud: the reason is printed (and listed again under
 * "SKIPPED SUITES:" at the end of the run) so a green run never hides a check that did not happen.
 * Under CAMERA_FINDER_REQUIRE_LAB=1 (CI) it throws instead, so the suite fails at collection.
 */
export function announceSkip(suite: string, options: SkipOptions = {}): boolean {
  const labReason = options.labReason !== undefined ? options.labReason : labUnavailableReason(options);
  const why = labReason ?? options.missing ?? null;
  if (why === null) return false;
  if ((options.env ?? process.env)[REQUIRE_LAB_ENV] === '1') {
    throw new Error(`${suite} must run here (${REQUIRE_LAB_ENV}=1, as in CI) but cannot: ${why}.`);
  }
  skipLoudly(suite, why);
  return true;
}

/**
 * A skip that stays allowed even in CI (the Electron runtime cannot be downloaded on our build machines).
 * console.warn, not process.stderr: vitest hands console output to reporters, so the summary can list it.
 */
export function skipLoudly(suite: string, why: string): void {
  console.warn(`${SKIP_MARK} ${suite}: ${why.replace(/\.$/, '')}.`);
}
