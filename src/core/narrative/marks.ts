import type { Finding } from '../findings';
import type { CheckReport } from '../report';
import { TABLES } from '../tables';
import { SECTION_TAG_LIST, type SectionTag } from './tags';

/**
 * Marks of a report written past the errors (the officer confirmed, or `cchc report --force`):
 * each place whose figures an error touches opens with a note naming those errors, which the
 * fillers highlight. A refill from a corrected workbook rewrites the place without it.
 */

/** Every note starts so; the fillers recognise a note by it (`isForcedNote`). */
export const NOTE_PREFIX = '[Lưu ý: báo cáo viết khi bảng số liệu còn lỗi';

export function isForcedNote(paragraph: string): boolean {
  return paragraph.startsWith(NOTE_PREFIX);
}

/** The place each table writes, and the places of the tables that feed it (a survey's answer sheets). */
const TABLE_PLACE: ReadonlyMap<string, SectionTag> = new Map(TABLES.flatMap((t) => [[t.name, t.section.tag] as const, ...(t.section.findingTables ?? []).map((x) => [x, t.section.tag] as const)]));

/** Errors per place; an error outside every table (the period, the unit) touches every place. */
export function errorsByPlace(issues: readonly Finding[]): Map<SectionTag | 'all', Finding[]> {
  const out = new Map<SectionTag | 'all', Finding[]>();
  for (const f of issues) {
    if (f.severity !== 'error') continue;
    const place = (f.table && TABLE_PLACE.get(f.table)) || 'all';
    out.set(place, [...(out.get(place) ?? []), f]);
  }
  return out;
}

const SHOWN = 3;

export function forcedNotes(report: CheckReport, sections: Record<SectionTag, string[]>): Partial<Record<SectionTag, string>> {
  const by = errorsByPlace(report.issues);
  const all = by.get('all') ?? [];
  const notes: Partial<Record<SectionTag, string>> = {};
  for (const tag of SECTION_TAG_LIST) {
    if (!sections[tag].length) continue;
    const errs = [...(by.get(tag) ?? []), ...all];
    if (!errs.length) continue;
    const listed = errs.slice(0, SHOWN).map((f) => `ô ${f.sheet}!${f.cell}: ${f.message.replace(/\.$/, '')}`);
    const more = errs.length > SHOWN ? `; và ${errs.length - SHOWN} lỗi khác` : '';
    notes[tag] = `${NOTE_PREFIX}, số liệu dưới đây có thể sai. ${listed.join('; ')}${more}. Hãy sửa bảng số liệu rồi điền lại báo cáo.]`;
  }
  return notes;
}
