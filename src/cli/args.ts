/** Node's parseArgs errors, in Vietnamese: which option, and what is wrong with it. */
export function argumentMessage(e: NodeJS.ErrnoException): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tham số không hợp lệ: không có tuỳ chọn ${quoted || 'này'}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message)
        ? `Tham số không hợp lệ: tuỳ chọn ${quoted.split(' ')[0] || ''} cần một giá trị đi kèm.`
        : `Tham số không hợp lệ: tuỳ chọn ${quoted.split(' ')[0] || ''} không nhận giá trị.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Tham số không hợp lệ: thừa "${quoted}".`;
    default:
      return 'Tham số không hợp lệ.';
  }
}
