/** Why a report template cannot be used. A template that fills is never this. */
export type TemplateProblem =
  | 'too_large'
  | 'unpacked_too_large'
  | 'too_many_parts'
  | 'too_many_elements'
  | 'too_deep'
  | 'not_zip'
  | 'corrupt_zip'
  | 'not_docx'
  | 'bad_xml'
  | 'no_controls'
  | 'no_cchc_tags'
  | 'tags_lost';

/**
 * A report template the filler cannot or must not fill. `message` is Vietnamese and says what to
 * do; `detail` keeps a library's own words for logs.
 */
export class UnreadableTemplateError extends Error {
  override readonly name = 'UnreadableTemplateError';
  constructor(
    readonly reason: TemplateProblem,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function isUnreadableTemplateError(e: unknown): e is UnreadableTemplateError {
  return e instanceof UnreadableTemplateError || (e instanceof Error && e.name === 'UnreadableTemplateError' && 'reason' in e);
}
