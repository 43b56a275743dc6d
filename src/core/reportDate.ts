import { cellText, normalizeCell } from './cells';
import { findSheet, getCell, parseA1, type WorkbookModel } from './model';
import { parseDateText } from './periods';
import { serialToIso } from './format';
import { headerKey } from './text';

/**
 * The report's own date, for its place-and-date line: the defined name NgayBaoCao, or a cell
 * labelled "Ngày báo cáo" on any sheet (value in the next filled cell to the right). Optional:
 * without it the line is left for the officer, as the seeds leave the day blank until signing.
 * Kept outside the contract's required names so the standard template does not change.
 */
export function readReportDate(model: WorkbookModel): string | null {
  const ref = model.names.find((n) => n.name.toLowerCase() === 'ngaybaocao');
  if (ref) return asDate(getCell(findSheet(model, ref.sheet), parseA1(ref.cell)));
  const key = headerKey('Ngày báo cáo');
  for (const sheet of model.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 60); r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(cells.length, 20); c++) {
        if (headerKey(cellText(cells[c])) !== key) continue;
        for (let k = c + 1; k < cells.length; k++) if (normalizeCell(cells[k]).t !== 'blank') return asDate(cells[k]);
        return null;
      }
    }
  }
  return null;
}

function asDate(cell: Parameters<typeof normalizeCell>[0]): string | null {
  const n = normalizeCell(cell);
  if (n.t === 'num' && n.text === undefined) return serialToIso(n.value);
  return cell && typeof cell.v === 'string' ? parseDateText(cell.v) : null;
}
