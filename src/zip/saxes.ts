/**
 * saxes, the one XML parser the product reads with (the .xlsx and .ods readers in src/xlsx, the
 * .docx filler and text reader in src/docx; it is also the parser ExcelJS uses), loaded with
 * require: its shipped typings do not compile under this project's strict settings with
 * skipLibCheck off (TS2344 in saxes.d.ts), so the part the readers call is typed here instead.
 * webpack and esbuild bundle the require like an import. It sits beside the inflater because both
 * readers of zip packages share it.
 */
export interface SaxesTag {
  name: string;
  attributes: Record<string, string>;
  /** Set on an empty-element tag (`<w:p/>`). */
  isSelfClosing?: boolean;
}

export interface SaxesParser {
  on(name: 'opentag' | 'closetag', handler: (tag: SaxesTag) => void): void;
  on(name: 'text' | 'cdata', handler: (text: string) => void): void;
  on(name: 'error', handler: (err: Error) => void): void;
  write(chunk: string): this;
  close(): this;
  /**
   * UTF-16 offset, in all the text written so far, just after the character read last: in an
   * `opentag` or `closetag` handler, just after the tag's '>'.
   */
  readonly position: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxes = require('saxes') as { SaxesParser: new () => SaxesParser };

export const newSaxesParser = (): SaxesParser => new saxes.SaxesParser();
