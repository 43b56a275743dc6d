/** The prose checker: reading the figures of a report's text and checking them (see check.ts, read.ts). */
export { checkDocument, readPeriod, readReportDate, excerptOf, sectionsOf, possibleOver, periodName, type DocCheckOptions } from './check';
export { readParagraph, NOUNS, family, type ParagraphReading } from './read';
export type * from './types';
export { DOC_CODES } from './types';
