import { describe, expect, it } from 'vitest';
import { createNeighbourPort } from '../../../../../electron/platform/neighbours/read.js';
import { fixture } from './fixture.js';

type Call = { cmd: string; args: string[] };

function recorder(outputs: Record<string, string | Error | 'hang'>) {
  const calls: Call[] = [];
  const run = (cmd: string, args: string[]) => {
    calls.push({ cmd, args });
    const out = outputs[cmd];
    if (out === 'hang') return new Promise<string>(() => {});
    if (out === undefined) return Promise.reject(new Error(`spawn ${cmd} ENOENT`));
    return out instanceof Error ? Promise.reject(out) : Promise.resolve(out);
  };
  return { calls, run };
}

describe('createNeighbourPort', () => {
  it('on Linux reads /proc/net/arp without running any program', async () => {
    const { calls, run } = recorder({});
    const paths: string[] = [];
    const port = createNeighbourPort({
      platform: 'linux',
      run,
      readFile: async (path) => {
        paths.push(path);
        return fixture('linux-proc-net-arp.txt');
      },
    });
    const entries = await port.read();
    expect(paths).toEqual(['/proc/net/arp']);
    expect(calls).toEqual([]);
    expect(entries.map((e) => e.ip)).toContain('192.168.1.64');
  });

  it('on Linux falls back to `ip -j neigh` when /proc is unreadable', async () => {
    const { calls, run } = recorder({ ip: fixture('linux-ip-neigh.json') });
    const port = createNeighbourPort({ platform: 'linux', run, readFile: () => Promise.reject(new Error('EACCES')) });
    expect((await port.read()).map((e) => e.ip)).toEqual(['192.168.1.1', '192.168.1.64', '192.168.1.90']);
    expect(calls[0]?.cmd).toBe('ip');
  });

  it('on macOS runs arp -an', async () => {
    const { calls, run } = recorder({ '/usr/sbin/arp': fixture('macos-arp-an.txt') });
    const entries = await createNeighbourPort({ platform: 'darwin', run }).read();
    expect(calls).toEqual([{ cmd: '/usr/sbin/arp', args: ['-an'] }]);
    expect(entries[0]).toEqual({ ip: '192.168.2.1', mac: '04:a1:51:1b:12:92', interface: 'en9' });
  });

  it('on Windows uses Get-NetNeighbor and does not need arp.exe when it works', async () => {
    const { calls, run } = recorder({ 'powershell.exe': fixture('windows-get-netneighbor.json') });
    const entries = await createNeighbourPort({ platform: 'win32', run }).read();
    expect(calls.map((c) => c.cmd)).toEqual(['powershell.exe']);
    expect(calls[0]?.args.join(' ')).toContain('Get-NetNeighbor -AddressFamily IPv4');
    expect(calls[0]?.args.join(' ')).toContain('ConvertTo-Json');
    expect(entries).toHaveLength(2);
  });

  it('on Windows falls back to arp -a when PowerShell fails or hangs', async () => {
    for (const powershell of [new Error('not found'), 'hang' as const]) {
      const { calls, run } = recorder({ 'powershell.exe': powershell, arp: fixture('windows-arp-a-de.txt') });
      const entries = await createNeighbourPort({ platform: 'win32', run, timeoutMs: 50 }).read();
      expect(calls.map((c) => c.cmd)).toEqual(['powershell.exe', 'arp']);
      expect(entries.map((e) => e.mac)).toEqual(['44:4e:6d:12:34:56', '68:6d:bc:5c:b1:5d']);
    }
  });

  it('gives an empty table instead of failing the scan when every tool fails or hangs', async () => {
    const { run } = recorder({ '/usr/sbin/arp': 'hang' });
    const started = Date.now();
    await expect(createNeighbourPort({ platform: 'darwin', run, timeoutMs: 50 }).read()).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(createNeighbourPort({ platform: 'win32', run: recorder({}).run }).read()).resolves.toEqual([]);
    await expect(createNeighbourPort({ platform: 'freebsd', run }).read()).resolves.toEqual([]);
  });

  it('reads the real table of this machine without throwing', async () => {
    const entries = await createNeighbourPort().read();
    expect(Array.isArray(entries)).toBe(true);
    for (const entry of entries) expect(entry.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  });
});
