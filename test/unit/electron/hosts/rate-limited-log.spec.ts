import { describe, expect, it } from 'vitest';
import { createRateLimitedWarn } from '../../../../electron/hosts/rate-limited-log.js';
import type { Logger } from '../../../../electron/platform/ports.js';

describe('rate-limited warnings', () => {
  it('writes a few of each kind per window, then one line with the count it held back', () => {
    const lines: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn: (m) => void lines.push(m), error() {} };
    let now = 0;
    const warn = createRateLimitedWarn(log, { perWindow: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 100_000; i++) warn('bad frame');
    warn('other kind');
    expect(lines).toEqual(['bad frame', 'bad frame', 'bad frame', 'other kind']);
    now = 1000;
    warn('bad frame');
    expect(lines.slice(4)).toEqual(['suppressed 99997 more warnings like: bad frame', 'bad frame']);
  });
});
