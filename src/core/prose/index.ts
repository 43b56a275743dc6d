/** The prose checker: reading the figures of a report's text as statements and checking them (read.ts, statements.ts, check.ts). */
export { checkDocument, readPeriod, readReportDate, excerptOf, sectionsOf, possibleOver, type DocCheckOptions } from './check';
export { readParagraph, family, type ParagraphReading } from './read';
export { readDocument, type DocReading } from './statements';
export { NOUNS } from './lexicon';
export type * from './types';
export { DOC_CODES } from './types';
