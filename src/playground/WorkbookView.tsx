import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { FakeSnapshot, SnapshotCell } from '../fake-office/excel';
import { colToLetters, toA1 } from '../core/model';
import { decimalsOfFormat, formatIsPercent } from '../core/numbers';
import { formatDate, formatNumber, serialToIso } from '../core/format';

/** Enough for the standard workbook; a huge sheet would only make the page slow. */
const MAX_ROWS = 300;
const MAX_COLS = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: '0', minHeight: '0', gap: '6px' },
  scroller: { overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: '#fff', maxHeight: 'calc(100vh - 150px)' },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontFamily: 'Calibri, Carlito, Arial, sans-serif' },
  head: {
    position: 'sticky',
    top: '0',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 'normal',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    minWidth: '56px',
    zIndex: 1,
  },
  rowHead: {
    position: 'sticky',
    left: '0',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 'normal',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    textAlign: 'right',
    minWidth: '28px',
  },
  cell: {
    border: '1px solid #e1e1e1',
    padding: '1px 4px',
    maxWidth: '220px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: '18px',
  },
  number: { textAlign: 'right' },
  selected: { outline: '2px solid #107c41', outlineOffset: '-2px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The value as Excel would roughly show it, in Vietnamese number format. */
export function displayValue(c: SnapshotCell | undefined): string {
  if (!c) return '';
  if (c.e) return c.e;
  const v = c.v;
  if (v == null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const decimals = decimalsOfFormat(c.z) ?? undefined;
  if (formatIsPercent(c.z)) return `${formatNumber(v * 100, decimals)}%`;
  if (c.z && /[dy]/i.test(c.z.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) {
    const iso = serialToIso(v);
    if (iso) return formatDate(iso);
  }
  // General shows numbers as typed (a year stays 2023); only formats with "#,##0" group thousands.
  const grouped = formatNumber(v, decimals);
  return c.z?.includes(',') ? grouped : grouped.replace(/\./g, '');
}

interface Props {
  snapshot: FakeSnapshot;
  sheet: string;
  onSheet: (name: string) => void;
}

export function WorkbookView({ snapshot, sheet, onSheet }: Props) {
  const s = useStyles();
  const grid = snapshot.sheets.find((x) => x.name === sheet) ?? snapshot.sheets[0];
  if (!grid) return null;
  const rows = Math.min(Math.max(grid.rows.length, 20), MAX_ROWS);
  const cols = Math.min(Math.max(10, ...grid.rows.map((r) => r.length)), MAX_COLS);
  const selected = snapshot.selection?.sheet === grid.name ? snapshot.selection.cell : null;
  const truncated = grid.rows.length > MAX_ROWS || grid.rows.some((r) => r.length > MAX_COLS);

  return (
    <section className={s.root} aria-label="Sổ tính mẫu">
      <TabList selectedValue={grid.name} onTabSelect={(_, d) => onSheet(String(d.value))} size="small" aria-label="Các sheet">
        {snapshot.sheets.map((x) => (
          <Tab key={x.name} value={x.name} data-testid="sheet-tab" data-sheet={x.name}>
            {x.name}
          </Tab>
        ))}
      </TabList>
      <div className={s.scroller}>
        <table className={s.table} data-testid="grid" data-sheet={grid.name}>
          <thead>
            <tr>
              <th className={s.head} aria-hidden="true" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={s.head} scope="col">
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={s.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = grid.rows[r]?.[c];
                  const a1 = toA1({ row: r, col: c });
                  const isSel = a1 === selected;
                  const cls = [s.cell, typeof cell?.v === 'number' ? s.number : '', isSel ? s.selected : ''].join(' ');
                  return (
                    <td
                      key={c}
                      className={cls}
                      data-cell={a1}
                      data-fill={cell?.fill ?? ''}
                      data-selected={isSel ? 'true' : undefined}
                      style={{
                        backgroundColor: cell?.fill ?? undefined,
                        color: cell?.fontColor ?? undefined,
                        fontWeight: cell?.bold ? 600 : undefined,
                      }}
                      title={cell?.f ? `=${cell.f}` : undefined}
                    >
                      {displayValue(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated && <p className={s.note}>Chỉ hiện {MAX_ROWS} dòng và {MAX_COLS} cột đầu.</p>}
    </section>
  );
}
