/**
 * `write-token`'s flags → what to write, or a usage error sentence. The token itself is not checked here (the
 * runner decodes it before any request) and never quoted back: a pasted token is a secret. `--token -` reads it
 * from stdin, which keeps it out of process lists and shell history.
 */
export interface WriteTokenCommand {
  kind: 'write-token';
  json: boolean;
  verbose: boolean;
  noSettings: boolean;
  interfaces: string[] | undefined;
  ip: string;
  channelId: number | undefined;
  /** The literal token, null when it comes from stdin, undefined when not given. */
  token: string | null | undefined;
  credentials: string | undefined;
}

type Flags = {
  json: boolean;
  verbose: boolean;
  'no-settings': boolean;
  interface?: string[] | undefined;
  ip?: string[] | undefined;
  channel?: string | undefined;
  token?: string | undefined;
  credentials?: string | undefined;
  identify: boolean;
  all: boolean;
  timeout?: string | undefined;
  mac?: string[] | undefined;
  password?: string | undefined;
  id?: string | undefined;
  name?: string | undefined;
};

export function parseWriteTokenArgs(
  values: Flags,
  isIpv4: (ip: string) => boolean,
): WriteTokenCommand | { kind: 'usage-error'; message: string } {
  const usage = (message: string) => ({ kind: 'usage-error' as const, message });
  const ips = values.ip ?? [];
  if (ips.length !== 1) return usage('write-token needs exactly one --ip <IPv4 address> (the camera to write to).');
  const ip = ips[0]!;
  if (!isIpv4(ip)) return usage(`--ip ${JSON.stringify(ip.slice(0, 40))} is not an IPv4 address.`);
  if (values.channel !== undefined && values.token !== undefined)
    return usage("Give --channel <id> or --token <token>, not both (with neither, the camera's own channel is used).");
  let channelId: number | undefined;
  if (values.channel !== undefined) {
    channelId = /^[1-9]\d{0,14}$/.test(values.channel) ? Number(values.channel) : NaN;
    if (!Number.isSafeInteger(channelId)) return usage('--channel must be a channel number (a positive whole number).');
  }
  if (values.token === '') return usage('--token is empty; paste the token, or give --token - to read it from stdin.');
  if (values.identify || values.all || values.timeout !== undefined)
    return usage('--identify, --all and --timeout belong to the scan command.');
  for (const flag of ['mac', 'password', 'id', 'name'] as const) {
    if (values[flag] !== undefined) return usage(`--${flag} belongs to the register command.`);
  }
  return {
    kind: 'write-token',
    json: values.json,
    verbose: values.verbose,
    noSettings: values['no-settings'],
    interfaces: values.interface,
    ip,
    channelId,
    token: values.token === '-' ? null : values.token,
    credentials: values.credentials,
  };
}
