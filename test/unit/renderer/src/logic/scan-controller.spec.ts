import { describe, expect, it, vi } from 'vitest';
import type { ScanDiagnostics } from '../../../../../shared/contract.js';
import type { Result } from '../../../../../shared/result.js';
import { createScanController, FINISH_GRACE_MS } from '../../../../../renderer/src/logic/scan-controller.js';
import type { ScanState } from '../../../../../renderer/src/logic/scan-state.js';
import { createFakeApi, deferred } from '../../../../support/fake-api.js';

const diagnostics = (scanId: string): ScanDiagnostics => ({
  scanId,
  startedAt: '2026-11-25T10:02:00.000Z',
  interfaces: [{ name: 'eth0', address: '198.18.0.2' }],
  skipped: [],
  probesSent: 8,
  repliesReceived: 0,
  dropped: 0,
  nonCameras: 0,
  durationMs: 5000,
  errors: [],
});
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const fake = createFakeApi();
  fake.handle('scan.status', async () => ({ ok: true, value: { running: false, last: null } }));
  const states: ScanState[] = [];
  const errors: string[] = [];
  const controller = createScanController(
    fake.api,
    (s) => states.push(s),
    (m) => errors.push(m),
  );
  const now = () => states.at(-1)!;
  return { fake, controller, states, errors, now };
}

describe('createScanController', () => {
  it('shows progress while a scan runs and keeps its diagnostics when it finishes', async () => {
    const { fake, controller, now } = setup();
    fake.handle('scan.start', async () => ({ ok: true, value: { scanId: 's1' } }));
    await controller.start(['eth0']);
    expect(fake.calls.find((c) => c.command === 'scan.start')?.args).toEqual({ interfaces: ['eth0'] });
    expect(now().running).toBe(true);
    fake.emit('scan-progress', { scanId: 's1', elapsedMs: 1200, totalMs: 5000, found: 3 });
    expect(now().progress).toEqual({ elapsedMs: 1200, totalMs: 5000, found: 3 });
    fake.emit('scan-finished', { scanId: 's1', reason: 'completed', diagnostics: diagnostics('s1') });
    expect(now()).toMatchObject({ running: false, progress: null, lastReason: 'completed', last: { scanId: 's1' } });
  });

  it('sends no interface list when every interface is wanted', async () => {
    const { fake, controller } = setup();
    fake.handle('scan.start', async () => ({ ok: true, value: { scanId: 's1' } }));
    await controller.start();
    expect(fake.calls.find((c) => c.command === 'scan.start')?.args).toEqual({});
  });

  it('passes the chosen protocols and sweep on to scan.start and follows the sweep progress', async () => {
    const { fake, controller, now } = setup();
    fake.handle('scan.start', async () => ({ ok: true, value: { scanId: 's1' } }));
    await controller.start(undefined, { protocols: ['wsd'], sweep: { cidrs: ['198.19.0.0/24'], ports: [80] } });
    expect(fake.calls.find((c) => c.command === 'scan.start')?.args).toEqual({
      protocols: ['wsd'],
      sweep: { cidrs: ['198.19.0.0/24'], ports: [80] },
    });
    fake.emit('scan-progress', { scanId: 's1', elapsedMs: 100, totalMs: 5000, found: 0, sweep: { done: 40, total: 254 } });
    expect(now().progress?.sweep).toEqual({ done: 40, total: 254 });
  });

  it('ignores a second click while the first start is still on its way', async () => {
    const { fake, controller, now } = setup();
    const answer = deferred<Result<unknown>>();
    fake.handle('scan.start', () => answer.promise);
    const first = controller.start();
    void controller.start();
    expect(now().starting).toBe(true);
    answer.resolve({ ok: true, value: { scanId: 's1' } });
    await first;
    expect(fake.calls.filter((c) => c.command === 'scan.start')).toHaveLength(1);
  });

  it('does not show a scan as running when its finish overtook the start answer', async () => {
    const { fake, controller, now } = setup();
    const answer = deferred<Result<unknown>>();
    fake.handle('scan.start', () => answer.promise);
    const started = controller.start();
    fake.emit('scan-finished', { scanId: 's1', reason: 'completed', diagnostics: diagnostics('s1') });
    answer.resolve({ ok: true, value: { scanId: 's1' } });
    await started;
    expect(now().running).toBe(false);
  });

  it('reports a refused start with the core’s sentence and re-enables Scan', async () => {
    const { fake, controller, errors, now } = setup();
    fake.handle('scan.start', async () => ({ ok: false, code: 'busy', message: 'A scan is already running.' }));
    await controller.start();
    expect(errors).toEqual(['A scan is already running.']);
    expect(now()).toMatchObject({ starting: false, running: false });
  });

  it('picks up the last scan from before the page was opened', async () => {
    const fake = createFakeApi();
    fake.handle('scan.status', async () => ({ ok: true, value: { running: false, last: diagnostics('old') } }));
    const states: ScanState[] = [];
    createScanController(
      fake.api,
      (s) => states.push(s),
      () => undefined,
    );
    await tick();
    expect(states.at(-1)!.last?.scanId).toBe('old');
  });

  it('goes idle when Stop finds nothing running, and stops listening when disposed', async () => {
    const { fake, controller, now } = setup();
    fake.handle('scan.start', async () => ({ ok: true, value: { scanId: 's1' } }));
    fake.handle('scan.stop', async () => ({ ok: true, value: { stopped: false } }));
    await controller.start();
    await controller.stop();
    expect(now().running).toBe(false);
    controller.dispose();
    expect(fake.listenerCount()).toBe(0);
  });

  it('asks the core when the end of a scan passes without scan-finished, so the bar does not spin forever', async () => {
    vi.useFakeTimers();
    try {
      const { fake, controller, now } = setup();
      fake.handle('scan.start', async () => ({ ok: true, value: { scanId: 's1' } }));
      await controller.start();
      fake.emit('scan-progress', { scanId: 's1', elapsedMs: 5000, totalMs: 5000, found: 0 });
      fake.handle('scan.status', async () => ({ ok: true, value: { running: false, last: diagnostics('s1') } }));
      await vi.advanceTimersByTimeAsync(FINISH_GRACE_MS - 1);
      expect(now().running).toBe(true);
      await vi.advanceTimersByTimeAsync(1);
      expect(now()).toMatchObject({ running: false, last: { scanId: 's1' } });
    } finally {
      vi.useRealTimers();
    }
  });
});
