/**
 * No import cycles in electron/ or shared/. A cycle makes module start-up order matter (a value read before its
 * module finished evaluating is `undefined`) and usually means two layers or capabilities know about each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

type Graph = Map<string, string[]>;

// Static imports, re-exports, side-effect imports and literal dynamic imports; type-only imports count too.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => posix.join(entry.parentPath.split('\\').join('/'), entry.name));
}

function importGraph(roots: string[]): Graph {
  const files = new Set(roots.flatMap(sourceFiles));
  const graph: Graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(SPECIFIER)]
      .map((match) => posix.normalize(posix.join(posix.dirname(file), match[1] ?? '')).replace(/\.js$/, '.ts'))
      .filter((target) => files.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The first cycle found by depth-first search, as a path that starts and ends on the same file, or null. */
function findCycle(graph: Graph): string[] | null {
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string): string[] | null => {
    if (onStack.has(file)) return [...stack.slice(stack.indexOf(file)), file];
    if (done.has(file)) return null;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
    return null;
  };
  for (const file of [...graph.keys()].sort()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('import graph of electron/ and shared/', () => {
  it('has no cycle', () => {
    const graph = importGraph(['electron', 'shared']);
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('electron/core/core.ts')).toContain('electron/core/inventory/registry.ts');
    const cycle = findCycle(graph);
    expect(cycle && cycle.join(' → ')).toBeNull();
  });

  it('finds a cycle when there is one (so a green run means something)', () => {
    const graph: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toBeNull();
  });

  it('reads every kind of import specifier', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export * from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "import {\n  f,\n} from './f.js';",
      "import z from 'zod';",
    ].join('\n');
    expect([...text.matchAll(SPECIFIER)].map((m) => m[1])).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
  });
});
