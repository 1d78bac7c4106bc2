/**
 * The device table for a whole site (issue #10), in Chromium against the real core (browser mode) inside the lab:
 * filters (cameras / all devices, vendor, subnet, source), the search box, sorting, the CSV export (the file's rows
 * are the table's rows, formula text neutralised), and the diagnostics panel's per interface × protocol numbers.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAppInLab, type AppInLab } from '../lab/app-in-lab.js';
import { announceSkip } from '../lab/can-run.js';
import { createLab, type Lab } from '../lab/lab.js';
import { addRoutedSubnet, type RoutedSubnet } from '../lab/routed-subnet.js';
import { chromiumAvailable, launchChromiumIn } from './support/chromium-in-namespace.js';

const FORMULA_NAME = '=HYPERLINK("http://198.18.9.9/x","open")';
const missing = chromiumAvailable() ? null : '/usr/bin/chromium is not installed (apt-get install chromium)';
const skip = announceSkip('Chromium discovery table', { missing });

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe.skipIf(skip)('the discovery table in Chromium, inside the lab', () => {
  let lab: Lab;
  let routed: RoutedSubnet;
  let app: AppInLab;
  let chromium: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  const rows = () => page.getByTestId('device-row');
  const rowAttr = (name: string) => rows().evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr) ?? ''), `data-${name}`);
  const cellTexts = (testId: string) => page.getByTestId(testId).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  const optionValues = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('option')
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter((v) => v !== ''));
  const cameras = () => lab.cameras.filter((c) => c.profile !== 'windows-pc');

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfe2t',
      cameras: [
        { id: 'axis1', profile: 'axis' },
        { id: 'axis2', profile: 'axis' },
        { id: 'hik1', profile: 'hikvision' },
        { id: 'hik2', profile: 'hikvision' },
        // Dahua puts the same name in its ONVIF scopes and its UPnP friendlyName, so the formula is what the row shows.
        { id: 'dahua', profile: 'dahua', name: FORMULA_NAME },
        { id: 'reolink', profile: 'reolink' },
        { id: 'pc', profile: 'windows-pc' },
      ],
    });
    // Behind a router: no multicast reaches it, so only the sweep typed into the scan options finds it.
    routed = await addRoutedSubnet(lab, [
      { id: 'routed', profile: 'hikvision', device: { auth: 'digest-md5', users: { admin: 'e2e-pass' } } },
    ]);
    app = await startAppInLab(lab);
    chromium = await launchChromiumIn(lab.techNs);
    page = await chromium.browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await chromium?.close();
    await app?.stop();
    await lab?.destroy();
  });

  /** Back to cameras only, no search, no filter: each test starts from the table a technician first sees. */
  beforeEach(async () => {
    if (!page || page.url() === 'about:blank') return;
    await page.getByTestId('filter-input').fill('');
    await page.getByTestId('show-non-cameras').uncheck();
    if (await page.getByTestId('clear-filters').isVisible()) await page.getByTestId('clear-filters').click();
  });

  it('shows cameras by default and every device when asked; each row carries its source badges', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(cameras().length);
    await expect.poll(() => page.getByTestId('scan-summary').isVisible(), { timeout: 15_000 }).toBe(true);
    const cameraIps = cameras().map((c) => c.ip);
    expect((await rowAttr('ip')).sort()).toEqual(cameraIps.sort());
    expect(await rowAttr('camera')).toEqual(cameras().map(() => 'true'));
    // "All devices" adds whatever non-camera answered (the Windows PC answers only the untyped probe) and no camera.
    await page.getByTestId('show-non-cameras').check();
    const all = await rowAttr('camera');
    expect(all.filter((c) => c === 'true')).toHaveLength(cameras().length);
    const sources = await page.getByTestId('cell-sources').evaluateAll((els) => els.map((el) => el.getAttribute('data-sources') ?? ''));
    expect(sources.every((s) => s.split(' ').includes('wsd'))).toBe(true);
    expect(await page.locator('[data-testid="source-badges"] [data-source="wsd"]').count()).toBe(all.length);
    await page.getByTestId('show-non-cameras').uncheck();
    await expect.poll(() => rows().count()).toBe(cameras().length);
  });

  it('filters by vendor, subnet and source, each list offering only what was found', async () => {
    const axisIps = lab.cameras.filter((c) => c.profile === 'axis').map((c) => c.ip);
    const axisVendor = await page.locator(`[data-testid="device-row"][data-ip="${axisIps[0]}"]`).getByTestId('cell-vendor').textContent();
    expect(axisVendor).toMatch(/axis/i);
    expect(await optionValues('filter-vendor')).toContain(axisVendor);
    await page.getByTestId('filter-vendor').selectOption(axisVendor!);
    await expect.poll(async () => (await rowAttr('ip')).sort()).toEqual([...axisIps].sort());
    expect(await page.getByTestId('device-count').textContent()).toBe(`2 of ${cameras().length} cameras`);

    // The lab is one /16 on the technician's lab0: that is the only subnet offered, and it keeps every camera.
    expect(await optionValues('filter-subnet')).toEqual(['198.18.0.0/16']);
    await page.getByTestId('clear-filters').click();
    await page.getByTestId('filter-subnet').selectOption('198.18.0.0/16');
    await expect.poll(() => rows().count()).toBe(cameras().length);

    // Every source offered keeps exactly the rows whose badges name it.
    await page.getByTestId('clear-filters').click();
    const all = await page.getByTestId('cell-sources').evaluateAll((els) => els.map((el) => el.getAttribute('data-sources') ?? ''));
    const offered = await optionValues('filter-source');
    // The simulated Axis answers WS-Discovery, SSDP (UPnP description) and mDNS (_axis-video): one row, three badges.
    expect(offered).toEqual(expect.arrayContaining(['wsd', 'ssdp', 'mdns']));
    const axisRow = page.locator(`[data-testid="device-row"][data-ip="${axisIps[0]}"]`);
    expect(await axisRow.locator('[data-testid="source-badges"] .badge').allTextContents()).toEqual(['WSD', 'SSDP', 'mDNS']);
    const narrowed: number[] = [];
    for (const source of offered) {
      await page.getByTestId('filter-source').selectOption(source);
      const expected = all.filter((s) => s.split(' ').includes(source)).length;
      await expect.poll(() => rows().count(), { message: `source ${source}` }).toBe(expected);
      narrowed.push(expected);
    }
    // Not every profile speaks every protocol, so some source filter leaves cameras out.
    expect(Math.min(...narrowed)).toBeLessThan(cameras().length);
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => rows().count()).toBe(cameras().length);
  });

  it('finds a camera by its MAC typed as on the sticker, and sorts by a column', async () => {
    const hik = lab.cameras.find((c) => c.id === 'hik1')!;
    await page.getByTestId('filter-input').fill(hik.mac.replaceAll(':', '').toUpperCase());
    await expect.poll(() => rowAttr('ip')).toEqual([hik.ip]);
    await page.getByTestId('filter-input').fill('');
    await page.getByTestId('sort-mac').click();
    const macs = await rowAttr('mac');
    expect(macs).toEqual([...macs].sort());
    await page.getByTestId('sort-mac').click();
    expect(await rowAttr('mac')).toEqual([...macs].reverse());
  });

  it('exports the table as shown: the CSV rows are the table rows, in order, formulas neutralised', async () => {
    await page.getByTestId('show-non-cameras').check();
    await expect.poll(() => rows().count()).toBeGreaterThanOrEqual(cameras().length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^camera-finder-devices-.*\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const header = csv[0]!;
    const col = (name: string) => header.indexOf(name);
    const body = csv.slice(1);
    expect(body.map((r) => r[col('MAC')])).toEqual(await rowAttr('mac'));
    expect(body.map((r) => r[col('IP')])).toEqual(await rowAttr('ip'));
    const names = await cellTexts('cell-name');
    expect(body.map((r) => r[col('Name')]!.replace(/^'(?=[=+\-@])/, ''))).toEqual(names);
    const formulaRow = body.find((r) => r[col('IP')] === lab.cameras.find((c) => c.id === 'dahua')!.ip)!;
    expect(formulaRow[col('Name')]).toBe(`'${FORMULA_NAME}`);
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(body.map((r) => r[col('Camera')])).toEqual((await rowAttr('camera')).map((c) => (c === 'true' ? 'yes' : 'no')));

    // A filtered export holds only the filtered rows.
    await page.getByTestId('filter-input').fill(lab.cameras.find((c) => c.id === 'dahua')!.ip);
    await expect.poll(() => rows().count()).toBe(1);
    const [filtered] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const filteredCsv = parseCsv(readFileSync((await filtered.path())!, 'utf8'));
    expect(filteredCsv.slice(1).map((r) => r[col('IP')])).toEqual(await rowAttr('ip'));
    await page.getByTestId('filter-input').fill('');
    await page.getByTestId('show-non-cameras').uncheck();
  });

  it('shows the diagnostics of the scan with numbers per interface and protocol', async () => {
    const panel = page.getByTestId('diagnostics');
    await panel.locator('summary').click();
    const lab0 = panel.locator(`[data-testid="diagnostics-interface"][data-interface="${lab.techIface}"]`);
    expect(await lab0.count()).toBe(1);
    expect(await lab0.getAttribute('data-virtual')).toBe('false');
    const wsd = lab0.locator('[data-testid="diagnostics-cell"][data-protocol="wsd"]');
    expect(await wsd.count()).toBe(1);
    const num = async (attr: string) => Number(await wsd.getAttribute(`data-${attr}`));
    expect(await num('sent')).toBeGreaterThan(0);
    expect(await num('replies')).toBeGreaterThanOrEqual(cameras().length);
    expect(await num('devices')).toBeGreaterThanOrEqual(cameras().length);
    expect(await num('errors')).toBe(0);
    expect(await panel.getByTestId('diagnostics-totals').textContent()).toMatch(/^[1-9]\d* probes sent, [1-9]\d* replies/);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-discovery-table.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('sweeps a routed subnet typed into the scan options: live progress, a routed row, its subnet, the sweep numbers', async () => {
    const cam = routed.cameras[0]!;
    expect(await page.locator(`[data-testid="device-row"][data-ip="${cam.ip}"]`).count()).toBe(0);
    await page.getByTestId('scan-options').locator('summary').click();
    await page.getByTestId('sweep-cidrs').fill('198.19.1.0/24');
    await page.getByTestId('sweep-ports').fill('80');
    await page.getByTestId('scan-options').locator('summary').click();
    const progress = page.waitForSelector('[data-testid="sweep-progress-text"]', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    expect(await (await progress).textContent()).toMatch(/^sweep [\d,]+ \/ 254$/);

    const row = page.locator(`[data-testid="device-row"][data-ip="${cam.ip}"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('scan-summary').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await row.getByTestId('cell-sources').getAttribute('data-sources')).toContain('sweep');
    expect(await row.getByTestId('off-subnet-badge').count()).toBe(1);
    // The neighbour table only knows the router's MAC for this address: it must not be shown as the camera's.
    expect(await row.getAttribute('data-mac')).not.toBe(routed.routerMac);

    expect(await optionValues('filter-subnet')).toContain('198.19.1.0/24');
    await page.getByTestId('filter-subnet').selectOption('198.19.1.0/24');
    await expect.poll(() => rowAttr('ip')).toEqual([cam.ip]);
    await page.getByTestId('filter-source').selectOption('sweep');
    await expect.poll(() => rowAttr('ip')).toEqual([cam.ip]);

    const panel = page.getByTestId('diagnostics');
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    expect(await panel.getByTestId('diagnostics-sweep').textContent()).toMatch(
      /^198\.19\.1\.0\/24: 254 addresses, 254 probed, [1-9]\d* answered$/,
    );
    const sweepCell = panel.locator(`[data-testid="diagnostics-interface"][data-interface="${lab.techIface}"] [data-protocol="sweep"]`);
    expect(Number(await sweepCell.getAttribute('data-sent'))).toBeGreaterThan(0);
    expect(Number(await sweepCell.getAttribute('data-devices'))).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: 'test-results/e2e-discovery-sweep.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
