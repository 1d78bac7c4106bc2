import type { UserConsoleLog } from 'vitest';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

const SKIP_LINE = /^\[SKIPPED\] (.+)$/gm;

type Counts = { passed: number; failed: number; skipped: number };

/** Counts tests; a file that failed before any test ran (e.g. a lab suite refusing to skip in CI) counts as one failure. */
export function countResults(modules: ReadonlyArray<TestModule>, unhandledErrors: number): Counts {
  const counts: Counts = { passed: 0, failed: unhandledErrors, skipped: 0 };
  for (const m of modules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') failedHere++;
      else counts.skipped++;
    }
    counts.failed += failedHere === 0 && m.state() === 'failed' ? 1 : failedHere;
  }
  return counts;
}

/** "  - <file>: N skipped — <reasons>" for every file with skipped tests; reasons come from `[SKIPPED]` lines. */
export function skippedSuites(modules: ReadonlyArray<TestModule>, reasons: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const lines: string[] = [];
  for (const m of modules) {
    const skipped = [...m.children.allTests()].filter((t) => t.result().state === 'skipped').length;
    if (skipped === 0) continue;
    const why = [...(reasons.get(m.id) ?? [])];
    lines.push(`  - ${m.relativeModuleId}: ${skipped} skipped — ${why.length > 0 ? why.join('; ') : 'no reason printed'}`);
  }
  return lines;
}

/**
 * After vitest's own summary: a "SKIPPED SUITES:" list with reasons (so a green run says loudly what did not
 * run), then one plain closing line "N passed, N failed, N skipped" alone on its line — CI reads that line.
 */
export class SummaryReporter implements Reporter {
  private readonly reasons = new Map<string, Set<string>>();

  onUserConsoleLog(log: UserConsoleLog): void {
    // Suites announce skips while their file is collected, so the log's task is the file's (module) task.
    for (const match of log.content.matchAll(SKIP_LINE)) {
      const key = log.taskId ?? '';
      const set = this.reasons.get(key) ?? new Set<string>();
      set.add(match[1] ?? '');
      this.reasons.set(key, set);
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const { passed, failed, skipped } = countResults(modules, unhandledErrors.length);
    const list = skippedSuites(modules, this.reasons);
    const orphans = [...(this.reasons.get('') ?? [])].map((why) => `  - ${why}`);
    const block = list.length + orphans.length > 0 ? `\nSKIPPED SUITES:\n${[...list, ...orphans].join('\n')}\n` : '';
    process.stdout.write(`${block}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
