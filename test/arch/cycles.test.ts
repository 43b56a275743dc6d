/**
 * What no-restricted-imports cannot see: import cycles. Every static and dynamic import under
 * src/ is resolved to its file; the test fails on any cycle between files, and on any cycle
 * between top folders (which the eslint zones of eslint.config.js also exclude, one edge at a time).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    // Type-only imports vanish at build time but still tie modules together for the reader: count them too.
    g.set(f, info.importedFiles.map((i) => resolveImport(f, i.fileName)).filter((x): x is string => !!x));
  }
  return g;
}

/** One cycle per strongly connected component with more than one node (or a self-loop). */
function cycles<T>(g: Map<T, T[]>): T[][] {
  let index = 0;
  const idx = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const on = new Set<T>();
  const out: T[][] = [];
  const visit = (v: T) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

test('no import cycle between files of src/', () => {
  const g = graph();
  expect(g.size).toBeGreaterThan(40);
  expect(cycles(g).map((c) => c.map((f) => relative(SRC, f)).sort())).toEqual([]);
});

test('no cycle between the top folders of src/', () => {
  const top = (f: string) => relative(SRC, f).split(/[\\/]/)[0]!;
  const folders = new Map<string, string[]>();
  for (const [f, deps] of graph()) {
    const a = top(f);
    const set = new Set(folders.get(a) ?? []);
    for (const d of deps) if (top(d) !== a) set.add(top(d));
    folders.set(a, [...set]);
  }
  expect(folders.get('excel')).not.toContain('taskpane');
  expect(cycles(folders)).toEqual([]);
});

test('the cycle finder does find a cycle (the check is not vacuous)', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(cycles(g).map((c) => c.sort())).toEqual([['a', 'b', 'c']]);
});
