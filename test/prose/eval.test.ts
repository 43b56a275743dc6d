/**
 * The evaluation corpus (test/fixtures/doc): every listed slip, planted or real, is flagged and no
 * listed correct statement gets an error or warning (recall 1 and precision 1 on the listed
 * statements). Each document is built as a .docx and read back as `cchc doc` reads it.
 */
import { corpusEntries, evaluate, type DocEval } from '../../scripts/corpus/eval';

const entries = corpusEntries();
const results = new Map<string, DocEval>();

beforeAll(async () => {
  for (const e of entries) results.set(e.document, await evaluate(e));
});

describe.each(entries.map((e) => [e.document, e] as const))('%s', (name, entry) => {
  it('lists at least 15 correct statements, each one used by some check', () => {
    const r = results.get(name)!;
    expect(entry.correct.length).toBeGreaterThanOrEqual(15);
    expect(r.unchecked.map((l) => l.statement.at)).toEqual([]);
  });

  it('flags every listed slip (recall 1)', () => {
    const r = results.get(name)!;
    expect(r.missed.map((l) => l.statement.at)).toEqual([]);
    expect(r.recall).toBe(1);
  });

  it('flags no listed correct statement (precision 1)', () => {
    const r = results.get(name)!;
    expect(r.falseAlarms.map((x) => `${x.statement.statement.at}: ${x.finding.message}`)).toEqual([]);
    expect(r.precision).toBe(1);
  });

  it('flags each slip with the expected finding code', () => {
    const r = results.get(name)!;
    for (const l of r.found) {
      if (!l.statement.code) continue;
      const codes = r.report.issues.filter((f) => f.paragraph === l.paragraph && f.start < l.end && f.end > l.start).map((f) => f.code);
      expect(codes).toContain(l.statement.code);
    }
  });
});

it('finds the real slips of the seed reports', () => {
  const real = entries.flatMap((e) => e.flag.filter((s) => s.real).map((s) => `${e.document}: ${s.at}`));
  expect(real).toEqual([
    'bac-ninh-q1-2022-cai-loi: 13/9/2022',
    'kon-tum-q3-2022-cai-loi: 16 đơn vị',
    'kon-tum-q3-2022-cai-loi: 18/9/2022',
  ]);
});
