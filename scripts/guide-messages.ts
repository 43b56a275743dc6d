/**
 * `npm run docs:findings` (after docs/findings.md): writes docs/huong-dan/thong-bao.md, the
 * officers' page of what each message means, from the catalogue (src/core/catalogue/): grouped
 * the way an officer meets the messages, each with its level as the panes name it, its
 * Vietnamese `meaning`, an example produced by the real message function from the arguments in
 * scripts/guide-messages-examples.ts, and its "Cách sửa". Everything is Vietnamese; the codes
 * appear only as HTML anchors (`#sum_mismatch`), for the IT staff who read a code off the
 * findings list. test/core/docs.test.ts fails when the committed page differs from what this
 * script writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE, type CatalogueEntry } from '../src/core/catalogue';
import { refusalMessage, type RefusalArgs, type RefusalCode } from '../src/core/catalogue/refusals';
import { SEVERITY_LABEL, type Draft, type FindingCode, type Severity } from '../src/core/findings';
import { withMessage } from '../src/core/messages';
import { message as documentMessage } from '../src/core/prose/messages';
import type { DocCode } from '../src/core/prose/types';
import { DOCUMENT_EXAMPLES, REFUSAL_EXAMPLES, WORKBOOK_EXAMPLES } from './guide-messages-examples';

export const GUIDE_MESSAGES = resolve(__dirname, '../docs/huong-dan/thong-bao.md');

/** One message of the page: its code (the anchor), its entry, and its example as the officer reads it. */
interface Item {
  code: string;
  entry: CatalogueEntry<never>;
  example: string;
}

const workbookItem = (code: FindingCode): Item => ({
  code,
  entry: CATALOGUE.workbook[code] as CatalogueEntry<never>,
  // The pipeline every check's finding goes through: the default severity, then the message.
  example: withMessage({ code, ...WORKBOOK_EXAMPLES[code] } as Draft).message,
});
const documentItem = (code: DocCode): Item => ({ code, entry: CATALOGUE.document[code] as CatalogueEntry<never>, example: documentMessage(code, DOCUMENT_EXAMPLES[code]) });
const refusalItem = (code: RefusalCode): Item => ({ code, entry: CATALOGUE.refusal[code] as CatalogueEntry<never>, example: refusalMessage(code, REFUSAL_EXAMPLES[code] as RefusalArgs<typeof code>) });

const workbookCodes = Object.keys(CATALOGUE.workbook) as FindingCode[];
// The consolidation's findings (`cchc merge`, "Tổng hợp từ các đơn vị") all carry the merge_ prefix.
const isMerge = (code: string) => code.startsWith('merge_');

interface Group {
  /** The heading's anchor, stable for links from the guide. */
  id: string;
  title: string;
  intro: string;
  items: Item[];
}

const GROUPS: Group[] = [
  {
    id: 'so-so-lieu',
    title: 'Kiểm tra sổ số liệu',
    intro:
      'Các thông báo khi bấm **Kiểm tra số liệu** trong Excel, trên trang kiểm tra không cần Office, hoặc khi chạy lệnh kiểm tra. Mỗi thông báo gắn với một ô (hoặc cả một trang tính) của sổ; bấm vào thông báo để đến đúng ô đó.',
    items: workbookCodes.filter((c) => !isMerge(c)).map(workbookItem),
  },
  {
    id: 'tong-hop',
    title: 'Tổng hợp từ các đơn vị',
    intro: 'Các thông báo khi tổng hợp sổ của các đơn vị (**Tổng hợp từ các đơn vị** trong Excel, hoặc lệnh tổng hợp). Chúng cũng được ghi trên trang tính "Nguồn" của sổ tổng hợp, ở dòng của từng đơn vị.',
    items: workbookCodes.filter(isMerge).map(workbookItem),
  },
  {
    id: 'van-ban',
    title: 'Kiểm tra số liệu trong văn bản',
    intro: 'Các thông báo khi bấm **Kiểm tra số liệu trong văn bản** trong Word (hoặc khi chạy lệnh kiểm tra văn bản). Mỗi thông báo gắn với một đoạn văn; bấm **Đến vị trí này** để đến đoạn đó.',
    items: (Object.keys(CATALOGUE.document) as DocCode[]).map(documentItem),
  },
  {
    id: 'tep',
    title: 'Tệp không mở được',
    intro: 'Khi không đọc được tệp, trợ lý không kiểm tra gì và chỉ hiện một thông báo nói vì sao. Các thông báo bắt đầu bằng "Khi chạy lệnh" chỉ gặp khi dùng dòng lệnh.',
    items: (Object.keys(CATALOGUE.refusal) as RefusalCode[]).map(refusalItem),
  },
];

