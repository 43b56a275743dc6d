import { WorkbookInput } from '../WorkbookInput';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons/svg/copy';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import { buildNarrative, errorCount, type Narrative } from '../../core/narrative/build';
import { REPORT_ORDER, type SectionTag } from '../../core/narrative/tags';
import { TAG_TITLES } from '../../core/narrative/places';
import { formatCount } from '../../core/format';
import type { CheckReport } from '../../core/report';
import { libraryErrorMeaning } from '../../xlsx/errors';
import { surveyBars } from '../../core/chart/surveyBars';
import { judgePrevious } from './previous';
import { PreviousNotices } from './PreviousNotices';

/** What the officer chose for the downloaded report besides the figures. */
export interface ReportDownloadOptions {
  /** The survey chart in the survey section (default: yes, when the workbook has answer sheets). */
  chart?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: '0' },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  part: { display: 'flex', flexDirection: 'column', gap: '4px', paddingBottom: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  partTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: '0' },
  para: { margin: '0', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface Section {
  tag: SectionTag;
  title: string;
  paragraphs: string[];
}

/** The sections that have something to say, in the report's order. */
export function sectionsOf(n: Narrative): Section[] {
  return REPORT_ORDER.filter((t) => n.sections[t].length > 0).map((t) => ({ tag: t, title: TAG_TITLES[t], paragraphs: n.sections[t] }));
}

/** One section as pasted into a report: its paragraphs, separated by blank lines. */
export const sectionText = (s: Section) => s.paragraphs.join('\n\n');

/** Every section under its title. */
export const allText = (sections: readonly Section[]) => sections.map((s) => `${s.title}\n\n${sectionText(s)}`).join('\n\n');

interface Props {
  report: CheckReport;
  onCopy: (text: string, notice: string) => void;
  /** Builds and offers the filled template; absent where the host cannot download. */
  onDownload?: (allowErrors: boolean, previous?: CheckReport, options?: ReportDownloadOptions) => void;
  busy: boolean;
}

/**
 * "Đoạn văn báo cáo": the generated paragraphs, to copy or to download in the report template.
 * As in the Word pane, figures with errors become prose only after an explicit confirmation.
 */
/** Why the previous period's workbook could not be read: the reader's own Vietnamese refusal, or a library error's meaning (never its English). */
function previousReason(e: unknown): string {
  return e instanceof Error && e.name === 'UnreadableWorkbookError' ? e.message : libraryErrorMeaning(e);
}

export function ReportSection({ report, onCopy, onDownload, busy }: Props) {
  const s = useStyles();
  const errors = errorCount(report);
  const [confirmed, setConfirmed] = useState(false);
  const allow = errors > 0 && confirmed;
  const [previous, setPrevious] = useState<{ name: string; report: CheckReport; note?: string } | null>(null);
  const [prevError, setPrevError] = useState<string | null>(null);
  // A previous workbook that breaks the pairing rules, waiting for "Vẫn so sánh" (./previous.ts).
  const [pendingPrev, setPendingPrev] = useState<{ name: string; report: CheckReport; message: string; note: string } | null>(null);
  const hasChart = useMemo(() => surveyBars(report.metrics).length > 0, [report]);
  const [withChart, setWithChart] = useState(true);
  const prevInput = useRef<HTMLInputElement>(null);
  const built = useMemo((): { sections: Section[]; skipped?: string } | { error: string } | null => {
    if (errors > 0 && !allow) return null;
    try {
      const n = buildNarrative(report, { allowErrors: allow, ...(previous ? { previous: previous.report } : {}) });
      return { sections: sectionsOf(n), ...(n.comparisonSkipped ? { skipped: n.comparisonSkipped } : {}) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [report, errors, allow, previous]);

  // The previous period's workbook, for "so với kỳ trước" sentences: read here, never uploaded.
  const onPrevious = async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    setPrevError(null);
    setPendingPrev(null);
    try {
      const [{ readPickedWorkbook }, { checkWorkbook }] = await Promise.all([import(/* webpackChunkName: "xlsx-read" */ '../../xlsx/picked'), import('../../core/check')]);
      const prev = checkWorkbook((await readPickedWorkbook(file)).model);
      const choice = judgePrevious(report, prev, { previous: file.name });
      // A new pick replaces the one before, even when it is refused or waits for «Vẫn so sánh»:
      // comparing on with the earlier file beside the new file's message would say two things.
      if (choice.kind !== 'ok') setPrevious(null);
      if (choice.kind === 'refused') setPrevError(choice.message);
      else if (choice.kind === 'confirm') setPendingPrev({ name: file.name, report: prev, message: choice.message, note: choice.note });
      else setPrevious({ name: file.name, report: prev });
    } catch (e) {
      setPrevError(`Không đọc được sổ kỳ trước «${file.name}»: ${previousReason(e)}`);
    }
  };

  return (
    <section className={s.root} aria-labelledby="report-title" data-testid="report-section">
      <div className={s.head}>
        <h2 id="report-title" className={s.title}>
          Đoạn văn báo cáo
        </h2>
        {built && 'sections' in built && built.sections.length > 0 && (
          <Button size="small" icon={<CopyRegular />} onClick={() => onCopy(allText(built.sections), 'Đã chép tất cả đoạn văn báo cáo vào bộ nhớ tạm.')} data-testid="copy-all">
            Sao chép tất cả
          </Button>
        )}
      </div>

      {errors > 0 && (
        <>
          <Text className={s.hint} data-testid="report-blocked">
            Sổ còn {formatCount(errors)} lỗi. Số liệu có lỗi không được tự động viết thành đoạn văn, để số sai không lọt vào báo cáo: hãy sửa các ô
            nêu trên rồi kiểm tra lại.
          </Text>
          <Checkbox
            checked={confirmed}
            onChange={(_, d) => setConfirmed(d.checked === true)}
            label={`Vẫn tạo đoạn văn từ số liệu có lỗi (sổ còn ${formatCount(errors)} lỗi; nên sửa trong Excel trước)`}
            data-testid="confirm-errors"
          />
        </>
      )}

      {built && 'error' in built && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không tạo được đoạn văn</MessageBarTitle>
            {built.error}
          </MessageBarBody>
        </MessageBar>
      )}

      {built && 'sections' in built && (
        <>
          <div className={s.row}>
            <WorkbookInput ref={prevInput} onChange={(e) => void onPrevious(e)} data-testid="previous-input" />
            <Button size="small" onClick={() => prevInput.current?.click()} disabled={busy} data-testid="pick-previous">
              {previous ? 'Chọn sổ kỳ trước khác…' : 'So sánh với sổ kỳ trước…'}
            </Button>
            {previous && (
              <Text className={s.hint} data-testid="previous-info">
                Kỳ trước: «{previous.name}».{previous.note ? ` ${previous.note}` : ''}{built.skipped ? ` ${built.skipped}` : ''}
              </Text>
            )}
            <PreviousNotices
              refused={prevError}
              pending={pendingPrev?.message ?? null}
              className={s.hint}
              onForce={() => {
                if (!pendingPrev) return;
                setPrevious({ name: pendingPrev.name, report: pendingPrev.report, note: pendingPrev.note });
                setPendingPrev(null);
              }}
            />
          </div>
          {allow && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>Các đoạn văn dưới đây được tạo từ số liệu còn lỗi. Hãy đối chiếu kỹ trước khi đưa vào báo cáo.</MessageBarBody>
            </MessageBar>
          )}
          {built.sections.length === 0 && <Text className={s.hint}>Các bảng số liệu đều trống: chưa có gì để viết thành đoạn văn.</Text>}
          {built.sections.map((sec) => (
            <div key={sec.tag} className={s.part} data-testid="report-part" data-tag={sec.tag}>
              <h3 className={s.partTitle}>{sec.title}</h3>
              {sec.paragraphs.map((p, i) => (
                <p key={i} className={s.para}>
                  {p}
                </p>
              ))}
              <div className={s.row}>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<CopyRegular />}
                  aria-label={`Sao chép: ${sec.title}`}
                  onClick={() => onCopy(sectionText(sec), `Đã chép đoạn văn «${sec.title}» vào bộ nhớ tạm.`)}
                >
                  Sao chép
                </Button>
              </div>
            </div>
          ))}
          {onDownload ? (
            <div className={s.row}>
              {hasChart && (
                <Checkbox
                  checked={withChart}
                  onChange={(_, d) => setWithChart(d.checked === true)}
                  label="Kèm biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí (phần Khảo sát sự hài lòng)"
                  data-testid="report-chart"
                />
              )}
              <Button icon={<ArrowDownloadRegular />} onClick={() => onDownload(allow, previous?.report, { chart: hasChart && withChart })} disabled={busy} data-testid="download-report">
                Tải báo cáo (.docx)
              </Button>
            </div>
          ) : (
            <Text className={s.hint} data-testid="no-download">
              Trên Excel cài trên máy, bổ trợ không tải tệp xuống được. Để có báo cáo Word đã điền sẵn, hãy mở mẫu bao-cao-cchc.docx trong Word và dùng
              Trợ lý báo cáo trong Word, hoặc chạy lệnh «cchc report» trên máy tính.
            </Text>
          )}
        </>
      )}
    </section>
  );
}
