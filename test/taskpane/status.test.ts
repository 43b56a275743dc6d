/**
 * What the panes show for a failure: a file's own refusal (workbook or report template) as it
 * says it, a host's Vietnamese error as is, anything else as "unexpected" with the library
 * error's meaning, never its English.
 */
import { fillDocx } from '../../src/docx/fill';
import { HostError } from '../../src/host/actions';
import { messageOf, runAction } from '../../src/taskpane/status';
import { readWorkbook } from '../../src/xlsx/read';
import { buildNarrative } from '../../src/core/narrative/build';
import { checkWorkbook } from '../../src/core/check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

test('a report template without tagged places is refused with its own reason, not as an unexpected error', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>');
  const docx = await zip.generateAsync({ type: 'uint8array' });
  const name = 'mau-sach.xlsx';
  const report = checkWorkbook(await readWorkbook(readFileSync(join(__dirname, '../../assets/samples', name)), name));
  const e = await refusal(fillDocx(docx, buildNarrative(report, { allowErrors: false }), { fileName: name, unit: 'x', period: 'y', fingerprint: 'z', filledAt: '2026-01-01T00:00:00.000Z' }));
  expect((e as Error).name).toBe('UnreadableTemplateError');
  const shown = messageOf(e);
  expect(shown).toBe((e as Error).message);
  expect(shown).not.toMatch(/không mong đợi/);
  expect(shown).toMatch(/mẫu/i);
});

test('an unreadable workbook is shown with the reader\'s sentence; a host error as is', async () => {
  const e = await refusal(readWorkbook(new TextEncoder().encode('không phải bảng tính'), 'x.xlsx'));
  expect(messageOf(e)).toBe((e as Error).message);
  expect(messageOf(new HostError('Sổ tính đang được bảo vệ.'))).toBe('Sổ tính đang được bảo vệ.');
});

test('a consolidation too large to be read back is shown with the writer\'s sentence (the pane\'s "Tải sổ tổng hợp")', async () => {
  const { buildMergedWorkbook } = await import('../../src/xlsx/merge-workbook');
  const { mergeUnits } = await import('../../src/core/merge/merge');
  const { toUnitReport } = await import('../../src/core/merge/units');
  const { LIMITS } = await import('../../src/xlsx/package');
  const name = 'mau-sach.xlsx';
  const model = await readWorkbook(readFileSync(join(__dirname, '../../assets/samples', name)), name);
  const before = LIMITS.maxCells;
  LIMITS.maxCells = 100;
  try {
    const e = await refusal(buildMergedWorkbook(mergeUnits([toUnitReport(checkWorkbook(model), name, 'h', model)])));
    expect(messageOf(e)).toBe((e as Error).message);
    expect(messageOf(e)).toMatch(/^Chưa ghi sổ tổng hợp: sổ tổng hợp 1 đơn vị sẽ có /);
    // One unit already too large: no number of units to name.
    expect(messageOf(e)).toMatch(/Sổ của đơn vị này đã quá lớn để tổng hợp: hãy kiểm tra nó bằng "cchc check"/);
  } finally {
    LIMITS.maxCells = before;
  }
});

test('anything else is "unexpected", in Vietnamese, without the library\'s English words', () => {
  const shown = messageOf(new Error("Can't find end of central directory : is this a zip file ?"));
  expect(shown).toMatch(/^Đã xảy ra lỗi không mong đợi: /);
  expect(shown).not.toMatch(/central directory|zip file/);
});

test('runAction: busy while the work runs, earlier messages cleared first, a failure shown and announced in Vietnamese', async () => {
  const log: string[] = [];
  const state = {
    setBusy: (b: string | null) => log.push(`busy ${b}`),
    setError: (e: string | null) => log.push(`error ${e}`),
    setNotice: (n: string | null) => log.push(`notice ${n}`),
    announce: (t: string) => log.push(`announce ${t}`),
    before: () => log.push('before'),
    after: () => log.push('after'),
  };
  await runAction('check', async () => {
    log.push('work');
  }, state);
  expect(log).toEqual(['busy check', 'error null', 'notice null', 'before', 'work', 'busy null', 'after']);
  log.length = 0;
  await expect(
    runAction('check', async () => {
      throw new HostError('Sổ tính đang được bảo vệ.');
    }, state),
  ).resolves.toBeUndefined();
  expect(log).toEqual(['busy check', 'error null', 'notice null', 'before', 'error Sổ tính đang được bảo vệ.', 'announce Sổ tính đang được bảo vệ.', 'busy null', 'after']);
});
