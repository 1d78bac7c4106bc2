/**
 * `register`'s flags → a usage error sentence or what to register. The password itself is not read here:
 * `--password -` means "read it from stdin" (keeps it out of process lists), done by the runner.
 */
export interface RegisterCommand {
  kind: 'register';
  json: boolean;
  verbose: boolean;
  macs: string[];
  /** The literal password, or null when it comes from stdin. */
  password: string | null;
  id: string | undefined;
  name: string | undefined;
}

/** The contract's bound (shared/contract/cloud.ts): one call registers at most 500 cameras. */
const MAX_CAMERAS = 500;

type Flags = {
  json: boolean;
  verbose: boolean;
  mac?: string[];
  password?: string;
  id?: string;
  name?: string;
  timeout?: string;
  all: boolean;
  interface?: string[];
};

export function parseRegisterArgs(values: Flags): RegisterCommand | { kind: 'usage-error'; message: string } {
  const usage = (message: string) => ({ kind: 'usage-error' as const, message });
  const macs = values.mac ?? [];
  if (macs.length === 0) return usage("register needs --mac <MAC> (the camera's MAC, e.g. AC:CC:8E:12:AB:34).");
  if (macs.length > MAX_CAMERAS) return usage(`register takes at most ${MAX_CAMERAS} --mac at once.`);
  if (values.password === undefined || values.password === '')
    return usage("register needs --password <the password on the camera's sticker> (or --password - to read it from stdin).");
  if (macs.length > 1 && (values.id !== undefined || values.name !== undefined))
    return usage('--id and --name name one camera; give them with a single --mac.');
  if (values.timeout !== undefined || values.all || values.interface !== undefined)
    return usage('--timeout, --interface and --all belong to the scan command.');
  return {
    kind: 'register',
    json: values.json,
    verbose: values.verbose,
    macs,
    password: values.password === '-' ? null : values.password,
    id: values.id,
    name: values.name,
  };
}
