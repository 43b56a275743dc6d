import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleFilled } from '@fluentui/react-icons/svg/error-circle';
import { WarningFilled } from '@fluentui/react-icons/svg/warning';
import { InfoFilled } from '@fluentui/react-icons/svg/info';
import type { Finding } from '../core/findings';
import { SEVERITY_LABEL, isWholeSheet } from '../core/messages';
import { formatCount } from '../core/format';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    gap: '8px',
    alignItems: 'flex-start',
    width: '100%',
    boxSizing: 'border-box',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    position: 'relative',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  active: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  plain: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  icon: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: '0' },
  where: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
  panel: { margin: '0 0 8px' },
});

const ICONS = { error: ErrorCircleFilled, warning: WarningFilled, info: InfoFilled };

/** Sheets in the order their first finding comes (the engine already sorts findings). */
function bySheet(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.sheet);
    if (g) g.push(f);
    else groups.set(f.sheet, [f]);
  }
  return [...groups];
}

function countsText(fs: readonly Finding[]): string {
  const parts: string[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
    const n = fs.filter((f) => f.severity === sev).length;
    if (n) parts.push(`${formatCount(n)} ${SEVERITY_LABEL[sev].toLowerCase()}`);
  }
  return parts.join(', ');
}

interface Props {
  findings: readonly Finding[];
  active?: Finding | null;
  /**
   * Goes to the cell. Absent where the cells are not in the open document (the Word pane): the
   * findings are then plain text saying the cell is in the workbook, not links that do nothing.
   */
  onSelect?: (f: Finding) => void;
  /** Level of the per-sheet headings: h2 in a pane, deeper where the list sits under its own headings. */
  headingAs?: 'h2' | 'h3' | 'h4' | 'h5';
}

export function FindingList({ findings, active = null, onSelect, headingAs = 'h2' }: Props) {
  const s = useStyles();
  if (findings.length === 0) {
    return <Text className={s.empty}>Không có phát hiện nào.</Text>;
  }
  const groups = bySheet(findings);
  return (
    <section aria-label="Các phát hiện theo sheet">
      <Accordion multiple collapsible defaultOpenItems={groups.map(([sheet]) => sheet)}>
        {groups.map(([sheet, fs]) => (
          <AccordionItem key={sheet} value={sheet}>
            <AccordionHeader as={headingAs} size="small">
              Trang tính «{sheet}» · {countsText(fs)}
            </AccordionHeader>
            <AccordionPanel className={s.panel}>
              <ul className={s.list}>
                {fs.map((f, i) => {
                  const Icon = ICONS[f.severity];
                  const isActive = active === f;
                  const body = (
                    <>
                      <Icon className={mergeClasses(s.icon, s[f.severity])} aria-hidden="true" />
                      <span className={s.text}>
                        <span>{f.message}</span>
                        <span className={s.where}>
                          {SEVERITY_LABEL[f.severity]} · {isWholeSheet(f) ? 'cả trang tính' : `ô ${f.cell}`}
                          {onSelect ? '' : ` trong sổ Excel (trang tính «${f.sheet}»)`}
                        </span>
                      </span>
                    </>
                  );
                  if (!onSelect) {
                    return (
                      <li key={`${f.code}-${f.cell}-${i}`} className={mergeClasses(s.item, s.plain)} data-testid="finding" data-sheet={f.sheet} data-cell={f.cell} data-severity={f.severity} data-code={f.code}>
                        {body}
                      </li>
                    );
                  }
                  return (
                    <li key={`${f.code}-${f.cell}-${i}`}>
                      <button
                        type="button"
                        className={mergeClasses(s.item, isActive && s.active)}
                        onClick={() => onSelect(f)}
                        aria-current={isActive ? 'true' : undefined}
                        title={isWholeSheet(f) ? `Mở trang tính «${f.sheet}»` : `Chọn ô ${f.cell} trong sheet «${f.sheet}»`}
                        data-testid="finding"
                        data-sheet={f.sheet}
                        data-cell={f.cell}
                        data-severity={f.severity}
                        data-code={f.code}
                      >
                        {body}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
