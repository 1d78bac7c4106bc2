/**
 * The CLI's command line: parsed into contract arguments, checked by the contract's own schema (so the
 * `--timeout` bounds and default live in one place, shared/contract/scan.ts), or a usage error sentence.
 */
import { parseArgs } from 'node:util';
import { commands, SCAN_TIMEOUT_MS, type ParsedArgs } from '../../shared/contract.js';
import { parseScanScope } from './cli-scan-args.js';
import { parseRegisterArgs, type RegisterCommand } from './cli-register-args.js';
import { parseWriteTokenArgs, type WriteTokenCommand } from './cli-write-token-args.js';

/** What the process exit code tells a script. The README and --help list the same table. */
export const EXIT = {
  /** The command ran; for `scan`, the scan ran (even if no camera answered); for `register`, every camera is registered. */
  ok: 0,
  /** Any other failure (a scan already running, a camera not registered, an unexpected error). */
  failed: 1,
  /** The command line is wrong (unknown command or option, bad --timeout). */
  usage: 2,
  /** Nothing could be scanned: no usable interface (unknown --interface, cable out), or the scan failed. */
  couldNotScan: 3,
} as const;

export const usage = `Usage:
  camera-finder scan [--json] [--timeout <ms>] [--interface <name>]... [--all] [--identify [--credentials <file>]]
                    [--protocols wsd,ssdp,mdns] [--sweep <cidr>]... [--sweep-ports <port,…>] [--confirm-large]
  camera-finder identify --ip <IP>... [--credentials <file>] [--json]
  camera-finder interfaces [--json]
  camera-finder register --mac <MAC>... --password <sticker password | -> [--id <camera ID>] [--name <name>] [--json]
  camera-finder write-token --ip <IP> [--channel <id> | --token <token | ->] [--credentials <file>] [--json]

  --timeout <ms>      how long to listen for cameras, ${SCAN_TIMEOUT_MS.min}..${SCAN_TIMEOUT_MS.max} (default ${SCAN_TIMEOUT_MS.default})
  --interface <name>  probe only this interface (repeatable)
  --all               also list devices that are not cameras (PCs, printers)
  --protocols <list>  multicast protocols to use, comma-separated: wsd (ONVIF WS-Discovery), ssdp (UPnP), mdns
                      (Bonjour/DNS-SD); default all three. Each device's "sources" lists every protocol that saw it
  --sweep <cidr>      also ask every address of this range directly (unicast), for cameras on another subnet or
                      VLAN that multicast does not reach, e.g. 192.168.20.0/24 (repeatable, at most 16)
  --sweep-ports <l>   HTTP ports the sweep asks for ONVIF, comma-separated (default 80,8000,8080,8899,2020)
  --confirm-large     allow --sweep ranges larger than /16 (65,534 addresses; minutes of probing)
  --json              print one JSON object on stdout, nothing else
  --identify          after the scan, log in to every camera found (ONVIF, and VAPIX on Axis) and add its serial,
                      model, firmware, MAC and auth status to the output
  --credentials <f>   credential sets to try, in order: a JSON file [{"name", "username", "password"}, …] that
                      only its owner may read (chmod 600); without it, one set from CAMERA_FINDER_CAMERA_USER and
                      CAMERA_FINDER_CAMERA_PASSWORD. Passwords are kept in memory only and never printed.
                      An entry may add "vendor": "AXIS" (tried first on that vendor's cameras only) or
                      "camera": "<MAC or IP>" (tried first on that camera).
                      A camera is never tried with more sets than it can take without locking (2 refusals a camera
                      an hour, remembered in the data folder across runs).
  --ip <IP>           identify: the camera at this IPv4 address, asked directly, no multicast (repeatable);
                      identify --json prints {"devices": [...], "results": [...]}
  --mac <MAC>         register the camera with this MAC (repeatable; all share --password)
  --password <pw>     the password printed on the camera's sticker; "-" reads it from stdin
  --id <camera ID>    the ID VXG knows the camera by (default: the MAC as 12 upper-case hex digits)
  --name <name>       the channel name (default "Camera <ID>")

  write-token         identify the camera at --ip with the credential sets, then write an access token onto it
                      (Axis with VXG Cloud Agent): write, read back, restart the agent, and wait until the
                      channel reports online (when the cloud is configured). Any failure after the write puts the
                      old token back. The token is never printed.
  --channel <id>      write-token: write this channel's "all" token (VXG admin API; the cloud must be configured)
  --token <token>     write-token: write this pasted token; "-" reads it from stdin (keeps it out of process lists).
                      With neither, the camera's own channel is used, found or created by its camera ID as
                      register does (no provisioning record is posted).
                      write-token --json prints {"device", "identify", "result", "errors"}.

  register and write-token take the cloud settings from the settings store, overridden by CAMERA_FINDER_CLOUD_API_URL,
  CAMERA_FINDER_LICENSE_KEY, CAMERA_FINDER_PROVISIONING_URL, CAMERA_FINDER_PROVISIONING_USER and
  CAMERA_FINDER_PROVISIONING_PASSWORD.
  --no-settings       use no saved settings, keychain or audit file (environment variables still apply);
                      CAMERA_FINDER_DATA_DIR=<folder> keeps settings and the audit log there instead

Exit codes:
  ${EXIT.ok}  the command ran (for scan: the scan ran, even if no camera answered; for identify and
     --identify: every camera was asked, each device's "auth" says whether it let us in;
     for register: every camera's channel and provisioning record are in place; for write-token: the token
     was written, read back equal, the agent restarted and, where the cloud is configured, the channel is online)
  ${EXIT.failed}  another failure (a scan already running, a camera not registered, an unexpected error; for
     write-token: the camera was not identified, refused the write, has no VXG Cloud Agent, the token is a
     view-only "watch" or group token, or a step failed and the old token was put back)
  ${EXIT.usage}  usage error (unknown command or option, bad --timeout, --ip, --protocols or --sweep, a range
     larger than /16 without --confirm-large, a --credentials file that is
     unreadable, malformed or readable by group or others, or no credentials at all for --identify;
     write-token: no or several --ip, both --channel and --token, or a --token that is not a VXG token)
  ${EXIT.couldNotScan}  could not scan: no usable interface (unknown --interface, no IPv4 address), or the scan failed`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string }
  | { kind: 'interfaces'; json: boolean; verbose: boolean; noSettings: boolean; interfaces: string[] | undefined }
  | {
      kind: 'scan';
      json: boolean;
      all: boolean;
      verbose: boolean;
      noSettings: boolean;
      interfaces: string[] | undefined;
      scan: ParsedArgs<'scan.start'>;
      /** --identify: log in to every camera found after the scan. */
      identify: boolean;
      credentials: string | undefined;
    }
  | {
      kind: 'identify';
      json: boolean;
      verbose: boolean;
      noSettings: boolean;
      interfaces: string[] | undefined;
      ips: string[];
      credentials: string | undefined;
    }
  | RegisterCommand
  | WriteTokenCommand;

