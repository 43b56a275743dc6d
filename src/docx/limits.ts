/**
 * The .docx limits on their own, so the Word pane can count a table's OOXML against them
 * (src/docx/paragraphs.ts) without bundling the zip reader of ./package.ts.
 */
/**
 * Measured in this project (Node 20): the shipped template is 12 KB (58 KB unpacked, about 600
 * elements, depth 12); a 300-page report with pictures is a few MB, its document.xml under 10 MB
 * and 200 000 elements. The limits sit far above any real template and far below what would
 * exhaust memory (peak under 600 MB at each limit, see docs/reliability.md).
 */
export const DOCX_LIMITS = {
  /** Size of the template file itself. */
  maxFileBytes: 30 * 1024 * 1024,
  /**
   * Bytes inflated from the package, counted while inflating: the parts read, and when a filled
   * copy is written, the parts copied into it (pictures, which deflate does not shrink, count
   * about their file size).
   */
  maxUnpackedBytes: 60 * 1024 * 1024,
  /**
   * Entries in the zip, counted in its directory before any is read; Word's own files have a few
   * dozen, one more per picture.
   */
  maxParts: 5_000,
  /** XML elements over all parts read. */
  maxXmlElements: 1_000_000,
  /** Nesting of XML elements; libxml2's default limit, which Word's own files never approach. */
  maxXmlDepth: 256,
  /**
   * Characters of text `cchc doc` reads from a report (src/docx/text.ts), about 300 pages. The
   * figures of every sentence are checked: 1 000 000 characters of dense figures took 7 s and
   * 155 MB on the project machine, where one 50 MB paragraph ran past a gigabyte.
   */
  maxTextChars: 1_000_000,
};
