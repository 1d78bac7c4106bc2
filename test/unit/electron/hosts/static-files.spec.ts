import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic } from '../../../../electron/hosts/static-files.js';

describe('static files of browser mode', () => {
  const base = mkdtempSync(join(tmpdir(), 'cf-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'nope');

  it('serves the page and its assets with the right type', async () => {
    expect((await readStatic(root, '/'))?.type).toContain('text/html');
    expect((await readStatic(root, '/assets/app.js?v=1'))?.type).toContain('javascript');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%00', '/%E0%A4%A'])('refuses %s', async (path) => {
    expect(await readStatic(root, path)).toBeNull();
  });
});
