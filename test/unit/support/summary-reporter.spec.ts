/** The run's last lines: what was skipped and why, then the one line CI parses. */
import type { TestModule } from 'vitest/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SummaryReporter } from '../../support/summary-reporter.js';

type State = 'passed' | 'failed' | 'skipped';

/** Just the slice of vitest's TestModule the reporter reads. */
function fakeModule(id: string, tests: State[], moduleState: State = tests.includes('failed') ? 'failed' : 'passed'): TestModule {
  const cases = tests.map((state) => ({ result: () => ({ state }) }));
  return { id, relativeModuleId: id, state: () => moduleState, children: { allTests: () => cases.values() } } as unknown as TestModule;
}

function runEnd(reporter: SummaryReporter, modules: TestModule[], unhandled = 0): string {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  reporter.onTestRunEnd(
    modules,
    Array.from({ length: unhandled }, () => ({ message: 'boom' }) as never),
  );
  const text = out.mock.calls.map(([chunk]) => String(chunk)).join('');
  out.mockRestore();
  return text;
}

afterEach(() => vi.restoreAllMocks());

describe('SummaryReporter', () => {
  it('ends with the counts alone on the last line', () => {
    const text = runEnd(new SummaryReporter(), [
      fakeModule('a.spec.ts', ['passed', 'passed', 'failed']),
      fakeModule('b.spec.ts', ['skipped']),
    ]);
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed, 1 skipped');
  });

  it('lists skipped suites with the reasons they printed', () => {
    const reporter = new SummaryReporter();
    reporter.onUserConsoleLog({
      content: '[SKIPPED] Chromium end-to-end: the network lab needs root.\n',
      taskId: 'e2e.spec.ts',
      type: 'stderr',
      time: 0,
      size: 1,
    });
    const text = runEnd(reporter, [
      fakeModule('e2e.spec.ts', ['skipped', 'skipped']),
      fakeModule('quiet.spec.ts', ['skipped']),
      fakeModule('ok.spec.ts', ['passed']),
    ]);
    expect(text).toContain('SKIPPED SUITES:\n');
    expect(text).toContain('  - e2e.spec.ts: 2 skipped — Chromium end-to-end: the network lab needs root.\n');
    expect(text).toContain('  - quiet.spec.ts: 1 skipped — no reason printed\n');
    expect(text).not.toContain('ok.spec.ts');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 3 skipped');
  });

  it('prints no skipped list when nothing skipped', () => {
    expect(runEnd(new SummaryReporter(), [fakeModule('ok.spec.ts', ['passed'])])).toBe('\n1 passed, 0 failed, 0 skipped\n');
  });

  it('counts a file that failed before its tests ran (a lab suite refusing to skip) and unhandled errors as failures', () => {
    const text = runEnd(new SummaryReporter(), [fakeModule('lab.spec.ts', [], 'failed')], 1);
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed, 0 skipped');
  });
});
