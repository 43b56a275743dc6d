/**
 * What a report document records about the figures it was filled from, and the names of the
 * custom document properties that hold it. The Node filler (src/docx) and the Word add-in
 * (src/word) both use these names, so a report filled by `cchc report` is recognised by the
 * add-in and the other way round.
 */
export interface FillRecord {
  fileName: string;
  unit: string;
  period: string;
  fingerprint: string;
  filledAt: string;
}

export const RECORD_PROPS: readonly (readonly [keyof FillRecord, string])[] = [
  ['fileName', 'CCHC.TepSoLieu'],
  ['unit', 'CCHC.DonVi'],
  ['period', 'CCHC.KyBaoCao'],
  ['fingerprint', 'CCHC.DauVanTay'],
  ['filledAt', 'CCHC.ThoiDiemDien'],
];

export const RECORD_PROP_PREFIX = 'CCHC.';
