import { TABLES } from '../tables';
import { FIELD_TITLES, SECTION_TAG_LIST, type SectionTag, type Tag } from './tags';

/**
 * Titles shown on the controls in Word (w:alias) and in the panes: a block place is titled by the
 * table that writes it (src/core/tables/<table>.ts, `section.title`), an inline place by tags.ts.
 */
export const TAG_TITLES: Record<Tag, string> = {
  ...(Object.fromEntries(SECTION_TAG_LIST.map((tag) => [tag, placeTable(tag).section.title])) as Record<SectionTag, string>),
  ...FIELD_TITLES,
};

/** The first table that writes a block place, which titles it; every place has one (a test says so). */
export function placeTable(tag: SectionTag) {
  const t = TABLES.find((x) => x.section.tag === tag);
  // A place no table writes is a bug in the tables' data, caught at load by the first call.
  if (!t) throw new Error(`no table writes ${tag}`);
  return t;
}
