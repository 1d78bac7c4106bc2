import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { commandNames, commands, eventNames, events, SCAN_TIMEOUT_MS } from '../../../shared/contract.js';

describe('the contract, split per feature', () => {
  it('has schemas for exactly the names the preload exposes', () => {
    expect(Object.keys(commands).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });

  it('bounds scan.start timeouts by SCAN_TIMEOUT_MS, the numbers the CLI prints', () => {
    const args = commands['scan.start'].args;
    expect(args.safeParse({ timeoutMs: SCAN_TIMEOUT_MS.min }).success).toBe(true);
    expect(args.safeParse({ timeoutMs: SCAN_TIMEOUT_MS.max }).success).toBe(true);
    expect(args.safeParse({ timeoutMs: SCAN_TIMEOUT_MS.min - 1 }).success).toBe(false);
    expect(args.safeParse({ timeoutMs: SCAN_TIMEOUT_MS.max + 1 }).success).toBe(false);
  });

  it('lets feature files import shared/ (one level up) but nothing outside it', async () => {
    // Import rules read only specifiers: without type information the probe file need not exist on disk.
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
    const restricted = async (code: string) => {
      const [result] = await eslint.lintText(`${code}\nexport const a = x;\n`, { filePath: 'shared/contract/x.ts' });
      const messages = result?.messages ?? [];
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      return messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'layers/import-direction');
    };
    expect(await restricted("import { deviceSchema as x } from '../device.js';")).toEqual([]);
    expect(await restricted("import { z as x } from 'zod';")).toEqual([]);
    expect(await restricted("import { createCore as x } from '../../electron/core/core.js';")).toHaveLength(1);
    expect(await restricted("import x from 'node:fs';")).toHaveLength(1);
  });
});
