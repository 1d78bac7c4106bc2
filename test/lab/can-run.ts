import { existsSync } from 'node:fs';

/** The lab needs Linux, root (network namespaces) and iproute2. */
export function labUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'the network lab needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the network lab needs root to create network namespaces (run the tests as root, as CI does)';
  if (!['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((p) => existsSync(p))) return 'the network lab needs iproute2 (`ip`)';
  if (!existsSync('dist/electron/cli.js') || !existsSync('dist/renderer/index.html')) return 'the app is not built; run `npm run build` first (npm test does)';
  return null;
}

/** Skipping is loud: the reason is printed so a green run never hides a check that did not happen. */
export function announceSkip(suite: string): boolean {
  const why = labUnavailableReason();
  if (why) process.stderr.write(`\n[SKIPPED] ${suite}: ${why}.\n`);
  return why !== null;
}
