import type { Cell, SheetGrid } from '../../src/core/model';
import { isoToSerial } from '../../src/core/periods';

/**
 * Generated survey answer sets for the tests and the bench, and the indices computed from them
 * here, independently of src/core/surveys: plain arrays and filters over the generated answers,
 * written from domain.md 3.3 and 6, not from the code under test.
 */

/** Deterministic PRNG (mulberry32): the same seed gives the same answer set on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FormShape {
  /** Likert items by section, e.g. { A: 5, B: 7, … }. */
  sections: Record<'A' | 'B' | 'C' | 'D' | 'E', number>;
  cost?: string;
  expectation: string;
  ret?: { item: string; options: number[]; other: number; returning: number[] };
}

export const SHAPES = {
  'qd56-noi-tru': { sections: { A: 5, B: 7, C: 11, D: 7, E: 6 }, cost: 'E7', expectation: 'G1', ret: { item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5] } },
  'qd56-ngoai-tru': { sections: { A: 5, B: 10, C: 8, D: 4, E: 4 }, cost: 'E5', expectation: 'G1', ret: { item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5] } },
  'qd3869-m1': { sections: { A: 5, B: 5, C: 9, D: 7, E: 5 }, expectation: 'G1', ret: { item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5] } },
  'qd3869-m2': { sections: { A: 5, B: 10, C: 8, D: 4, E: 4 }, expectation: 'F', ret: { item: 'G', options: [1, 2, 3, 4], other: 5, returning: [3, 4] } },
  'qd3869-m3': { sections: { A: 4, B: 3, C: 5, D: 4, E: 3 }, expectation: 'G1' },
  'qd3869-m4': { sections: { A: 3, B: 4, C: 4, D: 5, E: 3 }, expectation: 'G1', ret: { item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5] } },
} satisfies Record<string, FormShape>;

export type Answer = number | string | null;

export interface GeneratedForm {
  id: string;
  date: string;
  answers: Record<string, Answer>;
}

export interface Mix {
  /** Share of Likert cells coded 0 ("không sử dụng"). */
  notUsed?: number;
  blank?: number;
  /** Share of answers off the scale (7 for Likert, 150 for G1, 9 for G2). */
  outOfScale?: number;
}

export function likertItemsOf(shape: FormShape): string[] {
  return (Object.entries(shape.sections) as [string, number][]).flatMap(([s, n]) => Array.from({ length: n }, (_, i) => `${s}${i + 1}`));
}

export function itemsOf(shape: FormShape): string[] {
  return [...likertItemsOf(shape), ...(shape.cost ? [shape.cost] : []), shape.expectation, ...(shape.ret ? [shape.ret.item] : [])];
}

export function generateForms(shape: FormShape, count: number, seed: number, mix: Mix = {}, dates: [string, string] = ['2023-01-05', '2023-03-10']): GeneratedForm[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const d0 = isoToSerial(dates[0]);
  const span = isoToSerial(dates[1]) - d0;
  const out: GeneratedForm[] = [];
  for (let i = 0; i < count; i++) {
    const a: Record<string, Answer> = {};
    // Mostly satisfied respondents, as real surveys are, with a tail of 1–3.
    const mood = r();
    for (const item of likertItemsOf(shape)) {
      const x = r();
      if (x < (mix.blank ?? 0)) a[item] = null;
      else if (x < (mix.blank ?? 0) + (mix.notUsed ?? 0)) a[item] = 0;
      else if (x < (mix.blank ?? 0) + (mix.notUsed ?? 0) + (mix.outOfScale ?? 0)) a[item] = 7;
      else a[item] = mood < 0.7 ? pick([4, 5, 5, 4, 5]) : pick([1, 2, 3, 4, 5]);
    }
    if (shape.cost) a[shape.cost] = pick([1, 2, 3, 4, 5]);
    const e = r();
    a[shape.expectation] = e < (mix.outOfScale ?? 0) ? 150 : e < 0.05 ? null : pick([60, 70, 75, 80, 85, 90, 95, 100]);
    if (shape.ret) {
      const g = r();
      a[shape.ret.item] = g < (mix.outOfScale ?? 0) ? 9 : pick([...shape.ret.options, shape.ret.other]);
    }
    const serial = d0 + Math.floor(r() * (span + 1));
    const dt = new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
    out.push({ id: `P${String(i + 1).padStart(5, '0')}`, date: dt, answers: a });
  }
  return out;
}

