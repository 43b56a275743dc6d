/**
 * "Đã nhận ra": what the checker read, in Vietnamese, for the CLI and the panes alike, so an
 * officer can trust what was read or see what to correct (a column mapped to the wrong header, a
 * unit read from the wrong cell).
 */
import type { CheckReport, InfoRecognition, TableRecognition } from './report';

const HOW = { name: 'theo tên bảng Excel', headers: 'theo tiêu đề cột' } as const;

const SOURCE: Record<InfoRecognition['source'], string> = {
  name: 'tên định nghĩa',
  label: 'nhãn và ô bên cạnh',
  inline: 'dòng "Nhãn: giá trị"',
  title: 'dòng tiêu đề',
  header: 'tên cơ quan ở đầu trang',
  sheet: 'tên trang tính',
  file: 'tên tệp',
};

export interface RecognitionItem {
  title: string;
  /** One line each: where and how, then the details. */
  lines: string[];
}

export function tableLines(t: TableRecognition): RecognitionItem {
  const where = [`trang tính "${t.sheet}", vùng ${t.range}, ${HOW[t.how]}`];
  const rows = [`tiêu đề ở dòng ${t.headerRows}`];
  if (t.numberRow !== undefined) rows.push(`dòng số thứ tự cột ${t.numberRow} (bỏ qua)`);
  if (t.totalRow !== undefined) rows.push(`dòng tổng cộng ${t.totalRow}`);
  rows.push(`${t.dataRows} dòng số liệu`);
  if (t.groupRows) rows.push(`${t.groupRows} dòng tổng nhóm`);
  const lines = [`${where.join('')}; ${rows.join(', ')}.`];
  lines.push(`Cột: ${t.columns.map((c) => `${c.header} ← ${c.cell}${c.text && c.text !== c.header ? ` "${c.text}"` : ''}`).join('; ')}.`);
  if (t.shares?.length) lines.push(`Tỷ lệ in cạnh số: ${t.shares.map((c) => `${c.header} ← ${c.cell}${c.text ? ` "${c.text}"` : ''}`).join('; ')}.`);
  if (t.absent.length) lines.push(`Không có cột: ${t.absent.join('; ')}.`);
  return { title: t.title, lines };
}

export function infoLine(i: InfoRecognition): string {
  // A period read from a name says which name: nothing in the sheets wrote it.
  if ((i.source === 'sheet' || i.source === 'file') && i.from) return `${i.label}: "${i.value}" (${SOURCE[i.source]} "${i.from}")`;
  return `${i.label}: "${i.value}" (${i.sheet}!${i.cell}, ${SOURCE[i.source]})`;
}

export function recognitionItems(report: CheckReport): { tables: RecognitionItem[]; info: string[] } {
  const r = report.recognized;
  if (!r) return { tables: [], info: [] };
  return { tables: r.tables.map(tableLines), info: r.info.filter((i) => i.value !== '').map(infoLine) };
}
