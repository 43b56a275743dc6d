/** Why a file could not be read at all. A readable workbook with wrong figures is never this. */
export type UnreadableReason =
  | 'empty'
  | 'too_large'
  | 'encrypted'
  | 'legacy_xls'
  | 'not_zip'
  | 'corrupt_zip'
  | 'not_xlsx'
  | 'xml_too_large'
  | 'too_many_cells'
  | 'too_many_elements'
  | 'xml_too_deep'
  | 'too_many_parts'
  | 'too_many_rows'
  | 'parse_failed';

/**
 * A file that is not a readable .xlsx workbook. `message` is Vietnamese and tells the officer what
 * to do; `detail` keeps the library's own words for logs.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';
  constructor(
    readonly reason: UnreadableReason,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function isUnreadableWorkbookError(e: unknown): e is UnreadableWorkbookError {
  return e instanceof UnreadableWorkbookError || (e instanceof Error && e.name === 'UnreadableWorkbookError' && 'reason' in e);
}
