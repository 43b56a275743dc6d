import type { Severity } from '../findings';

/**
 * What the catalogue knows of one finding code, in the manner of frictionless-py's errors
 * catalogue (https://github.com/frictionlessdata/frictionless-py/tree/main/frictionless/errors):
 * the code's default severity, its Vietnamese wording, and the text docs/findings.md is written
 * from. `D` is what the message is built from: a workbook finding's fields, or the arguments of a
 * document finding or of a file refusal.
 */
export interface CatalogueEntry<D> {
  /** The severity a finding of this code has unless its check says otherwise. */
  severity: Severity;
  /** For docs, the severity column where a check gives another severity than the default: when, and which. */
  severityNote?: string;
  /** For docs: the cell (or paragraph, or file) the finding points at. */
  at?: string;
  /**
   * The finding is about a whole sheet (a table or a name not found, a sheet left out): its cell
   * is only where a host's "go to" lands, and lists show the sheet alone, never a bare "ô A1".
   */
  wholeSheet?: true;
  /** For docs: one sentence saying when the finding is given. */
  doc: string;
  /**
   * The "Cách sửa" the message gives (Vietnamese, as the officer reads it). Every workbook code of
   * default severity error or warning has one, and its message ends with " Cách sửa: …"
   * (test/core/findings-coverage.test.ts).
   */
  fix?: string;
  /** The Vietnamese message. */
  message: (d: D) => string;
}
