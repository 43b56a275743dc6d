import {
  AlignmentType,
  BorderStyle,
  Document,
  EmptyElement,
  FileChild,
  LineRuleType,
  Packer,
  Paragraph,
  StringValueElement,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
  type ParagraphChild,
} from 'docx';
import { FIELD_TAGS, SECTION_TAGS, type FieldTag, type SectionTag } from '../core/narrative/tags';
import { TAG_TITLES } from '../core/narrative/places';

/**
 * The report template `assets/templates/bao-cao-cchc.docx`, NĐ 30/2020/NĐ-CP layout. Built with the
 * `docx` library; it has no public API for tagged content controls (only the table of contents and
 * check boxes use w:sdt inside it), so the controls are small XmlComponent subclasses of its own
 * extension point, which it serialises like any other element: no post-editing of the XML needed.
 */

const mm = (x: number) => Math.round((x / 25.4) * 1440);
export const LAYOUT = {
  pageWidth: 11906, // A4, twips
  pageHeight: 16838,
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  fontSize: 28, // half-points: 14 pt
  firstLine: 720, // 1,27 cm
  after: 120, // 6 pt
  line: 312, // 1,3 lines
  font: 'Times New Roman',
} as const;

/**
 * Line spacing in 240ths of a line (240 single, 312 the body's 1,3), with its rule written out.
 * The standard (ECMA-376 Part 1, 17.3.1.33) makes "auto" the rule of a w:spacing that names none,
 * and Word follows it, but LibreOffice 7.4 reads such a w:line as an exact height in twips: 240
 * became 12 pt for 13 and 14 pt text, and the header's lines, "BÁO CÁO" and the title touched
 * each other (docs/office-compat.md; test/docx/libreoffice-render.test.ts measures the gaps).
 */
const lines = (line: number) => ({ line, lineRule: LineRuleType.AUTO });

class El extends XmlComponent {
  constructor(name: string, children: XmlComponent[] = []) {
    super(name);
    for (const c of children) this.root.push(c);
  }
}

function sdtPr(tag: string, plainText: boolean): XmlComponent {
  const children: XmlComponent[] = [new StringValueElement('w:alias', TAG_TITLES[tag as SectionTag]), new StringValueElement('w:tag', tag)];
  if (plainText) children.push(new EmptyElement('w:text'));
  return new El('w:sdtPr', children);
}

/** A rich-text block control holding paragraphs. */
class BlockControl extends FileChild {
  constructor(tag: SectionTag, paragraphs: Paragraph[]) {
    super('w:sdt');
    this.root.push(sdtPr(tag, false), new El('w:sdtContent', paragraphs));
  }
}

/** A plain-text inline control holding one run. */
class InlineControl extends XmlComponent {
  constructor(tag: FieldTag, run: TextRun) {
    super('w:sdt');
    this.root.push(sdtPr(tag, true), new El('w:sdtContent', [run]));
  }
}

const body = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true });
const centered = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after, ...lines(240) }, children });
const inline = (tag: FieldTag, text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new InlineControl(tag, new TextRun({ text, ...opts })) as unknown as ParagraphChild;
const block = (tag: SectionTag, placeholder: string) => new BlockControl(tag, [body(placeholder)]);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function headerBlock(F: typeof FIELD_TAGS): Table {
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, size: o.size ?? 26, bold: o.bold, italics: o.italics });
  return new Table({
    width: { size: 9355, type: WidthType.DXA },
    columnWidths: [3600, 5755],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([centered([inline(F.coquan, 'UBND TỈNH ……………', { size: 26 })]), centered([run('SỞ Y TẾ', { bold: true })]), centered([run('────────')]), centered([run('Số:        /BC-SYT')])], 3600),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
              centered([run('──────────────────')]),
              centered([inline(F.ngay, '……………, ngày …… tháng …… năm ……', { italics: true, size: 26 })]),
            ],
            5755,
          ),
        ],
      }),
    ],
  });
}

/**
 * "Nơi nhận" and the signature, side by side in one row that never breaks across pages (cantSplit,
 * which LibreOffice reads as "keep together" too): the recipients and "(Ký, ghi rõ họ tên)" must not
 * stand alone at the top of a page. Its paragraphs keep their lines together as well.
 */
function signatureBlock(): Table {
  const left = [
    new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 0 }, alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24 })] }),
    ...['- Sở Nội vụ;', '- Lãnh đạo Sở Y tế;', '- Các phòng thuộc Sở Y tế;', '- Lưu: VT, TCHC.'].map(
      (t) => new Paragraph({ indent: { firstLine: 0 }, spacing: { after: 0, ...lines(240) }, alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, children: [new TextRun({ text: t, size: 22 })] }),
    ),
  ];
  const right = [
    new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 1200, ...lines(240) }, keepNext: true, keepLines: true, children: [new TextRun({ text: 'GIÁM ĐỐC', bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 0, ...lines(240) }, keepLines: true, children: [new TextRun({ text: '(Ký, ghi rõ họ tên)', italics: true })] }),
  ];
  return new Table({
    width: { size: 9355, type: WidthType.DXA },
    columnWidths: [4677, 4678],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [new TableCell({ children: left }), new TableCell({ children: right })] })],
  });
}

