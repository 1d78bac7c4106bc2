/**
 * The work meter the fuzz suite uses instead of a stopwatch: it must tell a linear parser from a quadratic one,
 * count regular expressions, and leave the built-ins exactly as it found them, even when the call throws.
 */
import { describe, expect, it } from 'vitest';
import { bounded, measure, WORK_BASE, WORK_PER_CHAR } from './work.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `198.18.0.${i % 250} dev lab0 lladdr 00:40:8c:00:00:01`).join('\n');

/** Reads each line once: linear. */
const linear = (text: string) => text.split('\n').map((line) => line.slice(0, line.indexOf(' ')));
/** Finds line n by walking from the start of the text again for every line: the classic accidental quadratic. */
const quadratic = (text: string) => {
  const out: string[] = [];
  for (let n = 0; ; n++) {
    let at = -1;
    for (let skip = 0; skip <= n; skip++) {
      at = text.indexOf('\n', at + 1);
      if (at < 0) return out;
    }
    out.push(text.slice(at + 1, at + 16));
  }
};

describe('work meter', () => {
  it('keeps a linear parser within a few units per character at every size', () => {
    for (const n of [10, 100, 2000]) {
      const text = lines(n);
      const { work } = measure(() => linear(text));
      expect(work / text.length).toBeLessThan(4);
    }
  });

  it('fails a quadratic parser on a 2,000-line table, deterministically', () => {
    const text = lines(2000);
    const { work } = measure(() => quadratic(text));
    expect(work).toBeGreaterThan(WORK_PER_CHAR * text.length + WORK_BASE);
    expect(() => bounded('quadratic', text.length, () => quadratic(text))).toThrow(/units of work/);
  });

  it('counts a regular expression by how far it scanned, and global scans once through', () => {
    const text = 'a'.repeat(10_000) + 'b';
    expect(measure(() => /b/.test(text)).work).toBe(10_001);
    expect(measure(() => text.replace(/a/g, 'c')).work).toBeLessThan(3 * text.length);
  });

  it('restores every built-in, also when the measured call throws', () => {
    const originals = [RegExp.prototype.exec, String.prototype.indexOf, String.prototype.split, JSON.parse, TextDecoder.prototype.decode];
    expect(() =>
      measure(() => {
        throw new Error('parser bug');
      }),
    ).toThrow('parser bug');
    expect([RegExp.prototype.exec, String.prototype.indexOf, String.prototype.split, JSON.parse, TextDecoder.prototype.decode]).toEqual(
      originals,
    );
  });
});
