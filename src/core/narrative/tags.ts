/**
 * Tags of the report's content controls (w:sdt/w:sdtPr/w:tag/@w:val). The template builder, the
 * Node filler, the Word adapter and the narrative all take them from here.
 */

/** Block (rich-text) places: one paragraph of generated prose per array item. */
export const SECTION_TAGS = {
  tthc: 'cchc:tthc',
  danhmuc: 'cchc:danhmuc',
  phananh: 'cchc:phananh',
  bienche: 'cchc:bienche',
  xeploai: 'cchc:xeploai',
  chitieu: 'cchc:chitieu',
  hailong: 'cchc:hailong',
} as const;

/** Inline (plain-text) places in the header and title. */
export const FIELD_TAGS = {
  donvi: 'cchc:donvi',
  ky: 'cchc:ky',
  thoigian: 'cchc:thoigian',
  /** The governing body above the unit in the header: "UBND TỈNH KON TUM". */
  coquan: 'cchc:coquan',
  /** Place and date line: "Kon Tum, ngày 14 tháng 3 năm 2023". */
  ngay: 'cchc:ngay',
} as const;

export type SectionTag = (typeof SECTION_TAGS)[keyof typeof SECTION_TAGS];
export type FieldTag = (typeof FIELD_TAGS)[keyof typeof FIELD_TAGS];
export type Tag = SectionTag | FieldTag;

export const SECTION_TAG_LIST: readonly SectionTag[] = Object.values(SECTION_TAGS);

/**
 * The places in the order the report template has them (II.2: danh mục, kết quả giải quyết,
 * phản ánh, sự hài lòng; II.4: biên chế, xếp loại, chỉ tiêu): every list of sections a pane shows
 * follows it, so the pane reads in the order of the document.
 */
export const REPORT_ORDER: readonly SectionTag[] = [
  SECTION_TAGS.danhmuc,
  SECTION_TAGS.tthc,
  SECTION_TAGS.phananh,
  SECTION_TAGS.hailong,
  SECTION_TAGS.bienche,
  SECTION_TAGS.xeploai,
  SECTION_TAGS.chitieu,
];
export const FIELD_TAG_LIST: readonly FieldTag[] = Object.values(FIELD_TAGS);
export const ALL_TAGS: readonly Tag[] = [...SECTION_TAG_LIST, ...FIELD_TAG_LIST];

/** Titles of the inline places on the controls in Word (w:alias); the block places' titles are their tables' (narrative/places.ts). */
export const FIELD_TITLES: Record<FieldTag, string> = {
  'cchc:donvi': 'Đơn vị báo cáo',
  'cchc:ky': 'Kỳ báo cáo',
  'cchc:thoigian': 'Thời gian số liệu',
  'cchc:coquan': 'Cơ quan chủ quản',
  'cchc:ngay': 'Địa danh, ngày tháng',
};

export function isTag(s: string): s is Tag {
  return (ALL_TAGS as readonly string[]).includes(s);
}

export function isFieldTag(s: string): s is FieldTag {
  return (FIELD_TAG_LIST as readonly string[]).includes(s);
}
