import { Suspense, lazy } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckReport } from '../core/report';
import type { ReportDownloadOptions } from './report/ReportSection';
import type { Finding } from '../core/findings';
import { TABLES } from '../core/tables';
import { periodText } from '../core/periodText';
import { FindingList } from './FindingList';
import { MetricList } from './MetricList';
import { SurveyChart } from './SurveyChart';
import { Summary } from './Summary';
import { Recognized } from './Recognized';
import { busyText, type StatusProps } from './status';
import { HostErrorBar } from './HostErrorBar';

// The paragraphs come in their own chunk: the narrative builder is not needed to list findings.
const ReportSection = lazy(() => import(/* webpackChunkName: "report" */ './report/ReportSection').then((m) => ({ default: m.ReportSection })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: '0' },
  period: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const REQUIRED_TABLES = TABLES.filter((t) => t.required);

/** True when none of the required contract tables was found: the workbook is not a standard one. */
export function lacksStandardTables(report: CheckReport): boolean {
  return REQUIRED_TABLES.every((t) => report.issues.some((f) => f.code === 'missing_table' && f.tableName === t.name));
}

interface Props {
  report: CheckReport;
  active: Finding | null;
  onSelect: (f: Finding) => void;
  /** Copies text and confirms with `notice` (the indicators' confirmation by default). */
  onCopy: (text: string, notice?: string) => void;
  /** Builds and offers the filled report .docx; absent where the host cannot download. */
  onDownload?: (allowErrors: boolean, previous?: CheckReport, options?: ReportDownloadOptions) => void;
  /** Inserts the standard sheets; absent where the host cannot. */
  onInsert?: () => void;
  busy: boolean;
}

export function Results({ report, active, onSelect, onCopy, onDownload, onInsert, busy }: Props) {
  const s = useStyles();
  return (
    <div className={s.root}>
      {report.period && (
        <Text className={s.period} data-testid="period">
          {periodText(report).text}
          {periodText(report).note ? ` (${periodText(report).note})` : ''}
        </Text>
      )}
      {lacksStandardTables(report) && (
        <MessageBar intent="warning" layout="multiline" data-testid="non-standard">
          <MessageBarBody>
            <MessageBarTitle>Sổ tính chưa theo mẫu chuẩn</MessageBarTitle>
            Không nhận ra các bảng {REQUIRED_TABLES.map((t) => `«${t.title}»`).join(' và ')}, theo tên bảng Excel hay theo tiêu đề cột, nên số
            liệu chưa được kiểm tra. Hãy để dòng tiêu đề cột ngay trên số liệu.
            {onInsert ? ' Bấm «Chèn mẫu chuẩn» để thêm các sheet mẫu vào sổ tính này.' : ' Hãy sao chép số liệu vào tệp mẫu chuẩn.'}
          </MessageBarBody>
          {onInsert && (
            <MessageBarActions>
              <Button size="small" onClick={onInsert} disabled={busy} data-testid="insert-template">
                Chèn mẫu chuẩn
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <Summary summary={report.summary} nothingRead={lacksStandardTables(report)} />
      <Recognized report={report} />
      <FindingList findings={report.issues} active={active} onSelect={onSelect} />
      <MetricList report={report} onCopy={onCopy} />
      <SurveyChart report={report} />
      <Suspense fallback={<Text className={s.period}>Đang tạo đoạn văn báo cáo…</Text>}>
        <ReportSection report={report} onCopy={onCopy} onDownload={onDownload} busy={busy} />
      </Suspense>
    </div>
  );
}

/** Progress, host errors and confirmations, above the results. */
export function Status({ busy, error, notice }: StatusProps) {
  return (
    <>
      {busy && <Spinner size="tiny" labelPosition="after" label={busyText(busy)} />}
      {error && <HostErrorBar error={error} />}
      {notice && (
        // Announced by the pane's live region; a second status role would read it twice.
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
