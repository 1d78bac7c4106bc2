/**
 * Write-token mode of the batch job on the token lab (issue #9's loopback Axis agents + cloud simulator):
 * identify → find or create the camera's channel → write its token → confirm online, and a resumed job never
 * writes a camera twice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OnboardJob } from '../../../../shared/contract/onboard.js';
import type { Core } from '../../../../electron/core/core.js';
import { FAST, labSecrets, startTokenLab, type TokenLab } from './token-lab.js';

let lab: TokenLab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

async function finished(core: Core): Promise<OnboardJob> {
  for (;;) {
    const status = await core['onboard.status']({});
    if (!status.ok) throw new Error(status.message);
    const job = status.value.job;
    if (job && ['finished', 'cancelled', 'stopped'].includes(job.progress.state)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('onboarding in write-token mode', () => {
  it('writes each camera its own channel token and sees it online; running the job again writes nothing', async () => {
    const ledgerPath = join(mkdtempSync(join(tmpdir(), 'cf-onboard-write-')), 'job.jsonl');
    lab = await startTokenLab(
      Array.from({ length: 5 }, () => ({})),
      { core: { ...FAST, onboarding: { ledgerPath, pollMs: 10, backoff: { baseMs: 5, maxMs: 20 } } } },
    );
    const { core, cloud, cameras } = lab;
    const started = await core['onboard.start']({ mode: 'write-token', scope: {} });
    expect(started.ok, started.ok ? '' : started.message).toBe(true);
    const job = await finished(core);
    expect(job.progress, JSON.stringify(job.cameras.map((c) => c.message))).toMatchObject({ total: 5, done: 5, failed: 0 });
    for (const camera of cameras) {
      const id = camera.serial.toUpperCase();
      const channels = [...cloud.state.channels.values()].filter((c) => c.meta['rsid'] === id);
      expect(channels, `channel of ${camera.serial}`).toHaveLength(1);
      expect(camera.agent.state.cloudToken).toBe(channels[0]!.allToken);
      expect(channels[0]!.streaming).toBe(true);
    }
    const restarts = cameras.map((c) => c.agent.state.restarts);

    // The same job again (resume from the same ledger): every step is reconciled, no camera is written twice.
    const again = await core['onboard.start']({ mode: 'write-token', scope: {}, resume: true });
    expect(again.ok, again.ok ? '' : again.message).toBe(true);
    const second = await finished(core);
    expect(second.progress).toMatchObject({ done: 5, failed: 0 });
    expect(cameras.map((c) => c.agent.state.restarts)).toEqual(restarts);
    expect(cloud.state.channels.size).toBe(5);

    const report = await core['onboard.report']({});
    const texts = [readFileSync(ledgerPath, 'utf8'), report.ok ? report.value.csv : '', JSON.stringify(second)];
    expect(labSecrets(lab).filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});
