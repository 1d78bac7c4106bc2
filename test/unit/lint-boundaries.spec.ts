/** The architecture's import rules are enforced by lint; this proves the rules catch what they promise to. */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The boundary rules read only import specifiers; without type information the probe files need not exist on disk.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'layers/import-direction']);

/** The boundary messages ESLint reports for `code` as if it lived at `filePath` (the file need not exist). */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = (result?.messages ?? []).filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse ${filePath}: ${fatal[0]?.message}`);
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const importing = (specifier: string, typeOnly = false) =>
  `import ${typeOnly ? 'type ' : ''}* as m from '${specifier}';\nexport type M = typeof m;\n`;

describe('import boundaries', () => {
  it('allows electron only in electron/main.ts and electron/preload.ts', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restricted('electron/main.ts', code)).toEqual([]);
    expect(await restricted('electron/preload.ts', code)).toEqual([]);
    expect(await restricted('electron/core/core.ts', code)).toHaveLength(1);
    expect(await restricted('renderer/src/main.tsx', code)).toHaveLength(1);
    expect(await restricted('shared/contract.ts', code)).toHaveLength(1);
  });

  it('keeps shared/ pure: zod and its own files only', async () => {
    expect(
      await restricted('shared/x.ts', "import { z } from 'zod';\nimport { ok } from './result.js';\nexport const a = [z, ok];\n"),
    ).toEqual([]);
    for (const bad of [
      "import fs from 'node:fs';",
      "import { createCore } from '../electron/core/core.js';",
      "import React from 'react';",
    ]) {
      expect((await restricted('shared/x.ts', `${bad}\nexport const a = 1;\n`)).length, bad).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps Node out of the renderer and the renderer out of electron/', async () => {
    expect(await restricted('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', importing('../../electron/core/core.js'))).toHaveLength(1);
    expect(await restricted('electron/hosts/x.ts', importing('../../renderer/src/views/app.js'))).toHaveLength(1);
    expect(await restricted('renderer/src/views/x.tsx', importing('../../../shared/contract.js'))).toEqual([]);
  });
});

describe('layer direction: shared ← platform ← core ← hosts ← main/preload', () => {
  // Each case: a file, what it imports, and whether the layering allows it.
  const cases: { file: string; imports: string; allowed: boolean; typeOnly?: boolean }[] = [
    { file: 'electron/platform/x.ts', imports: '../core/core.js', allowed: false },
    { file: 'electron/platform/neighbours/x.ts', imports: '../../hosts/cli.js', allowed: false },
    { file: 'electron/platform/x.ts', imports: '../../shared/net.js', allowed: true },
    { file: 'electron/platform/neighbours/x.ts', imports: '../ports.js', allowed: true },
    { file: 'electron/core/core.ts', imports: '../hosts/ipc-gate.js', allowed: false },
    { file: 'electron/core/scan-runner.ts', imports: '../main.js', allowed: false },
    { file: 'electron/core/core.ts', imports: './identity/enricher.js', allowed: true },
    { file: 'electron/core/core.ts', imports: '../platform/ports.js', allowed: true },
    { file: 'electron/core/discovery/wsd/x.ts', imports: '../../identity/oui.js', allowed: false },
    { file: 'electron/core/identity/x.ts', imports: '../discovery/source.js', allowed: false },
    { file: 'electron/core/discovery/x.ts', imports: '../core.js', allowed: false },
    { file: 'electron/core/discovery/wsd/x.ts', imports: '../../inventory/observation.js', allowed: true },
    { file: 'electron/core/discovery/wsd/x.ts', imports: '../source.js', allowed: true },
    { file: 'electron/core/identity/x.ts', imports: '../../platform/ports.js', allowed: true },
    { file: 'electron/core/inventory/x.ts', imports: '../discovery/source.js', allowed: false },
    { file: 'electron/core/inventory/x.ts', imports: '../identity/oui.js', allowed: false },
    { file: 'electron/core/inventory/x.ts', imports: '../../platform/udp.js', allowed: false },
    { file: 'electron/core/inventory/x.ts', imports: '../../platform/ports.js', allowed: true, typeOnly: true },
    { file: 'electron/core/inventory/x.ts', imports: '../../../shared/device.js', allowed: true },
    { file: 'electron/hosts/x.ts', imports: '../main.js', allowed: false },
    { file: 'electron/hosts/x.ts', imports: '../preload.js', allowed: false },
    { file: 'electron/hosts/x.ts', imports: '../core/core.js', allowed: true },
    { file: 'electron/hosts/x.ts', imports: '../platform/node-ports.js', allowed: true },
    { file: 'electron/main.ts', imports: './hosts/start-main.js', allowed: true },
  ];

  for (const { file, imports, allowed, typeOnly } of cases) {
    it(`${allowed ? 'allows' : 'rejects'} ${file} → ${imports}${typeOnly ? ' (type only)' : ''}`, async () => {
      const messages = await restricted(file, importing(imports, typeOnly));
      if (allowed) expect(messages).toEqual([]);
      else expect(messages).toEqual([expect.stringMatching(/may not import/)]);
    });
  }

  it('says which layer broke which rule, so the fix is obvious', async () => {
    const [message] = await restricted('electron/core/discovery/wsd/x.ts', importing('../../identity/oui.js'));
    expect(message).toMatch(
      /electron\/core\/discovery\/ may not import electron\/core\/identity\/oui\.js: capabilities do not import each other/,
    );
  });

  it('also checks re-exports and dynamic imports', async () => {
    expect(await restricted('electron/platform/x.ts', "export { createCore } from '../core/core.js';\n")).toHaveLength(1);
    expect(await restricted('electron/platform/x.ts', "export const load = () => import('../hosts/cli.js');\n")).toHaveLength(1);
  });
});