export interface Expected {
  respondents: number;
  haiLongChung: number | null;
  diemTrungBinh: number | null;
  sections: Record<string, number | null>;
  toanDien: number | null;
  soVoiMongDoi: number | null;
  quayLai: number | null;
  outOfScale: number;
}

const pct = (a: number, b: number) => (b === 0 ? null : (100 * a) / b);
const isLikert = (x: Answer): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;

/** The indices of domain.md 3.3/6, computed directly over the generated answers. */
export function expectedIndices(shape: FormShape, forms: readonly GeneratedForm[]): Expected {
  const likert = likertItemsOf(shape);
  const nonEmpty = forms.filter((f) => Object.values(f.answers).some((x) => x !== null));
  const all = nonEmpty.flatMap((f) => likert.map((i) => f.answers[i] ?? null)).filter(isLikert);
  const sections: Record<string, number | null> = {};
  for (const s of ['A', 'B', 'C', 'D', 'E']) {
    const xs = nonEmpty.flatMap((f) => likert.filter((i) => i[0] === s).map((i) => f.answers[i] ?? null)).filter(isLikert);
    sections[s] = pct(xs.filter((x) => x >= 4).length, xs.length);
  }
  const perForm = nonEmpty.map((f) => likert.map((i) => f.answers[i] ?? null).filter(isLikert)).filter((xs) => xs.length > 0);
  const g1 = nonEmpty.map((f) => f.answers[shape.expectation]).filter((x): x is number => typeof x === 'number' && x >= 0 && x <= 100);
  const g2 = shape.ret ? nonEmpty.map((f) => f.answers[shape.ret!.item]).filter((x): x is number => typeof x === 'number' && shape.ret!.options.includes(x)) : [];
  let outOfScale = 0;
  for (const f of nonEmpty) {
    for (const i of likert) {
      const x = f.answers[i];
      if (typeof x === 'number' && !(Number.isInteger(x) && x >= 1 && x <= 5) && x !== 0) outOfScale++;
    }
    const e = f.answers[shape.expectation];
    if (typeof e === 'number' && (e < 0 || e > 100)) outOfScale++;
    if (shape.ret) {
      const g = f.answers[shape.ret.item];
      if (typeof g === 'number' && !shape.ret.options.includes(g) && g !== shape.ret.other) outOfScale++;
    }
  }
  return {
    respondents: nonEmpty.length,
    haiLongChung: pct(all.filter((x) => x >= 4).length, all.length),
    diemTrungBinh: all.length ? all.reduce((a, b) => a + b, 0) / all.length : null,
    sections,
    toanDien: pct(perForm.filter((xs) => xs.every((x) => x >= 4)).length, perForm.length),
    soVoiMongDoi: g1.length ? g1.reduce((a, b) => a + b, 0) / g1.length : null,
    quayLai: shape.ret ? pct(g2.filter((x) => shape.ret!.returning.includes(x)).length, g2.length) : null,
    outOfScale,
  };
}

export const UPLOAD_META = ['MA_SO_PHIEU', 'NGAY_DIEN_PHIEU', 'GIOI_TINH', 'TUOI'];

/** The hospitals' upload layout: MA_SO_PHIEU, NGAY_DIEN_PHIEU, GIOI_TINH, TUOI, then the items, then G3, G4. */
export function uploadHeader(shape: FormShape, extras: string[] = ['G3', 'G4']): string[] {
  return [...UPLOAD_META, ...itemsOf(shape), ...extras];
}

/** The rows of an upload sheet (header first), dates as Excel serials like a real file. */
export function uploadRows(shape: FormShape, forms: readonly GeneratedForm[]): Cell[][] {
  const header = uploadHeader(shape);
  const rows: Cell[][] = [header.map((v) => ({ v }))];
  forms.forEach((f, i) => {
    rows.push(
      header.map((h): Cell => {
        if (h === 'MA_SO_PHIEU') return { v: f.id };
        if (h === 'NGAY_DIEN_PHIEU') return { v: isoToSerial(f.date), z: 'dd/mm/yyyy' };
        if (h === 'GIOI_TINH') return { v: i % 2 ? 'Nữ' : 'Nam' };
        if (h === 'TUOI') return { v: 20 + (i % 60) };
        if (h === 'G3' || h === 'G4') return { v: i % 5 ? null : 'Góp ý' };
        return { v: f.answers[h] ?? null };
      }),
    );
  });
  return rows;
}

export function uploadSheet(name: string, shape: FormShape, forms: readonly GeneratedForm[], titles: string[] = []): SheetGrid {
  return { name, rows: [...titles.map((t) => [{ v: t }]), ...uploadRows(shape, forms)] };
}
