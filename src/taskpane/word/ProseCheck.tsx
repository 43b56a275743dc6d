import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, Text, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL } from '../../core/messages';
import { formatCount, periodPhrase } from '../../core/format';
import { checkDocument } from '../../core/prose';
import type { DocFinding, DocReport } from '../../core/prose/types';
import type { CheckReport } from '../../core/report';
import type { TextSpan, WordActions } from '../../host/actions';
import { messageOf } from '../status';
import { tableCells } from '../../docx/paragraphs';

/**
 * "Kiểm tra số liệu trong văn bản": reads the open document through the host actions, checks
 * its figures (against the workbook picked in the pane, when there is one), lists the findings by
 * section; a click selects the figure in the document; marks are highlights the adapter takes
 * off exactly. The findings are those of `cchc doc` on the same file (but for footnote breakdowns: docs/doc-check.md).
 */
/** The summary's period, as read from the document's title: the phrase `cchc doc` prints too. */
export function titlePeriodText(report: Pick<DocReport, 'period'>): string {
  return report.period ? `Kỳ báo cáo theo tiêu đề: ${periodPhrase(report.period.kind, report.period.year)}. ` : '';
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  h3: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: '4px 0 0', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    textAlign: 'left',
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  active: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  sev: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  reading: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

const spanOf = (f: DocFinding): TextSpan => ({ paragraph: f.paragraph, start: f.start, end: f.end });

export function ProseCheck({ actions, workbook }: { actions: WordActions; workbook: CheckReport | null }) {
  const s = useStyles();
  const [report, setReport] = useState<DocReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [marked, setMarked] = useState(false);
  const [active, setActive] = useState<DocFinding | null>(null);
  const [stale, setStale] = useState(false);
  // Findings against one workbook do not hold for another: a new pick clears them (marks stay
  // until the next check or "bỏ tô màu", which the officer controls).
  const shown = useRef(workbook);
  useEffect(() => {
    if (shown.current === workbook) return;
    shown.current = workbook;
    if (report) setStale(true);
    setReport(null);
    setActive(null);
  }, [workbook, report]);

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const check = () =>
    guard(async () => {
      // Table cells placed by the .docx reader's code, so the table checks read them as `cchc doc` does.
      const paragraphs = await actions.readParagraphs!(tableCells);
      const r = checkDocument(paragraphs, workbook ? { workbook } : {});
      setReport(r);
      setStale(false);
      setActive(null);
      // Marks follow the latest check: old ones come off, the new findings are marked if asked.
      if (marked) await actions.markText!(r.issues.map(spanOf));
    });

  const toggleMarks = (on: boolean) =>
    guard(async () => {
      if (on) await actions.markText!((report?.issues ?? []).map(spanOf));
      else await actions.clearTextMarks!();
      setMarked(on);
    });

  const select = (f: DocFinding) =>
    guard(async () => {
      setActive(f);
      await actions.selectText!(spanOf(f));
    });

  const groups = new Map<string, DocFinding[]>();
  for (const f of report?.issues ?? []) groups.set(f.section, [...(groups.get(f.section) ?? []), f]);
  const sum = report?.summary;

  return (
    <section className={s.section} aria-labelledby="prose-h" data-testid="prose">
      <h2 className={s.h2} id="prose-h">
        Kiểm tra số liệu trong văn bản
      </h2>
      <Text className={s.hint}>
        Đọc các con số viết trong văn bản (tỷ lệ, tổng và các phần, khoảng thời gian, ngày văn bản{workbook ? ', và đối chiếu với sổ số liệu đã chọn' : ''}). Câu nào không đọc chắc chắn được thì để nguyên.
      </Text>
      <div className={s.row}>
        <Button onClick={check} disabled={busy} data-testid="prose-check">
          {report ? 'Kiểm tra lại' : 'Kiểm tra số liệu trong văn bản'}
        </Button>
        {report && actions.markText && (
          <Checkbox checked={marked} disabled={busy} onChange={(_, d) => toggleMarks(d.checked === true)} label="Tô màu các số có vấn đề trong văn bản" data-testid="prose-mark" />
        )}
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label="Đang đọc văn bản…" />}
      {stale && !report && (
        <Text data-testid="prose-stale">Sổ số liệu đã đổi: kết quả kiểm tra trước đã được xóa, hãy bấm kiểm tra lại.</Text>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && sum && (
        <Text data-testid="prose-summary">
          {titlePeriodText(report)}
          Đã đọc {formatCount(sum.figuresRead)} số liệu, kiểm tra được {formatCount(sum.figuresChecked)}:{' '}
          {sum.errors + sum.warnings + sum.infos === 0 ? 'không có lỗi hay cảnh báo nào.' : `${formatCount(sum.errors)} lỗi, ${formatCount(sum.warnings)} cảnh báo, ${formatCount(sum.infos)} thông tin.`}
        </Text>
      )}
      {[...groups].map(([section, list]) => (
        <div key={section} className={s.section}>
          <h3 className={s.h3}>{section || 'Đầu văn bản'}</h3>
          <ul className={s.list}>
            {list.map((f) => (
              <li key={`${f.paragraph}:${f.start}:${f.code}`}>
                <button type="button" className={mergeClasses(s.item, active === f && s.active)} onClick={() => select(f)} data-testid="prose-finding" data-code={f.code}>
                  <span className={mergeClasses(s.sev, s[f.severity])}>
                    {SEVERITY_LABEL[f.severity]} · đoạn {f.paragraph + 1}
                  </span>
                  <span>{f.message}</span>
                  <span className={s.reading}>{f.reading}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
