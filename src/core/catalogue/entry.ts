import type { Severity } from '../findings';

/**
 * What the catalogue knows of one finding code, in the manner of frictionless-py's errors
 * catalogue (https://github.com/frictionlessdata/frictionless-py/tree/main/frictionless/errors):
 * the code's default severity, its Vietnamese wording, and the texts docs/findings.md (for
 * developers) and docs/huong-dan/thong-bao.md (for officers) are written from. `D` is what the
 * message is built from: a workbook finding's fields, or the arguments of a document finding or
 * of a file refusal.
 *
 * Pages read only `severity`, `wholeSheet` and `message`: webpack leaves the documentation texts
 * (`doc`, `meaning`, `fix`, `at`, `severityNote`, `levelNote`) out of their scripts
 * (scripts/catalogue-docs-loader.js), so code under src/ must not read them; scripts/ does.
 */
interface EntryBase<D> {
  /** The severity a finding of this code has unless its check says otherwise. */
  severity: Severity;
  /** For docs: the cell (or paragraph, or file) the finding points at. */
  at?: string;
  /**
   * The finding is about a whole sheet (a table or a name not found, a sheet left out): its cell
   * is only where a host's "go to" lands, and lists show the sheet alone, never a bare "ô A1".
   */
  wholeSheet?: true;
  /** For docs/findings.md (developers, English): one sentence saying when the finding is given. */
  doc: string;
  /**
   * For the officers' guide (docs/huong-dan/thong-bao.md): one sentence in plain Vietnamese saying
   * what the message means, in the officer's words (no codes, no English, no rule names).
   */
  meaning: string;
  /**
   * The "Cách sửa" (Vietnamese, as the officer reads it). Every workbook code of default severity
   * error or warning has one, and its message ends with " Cách sửa: …"
   * (test/core/findings-coverage.test.ts). Document findings and file refusals of severity error
   * or warning have one too: their messages say it in their own words, and the officers' guide
   * gives it beside each message (scripts/guide-messages.ts refuses an entry without it).
   */
  fix?: string;
  /** The Vietnamese message. */
  message: (d: D) => string;
}

/**
 * Where a check gives another severity than the default, both audiences are told when: the
 * developers in English (`severityNote`, the severity column of docs/findings.md), the officers in
 * Vietnamese (`levelNote`, after the level in the guide, e.g. "Gợi ý với bảng không bắt buộc").
 * One without the other does not compile.
 */
type SeverityNotes = { severityNote?: never; levelNote?: never } | { severityNote: string; levelNote: string };

export type CatalogueEntry<D> = EntryBase<D> & SeverityNotes;
