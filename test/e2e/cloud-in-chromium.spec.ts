/**
 * Issue 7 as a technician meets it, in Chromium against the real core inside the lab: configure VXG Cloud (the
 * cloud simulator on the lab bridge), register a camera with its sticker password, and watch its cloud state go
 * from "waiting for camera" to "online" while the camera polls the provisioning service on its own.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab } from '../lab/cloud-in-lab.js';
import { createLab, type Lab } from '../lab/lab.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const missing = chromiumAvailable() ? null : '/usr/bin/chromium is not installed (apt-get install chromium)';
const skip = announceSkip('VXG Cloud registration in Chromium', { missing });
const SECRETS = { licenseKey: 'LK-e2e-51d0c2-licence', provisioningUser: 'cf-e2e-backend', provisioningPassword: 'prov-e2e-9a7c' };
const STICKER = 'sticker-e2e-Qw3;"x';

describe.skipIf(skip)('VXG Cloud in Chromium: configure, register, waiting → online', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    // A data folder of the test's own, so settings never touch the real profile; no cloud settings in the env:
    // the technician types them in the UI.
    process.env.CAMERA_FINDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'cf-e2e-cloud-'));
    lab = await createLab({
      prefix: 'cfe2c',
      cameras: [
        {
          id: 'cam',
          profile: 'axis',
          stopped: true,
          provisioning: { url: LAB_CLOUD_URL, variant: 'token-get', password: STICKER, timeScale: 600, startedAgoMs: 0 },
        },
      ],
    });
    cloud = await startCloudInLab(lab, SECRETS);
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await cloud?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  it('saves the cloud settings without keeping the secrets in the page, and both services answer the test', async () => {
    await page.goto(app.url);
    await page.getByTestId('nav-cloud').click();
    await page.getByTestId('cloud-api-url').fill(LAB_CLOUD_URL);
    await page.getByTestId('cloud-license-key').fill(SECRETS.licenseKey);
    await page.getByTestId('cloud-provisioning-url').fill(`${LAB_CLOUD_URL}/v1/token`);
    await page.getByTestId('cloud-provisioning-user').fill(SECRETS.provisioningUser);
    await page.getByTestId('cloud-provisioning-password').fill(SECRETS.provisioningPassword);
    await page.getByTestId('cloud-save').click();
    await expect.poll(() => page.getByTestId('cloud-license-key-set').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('cloud-provisioning-password-set').isVisible()).toBe(true);
    const html = await page.content();
    const inputs = await page.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const secret of [SECRETS.licenseKey, SECRETS.provisioningPassword]) {
      expect(html.includes(secret), 'secret in the page after saving').toBe(false);
      expect(inputs.includes(secret), 'secret left in an input').toBe(false);
    }
    await page.getByTestId('cloud-test').click();
    await expect.poll(() => page.getByTestId('test-api').textContent(), { timeout: 15_000 }).toMatch(/\w/);
    await expect.poll(() => page.getByTestId('test-provisioning').textContent(), { timeout: 15_000 }).toMatch(/\w/);
    expect(await page.getByTestId('test-api').getAttribute('data-ok'), (await page.getByTestId('test-api').textContent()) ?? '').toBe(
      'true',
    );
    expect(await page.getByTestId('test-provisioning').getAttribute('data-ok')).toBe('true');
  });

  it('registers the camera with its sticker password and shows it waiting, then online', async () => {
    await page.getByTestId('nav-devices').click();
    await lab.sim.startCamera('cam'); // boots: Hello, then it starts asking the provisioning service
    const row = page.getByTestId('device-row').filter({ hasText: lab.cameras[0]!.mac });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByTestId('row-check').check();
    await page.getByTestId('register-open').click();
    await page.getByTestId('row-password').first().fill(STICKER);
    await page.getByTestId('register-submit').click();
    mkdirSync('test-results', { recursive: true });
    await expect.poll(() => page.getByTestId('register-result').first().textContent(), { timeout: 20_000 }).toMatch(/Registered/i);
    await page.screenshot({ path: 'test-results/e2e-cloud-registered.png' });
    // The channel's token as decoded fields: which channel and cloud the camera was handed, never the secret.
    expect(await page.getByTestId('token-summary').first().textContent()).toMatch(/^all token · channel \d+/);
    await page.getByRole('button', { name: 'Close' }).click();

    const badge = row.getByTestId('cloud-badge');
    const states: string[] = [];
    await expect
      .poll(
        async () => {
          const s = (await badge.getAttribute('data-state')) ?? '';
          if (states.at(-1) !== s) states.push(s);
          return s;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe('online');
    expect(states).toContain('polling');
    const record = (await cloud.state()).records.find((r) => r.serialId === lab.cameras[0]!.mac.replaceAll(':', '').toUpperCase());
    expect(record?.password, 'the sticker password reached the provisioning record exactly').toBe(STICKER);
    await page.screenshot({ path: 'test-results/e2e-cloud-online.png' });
    expect(pageErrors).toEqual([]);
  });
});
