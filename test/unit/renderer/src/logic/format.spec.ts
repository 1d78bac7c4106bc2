import { describe, expect, it } from 'vitest';
import { describeFact, formatClock, formatSeconds, plural, sourceLabel } from '../../../../../renderer/src/logic/format.js';

const localIso = (h: number, m: number, s: number) => new Date(2026, 10, 25, h, m, s).toISOString();

describe('format', () => {
  it('says where a fact came from and when, the way the detail panel shows it', () => {
    const at = localIso(10, 2, 3);
    expect(describeFact('mac', { value: '00:40:8c:12:34:56', source: 'arp', at })).toBe(
      'MAC 00:40:8c:12:34:56 — from ARP (neighbour table) at 10:02:03',
    );
    expect(sourceLabel('uuid-suffix')).toBe('endpoint UUID suffix');
  });

  it('shows local clock time, and bounded raw text for a timestamp it cannot read', () => {
    expect(formatClock(localIso(9, 5, 7))).toBe('09:05:07');
    expect(formatClock('x'.repeat(100))).toBe('x'.repeat(40));
  });

  it('formats durations and counts', () => {
    expect(formatSeconds(2450)).toBe('2.5 s');
    expect(formatSeconds(-5)).toBe('0.0 s');
    expect(plural(1, 'reply', 'replies')).toBe('1 reply');
    expect(plural(3, 'camera')).toBe('3 cameras');
  });
});
