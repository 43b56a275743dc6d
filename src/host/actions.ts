import type { FillRecord } from '../core/narrative/record';
import type { CheckReport } from '../core/report';
import type { WorkbookModel } from '../core/model';
import type { DocParagraph } from '../core/prose/types';

/**
 * What the task pane can ask of its host. The pane receives one of these as a prop and never
 * touches Office.js itself: src/excel/ and src/word/ implement it on Office, the playground on
 * the fake host, tests on whatever they like. It lives in src/host/, beside neither side, so the
 * adapters do not depend on the UI nor the UI on Office (eslint.config.js enforces both).
 */
export type HostKind = 'excel' | 'word';

/** Failures a host adapter reports to the pane, with a Vietnamese message fit to show as is. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly kind: 'no_workbook' | 'unsupported' | 'host_failure' = 'host_failure',
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** A check's report, with what the host could not do about it (colouring), said in Vietnamese. */
export type HostCheckReport = CheckReport & {
  /** Set when some or all flagged cells could not be coloured (old Excel, protected sheet, read-only…); the findings are complete all the same. */
  highlightNotice?: string;
};

/** What "Ghi vào sổ đang mở" did, for the pane to say it. */
export interface SheetsWritten {
  /** New sheets, under their own names. */
  inserted: string[];
  /** Existing sheets whose tables now hold the consolidated figures (same name, same place). */
  inPlace: string[];
  /** Existing sheets left as they were, with the new sheet that holds their consolidated figures. */
  aside: { sheet: string; to: string; why: string }[];
}

export interface ExcelActions {
  host: 'excel';
  /** Reads the open workbook, checks it, replaces old highlights with new ones; returns the report. */
  check(): Promise<HostCheckReport>;
  /**
   * Restores every highlighted cell's own format (keeping changes the user made since); returns
   * how many cells were restored where the host knows (0: nothing was highlighted).
   */
  clearHighlights(): Promise<number | void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Inserts the standard sheets into the open workbook; undefined where the host cannot. */
  insertTemplate?: () => Promise<void>;
  /** Names of the open workbook's sheets, hidden ones too: what writing new sheets could clash with. */
  sheetNames?(): Promise<string[]>;
  /**
   * "Tổng hợp từ các đơn vị": writes these sheets of an .xlsx (the consolidated workbook, whose
   * cells and tables are `contents`) into the open workbook. Sheets the workbook lacks are
   * inserted at the end. An existing sheet of the same name is written only when listed in
   * `replace` (the officer confirmed it; any other clash is refused with nothing written), and
   * never renamed or deleted, since formulas, names and charts elsewhere point at it: its tables
   * get the consolidated figures in place (rows added where there are more units), or, when its
   * tables are not the standard ones, the figures go to a new sheet beside it. Undefined where
   * the host cannot insert sheets (ExcelApi 1.13).
   */
  insertSheets?(xlsx: Uint8Array, sheets: readonly string[], replace: readonly string[], contents: WorkbookModel): Promise<SheetsWritten>;
  /** Copies text to the clipboard. */
  copyText(text: string): Promise<void>;
  /** Offers a file for download (the filled report .docx); undefined where the host cannot. */
  download?: (fileName: string, data: Uint8Array, mime: string) => Promise<void>;
  /** The last result of the ribbon's "Kiểm tra số liệu" button stored in the document, if any. */
  lastRibbonCheck?(): Promise<{ at: string; ok: boolean; message: string } | null>;
}

export type { FillRecord } from '../core/narrative/record';

/** A picture for a place (the survey chart): a PNG, its size on the page and its alternative text. */
export interface PlacePicture {
  /** PNG bytes as base64: what Word's insertInlinePictureFromBase64 reads (not SVG: OfficeDev/office-js#3018). */
  base64: string;
  /** Points. */
  width: number;
  height: number;
  title: string;
  description: string;
}

/**
 * The tags filled, in document order; `picturesSkipped`, when present, names the places whose
 * picture could not go in (a place inside a paragraph, as LibreOffice saves them: the picture
 * would be cut to the line's height), so the pane can say so.
 */
export type FilledPlaces = string[] & { picturesSkipped?: string[] };

/** A table's OOXML to its cells' paragraphs in order, each with its text and position; null when unreadable. */
export type TableCellReader = (ooxml: string) => { text: string; cell: NonNullable<DocParagraph['cell']> }[] | null;

export interface WordActions {
  host: 'word';
  /** Tags of the content controls present in the document, in document order. */
  listPlaces(): Promise<string[]>;
  /**
   * Writes paragraphs into every place whose tag has text, and after them, in a block place, the
   * picture given for its tag (a refill replaces it; a fill without one removes it); returns the tags filled.
   */
  fill(sections: Record<string, string[]>, record: FillRecord, pictures?: Record<string, PlacePicture>): Promise<FilledPlaces>;
  /** Puts a tagged place at the selection (in the body); refuses a tag the document already has. */
  markPlace(tag: string, title: string): Promise<void>;
  /** Selects the first place with the tag, to show it; undefined where the host cannot. */
  goToPlace?(tag: string): Promise<void>;
  /** What the document says it was filled from, if anything. */
  readRecord(): Promise<FillRecord | null>;
  copyText(text: string): Promise<void>;
  /**
   * "Kiểm tra số liệu trong văn bản": the body's paragraphs (table cells included) in document
   * order. With `cells` (the .docx reader's, src/docx/paragraphs.ts: src/word may not import
   * src/docx) a host that can give each table's OOXML places its cells' paragraphs as `cchc doc` does.
   */
  readParagraphs?(cells?: TableCellReader): Promise<DocParagraph[]>;
  /** Selects characters [start, end) of a paragraph (index in readParagraphs' order). */
  selectText?(span: TextSpan): Promise<void>;
  /** Highlights these figures, replacing earlier marks; undone exactly by clearTextMarks. */
  markText?(spans: TextSpan[]): Promise<void>;
  clearTextMarks?(): Promise<void>;
}

/** Characters [start, end) of the paragraph-th paragraph of the document. */
export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
}

export type HostActions = ExcelActions | WordActions;
