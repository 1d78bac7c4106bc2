/**
 * A LAN with no camera: Stop ends a scan early, and the empty state says what was probed and what to check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { createLab, type Lab } from '../lab/lab.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const skip = announceSkip('Chromium end-to-end (empty LAN)', {
  missing: chromiumAvailable() ? null : '/usr/bin/chromium is not installed',
});

describe.skipIf(skip)('browser mode on a LAN without cameras', () => {
  let lab: Lab;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfe2n', cameras: [{ id: 'pc', profile: 'windows-pc' }] });
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage();
    await page.goto(app.url);
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await lab?.destroy();
  });

  it('stops a running scan when the technician presses Stop', async () => {
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.getByTestId('scan-summary').textContent(), { timeout: 5000 }).toMatch(/^Scan stopped took/);
  });

  it('after a full scan, says which interface was probed and what to check', async () => {
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect.poll(() => page.getByTestId('scan-summary').textContent(), { timeout: 10_000 }).toMatch(/^Last scan took/);
    expect(await page.getByTestId('empty-probed').textContent()).toContain(`${lab.techIface} (${lab.techIp})`);
    expect(await page.getByTestId('empty-checklist').textContent()).toContain('same subnet and VLAN');
    expect(await page.getByTestId('device-row').count()).toBe(0);
    await page.screenshot({ path: 'test-results/e2e-empty.png', fullPage: true });
  });
});
