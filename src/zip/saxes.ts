/**
 * saxes, the one XML parser the product reads with (the .xlsx, .ods and Excel 2003 XML readers in
 * src/xlsx, the .docx filler and text reader in src/docx; it is also the parser ExcelJS uses), loaded with
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

/** An attribute when namespaces are resolved: `uri` is the namespace its prefix is bound to ('' for none). */
export interface SaxesAttributeNS {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

/** A tag when namespaces are resolved (newSaxesParserNS): attributes keyed by their name as written. */
export interface SaxesTagNS {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: Record<string, SaxesAttributeNS>;
  isSelfClosing?: boolean;
}

export interface SaxesParserOf<Tag> {
  on(name: 'opentag' | 'closetag', handler: (tag: Tag) => void): void;
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

export type SaxesParser = SaxesParserOf<SaxesTag>;
export type SaxesParserNS = SaxesParserOf<SaxesTagNS>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxes = require('saxes') as { SaxesParser: new (options?: { xmlns: true }) => unknown };

export const newSaxesParser = (): SaxesParser => new saxes.SaxesParser() as SaxesParser;

/**
 * A parser that resolves namespace prefixes (saxes' `xmlns` option), for a format whose meaning
 * hangs on an attribute's namespace rather than on its prefix (Excel 2003 XML's `ss:` attributes,
 * src/xlsx/spreadsheetml.ts). A prefix bound nowhere is then an error, as the namespaces
 * recommendation says.
 */
export const newSaxesParserNS = (): SaxesParserNS => new saxes.SaxesParser({ xmlns: true }) as SaxesParserNS;
