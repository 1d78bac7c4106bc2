import { describe, expect, it } from 'vitest';
import { cameraOrder, formatDuration, parseSubnets, progressLine } from '../../../../../renderer/src/logic/onboarding-view.js';
import type { OnboardCamera } from '../../../../../shared/contract.js';

const cam = (cameraId: string, ip: string | null, state: OnboardCamera['state']): OnboardCamera => ({
  cameraId,
  deviceId: null,
  csvLine: null,
  mac: null,
  serial: null,
  model: null,
  firmware: null,
  ip,
  channelId: null,
  state,
  step: null,
  message: '',
  updatedAt: null,
});

describe('onboarding view helpers', () => {
  it('formats durations a technician reads at a glance', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(3 * 3_600_000 + 60_000)).toBe('3 h 1 min');
  });

  it('says progress in one line, ETA only while running', () => {
    const p = {
      total: 40,
      done: 12,
      failed: 1,
      running: 8,
      waiting: 3,
      pending: 16,
      ratePerMinute: 4.2,
      etaMs: 400_000,
      state: 'running' as const,
    };
    expect(progressLine(p)).toBe('12 of 40 onboarded · 1 failed · 8 running · 3 waiting · 4.2/min · about 6 min 40 s left');
    expect(progressLine({ ...p, state: 'paused' })).not.toContain('left');
  });

  it('splits subnets on commas, semicolons and spaces', () => {
    expect(parseSubnets(' 198.19.0.0/24,198.19.1.0/24 ;\n10.0.0.0/16 ')).toEqual(['198.19.0.0/24', '198.19.1.0/24', '10.0.0.0/16']);
    expect(parseSubnets('  ')).toEqual([]);
  });

  it('orders failed cameras first, then by numeric IP', () => {
    const order = cameraOrder([
      cam('a', '198.18.1.10', 'onboarded'),
      cam('b', '198.18.1.9', 'onboarded'),
      cam('c', '198.18.1.200', 'failed'),
    ]);
    expect(order.map((c) => c.cameraId)).toEqual(['c', 'b', 'a']);
  });
});
