/**
 * `onboard`'s flags → a usage error sentence or what to onboard (issue #11 §6). Files are not read here: the
 * runner reads the sheet (bounded) and the credentials file (owner-only check).
 */
import { commands, SCAN_TIMEOUT_MS } from '../../shared/contract.js';
import { parseCidr } from '../../shared/cidr.js';
import { onboardingModes, type OnboardingMode } from '../../shared/onboarding.js';

export interface OnboardCommand {
  kind: 'onboard';
  json: boolean;
  verbose: boolean;
  noSettings: boolean;
  mode: OnboardingMode;
  csv: string | undefined;
  subnets: string[];
  interfaces: string[] | undefined;
  credentials: string | undefined;
  concurrency: number | undefined;
  ledger: string | undefined;
  /** How long to listen for cameras before the job starts. */
  timeoutMs: number;
}

type Flags = {
  json: boolean;
  verbose: boolean;
  'no-settings': boolean;
  mode?: string;
  csv?: string;
  subnet?: string[];
  interface?: string[];
  credentials?: string;
  concurrency?: string;
  ledger?: string;
  timeout?: string;
  all: boolean;
  identify: boolean;
  mac?: string[];
  password?: string;
  id?: string;
  name?: string;
  ip?: string[];
};

export function parseOnboardArgs(values: Flags): OnboardCommand | { kind: 'usage-error'; message: string } {
  const usage = (message: string) => ({ kind: 'usage-error' as const, message });
  for (const flag of ['mac', 'password', 'id', 'name', 'ip'] as const) {
    if (values[flag] !== undefined) return usage(`--${flag} does not belong to onboard (the sheet given with --csv names the cameras).`);
  }
  if (values.all || values.identify) return usage('--all and --identify belong to the scan command.');
  if (!values.mode || !onboardingModes.includes(values.mode as OnboardingMode)) {
    return usage('onboard needs --mode provision (register, the camera fetches its token) or --mode write-token.');
  }
  const mode = values.mode as OnboardingMode;
  if (mode === 'provision' && values.csv === undefined) {
    return usage("--mode provision needs --csv <file>: the sheet with each camera's mac (or serial) and sticker password.");
  }
  if (values.csv === '' || values.ledger === '') return usage('--csv and --ledger need a file name.');
  const subnets = values.subnet ?? [];
  if (subnets.length > 16) return usage('--subnet may be given at most 16 times.');
  for (const subnet of subnets) {
    const parsed = parseCidr(subnet);
    if (!parsed.ok) return usage(`--subnet ${parsed.error.message}`);
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = /^\d{1,2}$/.test(values.concurrency) ? Number(values.concurrency) : NaN;
    if (!(concurrency >= 1 && concurrency <= 64)) return usage('--concurrency must be a whole number from 1 to 64 (default 8).');
  }
  const timeoutMs =
    values.timeout === undefined ? SCAN_TIMEOUT_MS.default : /^\d{1,9}$/.test(values.timeout) ? Number(values.timeout) : NaN;
  const scan = commands['scan.start'].args.safeParse({ timeoutMs, ...(values.interface ? { interfaces: values.interface } : {}) });
  if (!scan.success) {
    return usage(
      scan.error.issues[0]?.path[0] === 'interfaces'
        ? '--interface must name an interface (1 to 64 characters, at most 64 of them).'
        : `--timeout must be a whole number of milliseconds between ${SCAN_TIMEOUT_MS.min} and ${SCAN_TIMEOUT_MS.max}.`,
    );
  }
  return {
    kind: 'onboard',
    json: values.json,
    verbose: values.verbose,
    noSettings: values['no-settings'],
    mode,
    csv: values.csv,
    subnets,
    interfaces: values.interface,
    credentials: values.credentials,
    concurrency,
    ledger: values.ledger,
    timeoutMs,
  };
}