/** Dotted-quad IPv4, each part 0..255 without leading zeros (a typo must not name another camera). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** The contract's bound on identify.run's device list. */
const MAX_IPS = 5000;

export function parseCliArgs(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        interface: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'no-settings': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        mac: { type: 'string', multiple: true },
        password: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        identify: { type: 'boolean', default: false },
        credentials: { type: 'string' },
        ip: { type: 'string', multiple: true },
        protocols: { type: 'string' },
        sweep: { type: 'string', multiple: true },
        'sweep-ports': { type: 'string' },
        'confirm-large': { type: 'boolean', default: false },
        channel: { type: 'string' },
        token: { type: 'string' },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const command = positionals[0];
  const scope = parseScanScope(values);
  if (command !== 'scan' && scope.given) return { kind: 'usage-error', message: `${scope.given} belongs to the scan command.` };
  if (!scope.ok) return { kind: 'usage-error', message: scope.message };
  if (command === 'register' && (values.identify || values.credentials !== undefined || values.ip !== undefined))
    return { kind: 'usage-error', message: '--identify, --credentials and --ip belong to scan and identify.' };
  if (command === 'register' && (values.channel !== undefined || values.token !== undefined))
    return { kind: 'usage-error', message: '--channel and --token belong to write-token.' };
  if (command === 'register') return parseRegisterArgs(values);
  if (command === 'write-token') return parseWriteTokenArgs(values, (ip) => IPV4.test(ip));
  if (values.channel !== undefined || values.token !== undefined)
    return { kind: 'usage-error', message: '--channel and --token belong to write-token.' };
  for (const flag of ['mac', 'password', 'id', 'name'] as const) {
    if (values[flag] !== undefined) return { kind: 'usage-error', message: `--${flag} belongs to the register command.` };
  }
  if (command !== 'identify' && values.ip !== undefined) return { kind: 'usage-error', message: '--ip belongs to the identify command.' };
  if (command === 'interfaces' && (values.identify || values.credentials !== undefined))
    return { kind: 'usage-error', message: '--identify and --credentials belong to scan and identify.' };
  if (command === 'scan' && values.credentials !== undefined && !values.identify)
    return { kind: 'usage-error', message: '--credentials needs --identify (or the identify command).' };
  if (command === 'identify') {
    const ips = values.ip ?? [];
    if (ips.length === 0) return { kind: 'usage-error', message: 'identify needs at least one --ip <IPv4 address>.' };
    if (ips.length > MAX_IPS) return { kind: 'usage-error', message: `identify takes at most ${MAX_IPS} --ip addresses.` };
    const bad = ips.find((ip) => !IPV4.test(ip));
    if (bad !== undefined) return { kind: 'usage-error', message: `--ip ${JSON.stringify(bad.slice(0, 40))} is not an IPv4 address.` };
    return {
      kind: 'identify',
      json: values.json,
      verbose: values.verbose,
      noSettings: values['no-settings'],
      interfaces: values.interface,
      ips: [...new Set(ips)],
      credentials: values.credentials,
    };
  }
  if (command !== 'scan' && command !== 'interfaces') {
    return {
      kind: 'usage-error',
      message: command === undefined ? 'No command given.' : `Unknown command ${JSON.stringify(command.slice(0, 40))}.`,
    };
  }
  const interfaces = values.interface;
  // Digits only: Number() would take '', ' 5', '1e3' and '0x10' and turn a typo into a different scan.
  const timeoutMs =
    values.timeout === undefined ? SCAN_TIMEOUT_MS.default : /^\d{1,9}$/.test(values.timeout) ? Number(values.timeout) : NaN;
  const scan = commands['scan.start'].args.safeParse({ timeoutMs, ...(interfaces ? { interfaces } : {}), ...scope.args });
  if (!scan.success) {
    const bad = scan.error.issues[0]?.path[0] === 'interfaces' ? 'interface' : 'timeout';
    return {
      kind: 'usage-error',
      message:
        bad === 'timeout'
          ? `--timeout must be a whole number of milliseconds between ${SCAN_TIMEOUT_MS.min} and ${SCAN_TIMEOUT_MS.max}.`
          : '--interface must name an interface (1 to 64 characters, at most 64 of them).',
    };
  }
  const common = { json: values.json, verbose: values.verbose, noSettings: values['no-settings'], interfaces };
  return command === 'interfaces'
    ? { kind: 'interfaces', ...common }
    : { kind: 'scan', ...common, all: values.all, scan: scan.data, identify: values.identify, credentials: values.credentials };
}
