import type { Basis, Certainty } from '../regimes';

/**
 * The satisfaction survey forms as configuration: which columns are Likert items and in which
 * section, which item is the cost question, the expectation (0–100) and the "would return"
 * question, how "không sử dụng" is coded and what a blank means. Reading, validation and the
 * indicators take everything from here, so a form whose details get confirmed (or a new decision)
 * is a change of data, not of code.
 *
 * Certainty as in docs/surveys.md: C confirmed from the legal text, C2 only from a secondary copy
 * (hospital software reproducing the form), U our own recollection or convention. A finding that
 * rests on anything below C is a warning, never an error (see `severityFor`).
 */

export const SECTION_CODES = ['A', 'B', 'C', 'D', 'E'] as const;
export type SectionCode = (typeof SECTION_CODES)[number];

export const SECTION_TITLES: Record<SectionCode, string> = {
  A: 'Khả năng tiếp cận',
  B: 'Sự minh bạch thông tin và thủ tục',
  C: 'Cơ sở vật chất và phương tiện phục vụ',
  D: 'Thái độ ứng xử, năng lực chuyên môn của nhân viên y tế',
  E: 'Kết quả cung cấp dịch vụ',
};

export interface FormSection {
  code: SectionCode;
  /** Likert item codes ("A1"…); empty when the version's list is open (`openItems`). */
  items: readonly string[];
  certainty: Certainty;
}

export interface CostItem {
  /** Column of the cost question ("E7"): answered with an option code, not on the Likert scale. */
  item: string;
  /** Option codes it may hold. */
  codes: readonly number[];
  /**
   * The "khác" option; its free text sits in a column "E7_KHAC" / "E7 khác" (read.ts recognises
   * "<item> khác" headers), which is never an answer.
   */
  other: number;
  certainty: Certainty;
}

export interface ExpectationItem {
  /** "G1" (v2 forms and QĐ 3869 inpatient), "F" on the old outpatient form. */
  item: string;
  min: number;
  max: number;
  certainty: Certainty;
}

export interface ReturnItem {
  item: string;
  /** Answers that are a choice on the form's scale (the denominator of tỷ lệ quay lại). */
  options: readonly number[];
  /** The "khác" option: a valid answer, left out of the rate. */
  other: number | null;
  /** Answers that count as "would return or recommend". */
  returning: readonly number[];
  certainty: Certainty;
}

/**
 * What a blank Likert cell in a form that has other answers means. `excluded`: not an answer,
 * out of both numerator and denominator (the Bộ Y tế software's "items answered"). `flagged`: the
 * same for the figures, and the form is reported as incomplete (for surveys where every question
 * is mandatory).
 */
export type BlankPolicy = 'excluded' | 'flagged';

export type FormVersionId = 'qd3869-m1' | 'qd3869-m2' | 'qd3869-m3' | 'qd3869-m4' | 'qd56-noi-tru' | 'qd56-ngoai-tru';

export interface FormVersion {
  id: FormVersionId;
  /** The decision the form belongs to: "3869" (2019) or "56" (2024, the "v2" forms). */
  decision: '3869' | '56';
  /** Form number in the decision ("Mẫu 1"), where there is one. */
  formNo: number | null;
  /** "Mẫu 1 (QĐ 3869/QĐ-BYT): người bệnh nội trú". */
  name: string;
  /** The row of the survey summary table its summary belongs to (SURVEY_SUBJECTS), if any. */
  subject: string | null;
  basis: Basis;
  sections: readonly FormSection[];
  /** The item list is not known: any A–E item column present is read as a Likert item. */
  openItems: boolean;
  /** The Likert scale, 1–5. */
  scale: { min: number; max: number; certainty: Certainty };
  /** How "không sử dụng" (did not use the service) is coded in a Likert cell; null: not on this form. */
  notUsed: { code: number; certainty: Certainty } | null;
  blanks: BlankPolicy;
  cost: CostItem | null;
  expectation: ExpectationItem | null;
  returnItem: ReturnItem | null;
}

const range = (letter: string, n: number) => Array.from({ length: n }, (_, i) => `${letter}${i + 1}`);

function sections(counts: Record<SectionCode, number>, certainty: Certainty): FormSection[] {
  return SECTION_CODES.map((code) => ({ code, items: range(code, counts[code]), certainty }));
}

const open = (certainty: Certainty): FormSection[] => SECTION_CODES.map((code) => ({ code, items: [], certainty }));

const QD3869: Basis = { text: 'Quyết định 3869/QĐ-BYT năm 2019', certainty: 'C' };
const QD56: Basis = { text: 'Quyết định 56/QĐ-BYT năm 2024 (bộ phiếu "v2")', certainty: 'C' };

// G2 of the inpatient forms: 1 chắc chắn không quay lại … 5 chắc chắn quay lại hoặc giới thiệu,
// 6 khác (docs/surveys.md, C2). The Bộ Y tế software counts {4, 5} as returning (docs/surveys.md).
const G2_INPATIENT = (certainty: Certainty): ReturnItem => ({ item: 'G2', options: [1, 2, 3, 4, 5], other: 6, returning: [4, 5], certainty });
const G1 = (certainty: Certainty): ExpectationItem => ({ item: 'G1', min: 0, max: 100, certainty });
// No copy of the forms states the code of "không sử dụng"; 0 is what hospital upload files carry.
const NOT_USED = { code: 0, certainty: 'U' as const };
const SCALE = { min: 1, max: 5, certainty: 'C2' as const };

