/**
 * Rules that carry a legal parameter, versioned by the period they apply to. The rule set is
 * chosen by the report period's end date: a Q1/2023 report follows the three-level government and
 * NĐ 90/2020, a Q4/2026 report the two-level government, NĐ 335/2025 and NĐ 233/2026.
 *
 * Each rule names its legal basis and how sure we are of it (docs/rules.md): C confirmed,
 * C2 secondary copy, U unconfirmed convention. Only C rules may produce errors; the rest warn.
 */

export type Certainty = 'C' | 'C2' | 'U';

export interface Basis {
  text: string;
  certainty: Certainty;
}

export interface HtxsCap {
  /** Who the cap counts: công chức, viên chức, or the units themselves. */
  subject: 'Công chức' | 'Viên chức' | 'Cơ quan, đơn vị';
  /** HTXSNV ≤ capPercent % of the number rated HTTNV in the same agency. */
  capPercent: number;
  /** Higher cap when the unit itself was rated HTXSNV (NĐ 233/2026), if the rule has one. */
  capPercentIfUnitExcellent?: number;
  basis: Basis;
}

export interface RuleSet {
  id: string;
  label: string;
  /** Applies to periods ending on or after `from` (ISO) and on or before `to`. */
  from: string;
  to: string | null;
  tuyen: { options: string[]; basis: Basis };
  onlineServices: { terms: string[]; basis: Basis };
  caps: HtxsCap[];
  /** Which decision's survey method the period uses; each form version carries its own items and returning answers (surveys/forms.ts). */
  satisfaction: { method: string; basis: Basis };
  tthcForm: Basis;
}

const ND90: Basis = {
  text: 'Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP (tỷ lệ theo quy định của Đảng)',
  certainty: 'C2',
};
const ND335: Basis = { text: 'Nghị định 335/2025/NĐ-CP (đánh giá, xếp loại công chức)', certainty: 'C' };
const ND233: Basis = { text: 'Nghị định 233/2026/NĐ-CP (đánh giá, xếp loại viên chức, đơn vị sự nghiệp)', certainty: 'C' };
const THREE_LEVELS: RuleSet['tuyen'] = {
  options: ['Tỉnh', 'Huyện', 'Xã'],
  basis: { text: 'Luật Tổ chức chính quyền địa phương 2015 (ba cấp)', certainty: 'C' },
};
const TWO_LEVELS: RuleSet['tuyen'] = {
  options: ['Tỉnh', 'Xã'],
  basis: { text: 'Luật Tổ chức chính quyền địa phương 2025 (hai cấp, từ 01/7/2025)', certainty: 'C' },
};
const LEVEL34: RuleSet['onlineServices'] = {
  terms: ['mức độ 3', 'mức độ 4'],
  basis: { text: 'Thông tư 32/2017/TT-BTTTT', certainty: 'C' },
};
const FULL_PARTIAL: RuleSet['onlineServices'] = {
  terms: ['toàn trình', 'một phần'],
  basis: { text: 'Nghị định 42/2022/NĐ-CP', certainty: 'U' },
};
const QD3869 = { method: 'QĐ 3869/QĐ-BYT (2019)', basis: { text: 'Quyết định 3869/QĐ-BYT năm 2019', certainty: 'C' as const } };
const QD56 = { method: 'QĐ 56/QĐ-BYT (2024)', basis: { text: 'Quyết định 56/QĐ-BYT năm 2024', certainty: 'C' as const } };
const BIEU06: Basis = { text: 'Thông tư 01/2020/TT-VPCP, Biểu số 06/VPCP/KSTT', certainty: 'C2' };
const TT5_2025: Basis = { text: 'Thông tư 5/2025/TT-VPCP (hiệu lực 15/02/2026)', certainty: 'U' };

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'nd90-3cap',
    label: 'Chính quyền ba cấp; xếp loại theo NĐ 90/2020',
    from: '1900-01-01',
    to: '2024-06-30',
    tuyen: THREE_LEVELS,
    onlineServices: LEVEL34,
    caps: [
      { subject: 'Công chức', capPercent: 20, basis: ND90 },
      { subject: 'Viên chức', capPercent: 20, basis: ND90 },
    ],
    satisfaction: QD3869,
    tthcForm: BIEU06,
  },
  {
    id: 'nd90-3cap-qd56',
    label: 'Chính quyền ba cấp; xếp loại theo NĐ 90/2020; khảo sát theo QĐ 56/QĐ-BYT',
    from: '2024-07-01',
    to: '2025-06-30',
    tuyen: THREE_LEVELS,
    onlineServices: FULL_PARTIAL,
    caps: [
      { subject: 'Công chức', capPercent: 20, basis: ND90 },
      { subject: 'Viên chức', capPercent: 20, basis: ND90 },
    ],
    satisfaction: QD56,
    tthcForm: BIEU06,
  },
  {
    id: '2cap-nd335',
    label: 'Chính quyền hai cấp; công chức theo NĐ 335/2025, viên chức theo NĐ 90/2020',
    from: '2025-07-01',
    to: '2026-06-30',
    tuyen: TWO_LEVELS,
    onlineServices: FULL_PARTIAL,
    caps: [
      { subject: 'Công chức', capPercent: 20, basis: ND335 },
      { subject: 'Viên chức', capPercent: 20, basis: ND90 },
    ],
    satisfaction: QD56,
    tthcForm: TT5_2025,
  },
  {
    id: '2cap-nd335-nd233',
    label: 'Chính quyền hai cấp; công chức theo NĐ 335/2025, viên chức và đơn vị theo NĐ 233/2026',
    from: '2026-07-01',
    to: null,
    tuyen: TWO_LEVELS,
    onlineServices: FULL_PARTIAL,
    caps: [
      { subject: 'Công chức', capPercent: 20, basis: ND335 },
      { subject: 'Viên chức', capPercent: 20, capPercentIfUnitExcellent: 25, basis: ND233 },
      { subject: 'Cơ quan, đơn vị', capPercent: 20, basis: ND233 },
    ],
    satisfaction: QD56,
    tthcForm: TT5_2025,
  },
];

/** The rule set for a period ending on `periodEnd` (ISO date). */
export function ruleSetFor(periodEnd: string): RuleSet {
  const found = RULE_SETS.find((r) => r.from <= periodEnd && (r.to === null || periodEnd <= r.to));
  return found ?? RULE_SETS[RULE_SETS.length - 1]!;
}

export function ruleSetById(id: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id);
}
