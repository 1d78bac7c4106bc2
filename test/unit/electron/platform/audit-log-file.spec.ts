import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAuditLog } from '../../../../electron/platform/audit-log-file.js';
import type { AuditRecord } from '../../../../electron/platform/audit-log.js';

const record = (n: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  action: 'cloud.register',
  camera: `ACCC8E12AB${String(n).padStart(2, '0')}`,
  result: 'ok',
  message: `Camera ${n} registered.`,
  via: 'cli',
  ...extra,
});

describe('audit log file', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-audit-'));
    path = join(dir, 'data', 'audit.jsonl');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per entry and lists the newest, oldest first', async () => {
    const log = createFileAuditLog({ path, now: () => Date.UTC(2026, 10, 26, 5, 0, 0) });
    for (let n = 1; n <= 5; n++) await log.append(record(n));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0] as string)).toEqual({ at: '2026-11-26T05:00:00.000Z', ...record(1) });
    const listed = await log.list(2);
    expect(listed.map((e) => e.camera)).toEqual(['ACCC8E12AB04', 'ACCC8E12AB05']);
    expect(log.path).toBe(path);
  });

  it('keeps call order when appends are not awaited one by one', async () => {
    const log = createFileAuditLog({ path });
    await Promise.all(Array.from({ length: 50 }, (_, n) => log.append(record(n))));
    expect((await log.list(100)).map((e) => e.message)).toEqual(Array.from({ length: 50 }, (_, n) => `Camera ${n} registered.`));
  });

  it('creates the file owner-only (0600)', async () => {
    await createFileAuditLog({ path }).append(record(1));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('tightens a file that exists with looser permissions', async () => {
    await createFileAuditLog({ path }).append(record(1));
    const { chmod } = await import('node:fs/promises');
    await chmod(path, 0o644);
    await createFileAuditLog({ path }).append(record(2));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('returns nothing for a log that does not exist yet', async () => {
    expect(await createFileAuditLog({ path }).list(10)).toEqual([]);
  });

  it('skips a torn last line and seals it before the next entry', async () => {
    const log = createFileAuditLog({ path });
    await log.append(record(1));
    await appendFile(path, '{"at":"2026-11-26T05:00:00.000Z","action":"cloud.reg'); // crash mid-write
    expect((await log.list(10)).map((e) => e.camera)).toEqual(['ACCC8E12AB01']);
    // A fresh process appends: the new entry must not be glued onto the torn line.
    await createFileAuditLog({ path }).append(record(2));
    expect((await log.list(10)).map((e) => e.camera)).toEqual(['ACCC8E12AB01', 'ACCC8E12AB02']);
  });

  it('skips hand-edited junk, wrong shapes and absurdly long lines', async () => {
    const log = createFileAuditLog({ path });
    await log.append(record(1));
    await appendFile(path, 'not json\n{"at":1}\n' + JSON.stringify({ ...record(9), at: 'x', message: 'y'.repeat(40_000) }) + '\n\n');
    await log.append(record(2));
    expect((await log.list(10)).map((e) => e.camera)).toEqual(['ACCC8E12AB01', 'ACCC8E12AB02']);
  });

  it('caps each field at the contract maximum so every line reads back', async () => {
    const log = createFileAuditLog({ path });
    await log.append({
      action: 'a'.repeat(500),
      camera: 'c'.repeat(500),
      result: 'failed',
      message: 'm '.repeat(5000),
      via: 'v'.repeat(100),
    });
    const [entry] = await log.list(1);
    expect(entry?.action.length).toBe(64);
    expect(entry?.camera?.length).toBe(128);
    expect(entry?.message.length).toBe(1024);
    expect(entry?.via.length).toBe(16);
  });

  it('lists the tail of a 5 MB log quickly, reading only its end', async () => {
    const line = JSON.stringify({ at: '2026-11-26T05:00:00.000Z', ...record(0), message: 'x'.repeat(180) }) + '\n';
    const count = Math.ceil((5 * 1024 * 1024) / line.length);
    await createFileAuditLog({ path }).append(record(0)); // creates the folder
    await writeFile(path, line.repeat(count));
    const log = createFileAuditLog({ path });
    await log.append(record(77));
    const started = performance.now();
    const tail = await log.list(100);
    const ms = performance.now() - started;
    expect((await stat(path)).size).toBeGreaterThan(5 * 1024 * 1024);
    expect(tail).toHaveLength(100);
    expect(tail.at(-1)?.camera).toBe('ACCC8E12AB77');
    expect(ms).toBeLessThan(500);
    console.log(`audit tail: 100 of ${count + 1} entries from ${((count * line.length) / 1048576).toFixed(1)} MiB in ${ms.toFixed(1)} ms`);
  });

  it('returns a whole file smaller than the limit, first line included', async () => {
    const log = createFileAuditLog({ path });
    for (let n = 1; n <= 3; n++) await log.append(record(n));
    expect((await log.list(5000)).map((e) => e.camera)).toEqual(['ACCC8E12AB01', 'ACCC8E12AB02', 'ACCC8E12AB03']);
  });

  it('redacts a planted access token and a known password before writing', async () => {
    const token = Buffer.from(JSON.stringify({ camid: 12, access: 'all', token: 'share.eyJzaSI6MX0.6a1t2b.sig' })).toString('base64');
    const log = createFileAuditLog({ path, knownSecrets: () => ['Sticker-Pw-9'] });
    await log.append(
      record(1, { message: `Provisioned with token ${token} and password Sticker-Pw-9; Authorization: Basic dXNlcjpTdGlja2Vy` }),
    );
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('Sticker-Pw-9');
    expect(text).not.toContain('dXNlcjpTdGlja2Vy');
    expect(text).toContain('Provisioned with token [redacted]');
  });
});
