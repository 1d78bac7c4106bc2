/**
 * Issue 8 as a technician meets it, in Chromium against the real core inside the lab: add a credential set on the
 * Credentials screen (the password leaves the page on save), scan, press Identify all, and read each camera's
 * serial (an 18-digit one kept exactly), firmware and "Authenticated (set)" in the table; MAC origin in the panel.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { createLab, type Lab } from '../lab/lab.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const missing = chromiumAvailable() ? null : '/usr/bin/chromium is not installed (apt-get install chromium)';
const skip = announceSkip('Identify with credentials in Chromium', { missing });
const USER = 'e2e-operator';
const PASSWORD = 'Pässwort-e2e-7f3!"<b>';
const SERIAL_18 = '202311070000123456';
const HIK_FIRMWARE = 'V5.7.3 build 230712';
const AXIS_FIRMWARE = '11.11.73';

describe.skipIf(skip)('Identify in Chromium: credential set, Identify all, serial/firmware/auth in the table', () => {
  let lab: Lab;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];
  const saved = { ...process.env };

  /** The whole page (markup and every input's value) must never hold the password after it was saved. */
  const assertPasswordGone = async (when: string) => {
    const html = await page.content();
    const inputs = await page.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(html.includes(PASSWORD), `password in the page ${when}`).toBe(false);
    expect(
      inputs.some((v) => v.includes(PASSWORD)),
      `password left in an input ${when}`,
    ).toBe(false);
  };

  beforeAll(async () => {
    process.env.CAMERA_FINDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'cf-e2e-identify-'));
    delete process.env.CAMERA_FINDER_CAMERA_USER;
    delete process.env.CAMERA_FINDER_CAMERA_PASSWORD;
    const users = { [USER]: PASSWORD };
    lab = await createLab({
      prefix: 'cfe2i',
      cameras: [
        { id: 'hik', profile: 'hikvision', device: { auth: 'digest-sha256+md5', users, serial: SERIAL_18, firmware: HIK_FIRMWARE } },
        {
          id: 'axis',
          profile: 'axis',
          device: { auth: 'ws-security', users, firmware: AXIS_FIRMWARE, vapix: { agent: 'running', cloudToken: 'tok-e2e-not-shown' } },
        },
      ],
    });
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  it('adds a credential set; the password is gone from the page once saved', async () => {
    await page.goto(app.url);
    await page.getByTestId('nav-credentials').click();
    await expect.poll(() => page.getByTestId('credential-new-name').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('credential-new-name').fill('Site default');
    await page.getByTestId('credential-new-username').fill(USER);
    await page.getByTestId('credential-new-password').fill(PASSWORD);
    await page.getByTestId('credential-save').click();
    await expect.poll(() => page.getByTestId('credential-name').allTextContents(), { timeout: 10_000 }).toEqual(['Site default']);
    expect(await page.getByTestId('credential-new-password').inputValue()).toBe('');
    await assertPasswordGone('after saving');
    expect(await page.content()).not.toContain(USER); // the renderer is sent names and scope only
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-identify-credentials.png' });
  });

  it('scans, identifies all cameras and shows serial, firmware and auth status per row', async () => {
    await page.getByTestId('nav-devices').click();
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    const rows = page.getByTestId('device-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('scan-summary').isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByTestId('identify-all').click();
    const results = page.getByTestId('identify-result');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBe(2);
    const statuses = await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses, (await results.allTextContents()).join(' | ')).toEqual(['authenticated', 'authenticated']);
    expect(await page.getByTestId('identify-result-label').allTextContents()).toEqual([
      'Authenticated with set Site default',
      'Authenticated with set Site default',
    ]);

    const hik = lab.cameras.find((c) => c.id === 'hik')!;
    const axis = lab.cameras.find((c) => c.id === 'axis')!;
    const rowOf = (ip: string) => page.locator(`[data-testid="device-row"][data-ip="${ip}"]`);
    const expected = [
      { cam: hik, serial: SERIAL_18, firmware: HIK_FIRMWARE },
      { cam: axis, serial: axis.mac.replaceAll(':', '').toUpperCase(), firmware: AXIS_FIRMWARE },
    ];
    for (const { cam, serial, firmware } of expected) {
      const row = rowOf(cam.ip);
      await expect.poll(() => row.getByTestId('cell-auth').textContent(), { timeout: 10_000 }).toBe('Authenticated (Site default)');
      expect((await row.getByTestId('cell-serial').textContent())?.toUpperCase(), `serial of ${cam.id}`).toBe(serial);
      expect(await row.getByTestId('cell-firmware').textContent(), `firmware of ${cam.id}`).toBe(firmware);
      expect(await row.getByTestId('mac-text').textContent()).toBe(cam.mac);
    }

    // The detail panel says where the MAC came from now that the camera itself was asked.
    await rowOf(hik.ip).click();
    const panel = page.getByTestId('identity-section');
    await expect.poll(() => panel.getByTestId('identity-mac-source').textContent(), { timeout: 5000 }).toMatch(/^from (ONVIF|VAPIX|ARP)$/);
    expect(await panel.getByTestId('identity-serial').textContent()).toBe(SERIAL_18);
    expect(await page.getByTestId('mac-conflict-note').count()).toBe(0);
    await page.screenshot({ path: 'test-results/e2e-identify-table.png' });

    await assertPasswordGone('after identifying');
    expect(await page.content()).not.toContain('tok-e2e-not-shown');
    expect(pageErrors).toEqual([]);
  });
});