export const FORM_VERSIONS: readonly FormVersion[] = [
  {
    id: 'qd56-noi-tru',
    decision: '56',
    formNo: null,
    name: 'Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh nội trú',
    subject: 'Người bệnh nội trú',
    basis: QD56,
    // docs/surveys.md: A1–A5, B1–B7, C1–C11, D1–D7, E1–E6 (36 items), from hospital tools (C2).
    sections: sections({ A: 5, B: 7, C: 11, D: 7, E: 6 }, 'C2'),
    openItems: false,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    // E7 is a cost question (options + "khác"); the number of options is not in any copy we have.
    cost: { item: 'E7', codes: [1, 2, 3, 4], other: 5, certainty: 'U' },
    expectation: G1('C2'),
    returnItem: G2_INPATIENT('C2'),
  },
  {
    id: 'qd56-ngoai-tru',
    decision: '56',
    formNo: null,
    name: 'Phiếu v2 (QĐ 56/QĐ-BYT): người bệnh ngoại trú',
    subject: 'Người bệnh ngoại trú',
    basis: QD56,
    // docs/surveys.md: A1–A5, B1–B10, C1–C8, D1–D4, E1–E4 (31 items), E5 the cost question (C2).
    sections: sections({ A: 5, B: 10, C: 8, D: 4, E: 4 }, 'C2'),
    openItems: false,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    cost: { item: 'E5', codes: [1, 2, 3, 4], other: 5, certainty: 'U' },
    expectation: G1('C2'),
    // Only the inpatient rule {4, 5} is attested for v2; the outpatient form is assumed alike.
    returnItem: { ...G2_INPATIENT('U') },
  },
  {
    id: 'qd3869-m1',
    decision: '3869',
    formNo: 1,
    name: 'Mẫu 1 (QĐ 3869/QĐ-BYT): người bệnh nội trú',
    subject: 'Người bệnh nội trú',
    basis: QD3869,
    // Item counts recalled from the 2019 form (A5, B5, C9, D7, E5); no copy in hand, hence U.
    sections: sections({ A: 5, B: 5, C: 9, D: 7, E: 5 }, 'U'),
    openItems: false,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    cost: null,
    expectation: G1('C2'),
    returnItem: G2_INPATIENT('C2'),
  },
  {
    id: 'qd3869-m2',
    decision: '3869',
    formNo: 2,
    name: 'Mẫu 2 (QĐ 3869/QĐ-BYT): người bệnh ngoại trú',
    subject: 'Người bệnh ngoại trú',
    basis: QD3869,
    sections: sections({ A: 5, B: 10, C: 8, D: 4, E: 4 }, 'U'),
    openItems: false,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    cost: null,
    // docs/surveys.md: the old outpatient form asks the expectation as F and counts G ∈ {3, 4} (C2).
    expectation: { item: 'F', min: 0, max: 100, certainty: 'C2' },
    returnItem: { item: 'G', options: [1, 2, 3, 4], other: 5, returning: [3, 4], certainty: 'C2' },
  },
  {
    id: 'qd3869-m3',
    decision: '3869',
    formNo: 3,
    name: 'Mẫu 3 (QĐ 3869/QĐ-BYT): nhân viên y tế',
    subject: 'Nhân viên y tế',
    basis: QD3869,
    sections: open('U'),
    openItems: true,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    cost: null,
    expectation: G1('U'),
    returnItem: null,
  },
  {
    id: 'qd3869-m4',
    decision: '3869',
    formNo: 4,
    name: 'Mẫu 4 (QĐ 3869/QĐ-BYT): người mẹ sinh con',
    subject: 'Người mẹ sinh con',
    basis: QD3869,
    sections: open('U'),
    openItems: true,
    scale: SCALE,
    notUsed: NOT_USED,
    blanks: 'excluded',
    cost: null,
    expectation: G1('U'),
    returnItem: G2_INPATIENT('U'),
  },
];

export function formVersion(id: FormVersionId, versions: readonly FormVersion[] = FORM_VERSIONS): FormVersion {
  const v = versions.find((x) => x.id === id);
  if (!v) throw new Error(`unknown form version ${id}`);
  return v;
}

/** The section of a Likert item code ("C10" → "C"), null for anything else. */
export function sectionOf(item: string): SectionCode | null {
  const m = /^([A-E])\d{1,2}$/.exec(item);
  return m ? (m[1] as SectionCode) : null;
}

/** Every Likert item of a closed version, in form order. */
export function likertItems(v: FormVersion): string[] {
  return v.sections.flatMap((s) => [...s.items]);
}

/** Certainty of a Likert item: its section's list (an item outside a closed list is U). */
export function itemCertainty(v: FormVersion, item: string): Certainty {
  const s = v.sections.find((x) => x.code === sectionOf(item));
  if (!s) return 'U';
  return v.openItems || s.items.includes(item) ? s.certainty : 'U';
}

/** Only what is confirmed (C) may be an error; anything resting on a secondary copy warns. */
export function severityFor(...certainties: Certainty[]): 'error' | 'warning' {
  return certainties.every((c) => c === 'C') ? 'error' : 'warning';
}

/** "1–5", "0–100", "1, 2, 3, 4, 5": an answer range for messages. */
export function describeCodes(codes: readonly number[]): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const contiguous = sorted.every((c, i) => i === 0 || c === sorted[i - 1]! + 1);
  return contiguous && sorted.length > 2 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ');
}
