/**
 * saxes, the XML parser ExcelJS itself uses, loaded with require: its shipped typings do not compile
 * under this project's strict settings with skipLibCheck off (TS2344 in saxes.d.ts), so the part
 * package.ts calls is typed here instead. webpack and esbuild bundle the require like an import.
 */
export interface SaxesTag {
  name: string;
  attributes: Record<string, string>;
}

export interface SaxesParser {
  on(name: 'opentag' | 'closetag', handler: (tag: SaxesTag) => void): void;
  on(name: 'text' | 'cdata', handler: (text: string) => void): void;
  on(name: 'error', handler: (err: Error) => void): void;
  write(chunk: string): this;
  close(): this;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxes = require('saxes') as { SaxesParser: new () => SaxesParser };

export const newSaxesParser = (): SaxesParser => new saxes.SaxesParser();
