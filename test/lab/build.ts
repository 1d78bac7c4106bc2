import { spawnSync } from 'node:child_process';
import { isLabNamespace } from './addressing.js';
import { readLinks } from './inspect.js';
import { exec, ipBatchIn, killQuietly, listNamespaces, listNamespacesSync, namespacePids, namespacePidsSync, netnsBatch } from './ip.js';
import { SimProcess } from './sim-process.js';
import { SHARED_NS_SYSCTLS, cameraNsLines, switchLines, type NsPlan } from './topology.js';

/**
 * Creates the namespaces of `plans`, wires each to the switch's bridge and brings its cameras up.
 * Everything happens inside lab namespaces: `ip -n <ns>` for links, `netns add` only in the root batch.
 */
export async function wireNamespaces(switchNs: string, plans: NsPlan[]): Promise<void> {
  await netnsBatch(
    'add',
    plans.map((p) => p.ns),
  );
  await ipBatchIn(switchNs, switchLines(plans, undefined));
  await Promise.all(plans.map((p) => configureCameraNs(p)));
}

export async function configureCameraNs(p: NsPlan): Promise<void> {
  if (p.shared) {
    const r = await exec('ip', ['netns', 'exec', p.ns, 'sysctl', '-q', '-w', ...SHARED_NS_SYSCTLS]);
    if (r.code !== 0) throw new Error(`sysctl in ${p.ns} failed: ${r.stderr.trim()}`);
  }
  await ipBatchIn(p.ns, cameraNsLines(p));
}

/** Replaces planned MACs with what the kernel reports, so tests compare against the real interface. */
export async function readBackMacs(plans: NsPlan[]): Promise<void> {
  await Promise.all(
    plans.map(async (p) => {
      const links = await readLinks(p.ns);
      for (const c of p.cameras) {
        const link = links.find((l) => l.ifname === c.iface);
        if (!link) throw new Error(`Interface ${c.iface} missing in ${p.ns}.`);
        c.mac = link.address;
      }
    }),
  );
}

export const startSims = (plans: NsPlan[]): Promise<SimProcess[]> =>
  Promise.all(plans.map((p) => SimProcess.start(p.ns, { cameras: p.cameras })));

/** Kills whatever still runs in the lab's namespaces, then deletes them (their veth/macvlan ends go with them). */
export async function destroyLabByPrefix(prefix: string): Promise<string[]> {
  const names = (await listNamespaces()).filter((n) => isLabNamespace(prefix, n));
  const pids = (await Promise.all(names.map(namespacePids))).flat();
  for (const pid of pids) killQuietly(pid);
  await netnsBatch('del', names);
  return names;
}

/** Synchronous variant for process-exit hooks, where nothing asynchronous runs any more. */
export function destroyLabByPrefixSync(prefix: string, knownPids: number[] = []): void {
  for (const pid of knownPids) killQuietly(pid);
  const names = listNamespacesSync().filter((n) => isLabNamespace(prefix, n));
  for (const ns of names) for (const pid of namespacePidsSync(ns)) killQuietly(pid);
  if (names.length > 0) spawnSync('ip', ['-batch', '-'], { input: names.map((n) => `netns del ${n}\n`).join('') });
}