const LEVELS: Severity[] = ['error', 'warning', 'info'];

/** Text the page prints as is: Markdown's punctuation escaped (a path's backslashes, "*", "<"…). */
const text = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);

/** "sổ số liệu, đã lưu" → "Sổ số liệu, đã lưu." */
const sentence = (s: string) => {
  const t = s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function renderItem(item: Item): string[] {
  const { code, entry, example } = item;
  const level = `**${SEVERITY_LABEL[entry.severity]}**${entry.levelNote ? ` (${text(entry.levelNote)})` : ''}`;
  const fix = entry.fix ? text(sentence(entry.fix)) : entry.severity === 'info' ? 'Không bắt buộc; làm theo lời khuyên trong thông báo, nếu có.' : null;
  if (fix === null) throw new Error(`${code}: a ${entry.severity} without "Cách sửa" (fix) cannot be explained to the officers`);
  if (!/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/i.test(entry.meaning)) throw new Error(`${code}: its meaning is not Vietnamese`);
  return [
    // A box per message, so that a printed page does not cut one in two (the guide's print style).
    '<div class="thong-bao">',
    '',
    `<a id="${code}"></a>${level} · ${text(entry.meaning)}`,
    '',
    `> *Ví dụ:* ${text(example)}`,
    '',
    `**Cách sửa:** ${fix}`,
    '',
    '</div>',
    '',
  ];
}

const INTRO = `# Ý nghĩa các thông báo

Trang này giải thích từng thông báo mà Trợ lý báo cáo CCHC có thể đưa ra: mức độ và ý nghĩa,
một ví dụ đúng như thông báo hiện trên màn hình (trong khung), và cách sửa. Cách tìm nhanh: bấm Ctrl+F và gõ vài
chữ đầu của thông báo anh/chị đang thấy.

Mức độ của thông báo:

- **${SEVERITY_LABEL.error}**: số liệu sai hoặc thiếu; phải sửa trước khi nộp sổ hay báo cáo.
- **${SEVERITY_LABEL.warning}**: có thể sai, hoặc một phần chưa kiểm tra được; nên xem lại.
- **${SEVERITY_LABEL.info}**: cho biết trợ lý đã đọc sổ hay văn bản thế nào; không bắt buộc sửa.

Một số loại thông báo có mức độ khác tùy trường hợp: điều đó được ghi trong ngoặc sau mức độ.

Trang này được tạo tự động từ chính các thông báo của chương trình, nên luôn khớp với thông báo
thật.`;

export function renderGuideMessages(): string {
  const out = [INTRO, ''];
  out.push(...GROUPS.map((g, i) => `${i + 1}. [${g.title}](#${g.id})`), '');
  GROUPS.forEach((g, i) => {
    out.push(`## <a id="${g.id}"></a>${i + 1}. ${g.title}`, '', g.intro, '');
    const levels = LEVELS.filter((l) => g.items.some((x) => x.entry.severity === l));
    for (const level of levels) {
      // Subheadings only where a group mixes levels: errors first, as an officer fixes them first.
      if (levels.length > 1) out.push(`### ${SEVERITY_LABEL[level]}`, '');
      for (const item of g.items.filter((x) => x.entry.severity === level)) out.push(...renderItem(item));
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  writeFileSync(GUIDE_MESSAGES, renderGuideMessages());
  console.log(`docs/huong-dan/thong-bao.md: ${GROUPS.map((g) => `${g.items.length} (${g.title})`).join(', ')}`);
}
