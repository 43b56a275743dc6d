/**
 * The browser builds replace formulajs's statistics library, jstat, by an empty module
 * (webpack.config.js): none of the functions the formula evaluator allows
 * (src/xlsx/formula-eval.ts) may touch it. Here jstat throws on any use, formulajs and the
 * evaluator are loaded, and each allowed function is called with values worked out by hand.
 */
jest.mock('jstat', () => new Proxy(function jstat() {}, {
  get: (_t, key) => {
    if (key === '__esModule' || key === 'then' || key === 'default') return undefined;
    throw new Error(`jstat touched: ${String(key)}`);
  },
  apply: () => {
    throw new Error('jstat called');
  },
}));

import * as fjs from '@formulajs/formulajs';

const call = (name: string, ...args: unknown[]) => (fjs as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);

const tested = new Set<string>(['DATE', 'EDATE', 'EOMONTH', 'ISNA', 'ISERROR']);

test('the evaluator loads without jstat', async () => {
  await expect(import('../../src/xlsx/formula-eval')).resolves.toHaveProperty('evaluateMissing');
});

test.each([
  ['ABS', [-3], 3],
  ['INT', [-2.5], -3],
  ['MOD', [7, 3], 1],
  ['ROUND', [2.345, 2], 2.35],
  ['ROUNDUP', [2.341, 2], 2.35],
  ['ROUNDDOWN', [2.349, 2], 2.34],
  ['TRUNC', [-2.7], -2],
  ['CEILING', [4.2, 1], 5],
  ['FLOOR', [4.8, 1], 4],
  ['POWER', [2, 10], 1024],
  ['SQRT', [81], 9],
  ['SIGN', [-4], -1],
  ['YEAR', [new Date(2022, 8, 15)], 2022],
  ['MONTH', [new Date(2022, 8, 15)], 9],
  ['DAY', [new Date(2022, 8, 15)], 15],
  ['CHOOSE', [2, 'a', 'b', 'c'], 'b'],
  ['MATCH', [3, [1, 2, 3], 0], 3],
  ['INDEX', [[[1, 2], [3, 4]], 2, 2], 4],
  ['VLOOKUP', [2, [[1, 'a'], [2, 'b']], 2, false], 'b'],
  ['HLOOKUP', [2, [[1, 2], ['a', 'b']], 2, false], 'b'],
  ['COUNTBLANK', [[1, null, '']], 2],
  ['SUMPRODUCT', [[[1, 2]], [[3, 4]]], 11],
  ['LEN', ['Sở Y tế'], 7],
  ['LEFT', ['Quý III', 3], 'Quý'],
  ['RIGHT', ['Quý III', 3], 'III'],
  ['MID', ['2022-09', 6, 2], '09'],
  ['TRIM', ['  a   b '], 'a b'],
  ['UPPER', ['quý'], 'QUÝ'],
  ['LOWER', ['QUÝ'], 'quý'],
  ['CONCATENATE', ['a', 'b', 1], 'ab1'],
  ['CONCAT', ['a', 'b'], 'ab'],
  ['EXACT', ['a', 'A'], false],
  ['ISBLANK', [null], true],
  ['ISNUMBER', [1], true],
  ['ISTEXT', ['x'], true],
  ['TRUE', [], true],
  ['FALSE', [], false],
])('%s never uses jstat', (name, args, expected) => {
  tested.add(name as string);
  expect(call(name as string, ...(args as unknown[]))).toEqual(expected);
});

test('dates without jstat', () => {
  // 15/01/2022: a month later 15/02/2022; the end of the next month 28/02/2022.
  expect((call('DATE', 2022, 1, 15) as Date).getDate()).toBe(15);
  expect((call('EDATE', new Date(2022, 0, 15), 1) as Date).getMonth()).toBe(1);
  expect((call('EOMONTH', new Date(2022, 0, 15), 1) as Date).getDate()).toBe(28);
});

test('errors without jstat', () => {
  // 9 is not in the list: MATCH gives formulajs's own #N/A, which ISNA and ISERROR recognise.
  const na = call('MATCH', 9, [1, 2, 3], 0);
  expect(call('ISNA', na)).toBe(true);
  expect(call('ISERROR', na)).toBe(true);
  expect(call('ISERROR', 1)).toBe(false);
});

test('a statistics function does reach jstat (the mock is in force)', () => {
  // AVEDEV is written with jstat: it must fail here, or this file proves nothing.
  expect(() => call('AVEDEV', [1, 2, 3])).toThrow(/jstat/);
});

afterAll(async () => {
  // Every function the evaluator allows was called above: a function added to its list without a case here fails.
  const { LIBRARY_NAMES } = await import('../../src/xlsx/formula-eval');
  expect(LIBRARY_NAMES.filter((n) => !tested.has(n))).toEqual([]);
});
