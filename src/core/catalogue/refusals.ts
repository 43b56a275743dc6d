import type { CatalogueEntry } from './entry';
import { formatCount, formatSize } from '../format';

/**
 * File refusals: a file the readers (src/xlsx) cannot read at all, or an input path the command
 * line cannot open (src/cli/input.ts, src/cli/merge.ts). Not findings: nothing is checked, the
 * CLI exits 2. Each refusal has a code; the readers throw `UnreadableWorkbookError` carrying it
 * (src/xlsx/errors.ts), with the message built here. `reason` is the coarse kind callers told
 * refusals apart by before each had its own code (e.g. the .xlsx reader retries a part that is
 * `parse_failed`); only the readers' refusals have one. The limits come in as arguments: they are
 * the readers' (src/xlsx/package.ts `LIMITS`), not the core's.
 */

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

export type RefusalEntry<A> = CatalogueEntry<A> & { reason?: UnreadableReason };

/** A refusal whose message needs nothing: `refusalMessage('empty', {})`. */
type NoArgs = Record<string, never>;

const N = formatCount;
const MB = formatSize;
const HOW_TO_SAVE = 'hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (Tệp > Lưu thành > Sổ làm việc Excel (.xlsx))';

export const REFUSALS = {
  // ---- every format
  empty: {
    reason: 'empty',
    severity: 'error',
    doc: 'the file has no bytes',
    meaning: 'Tệp đã chọn không có nội dung (0 byte), thường do tải về hoặc chép tệp chưa xong.',
    fix: 'chọn lại đúng tệp Excel đã lưu; nếu tệp được gửi qua thư điện tử, tải lại',
    message: (_: NoArgs) => 'Tệp rỗng (0 byte): hãy chọn đúng tệp Excel (.xlsx) đã lưu.',
  },
  too_large: {
    reason: 'too_large',
    severity: 'error',
    doc: 'the file is larger than the size limit (`LIMITS.maxFileBytes`): an .xlsx given to the reader, or any input the command line sizes before reading it',
    meaning: 'Tệp lớn hơn giới hạn trợ lý đọc được, trong khi sổ số liệu CCHC thường chỉ vài trăm KB.',
    fix: 'xoá các trang tính, hình ảnh không cần thiết, lưu lại rồi kiểm tra lại',
    message: (a: { bytes: number; limit: number }) =>
      `Tệp quá lớn (${MB(a.bytes)}, giới hạn kích thước tệp ${MB(a.limit)}): sổ số liệu CCHC thường chỉ vài trăm KB; hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
  },
  export_too_large: {
    reason: 'too_large',
    severity: 'error',
    doc: 'a file that is no .xlsx package (.xls, .ods, CSV, an HTML page, Excel 2003 XML) is larger than the size limit; the message speaks of a system\'s export, the usual such file',
    meaning: 'Tệp xuất từ hệ thống (trang HTML, CSV, .xls, .ods…) lớn hơn giới hạn trợ lý đọc được.',
    fix: 'xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại',
    message: (a: { bytes: number; limit: number }) =>
      `Tệp quá lớn (${MB(a.bytes)}, giới hạn ${MB(a.limit)}): bảng xuất từ hệ thống thường chỉ vài trăm KB; hãy xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại.`,
  },
  encrypted: {
    reason: 'encrypted',
    severity: 'error',
    doc: 'the workbook is protected by a password (an encrypted package, .xlsx or .xls)',
    meaning: 'Tệp được bảo vệ bằng mật khẩu nên trợ lý không mở được.',
    fix: 'mở bằng Excel, gỡ mật khẩu rồi kiểm tra lại',
    message: (_: NoArgs) => 'Tệp được mã hoá bằng mật khẩu: hãy mở bằng Excel, gỡ mật khẩu rồi kiểm tra lại.',
  },
  // ---- .xlsx
  legacy_xls: {
    reason: 'legacy_xls',
    severity: 'error',
    doc: 'the .xlsx reader was given an Excel 97-2003 file (the format is told by the file\'s bytes before, so only a direct call to the .xlsx reader meets it)',
    meaning: 'Tệp ở định dạng Excel 97-2003 (.xls) được đưa vào chỗ chỉ nhận tệp .xlsx.',
    fix: 'mở bằng Excel, lưu lại dưới dạng .xlsx rồi kiểm tra lại',
    message: (_: NoArgs) => 'Tệp ở định dạng Excel 97-2003 (.xls): hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi kiểm tra lại.',
  },
  not_zip: {
    reason: 'not_zip',
    severity: 'error',
    doc: 'the file is no zip package and no other format the readers know',
    meaning: 'Tệp không phải bảng tính ở định dạng nào trợ lý đọc được (có thể là tệp khác bị đổi đuôi).',
    fix: 'chọn tệp .xlsx được lưu từ Excel hoặc LibreOffice',
    message: (_: NoArgs) => 'Tệp không phải bảng tính Excel (.xlsx): hãy chọn tệp .xlsx được lưu từ Excel hoặc LibreOffice.',
  },
  corrupt_zip: {
    reason: 'corrupt_zip',
    severity: 'error',
    doc: 'the zip package cannot be inflated',
    meaning: 'Tệp Excel bị hỏng, không giải nén được (thường do tải về hoặc chép tệp chưa xong).',
    fix: 'lưu lại tệp từ Excel, hoặc xin lại bản gốc',
    message: (_: NoArgs) => 'Tệp Excel bị hỏng (không giải nén được): hãy lưu lại tệp từ Excel hoặc lấy bản gốc rồi kiểm tra lại.',
  },
  not_xlsx: {
    reason: 'not_xlsx',
    severity: 'error',
    doc: 'a zip package with no workbook part: a Word document, a PowerPoint presentation, another package',
    meaning: 'Tệp là văn bản Word, bản trình chiếu PowerPoint hoặc loại tệp khác, không phải sổ số liệu Excel.',
    fix: 'chọn đúng tệp sổ số liệu (.xlsx)',
    message: (a: { what: 'docx' | 'pptx' | 'other' }) =>
      `Tệp ${a.what === 'docx' ? 'là văn bản Word (.docx)' : a.what === 'pptx' ? 'là bản trình chiếu PowerPoint' : 'không phải bảng tính Excel (.xlsx)'}, không phải sổ số liệu Excel: hãy chọn tệp .xlsx.`,
  },
  part_not_xml: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'a part of the package is not well-formed XML',
    meaning: 'Một phần bên trong tệp Excel bị hỏng.',
    fix: 'mở bằng Excel, lưu lại rồi kiểm tra lại',
    message: (a: { part: string }) => `Tệp Excel bị hỏng: phần "${a.part}" không phải XML hợp lệ. Hãy mở bằng Excel, lưu lại rồi kiểm tra lại.`,
  },
  too_many_parts: {
    reason: 'too_many_parts',
    severity: 'error',
    doc: 'more zip entries than the limit (`LIMITS.maxParts`)',
    meaning: 'Tệp gồm quá nhiều phần bên trong, không giống một sổ số liệu Excel thông thường.',
    fix: 'xin lại bản gốc của tệp',
    message: (a: { parts: number; limit: number }) =>
      `Tệp có quá nhiều phần (${N(a.parts)}, giới hạn số phần trong gói ${N(a.limit)}): tệp không phải sổ số liệu Excel thông thường; hãy lấy bản gốc rồi kiểm tra lại.`,
  },
  too_many_sheets: {
    reason: 'too_many_parts',
    severity: 'error',
    doc: 'more worksheets than the limit (`LIMITS.maxSheets`), in an .xlsx, an .xls or an Excel 2003 XML file',
    meaning: 'Tệp có nhiều trang tính hơn giới hạn trợ lý đọc được.',
    fix: 'xoá các trang tính không cần thiết (hoặc chép các trang cần kiểm tra sang tệp mới) rồi kiểm tra lại',
    message: (a: { sheets: number; limit: number }) =>
      `Tệp có quá nhiều trang tính (${N(a.sheets)}, giới hạn số trang tính ${N(a.limit)}): hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
  },
  xml_too_large: {
    reason: 'xml_too_large',
    severity: 'error',
    doc: 'the parts inflate to more bytes than the limit (`LIMITS.maxUncompressedBytes`), counted while inflating (a zip bomb is refused before any XML is parsed)',
    meaning: 'Nội dung tệp khi giải nén lớn hơn giới hạn trợ lý đọc được.',
    fix: 'xoá các trang tính, vùng dữ liệu không cần thiết rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Nội dung tệp quá lớn khi giải nén (hơn ${MB(a.limit)}, giới hạn dung lượng giải nén ${MB(a.limit)}): hãy xoá các trang tính hoặc vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
  },
  too_many_cells: {
    reason: 'too_many_cells',
    severity: 'error',
    doc: 'more cells than the limit (`LIMITS.maxCells`), counted while reading an .xlsx, .xls or .ods',
    meaning: 'Tệp có nhiều ô hơn giới hạn trợ lý đọc được.',
    fix: 'xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều ô (hơn ${N(a.limit)} ô, giới hạn số ô ${N(a.limit)}): sổ số liệu CCHC chỉ cần vài nghìn ô; hãy xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
  },
  too_many_rows: {
    reason: 'too_many_rows',
    severity: 'error',
    doc: 'the sheets span more rows than the limit (`LIMITS.maxRows`, the last row of each summed), e.g. a stray cell in row 1 048 576 of several sheets',
    meaning: 'Các trang tính trải quá nhiều dòng, thường do có ô bị gõ nhầm ở tận cuối trang tính.',
    fix: 'bấm Ctrl+End trên từng trang tính để tìm ô cuối cùng, xoá các dòng thừa, lưu lại rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Các trang tính trải quá nhiều dòng (hơn ${N(a.limit)} dòng cộng lại, giới hạn số dòng ${N(a.limit)}): có ô nằm ở tận cuối trang tính; hãy xoá các dòng thừa ở cuối (Ctrl+End để tìm) rồi kiểm tra lại.`,
  },
  too_many_elements: {
    reason: 'too_many_elements',
    severity: 'error',
    doc: 'more XML elements than the limit (`LIMITS.maxElements`), counted while parsing',
    meaning: 'Tệp có quá nhiều phần tử bên trong (ô, định dạng…), vượt giới hạn trợ lý đọc được.',
    fix: 'xoá các vùng dữ liệu, định dạng không cần thiết rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều phần tử XML (hơn ${N(a.limit)}, giới hạn số phần tử ${N(a.limit)}): hãy xoá các vùng dữ liệu, định dạng không cần thiết rồi kiểm tra lại.`,
  },
  xml_too_deep: {
    reason: 'xml_too_deep',
    severity: 'error',
    doc: 'XML elements nested deeper than the limit (`LIMITS.maxXmlDepth`)',
    meaning: 'Cấu trúc bên trong tệp lồng nhau quá sâu: tệp không do Excel tạo ra hoặc đã bị sửa.',
    fix: 'xin lại bản gốc của tệp',
    message: (a: { limit: number }) =>
      `Tệp có cấu trúc XML lồng nhau quá sâu (hơn ${N(a.limit)} tầng, giới hạn độ sâu XML ${N(a.limit)}): tệp không phải do Excel tạo ra hoặc đã bị sửa; hãy lấy bản gốc rồi kiểm tra lại.`,
  },
  // ---- Excel 97-2003 (.xls)
  xls_corrupt: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'an Excel 97-2003 file whose container or records cannot be read',
    meaning: 'Tệp Excel 97-2003 (.xls) bị hỏng, không đọc được.',
    fix: 'mở bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi kiểm tra lại, hoặc xin lại bản gốc',
    message: (_: NoArgs) => `Tệp Excel 97-2003 (.xls) bị hỏng, không đọc được: ${HOW_TO_SAVE}, hoặc lấy bản gốc rồi kiểm tra lại.`,
  },
  xls_excel95: {
    reason: 'legacy_xls',
    severity: 'error',
    doc: 'an Excel 5.0/95 workbook (a "Book" stream instead of "Workbook")',
    meaning: 'Tệp ở định dạng Excel 5.0/95, cũ hơn các định dạng trợ lý đọc được.',
    fix: 'mở bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi kiểm tra tệp mới',
    message: (_: NoArgs) => `Tệp ở định dạng Excel 5.0/95, cũ hơn Excel 97-2003, chương trình không đọc được: ${HOW_TO_SAVE} rồi kiểm tra tệp mới.`,
  },
  xls_older: {
    reason: 'legacy_xls',
    severity: 'error',
    doc: 'a "Workbook" stream whose records are of a version before Excel 97 (BIFF5 and older)',
    meaning: 'Tệp ở định dạng Excel cũ hơn Excel 97-2003.',
    fix: 'mở bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi kiểm tra tệp mới',
    message: (_: NoArgs) => `Tệp ở định dạng Excel cũ hơn Excel 97-2003 (Excel 5.0/95 trở về trước), chương trình không đọc được: ${HOW_TO_SAVE} rồi kiểm tra tệp mới.`,
  },
  ole_not_excel: {
    reason: 'not_xlsx',
    severity: 'error',
    doc: 'an Office 97-2003 container that holds no workbook: a Word .doc, a PowerPoint presentation, another',
    meaning: 'Tệp là văn bản Word 97-2003, bản trình chiếu hoặc loại tệp khác, không phải sổ số liệu Excel.',
    fix: 'chọn đúng tệp sổ số liệu (.xls hoặc .xlsx)',
    message: (a: { what: 'doc' | 'ppt' | 'other' }) =>
      `Tệp ${a.what === 'doc' ? 'là văn bản Word 97-2003 (.doc)' : a.what === 'ppt' ? 'là bản trình chiếu PowerPoint 97-2003' : 'không phải bảng tính Excel'}, không phải sổ số liệu Excel: hãy chọn tệp .xls hoặc .xlsx.`,
  },
  // ---- OpenDocument (.ods)
  ods_corrupt: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'an OpenDocument spreadsheet whose package or content.xml cannot be read',
    meaning: 'Tệp bảng tính OpenDocument (.ods, của LibreOffice) bị hỏng.',
    fix: 'mở bằng LibreOffice, lưu lại (hoặc lưu thành .xlsx) rồi kiểm tra lại',
    message: (_: NoArgs) => 'Tệp OpenDocument (.ods) bị hỏng, không đọc được: hãy mở bằng LibreOffice, lưu lại rồi kiểm tra lại (hoặc lưu thành .xlsx).',
  },
  ods_too_many_parts: {
    reason: 'too_many_parts',
    severity: 'error',
    doc: 'an .ods package with more entries than the limit (`LIMITS.maxParts`)',
    meaning: 'Tệp .ods gồm quá nhiều phần bên trong, không giống một bảng tính thông thường.',
    fix: 'xin lại bản gốc của tệp',
    message: (a: { parts: number; limit: number }) =>
      `Tệp có quá nhiều phần (${N(a.parts)}, giới hạn số phần trong gói ${N(a.limit)}): tệp không phải bảng tính thông thường; hãy lấy bản gốc rồi kiểm tra lại.`,
  },
  ods_too_many_sheets: {
    reason: 'too_many_parts',
    severity: 'error',
    doc: 'an .ods with more sheets than the limit (`LIMITS.maxSheets`), told at the first sheet over it',
    meaning: 'Tệp .ods có nhiều trang tính hơn giới hạn trợ lý đọc được.',
    fix: 'xoá các trang tính không cần thiết rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều trang tính (hơn ${N(a.limit)}, giới hạn số trang tính ${N(a.limit)}): hãy xoá các trang tính không cần thiết rồi kiểm tra lại.`,
  },
  // ---- pages: one-stop exports as HTML, Excel 2003 XML
  page_too_many_cells: {
    reason: 'too_many_cells',
    severity: 'error',
    doc: 'an HTML page or Excel 2003 XML file with more cells than the limit (`LIMITS.maxPageCells`: a page is parsed whole before its cells are read; the Excel 2003 XML reader streams but keeps the limit it had when it did not)',
    meaning: 'Trang HTML hoặc tệp bảng tính XML 2003 xuất từ hệ thống có nhiều ô hơn giới hạn trợ lý đọc được.',
    fix: 'xuất lại chỉ phần số liệu cần kiểm tra, hoặc xoá các vùng dữ liệu không cần thiết',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều ô (hơn ${N(a.limit)} ô): sổ số liệu CCHC chỉ cần vài nghìn ô; hãy xoá các vùng dữ liệu không cần thiết rồi kiểm tra lại.`,
  },
  html_too_deep: {
    reason: 'xml_too_deep',
    severity: 'error',
    doc: 'an HTML page whose elements are open inside one another deeper than the limit (`LIMITS.maxXmlDepth`), counted on the HTML parser\'s stack of open elements while it builds the page',
    meaning: 'Trang HTML xuất từ hệ thống có các thẻ lồng nhau quá sâu, không giống một trang báo cáo thông thường.',
    fix: 'xuất lại báo cáo từ hệ thống, hoặc mở bằng Excel và lưu thành .xlsx',
    message: (a: { limit: number }) =>
      `Trang HTML có các thẻ lồng nhau quá sâu (hơn ${N(a.limit)} tầng, giới hạn độ sâu ${N(a.limit)}): trang xuất báo cáo thông thường chỉ vài chục tầng; hãy xuất lại báo cáo từ hệ thống, hoặc mở bằng Excel và lưu thành .xlsx rồi kiểm tra lại.`,
  },
  html_too_many_nodes: {
    reason: 'too_many_elements',
    severity: 'error',
    doc: 'an HTML page of more elements and text runs than the limit (`LIMITS.maxPageNodes`), counted as the HTML parser adds each to the page',
    meaning: 'Trang HTML xuất từ hệ thống quá lớn: có quá nhiều thẻ và đoạn chữ.',
    fix: 'xuất lại chỉ phần số liệu, hoặc mở bằng Excel và lưu thành .xlsx',
    message: (a: { limit: number }) =>
      `Trang HTML có quá nhiều thẻ và đoạn chữ (hơn ${N(a.limit)}, giới hạn số phần tử ${N(a.limit)}): trang xuất báo cáo thông thường chỉ vài chục nghìn; hãy xuất lại báo cáo từ hệ thống (chỉ phần số liệu), hoặc mở bằng Excel và lưu thành .xlsx rồi kiểm tra lại.`,
  },
  html_no_table: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'an HTML page with no table of figures',
    meaning: 'Tệp là một trang HTML nhưng không có bảng số liệu nào.',
    fix: 'xuất lại báo cáo từ hệ thống, hoặc mở bằng Excel và lưu thành .xlsx',
    message: (_: NoArgs) => 'Tệp là trang HTML nhưng không có bảng số liệu nào: hãy xuất lại báo cáo từ hệ thống hoặc mở bằng Excel, lưu thành .xlsx rồi kiểm tra lại.',
  },
  xml2003_corrupt: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'an Excel 2003 XML file (SpreadsheetML) that is not well-formed, or whose cells point outside the sheet',
    meaning: 'Tệp bảng tính XML 2003 (thường xuất từ hệ thống một cửa) bị hỏng.',
    fix: 'mở bằng Excel, lưu thành .xlsx rồi kiểm tra lại',
    message: (_: NoArgs) => 'Tệp bảng tính XML 2003 bị hỏng, không đọc được: hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi kiểm tra lại.',
  },
  // ---- CSV
  csv_empty: {
    reason: 'parse_failed',
    severity: 'error',
    doc: 'a CSV file with no rows',
    meaning: 'Tệp CSV không có dòng số liệu nào.',
    fix: 'xuất lại bảng số liệu rồi kiểm tra lại',
    message: (_: NoArgs) => 'Tệp CSV không có dữ liệu: hãy xuất lại bảng số liệu rồi kiểm tra lại.',
  },
  csv_too_many_cells: {
    reason: 'too_many_cells',
    severity: 'error',
    doc: 'a CSV file with more fields than the limit (`LIMITS.maxCells`)',
    meaning: 'Tệp CSV có nhiều ô hơn giới hạn trợ lý đọc được.',
    fix: 'xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều ô (hơn ${N(a.limit)} ô, giới hạn số ô ${N(a.limit)}): sổ số liệu CCHC chỉ cần vài nghìn ô; hãy xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại.`,
  },
  csv_too_many_rows: {
    reason: 'too_many_rows',
    severity: 'error',
    doc: 'a CSV file with more lines than the limit (`LIMITS.maxRows`)',
    meaning: 'Tệp CSV có nhiều dòng hơn giới hạn trợ lý đọc được.',
    fix: 'xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tệp có quá nhiều dòng (hơn ${N(a.limit)} dòng, giới hạn số dòng ${N(a.limit)}): hãy xuất lại theo kỳ báo cáo hoặc theo đơn vị rồi kiểm tra lại.`,
  },
  // ---- a report's text for `cchc doc` (src/docx/text.ts), past the .docx limits (src/docx/package.ts `DOCX_LIMITS`)
  doc_too_many_elements: {
    severity: 'error',
    doc: '`cchc doc`: a report whose XML has more elements than the limit (`DOCX_LIMITS.maxXmlElements`, over all parts read), counted while its text is read',
    meaning: 'Khi kiểm tra văn bản: tài liệu Word quá lớn, có quá nhiều phần tử bên trong.',
    fix: 'bỏ các phụ lục, bảng lớn không cần kiểm tra, hoặc chép phần báo cáo sang tệp mới rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tài liệu có quá nhiều phần tử XML (hơn ${N(a.limit)}, giới hạn số phần tử XML ${N(a.limit)}): một báo cáo thường chỉ vài chục nghìn; hãy bỏ các phụ lục, bảng lớn không cần kiểm tra (hoặc chép phần báo cáo sang tệp mới) rồi kiểm tra lại.`,
  },
  doc_too_deep: {
    severity: 'error',
    doc: '`cchc doc`: a report whose XML elements are nested deeper than the limit (`DOCX_LIMITS.maxXmlDepth`)',
    meaning: 'Khi kiểm tra văn bản: cấu trúc bên trong tài liệu Word lồng nhau quá sâu, tài liệu không do Word tạo ra hoặc đã bị sửa.',
    fix: 'mở bằng Word, lưu lại rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tài liệu có cấu trúc XML lồng nhau quá sâu (hơn ${N(a.limit)} tầng, giới hạn độ sâu XML ${N(a.limit)}): tài liệu không phải do Word tạo ra hoặc đã bị sửa; hãy mở bằng Word, lưu lại rồi kiểm tra lại.`,
  },
  doc_text_too_long: {
    severity: 'error',
    doc: '`cchc doc`: a report with more text than the limit (`DOCX_LIMITS.maxTextChars`, about 300 pages), counted while it is read',
    meaning: 'Khi kiểm tra văn bản: tài liệu dài hơn giới hạn trợ lý kiểm tra được (khoảng 300 trang).',
    fix: 'bỏ các phụ lục dài, hoặc chép phần báo cáo sang tệp mới rồi kiểm tra lại',
    message: (a: { limit: number }) =>
      `Tài liệu có quá nhiều chữ để kiểm tra (hơn ${N(a.limit)} ký tự, giới hạn ${N(a.limit)} ký tự, khoảng 300 trang): một báo cáo thường dưới 100 trang; hãy bỏ các phụ lục dài (hoặc chép phần báo cáo sang tệp mới) rồi kiểm tra lại.`,
  },
  // ---- a Word file's zip package, read by the report filler and `cchc doc` alike (src/docx/package.ts `DOCX_LIMITS`);
  // `role` says whose file it is: the template a report is filled from, or the report `cchc doc` reads
  docx_too_many_parts: {
    severity: 'error',
    doc: 'a .docx (a report template, or a report given to `cchc doc`) whose zip directory lists more entries than the limit (`DOCX_LIMITS.maxParts`), counted before any part is read',
    meaning: 'Tệp Word (mẫu báo cáo hoặc văn bản cần kiểm tra) gồm quá nhiều phần bên trong, không giống một tệp Word thông thường.',
    fix: 'mở tệp bằng Word và lưu lại, hoặc dùng mẫu gốc',
    message: (a: { parts: number; limit: number; role: 'template' | 'document' }) =>
      `${a.role === 'template' ? 'Mẫu báo cáo' : 'Tài liệu'} có quá nhiều phần (${N(a.parts)}, giới hạn số phần trong gói ${N(a.limit)}): một tệp Word thông thường chỉ có vài chục phần; ${a.role === 'template' ? 'hãy dùng mẫu gốc, hoặc mở mẫu bằng Word và lưu lại' : 'hãy mở tài liệu bằng Word và lưu lại'} rồi thử lại.`,
  },
  docx_unpacked_too_large: {
    severity: 'error',
    doc: 'a .docx whose parts inflate to more bytes than the limit (`DOCX_LIMITS.maxUnpackedBytes`), counted while inflating whatever sizes the zip declares (a zip bomb is refused before its XML is read)',
    meaning: 'Nội dung tệp Word (mẫu báo cáo hoặc văn bản cần kiểm tra) quá lớn khi giải nén.',
    fix: 'bỏ các ảnh, phụ lục lớn không cần kiểm tra, hoặc mở tệp bằng Word và lưu lại',
    message: (a: { part: string; limit: number; role: 'template' | 'document' }) =>
      `Nội dung ${a.role === 'template' ? 'mẫu báo cáo' : 'tài liệu'} quá lớn khi giải nén (hơn ${MB(a.limit)} ở phần ${a.part}, giới hạn dung lượng giải nén ${MB(a.limit)}): một tệp Word báo cáo thường chỉ vài MB; ${a.role === 'template' ? 'hãy dùng mẫu gốc hoặc lưu lại mẫu bằng Word' : 'hãy bỏ các ảnh, phụ lục lớn không cần kiểm tra, hoặc mở tài liệu bằng Word và lưu lại'} rồi thử lại.`,
  },
  // ---- the command line's inputs (src/cli/input.ts, src/cli/merge.ts)
  not_regular_file: {
    reason: 'not_zip',
    severity: 'error',
    doc: 'the path is a device, a pipe or a socket, not a file saved on disk (refused before it is opened: opening a pipe would wait for ever)',
    meaning: 'Khi chạy lệnh: đường dẫn trỏ tới một thiết bị hay ống dẫn, không phải tệp lưu trên đĩa.',
    fix: 'chọn tệp đã lưu trên đĩa',
    message: (a: { path: string }) => `Không phải một tệp thông thường (thiết bị, ống dẫn hay ổ cắm): ${a.path}. Hãy chọn tệp đã lưu trên đĩa.`,
  },
  file_not_found: {
    severity: 'error',
    doc: 'no file at the path given',
    meaning: 'Khi chạy lệnh: không có tệp nào ở đường dẫn đã gõ.',
    fix: 'kiểm tra lại tên tệp và thư mục (đường dẫn có khoảng trắng thì đặt trong dấu ngoặc kép)',
    message: (a: { path: string }) => `Không tìm thấy tệp: ${a.path}`,
  },
  path_is_folder: {
    severity: 'error',
    doc: 'the path given as a file is a folder',
    meaning: 'Khi chạy lệnh: đường dẫn đã gõ là một thư mục, không phải tệp.',
    fix: 'gõ đường dẫn đến tệp trong thư mục đó',
    message: (a: { path: string }) => `Đường dẫn là một thư mục, không phải tệp: ${a.path}`,
  },
  no_permission: {
    severity: 'error',
    doc: 'the file may not be read by the user running the command',
    meaning: 'Khi chạy lệnh: tài khoản đang dùng không có quyền đọc tệp.',
    fix: 'chép tệp về thư mục của mình, hoặc nhờ bộ phận CNTT cấp quyền đọc',
    message: (a: { path: string }) => `Không có quyền đọc tệp: ${a.path}`,
  },
  name_too_long: {
    severity: 'error',
    doc: 'the path is longer than the file system allows',
    meaning: 'Khi chạy lệnh: đường dẫn dài hơn mức hệ thống cho phép.',
    fix: 'đổi tên tệp cho ngắn hơn, hoặc chuyển tệp đến thư mục có đường dẫn ngắn hơn',
    message: (a: { path: string }) => `Tên tệp quá dài: ${a.path}`,
  },
  path_not_folder: {
    severity: 'error',
    doc: 'a part of the path that should be a folder is a file',
    meaning: 'Khi chạy lệnh: một phần của đường dẫn lẽ ra là thư mục lại là một tệp.',
    fix: 'kiểm tra lại đường dẫn',
    message: (a: { path: string }) => `Đường dẫn không hợp lệ (một phần của nó không phải thư mục): ${a.path}`,
  },
  path_loop: {
    severity: 'error',
    doc: 'the path goes through a loop of symbolic links',
    meaning: 'Khi chạy lệnh: đường dẫn đi qua các lối tắt trỏ vòng vào nhau.',
    fix: 'dùng đường dẫn thật của tệp, hoặc nhờ bộ phận CNTT sửa các lối tắt',
    message: (a: { path: string }) => `Đường dẫn có liên kết vòng: ${a.path}`,
  },
  io_failed: {
    severity: 'error',
    doc: 'any other error of the file system while reading, with its system code',
    meaning: 'Khi chạy lệnh: hệ thống báo lỗi khi đọc tệp (ổ đĩa, mạng…).',
    fix: 'thử lại; nếu vẫn lỗi, chép tệp sang ổ đĩa khác và báo bộ phận CNTT kèm mã lỗi trong thông báo',
    message: (a: { path: string; code?: string }) => `Không đọc được tệp ${a.path}${a.code ? ` (mã lỗi hệ thống ${a.code})` : ''}.`,
  },
  merge_input_missing: {
    severity: 'error',
    doc: '`cchc merge`: an argument names neither a file nor a folder',
    meaning: 'Khi tổng hợp bằng lệnh: đường dẫn đã gõ không phải tệp cũng không phải thư mục.',
    fix: 'kiểm tra lại tên tệp, thư mục',
    message: (a: { path: string }) => `Không tìm thấy tệp hoặc thư mục: ${a.path}`,
  },
  merge_output_too_large: {
    severity: 'error',
    doc: '`cchc merge` (and the Excel pane\'s consolidated download): the consolidated workbook would pass the limits the readers hold `cchc check` and the next `--previous` to (`LIMITS.maxCells` above all: "Truy vết" has a line per source cell); nothing is written, and the message names about how many such units one consolidation can hold',
    meaning: 'Khi tổng hợp: sổ tổng hợp sẽ lớn hơn giới hạn mà trợ lý đọc lại được, nên chưa được ghi.',
    fix: 'chia các đơn vị thành nhóm (ví dụ theo tuyến) và tổng hợp từng nhóm',
    message: (a: { units: number; cells: number; limit: number; fit: number; reason?: string }) =>
      `Chưa ghi sổ tổng hợp: sổ tổng hợp ${N(a.units)} đơn vị ${a.reason ? `vượt quá giới hạn mà chương trình đọc được (${a.reason})` : `sẽ có ${N(a.cells)} ô (trang tính "Truy vết" ghi từng ô lấy số), quá giới hạn số ô ${N(a.limit)}`} nên "cchc check" và lần tổng hợp kỳ sau (--previous) sẽ không đọc được. ${a.fit >= 1 ? `Với các đơn vị như thế này, mỗi lần tổng hợp được khoảng ${N(a.fit)} đơn vị: hãy chia các đơn vị thành nhóm (ví dụ theo tuyến tỉnh, huyện) và tổng hợp từng nhóm.` : 'Sổ của đơn vị này đã quá lớn để tổng hợp: hãy kiểm tra nó bằng "cchc check" và bỏ các vùng số liệu không cần thiết.'}`,
  },
  merge_folder_empty: {
    severity: 'error',
    doc: '`cchc merge`: a folder given holds no workbook of a kind the readers know',
    meaning: 'Khi tổng hợp bằng lệnh: thư mục đã chọn không có sổ số liệu nào.',
    fix: 'chọn đúng thư mục chứa sổ của các đơn vị',
    message: (a: { path: string }) => `Thư mục ${a.path} không có sổ số liệu nào (.xlsx, .xlsm, .xls, .ods, .csv, .htm, .xml).`,
  },
} satisfies Record<string, RefusalEntry<never>>;

export type RefusalCode = keyof typeof REFUSALS;
/** The codes the readers refuse a workbook with (`UnreadableWorkbookError`): those with a `reason`. */
export type WorkbookRefusalCode = { [C in RefusalCode]: (typeof REFUSALS)[C] extends { reason: UnreadableReason } ? C : never }[RefusalCode];
/** What the message of refusal C is built from. */
export type RefusalArgs<C extends RefusalCode> = Parameters<(typeof REFUSALS)[C]['message']>[0];

/** The Vietnamese message of refusal `code`. */
export function refusalMessage<C extends RefusalCode>(code: C, args: RefusalArgs<C>): string {
  return (REFUSALS[code].message as (a: RefusalArgs<C>) => string)(args);
}

/** The coarse kind of a reader's refusal code. */
export function refusalReason(code: WorkbookRefusalCode): UnreadableReason {
  return REFUSALS[code].reason;
}
