/** The architecture's import rules are enforced by lint; this proves the rules catch what they promise to. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

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
    expect(await restricted('shared/x.ts', "import { z } from 'zod';\nimport { ok } from './result.js';\nexport const a = [z, ok];\n")).toEqual([]);
    for (const bad of ["import fs from 'node:fs';", "import { createCore } from '../electron/core/core.js';", "import React from 'react';"]) {
      expect(await restricted('shared/x.ts', `${bad}\nexport const a = 1;\n`), bad).toHaveLength(1);
    }
  });

  it('keeps Node out of the renderer and the renderer out of electron/', async () => {
    expect(await restricted('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restricted('electron/hosts/x.ts', "import { App } from '../../renderer/src/views/app.js';\nexport const a = App;\n")).toHaveLength(1);
  });
});