const AUTO = 'Đoạn này được điền tự động từ bảng số liệu bằng lệnh “cchc report” hoặc nút “Điền báo cáo”; nội dung nhập tay tại đây sẽ bị thay thế.';
const OFFICER = (what: string) => `[Cán bộ soạn thảo nhập ${what}.]`;

export function reportTemplateDocument(): Document {
  const T = SECTION_TAGS;
  const F = FIELD_TAGS;
  return new Document({
    creator: 'Trợ lý báo cáo CCHC',
    title: 'Báo cáo kết quả thực hiện công tác cải cách hành chính',
    styles: {
      default: {
        document: {
          run: { font: LAYOUT.font, size: LAYOUT.fontSize },
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: LAYOUT.firstLine }, spacing: { after: LAYOUT.after, ...lines(LAYOUT.line) } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight },
            margin: { top: LAYOUT.top, bottom: LAYOUT.bottom, left: LAYOUT.left, right: LAYOUT.right, header: 567, footer: 567 },
          },
        },
        children: [
          headerBlock(F),
          centered([], 240),
          centered([new TextRun({ text: 'BÁO CÁO', bold: true })]),
          centered([new TextRun({ text: 'Kết quả thực hiện công tác cải cách hành chính ', bold: true }), inline(F.ky, 'quý … năm …', { bold: true })], 360),
          body(OFFICER('căn cứ: kế hoạch CCHC năm của UBND tỉnh, hướng dẫn của Sở Nội vụ về chế độ báo cáo CCHC định kỳ')),
          new Paragraph({
            children: [
              inline(F.donvi, 'Sở Y tế'),
              new TextRun(' báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) '),
              inline(F.ky, 'quý … năm …'),
              new TextRun(' (số liệu '),
              inline(F.thoigian, 'từ ngày … đến ngày …'),
              new TextRun(') như sau:'),
            ],
          }),
          heading('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'),
          body(OFFICER('các kế hoạch, văn bản chỉ đạo, điều hành CCHC đã ban hành trong kỳ; công tác kiểm tra, thông tin, tuyên truyền CCHC')),
          heading('II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH'),
          heading('1. Cải cách thể chế'),
          body(OFFICER('kết quả xây dựng, rà soát, kiểm tra văn bản quy phạm pháp luật và theo dõi thi hành pháp luật')),
          heading('2. Cải cách thủ tục hành chính'),
          body(OFFICER('kết quả rà soát, công bố, công khai thủ tục hành chính trong kỳ')),
          body('a) Danh mục thủ tục hành chính', { italics: true }),
          block(T.danhmuc, AUTO),
          body('b) Kết quả giải quyết thủ tục hành chính', { italics: true }),
          block(T.tthc, AUTO),
          body('c) Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại, tố cáo', { italics: true }),
          block(T.phananh, AUTO),
          body('d) Kết quả khảo sát sự hài lòng', { italics: true }),
          block(T.hailong, AUTO),
          heading('3. Cải cách tổ chức bộ máy'),
          body(OFFICER('kết quả sắp xếp, kiện toàn tổ chức bộ máy, phân cấp quản lý')),
          block(T.bienche, AUTO),
          heading('4. Cải cách chế độ công vụ'),
          body(OFFICER('kết quả tuyển dụng, bổ nhiệm, đào tạo, bồi dưỡng; kỷ luật, kỷ cương hành chính')),
          block(T.xeploai, AUTO),
          block(T.chitieu, AUTO),
          heading('5. Cải cách tài chính công'),
          body(OFFICER('kết quả thực hiện cơ chế tự chủ tài chính, quản lý, sử dụng tài sản công')),
          heading('6. Xây dựng chính quyền điện tử, chính quyền số'),
          body(OFFICER('kết quả ứng dụng công nghệ thông tin, dịch vụ công trực tuyến, chuyển đổi số')),
          heading('III. ĐÁNH GIÁ CHUNG'),
          body('1. Mặt tích cực: ' + OFFICER('những kết quả nổi bật')),
          body('2. Tồn tại, hạn chế và nguyên nhân: ' + OFFICER('những tồn tại, hạn chế và nguyên nhân')),
          heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI'),
          body(OFFICER('các nhiệm vụ trọng tâm kỳ tới')),
          heading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
          body(OFFICER('kiến nghị, đề xuất (nếu không có, ghi “Không.”)')),
          // The blank line before the signature goes with it to the next page rather than stay behind.
          new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 120, ...lines(240) }, keepNext: true, children: [] }),
          signatureBlock(),
        ],
      },
    ],
  });
}

export async function buildReportTemplate(): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(reportTemplateDocument());
  return new Uint8Array(buf);
}
