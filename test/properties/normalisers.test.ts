/**
 * Invariants of the number and cell normalisers, over arbitrary input (fast-check, fixed seed,
 * bounded runs): they never throw and never hand on a non-finite value, and what they print never
 * carries Infinity, NaN, an exponent or float noise.
 */
import fc from 'fast-check';
import { decimalsOf, decimalsOfFormat, formatCount, formatNumber, formatPercent, parseVietnameseNumber, roundTo } from '../../src/core/numbers';
import { cellText, normalizeCell, readRate } from '../../src/core/cells';
import type { Cell } from '../../src/core/model';

const RUNS = { seed: 20261129, numRuns: 400 };
const PRINTED_NOISE = /Infinity|NaN|\de[+-]?\d|\d,\d{13,}|undefined/;

/** Strings shaped like what officers type in figure cells, and anything at all. */
const typed = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[-+(\u2212]?[0-9., \u00a0]{0,30}%?\)?$/),
  fc.double().map((d) => String(d)),
  fc.double().map((d) => String(d).replace('.', ',')),
  fc.constantFrom('1e308', '9'.repeat(400), '-', '–', '#DIV/0!', '1.234.567,89', '0,00000000000000000001'),
);
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 84.39999999999999, 0.1 + 0.2, -0, NaN, Infinity, -Infinity));
const cell: fc.Arbitrary<Cell> = fc.record(
  {
    v: fc.oneof(anyNumber, typed, fc.boolean(), fc.constant(null)),
    f: fc.string(),
    e: fc.constantFrom('#N/A', '#REF!', ''),
    z: fc.constantFrom('0.00%', '#,##0', 'General', '0.0', '@', '[Red]0.00;(0.00)', ''),
  },
  { requiredKeys: ['v'] },
);

test('parseVietnameseNumber: never throws; a number or null, always finite', () => {
  fc.assert(
    fc.property(typed, (s) => {
      const p = parseVietnameseNumber(s);
      if (p === null) return true;
      return Number.isFinite(p.value) && Number.isInteger(p.decimals) && p.decimals >= 0 && typeof p.percent === 'boolean';
    }),
    RUNS,
  );
});

test('normalizeCell and readRate: never throw; numbers finite, decimals whole', () => {
  fc.assert(
    fc.property(fc.option(cell, { nil: undefined }), (c) => {
      const n = normalizeCell(c);
      cellText(c);
      if (n.t !== 'num') return true;
      const r = readRate(n);
      return Number.isFinite(n.value) && Number.isInteger(n.decimals) && n.decimals >= 0 && (r === null || (Number.isFinite(r.percent) && Number.isInteger(r.decimals) && r.decimals >= 0));
    }),
    RUNS,
  );
});

test('decimalsOf, decimalsOfFormat, roundTo: never throw, stay finite on finite input', () => {
  fc.assert(
    fc.property(anyNumber, fc.integer({ min: 0, max: 20 }), fc.string(), (v, d, fmt) => {
      const dec = decimalsOf(v);
      decimalsOfFormat(fmt);
      const r = roundTo(v, d);
      return Number.isInteger(dec) && dec >= 0 && dec < 400 && (!Number.isFinite(v) || Number.isFinite(r));
    }),
    RUNS,
  );
});

test('formatNumber, formatCount, formatPercent: never throw, never print Infinity, NaN, exponents or noise', () => {
  fc.assert(
    fc.property(anyNumber, fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), (v, d) => {
      const out = [formatNumber(v, d), formatCount(v), formatCount(v, true), formatPercent(v), formatPercent(v, d)];
      return out.every((s) => typeof s === 'string' && s.length > 0 && !PRINTED_NOISE.test(s));
    }),
    RUNS,
  );
});

test('formatNumber keeps what it prints: a value of at most 2 decimals reads back to itself', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (n, d) => {
      const v = n / 10 ** d;
      return parseVietnameseNumber(formatNumber(v, d))!.value === v;
    }),
    RUNS,
  );
});
