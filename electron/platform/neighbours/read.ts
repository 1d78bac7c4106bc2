/**
 * The real NeighbourPort: reads the OS neighbour (ARP) table. Every failure — missing tool, timeout,
 * oversized output, unreadable file — yields [] so that a scan never fails because the MAC lookup did.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import type { NeighbourEntry, NeighbourPort } from '../ports.js';
import { MAX_TABLE_CHARS } from './bound.js';
import { parseIpNeighJson, parseProcNetArp } from './linux.js';
import { parseArpAn } from './macos.js';
import { parseNetNeighborJson, parseWindowsArpA } from './windows.js';

export interface NeighbourDeps {
  platform?: NodeJS.Platform;
  readFile?: (path: string) => Promise<string>;
  /** Runs a program without a shell and resolves with its stdout. */
  run?: (cmd: string, args: string[]) => Promise<string>;
  /** Per read or command; default 3000 ms. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3000;

const NET_NEIGHBOR =
  'Get-NetNeighbor -AddressFamily IPv4 | Select-Object IPAddress,LinkLayerAddress,State,InterfaceAlias | ConvertTo-Json -Compress';

/** Reads at most MAX_TABLE_CHARS bytes; /proc files report size 0, so read in chunks rather than stat. */
async function readBounded(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_TABLE_CHARS);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0 || length + bytesRead >= buffer.length) return buffer.toString('utf8', 0, length + bytesRead);
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

function runFile(timeoutMs: number) {
  return (cmd: string, args: string[]) =>
    new Promise<string>((resolve, reject) => {
      // execFile, not exec: no shell, so nothing here is ever interpreted as shell syntax.
      execFile(cmd, args, { timeout: timeoutMs, maxBuffer: MAX_TABLE_CHARS, windowsHide: true, encoding: 'utf8' }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
}

/** Resolves with the promise's value, or rejects after `ms` (injected deps may hang). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** Parsed output, or [] when the source fails in any way. */
async function attempt(source: () => Promise<string>, parse: (text: string) => NeighbourEntry[], ms: number) {
  try {
    return parse(await withTimeout(source(), ms));
  } catch {
    return [];
  }
}

/**
 * Linux reads /proc/net/arp (falling back to `ip -j -4 neigh show`), macOS runs `arp -an`, Windows runs
 * Get-NetNeighbor through PowerShell and falls back to `arp -a`. Other platforms get [].
 */
export function createNeighbourPort(deps: NeighbourDeps = {}): NeighbourPort {
  const platform = deps.platform ?? process.platform;
  const ms = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const readFile = deps.readFile ?? readBounded;
  const run = deps.run ?? runFile(ms);
  const tryRun = (cmd: string, args: string[], parse: (text: string) => NeighbourEntry[]) => attempt(() => run(cmd, args), parse, ms);

  const readers: Partial<Record<NodeJS.Platform, () => Promise<NeighbourEntry[]>>> = {
    linux: async () => {
      const table = await attempt(() => readFile('/proc/net/arp'), parseProcNetArp, ms).then((e) => (e.length ? e : null));
      return table ?? tryRun('ip', ['-j', '-4', 'neigh', 'show'], parseIpNeighJson);
    },
    darwin: () => tryRun('/usr/sbin/arp', ['-an'], parseArpAn),
    win32: async () => {
      const args = ['-NoProfile', '-NonInteractive', '-Command', NET_NEIGHBOR];
      const table = await tryRun('powershell.exe', args, parseNetNeighborJson);
      return table.length > 0 ? table : tryRun('arp', ['-a'], parseWindowsArpA);
    },
  };

  return {
    read: async () => (await readers[platform]?.()) ?? [],
  };
}
