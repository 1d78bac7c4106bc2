/**
 * Issue 9 as a technician meets it, in Chromium against the real core inside the lab: an Axis camera running
 * VXG Cloud Agent (in its hourly provisioning phase, no token yet) is found by a scan, identified with the site's
 * credential set, and given its own channel's token from the Write token dialog; its row goes to "online" with
 * that channel, the cloud simulator saw it connect with exactly that channel's token, and it never polled again.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { LAB_CLOUD_URL, labCloudIp, startCloudInLab, type CloudInLab } from '../lab/cloud-in-lab.js';
import { createLab, type Lab } from '../lab/lab.js';
import { AXIS_SET, agentCamera, cameraIdOf, nextHourlyPollAtLeast, SCALED_HOUR_MS, stickerPassword } from '../lab/token-cameras.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const missing = chromiumAvailable() ? null : '/usr/bin/chromium is not installed (apt-get install chromium)';
const skip = announceSkip('Token write in Chromium', { missing });
const OLD = { licenseKey: 'LK-e2e-old-8d2f-licence', provisioningUser: 'cf-e2e-old-backend', provisioningPassword: 'prov-e2e-old-5e07' };
const OLD_URL = `http://${labCloudIp(2)}:8080`;
const SECRETS = {
  licenseKey: 'LK-e2e-tok-3c9e-licence',
  provisioningUser: 'cf-e2e-tok-backend',
  provisioningPassword: 'prov-e2e-tok-71bd',
};

describe.skipIf(skip)('Token write in Chromium: identify, write its own channel token, online with that channel', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  let oldCloud: CloudInLab;
  let oldChannel = 0;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];
  const saved = { ...process.env };
  /** The camera's own polls of the provisioning service, as its simulator reports them. */
  const polls = (): number => lab.sim.cloudEvents('cam').filter((e) => e.state === 'polling').length;

  /** No secret of any kind (camera password, license key, any channel token) may be in the page. */
  const assertNoSecrets = async (when: string, tokens: string[]) => {
    const html = await page.content();
    const inputs = await page.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const typed = [stickerPassword('mover'), OLD.licenseKey, OLD.provisioningPassword];
    for (const secret of [AXIS_SET.password, SECRETS.licenseKey, SECRETS.provisioningPassword, ...typed, ...tokens]) {
      expect(html.includes(secret), `a secret in the page ${when}`).toBe(false);
      expect(
        inputs.some((v) => v.includes(secret)),
        `a secret left in an input ${when}`,
      ).toBe(false);
    }
  };

  beforeAll(async () => {
    process.env.CAMERA_FINDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'cf-e2e-token-'));
    // The cloud account and the site's camera credential set come from the environment, as on a site box.
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_CAMERA_USER: AXIS_SET.username,
      CAMERA_FINDER_CAMERA_PASSWORD: AXIS_SET.password,
    });
    // `cam` has no token yet (hourly polling phase); `mover` was provisioned in an old account and is online there.
    lab = await createLab({ prefix: 'cfe2t', cameras: [agentCamera('cam'), agentCamera('mover', { provisioningUrl: OLD_URL })] });
    cloud = await startCloudInLab(lab, SECRETS);
    oldCloud = await startCloudInLab(lab, OLD, { slot: 2 });
    const moverId = cameraIdOf(lab.cameras.find((c) => c.id === 'mover')!.mac);
    oldChannel = await oldCloud.addChannel(`Camera ${moverId}`, { rsid: moverId, [moverId]: 'rsid' });
    await oldCloud.addRecord(moverId, stickerPassword('mover'), oldChannel);
    await lab.sim.agent('mover', { token: (await oldCloud.state()).channels.find((c) => c.id === oldChannel)!.allToken });
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await cloud?.stop();
    await oldCloud?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  it('scans, ticks the camera and identifies it with the site’s credential set', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect.poll(() => page.getByTestId('device-row').count(), { timeout: 20_000 }).toBe(2);
    const row = page.getByTestId('device-row').filter({ hasText: lab.cameras[0]!.mac });
    expect(await row.getByTestId('cloud-badge').getAttribute('data-state')).toBe('unknown');
    await row.getByTestId('row-check').check();
    await page.getByTestId('identify-selected').click();
    const result = page.getByTestId('identify-result');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    expect(await result.getAttribute('data-status'), (await result.textContent()) ?? '').toBe('authenticated');
  });

  it('writes the camera’s own channel token and shows each step, then "online" with that channel', async () => {
    const cam = lab.cameras[0]!;
    const row = page.getByTestId('device-row').filter({ hasText: cam.mac });
    // Start right after one of its hourly polls, so the next one is not due while the write runs.
    const { polls: pollsBefore } = await nextHourlyPollAtLeast(lab, 'cam', 8000);

    await page.getByTestId('token-write-open').click();
    const dialog = page.getByTestId('token-dialog');
    expect(await dialog.getByTestId('token-source-own').isChecked()).toBe(true);
    await dialog.getByTestId('token-submit').click();
    const result = dialog.getByTestId('token-result');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    expect(await result.getAttribute('data-status'), (await result.textContent()) ?? '').toBe('written');
    expect(await result.getAttribute('data-ok')).toBe('true');
    const steps = await result.getByTestId('token-step').evaluateAll((els) => els.map((e) => `${e.dataset.step}:${e.dataset.result}`));
    for (const step of ['write', 'read-back', 'restart', 'confirm']) expect(steps, steps.join(' ')).toContain(`${step}:ok`);
    expect(steps.some((s) => s.endsWith(':failed'))).toBe(false);
    const channelText = (await result.getByTestId('token-result-channel').textContent()) ?? '';
    const channelId = Number(/channel (\d+)/.exec(channelText)?.[1]);
    expect(channelId, channelText).toBeGreaterThan(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-token-written.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const badge = row.getByTestId('cloud-badge');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    expect(await badge.getAttribute('data-channel')).toBe(String(channelId));
    expect(await badge.textContent()).toBe('Online');
    await row.click();
    expect(await page.getByTestId('cloud-channel').textContent()).toBe(String(channelId));
    await page.screenshot({ path: 'test-results/e2e-token-online.png' });

    // The cloud's side: the camera connected with exactly that channel's token, the channel streams, and the
    // camera got there without asking the provisioning service (it has no record there at all).
    const state = await cloud.state();
    const channel = state.channels.find((c) => c.id === channelId);
    expect(channel?.meta['rsid'], 'the channel is the camera’s own (found or created by its ID)').toBe(cameraIdOf(cam.mac));
    expect(channel?.streaming).toBe(true);
    expect(state.connections.at(-1)?.token === channel?.allToken, 'the camera connected with the channel’s all token').toBe(true);
    expect(state.connections.at(-1)?.channelId).toBe(channelId);
    expect(state.records.some((r) => r.serialId === cameraIdOf(cam.mac))).toBe(false);

    // It never asked the provisioning service on the way, and holding a token it does not ask again: one whole
    // (scaled) hour later its poll count has not moved.
    expect(polls(), 'polls while the token was written').toBe(pollsBefore);
    await new Promise((r) => setTimeout(r, SCALED_HOUR_MS + 2000));
    expect(polls(), 'polls in the hour after').toBe(pollsBefore);

    await assertNoSecrets(
      'after the write',
      state.channels.flatMap((c) => [c.allToken, c.watchToken]),
    );
    expect(pageErrors).toEqual([]);
  });

  it('moves the other camera to the new account from the dialog: steps explained, then each result; online there, old record gone', async () => {
    const mover = lab.cameras.find((c) => c.id === 'mover')!;
    const row = page.getByTestId('device-row').filter({ hasText: mover.mac });
    await page.getByTestId('selected-count').getByRole('button', { name: 'Clear' }).click();
    await row.getByTestId('row-check').check();
    await page.getByTestId('identify-selected').click();
    await expect.poll(() => page.getByTestId('identify-result').getAttribute('data-status'), { timeout: 20_000 }).toBe('authenticated');

    await page.getByTestId('move-open').click();
    const dialog = page.getByTestId('move-dialog');
    await dialog.getByTestId('move-password').fill(stickerPassword('mover'));
    await dialog.getByTestId('move-delete-old').check();
    const planned = await dialog.getByTestId('move-plan-step').evaluateAll((els) => els.map((e) => `${e.dataset.step}:${e.dataset.runs}`));
    expect(planned).toEqual(['delete-old-record:true', 'register:true', 'write-token:true', 'delete-old-channel:true']);
    await dialog.getByTestId('move-old-provisioningUrl').fill(`${OLD_URL}/v1/token`);
    await dialog.getByTestId('move-old-provisioningUser').fill(OLD.provisioningUser);
    await dialog.getByTestId('move-old-provisioningPassword').fill(OLD.provisioningPassword);
    await dialog.getByTestId('move-old-apiUrl').fill(OLD_URL);
    await dialog.getByTestId('move-old-licenseKey').fill(OLD.licenseKey);
    await dialog.getByTestId('move-submit').click();

    const results = dialog.getByTestId('move-results');
    await expect.poll(() => results.count(), { timeout: 60_000 }).toBe(1);
    expect(await results.getAttribute('data-ok'), (await results.textContent()) ?? '').toBe('true');
    const steps = await results.getByTestId('move-step').evaluateAll((els) => els.map((e) => `${e.dataset.step}:${e.dataset.result}`));
    expect(steps).toEqual(['delete-old-record:ok', 'register:ok', 'write-token:ok', 'delete-old-channel:ok']);
    expect(await results.getByTestId('move-old-record').textContent()).toBe('The old provisioning record is gone.');
    const channelId = Number(/(\d+)/.exec((await results.getByTestId('move-channel').textContent()) ?? '')?.[1]);
    expect(await results.getByTestId('token-result').getAttribute('data-status')).toBe('written');
    await page.screenshot({ path: 'test-results/e2e-token-moved.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const badge = row.getByTestId('cloud-badge');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    expect(await badge.getAttribute('data-channel')).toBe(String(channelId));

    const now = await cloud.state();
    const channel = now.channels.find((c) => c.id === channelId);
    expect(channel?.meta['rsid']).toBe(cameraIdOf(mover.mac));
    expect(channel?.streaming).toBe(true);
    expect(now.connections.filter((c) => c.serialId === cameraIdOf(mover.mac)).at(-1)?.channelId).toBe(channelId);
    const old = await oldCloud.state();
    expect(old.records.some((r) => r.serialId === cameraIdOf(mover.mac))).toBe(false);
    expect(old.channels.some((c) => c.id === oldChannel)).toBe(false);

    const tokens = [...now.channels, ...old.channels].flatMap((c) => [c.allToken, c.watchToken]);
    await assertNoSecrets('after the move', tokens);
    expect(pageErrors).toEqual([]);
  });
});
