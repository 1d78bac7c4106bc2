/**
 * A technician's first minute, in Chromium against the real core (browser mode), inside the lab:
 * open the link, press Scan, watch rows fill in with MACs, open one and read where each fact came from.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { createLab, type Lab } from '../lab/lab.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const XSS_NAME = '<img src=x onerror=alert(1)>';
const missing = chromiumAvailable() ? null : '/usr/bin/chromium is not installed (apt-get install chromium)';
const skip = announceSkip('Chromium end-to-end', { missing });

describe.skipIf(skip)('browser mode in Chromium, inside the lab', () => {
  let lab: Lab;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfe2e',
      cameras: [
        { id: 'axis', profile: 'axis' },
        { id: 'hik', profile: 'hikvision' },
        { id: 'dahua', profile: 'dahua' },
        { id: 'reolink', profile: 'reolink' },
        // WS-Discovery only: an Axis also answers UPnP, whose friendlyName would be the name shown (issue 10).
        { id: 'evil', profile: 'reolink', name: XSS_NAME },
        { id: 'pc', profile: 'windows-pc' },
      ],
    });
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await lab?.destroy();
  });

  it('fills the table live with every camera and its MAC after pressing Scan', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect.poll(() => page.getByTestId('scan-progress').isVisible(), { timeout: 5000 }).toBe(true);
    const rows = page.getByTestId('device-row');
    const cameras = lab.cameras.filter((c) => c.profile !== 'windows-pc');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(cameras.length);
    for (const cam of cameras) {
      const row = page.locator(`[data-testid="device-row"][data-ip="${cam.ip}"]`);
      await expect.poll(() => row.getByTestId('mac-text').textContent(), { timeout: 10_000, message: `MAC of ${cam.id}` }).toBe(cam.mac);
    }
    await expect.poll(() => page.getByTestId('scan-summary').isVisible(), { timeout: 10_000 }).toBe(true);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-scan.png', fullPage: true });
  });

  it('opens a camera and shows where each fact came from', async () => {
    const axis = lab.cameras.find((c) => c.id === 'axis')!;
    await page.locator(`[data-testid="device-row"][data-ip="${axis.ip}"]`).click();
    const panel = page.getByTestId('detail-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    // An Axis camera gives its MAC over ARP, UPnP and mDNS (issue #10): every fact holds the one MAC, one says ARP.
    const macFacts = await panel.locator('[data-testid="fact"][data-fact="mac"]').allTextContents();
    expect(macFacts.length).toBeGreaterThan(0);
    for (const text of macFacts) expect(text).toContain(axis.mac);
    expect(macFacts.some((text) => text.includes('ARP (neighbour table)'))).toBe(true);
    const vendorFact = await panel.locator('[data-testid="fact"][data-fact="vendor"]').first().textContent();
    expect(vendorFact).toContain('Axis Communications');
    expect(vendorFact).toContain('IEEE OUI registry');
    expect(await panel.getByTestId('onvif-endpoint').textContent()).toMatch(/[0-9a-f-]{36}/);
    await page.screenshot({ path: 'test-results/e2e-detail.png', fullPage: true });
    await panel.getByRole('button', { name: 'Close details' }).click();
  });

  it('shows a hostile camera name as text, never as HTML', async () => {
    const evil = lab.cameras.find((c) => c.id === 'evil')!;
    const row = page.locator(`[data-testid="device-row"][data-ip="${evil.ip}"]`);
    expect(await row.getByTestId('cell-name').textContent()).toBe(XSS_NAME);
    await row.click();
    expect(await page.getByTestId('detail-title').textContent()).toContain(XSS_NAME);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
