import { WorkbookInput } from '../taskpane/WorkbookInput';
import { Suspense, lazy, useCallback, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { Button, FluentProvider, Link, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons/svg/folder-open';
import { ArrowDownloadRegular } from '@fluentui/react-icons/svg/arrow-download';
import type { CheckReport } from '../core/report';
import type { ReportDownloadOptions } from '../taskpane/report/ReportSection';
import type { Finding } from '../core/findings';
import { copyToClipboard } from '../host/clipboard';
import { messageOf, runAction, type Busy } from '../taskpane/status';
import { saveBytes } from '../host/download';
import { useWhenUsable } from '../taskpane/whenUsable';

/**
 * "Kiểm tra không cần Office": the Excel pane's results for a workbook chosen from disk, for
 * officers whose Office cannot run the add-in (Office 2016/2019 volume licences, WPS, LibreOffice).
 * The file is read in this page by the same reader and checker as the command line (src/xlsx,
 * src/core) and shown by the pane's own components; it never leaves the machine.
 */

const loadResults = () => import(/* webpackChunkName: "results" */ '../taskpane/Results');
const Results = lazy(() => loadResults().then((m) => ({ default: m.Results })));
const Status = lazy(() => loadResults().then((m) => ({ default: m.Status })));
// The reader and the checker come with the first file, not with the page.
const engine = () => Promise.all([import(/* webpackChunkName: "xlsx-read" */ '../xlsx/picked'), import(/* webpackChunkName: "engine" */ '../core/check')]);

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2 },
  header: { padding: '12px 16px', backgroundColor: '#107c41', color: '#fff' },
  title: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  subtitle: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300 },
  main: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '760px', margin: '0 auto', padding: '16px', boxSizing: 'border-box' },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '16px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  file: { fontWeight: tokens.fontWeightSemibold },
  results: { padding: '12px', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

/**
 * Read by what the file is, not its name: the one-stop systems' ".xls" exports are HTML pages the
 * reader understands, and a genuine Excel 97-2003 or .ods file gets the reader's own advice on
 * saving it as .xlsx.
 */
async function checkFile(file: File): Promise<CheckReport> {
  const [{ readPickedWorkbook }, { checkWorkbook }] = await engine();
  return checkWorkbook((await readPickedWorkbook(file)).model);
}

export function StandalonePage() {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [checks, setChecks] = useState(0);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [active, setActive] = useState<Finding | null>(null);
  const [dragging, setDragging] = useState(false);

  // The results' chunk comes once the page is usable; until then nothing renders the lazy Status,
  // which would fetch it sooner.
  const [styledStatus, setStyledStatus] = useState(false);
  useWhenUsable(() => {
    loadResults().then(
      () => setStyledStatus(true),
      () => undefined, // Results reports the failure when a file needs it
    );
  });

  const run = useCallback((kind: Exclude<Busy, null>, work: () => Promise<void>) => runAction(kind, work, { setBusy, setError, setNotice }), []);

  const open = (file: File | undefined) => {
    if (!file) return;
    void run('check', async () => {
      setReport(null);
      setActive(null);
      const r = await checkFile(file);
      setReport(r);
      setChecks((n) => n + 1);
    });
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    open(e.target.files?.[0]);
    // The same file may be chosen again after it was corrected.
    e.target.value = '';
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    open(e.dataTransfer.files[0]);
  };

  // No workbook to move to: the finding's sheet and cell are named, to find in Excel or WPS.
  const select = (f: Finding) => {
    setActive(f);
    setNotice(`Ô ${f.cell} trong trang tính «${f.sheet}»: hãy sửa ô này trong tệp bằng Excel, WPS hoặc LibreOffice rồi chọn lại tệp để kiểm tra.`);
  };

  const copy = async (text: string, done = 'Đã chép các chỉ số vào bộ nhớ tạm.') => {
    setError(null);
    setNotice(null);
    try {
      await copyToClipboard(text);
      setNotice(done);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const downloadReport = report
    ? (allowErrors: boolean, previous?: CheckReport, options?: ReportDownloadOptions) =>
        run('download', async () => {
          const [{ reportDocx, DOCX_MIME }, { inlinedReportTemplate }] = await Promise.all([
            import(/* webpackChunkName: "report-docx" */ '../taskpane/report/docx'),
            import(/* webpackChunkName: "report-template" */ './template'),
          ]);
          // The previous workbook the officer chose (and, if asked, confirmed) in the report section:
          // the file writes the same comparison the page shows.
          const file = await reportDocx(report, allowErrors, new Date(), inlinedReportTemplate, previous, options);
          saveBytes(file.fileName, file.bytes, DOCX_MIME);
          setNotice(`Đã tạo tệp «${file.fileName}» từ mẫu báo cáo; trình duyệt lưu nó vào thư mục tải xuống.`);
        })
    : undefined;

  const exportFindings = (ext: 'csv' | 'xlsx') =>
    report &&
    run('download', async () => {
      const { findingsCsv, findingsXlsx, findingsFileName } = await import(/* webpackChunkName: "findings-export" */ './findings-export');
      const name = findingsFileName(report.file, ext);
      if (ext === 'csv') saveBytes(name, findingsCsv(report.issues), 'text/csv;charset=utf-8');
      else saveBytes(name, await findingsXlsx(report.issues), XLSX_MIME);
      setNotice(`Đã tạo tệp «${name}»; trình duyệt lưu nó vào thư mục tải xuống.`);
    });

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.page}>
        <header className={s.header}>
          <h1 className={s.title}>Kiểm tra sổ số liệu CCHC không cần Office</h1>
          <p className={s.subtitle}>Cùng cách kiểm tra, chỉ số và đoạn văn như Trợ lý báo cáo trong Excel.</p>
        </header>
        <main className={s.main} aria-busy={busy != null}>
          <section
            className={dragging ? `${s.drop} ${s.dragging}` : s.drop}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            aria-label="Chọn sổ số liệu"
          >
            <div className={s.row}>
              <Button appearance="primary" icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={busy != null} data-testid="pick-file">
                Chọn tệp sổ số liệu (.xlsx, .xls, .ods, .csv)…
              </Button>
              <WorkbookInput ref={input} onChange={onPick} data-testid="file-input" />
              {report?.file && (
                <Text>
                  Đã kiểm tra: <span className={s.file}>{report.file}</span>
                </Text>
              )}
            </div>
            <Text className={s.hint}>
              Hoặc kéo thả tệp vào đây. Tệp được đọc và kiểm tra ngay trong trình duyệt trên máy này, không gửi đi đâu; trang chạy được cả khi không có
              mạng. Chưa có sổ theo mẫu chuẩn?{' '}
              <Link href="assets/templates/mau-chuan-cchc.xlsx" download>
                Tải sổ mẫu chuẩn (.xlsx)
              </Link>
              .
            </Text>
          </section>

          {styledStatus ? (
            <Suspense fallback={busy ? <p role="status">Đang xử lý…</p> : null}>
              <Status busy={busy} error={error} notice={notice} />
            </Suspense>
          ) : (
            <>
              {busy && <p role="status">Đang xử lý…</p>}
              {error && <p role="alert">{error}</p>}
              {notice && <p>{notice}</p>}
            </>
          )}

          {report && (
            <section className={s.results} aria-label="Kết quả kiểm tra">
              {/* A clean workbook offers no list: a file with a header and no row tells nothing the page does not already say. */}
              {report.issues.length ? (
                <div className={s.row} style={{ marginBottom: 12 }}>
                  <Button icon={<ArrowDownloadRegular />} onClick={() => exportFindings('xlsx')} disabled={busy != null} data-testid="download-findings-xlsx">
                    Danh sách phát hiện (.xlsx)
                  </Button>
                  <Button icon={<ArrowDownloadRegular />} onClick={() => exportFindings('csv')} disabled={busy != null} data-testid="download-findings-csv">
                    Danh sách phát hiện (.csv)
                  </Button>
                </div>
              ) : (
                <Text block className={s.hint} style={{ marginBottom: 12 }} data-testid="no-findings-list">
                  Sổ không có lỗi, cảnh báo hay gợi ý nào nên không có danh sách phát hiện để tải.
                </Text>
              )}
              <Suspense fallback={<p role="status">Đang hiển thị kết quả…</p>}>
                <Results key={checks} report={report} active={active} onSelect={select} onCopy={copy} onDownload={downloadReport} busy={busy != null} />
              </Suspense>
            </section>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
