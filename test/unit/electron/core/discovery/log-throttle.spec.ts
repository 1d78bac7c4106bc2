import { describe, expect, it } from 'vitest';
import { throttledLog } from '../../../../../electron/core/discovery/log-throttle.js';
import { MemoryLog } from '../../../../support/fake-udp.js';

describe('throttledLog', () => {
  it('writes at most 5 lines per 10 s and says how many it left out', () => {
    const clock = { time: 0, now: () => clock.time };
    const log = new MemoryLog();
    const write = throttledLog(log, clock);
    for (let i = 0; i < 1000; i++) write('debug', 'junk packet', { i });
    expect(log.lines).toHaveLength(5);
    clock.time += 10_000;
    write('warn', 'socket error');
    expect(log.lines[5]).toEqual({ level: 'warn', message: 'socket error', fields: { suppressedBefore: 995 } });
  });
});
