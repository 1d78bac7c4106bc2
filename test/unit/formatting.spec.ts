/**
 * Formatting is checked, not argued about in review. Until the one-time `prettier --write` of the whole tree, only
 * the folders below are held to it; afterwards FORMATTED becomes ['.'] (and `npm run format:check` does the same).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const FORMATTED = [
  'eslint.config.ts',
  'test/support',
  'test/lab/can-run.ts',
  'test/unit/lint-boundaries.spec.ts',
  'test/unit/import-cycles.spec.ts',
  'test/unit/formatting.spec.ts',
  'test/unit/lab',
  'test/unit/support',
  'renderer/src/views',
  'renderer/src/hooks',
  'renderer/src/logic',
  'test/unit/renderer/src/views',
  'test/unit/renderer/src/logic',
];

const filesUnder = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, encoding: 'utf8' })
        .map((name) => join(path, name))
        .filter((file) => /\.(ts|tsx|json)$/.test(file))
    : [path];

describe('formatting', () => {
  it('matches .prettierrc.json', async () => {
    const unformatted: string[] = [];
    const files = FORMATTED.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      if ((await prettier.getFileInfo(file, { ignorePath: '.prettierignore' })).ignored) continue;
      const options = await prettier.resolveConfig(file);
      if (!(await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file }))) unformatted.push(file);
    }
    expect(unformatted, 'run `npx prettier --write <file>` on these').toEqual([]);
  });
});
