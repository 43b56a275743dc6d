import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative, placeTexts } from '../../src/core/narrative';
import { figuresFingerprint } from '../../src/core/narrative/fingerprint';
import type { CheckReport } from '../../src/core/report';
import type { FillRecord } from '../../src/host/actions';
import { readWorkbook } from '../../src/xlsx/read';

export const ROOT = join(__dirname, '../..');
export const TEMPLATE_DOCX = join(ROOT, 'assets/templates/bao-cao-cchc.docx');

export function templateBytes(): Uint8Array {
  return new Uint8Array(readFileSync(TEMPLATE_DOCX));
}

/** The real narrative of a shipped sample workbook, and the record a fill would save. */
export async function sampleTexts(file = 'mau-sach.xlsx'): Promise<{ report: CheckReport; texts: Record<string, string[]>; record: FillRecord }> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'assets/samples', file)));
  const report = checkWorkbook(await readWorkbook(bytes, file));
  const n = buildNarrative(report, { allowErrors: true });
  const record: FillRecord = {
    fileName: file,
    unit: n.fields.donVi,
    period: n.fields.kyBaoCao,
    fingerprint: figuresFingerprint(report),
    filledAt: '2023-03-20T08:00:00.000Z',
  };
  return { report, texts: placeTexts(n), record };
}
