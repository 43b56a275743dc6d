/**
 * Which features this Office can run, from its requirement sets. Pure: the caller passes
 * Office.context.requirements.isSetSupported (or a stand-in), so the pane and the tests share it.
 *
 * The API sets come from the members the adapters call, as @types/office-js and the reference
 * pages mark them ("[Api set: ExcelApi 1.x]"); which Office has which set is in
 * docs/office-compat.md.
 */
export type OfficeHostName = 'excel' | 'word';

export interface Requirement {
  set: string;
  version: string;
}

export interface Feature {
  id: string;
  host: OfficeHostName;
  /** What the officer loses, in the notice's words. */
  label: string;
  needs: readonly Requirement[];
  /** The Office.js members the adapter calls for it ("Excel.Range.getCellProperties"), whose API sets make `needs`. */
  members: readonly string[];
  /** Without it the pane cannot do its job at all. */
  essential: boolean;
  /** What still works, or what to do instead. */
  instead: string;
}

export const FEATURES: readonly Feature[] = [
  {
    id: 'excel.check',
    host: 'excel',
    label: 'Đọc và kiểm tra sổ',
    needs: [{ set: 'ExcelApi', version: '1.7' }],
    members: ['Excel.Workbook.tables', 'Excel.Workbook.names', 'Excel.NamedItem.formula', 'Excel.Worksheet.getUsedRangeOrNullObject', 'Excel.Range.valueTypes', 'Excel.Range.select', 'Excel.Worksheet.activate'],
    essential: true,
    instead: '',
  },
  {
    id: 'excel.highlight',
    host: 'excel',
    label: 'Tô màu các ô có vấn đề',
    needs: [{ set: 'ExcelApi', version: '1.9' }],
    members: ['Excel.Range.getCellProperties', 'Excel.Range.setCellProperties', 'Excel.Range.conditionalFormats', 'Excel.ConditionalFormat.type'],
    essential: false,
    instead: 'các ô không được tô màu, nhưng danh sách phát hiện, nút đến từng ô, chỉ số và đoạn văn vẫn dùng được',
  },
  {
    id: 'excel.insertTemplate',
    host: 'excel',
    label: 'Chèn mẫu chuẩn vào sổ',
    needs: [{ set: 'ExcelApi', version: '1.13' }],
    members: ['Excel.Workbook.insertWorksheetsFromBase64'],
    essential: false,
    instead: 'không có nút «Chèn mẫu chuẩn»; hãy mở tệp mẫu chuẩn mau-chuan-cchc.xlsx và chép số liệu vào đó',
  },
  {
    id: 'excel.mergeWrite',
    host: 'excel',
    label: 'Ghi sổ tổng hợp từ các đơn vị vào sổ đang mở',
    needs: [{ set: 'ExcelApi', version: '1.13' }],
    members: ['Excel.Workbook.insertWorksheetsFromBase64', 'Excel.Worksheet.delete', 'Excel.Worksheet.name', 'Excel.Worksheet.visibility', 'Excel.Table.name'],
    essential: false,
    instead: '«Tổng hợp từ các đơn vị» vẫn kiểm tra và cộng các tệp; sổ tổng hợp được tải về thành tệp .xlsx (Excel trên web) hoặc ghi bằng lệnh «cchc merge»',
  },
  {
    id: 'word.places',
    host: 'word',
    label: 'Điền đoạn văn vào các vị trí của báo cáo',
    needs: [{ set: 'WordApi', version: '1.1' }],
    members: ['Word.Document.contentControls', 'Word.Range.insertContentControl', 'Word.ContentControl.insertParagraph'],
    essential: true,
    instead: '',
  },
];

export type IsSetSupported = (set: string, version: string) => boolean;

export interface HostNotice {
  intent: 'warning' | 'error';
  title: string;
  text: string;
}

export interface Capabilities {
  /** Features of this host that its Office lacks, essential ones first. */
  missing: Feature[];
  /** True when an essential feature is missing: the pane cannot be used here. */
  blocked: boolean;
  /** What to tell the officer; null when everything is there. */
  notice: HostNotice | null;
}

const NEEDED = 'Microsoft 365, Office 2021 trở lên, hoặc Excel/Word trên web (office.com)';
const STANDALONE = 'trang «Kiểm tra không cần Office» (standalone.html, cùng địa chỉ với bổ trợ) kiểm tra được tệp .xlsx, .xls, .ods, CSV ngay trong trình duyệt';

function supported(isSetSupported: IsSetSupported, r: Requirement): boolean {
  try {
    return isSetSupported(r.set, r.version) === true;
  } catch {
    // Some old hosts throw for sets they have never heard of.
    return false;
  }
}

export function capabilities(host: OfficeHostName, isSetSupported: IsSetSupported): Capabilities {
  const missing = FEATURES.filter((f) => f.host === host && !f.needs.every((r) => supported(isSetSupported, r))).sort(
    (a, b) => Number(b.essential) - Number(a.essential),
  );
  const blocked = missing.some((f) => f.essential);
  if (!missing.length) return { missing, blocked, notice: null };
  const app = host === 'excel' ? 'Excel' : 'Word';
  const sets = (f: Feature) => f.needs.map((r) => `${r.set} ${r.version}`).join(', ');
  if (blocked) {
    const f = missing[0]!;
    return {
      missing,
      blocked,
      notice: {
        intent: 'error',
        title: `Phiên bản ${app} này chưa chạy được Trợ lý báo cáo`,
        text: `${f.label} cần bộ API ${sets(f)} của Office, mà phiên bản này không có. Trợ lý cần ${NEEDED}. Trong khi chờ nâng cấp, ${STANDALONE}.`,
      },
    };
  }
  const lines = missing.map((f) => `${f.label} (cần ${sets(f)}): ${f.instead}.`);
  return {
    missing,
    blocked,
    notice: {
      intent: 'warning',
      title: `Một số chức năng không có trong phiên bản ${app} này`,
      text: `${lines.join(' ')} Để có đủ chức năng, hãy dùng ${NEEDED}.`,
    },
  };
}
