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
  /**
   * Number of errors the figures had when the report was written past them ("3"); absent (or "")
   * for a clean fill, which also clears it from the document.
   */
  forcedErrors?: string;
}

export const RECORD_PROPS: readonly (readonly [keyof FillRecord, string])[] = [
  ['fileName', 'CCHC.TepSoLieu'],
  ['unit', 'CCHC.DonVi'],
  ['period', 'CCHC.KyBaoCao'],
  ['fingerprint', 'CCHC.DauVanTay'],
  ['filledAt', 'CCHC.ThoiDiemDien'],
  ['forcedErrors', 'CCHC.SoLoiKhiDien'],
];

/** A record as read back: an empty optional field is no field (a clean fill writes it empty). */
export function tidyRecord(rec: FillRecord): FillRecord {
  if (!rec.forcedErrors) delete rec.forcedErrors;
  return rec;
}

export const RECORD_PROP_PREFIX = 'CCHC.';
