import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/xlsx/read';
import { buildWorkbook } from '../../src/xlsx/template';
import { CLEAN_SAMPLE, MISTAKES_SAMPLE } from '../../src/xlsx/samples';
import type { Finding } from '../../src/core/findings';

/** What a finding says, apart from where the cell happens to be. */
const gist = (f: Finding) => [f.severity, f.code, f.sheet, f.table ?? '', f.column ?? '', f.rowLabel ?? '', String(f.expected ?? ''), String(f.actual ?? '')].join('|');

describe('the same data in a foreign layout gives the same findings', () => {
  it.each([
    ['mau-sach', CLEAN_SAMPLE],
    ['mau-co-loi', MISTAKES_SAMPLE],
  ])('%s', async (_name, options) => {
    const standard = checkWorkbook(await readWorkbook(await buildWorkbook(options)));
    const foreign = checkWorkbook(await readWorkbook(await buildWorkbook({ ...options, layout: 'foreign' })));
    expect(foreign.issues.map(gist).sort()).toEqual(standard.issues.map(gist).sort());
    expect(foreign.metrics).toEqual(standard.metrics);
  });

  it('clean sample has no error', async () => {
    const r = checkWorkbook(await readWorkbook(await buildWorkbook(CLEAN_SAMPLE)));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
