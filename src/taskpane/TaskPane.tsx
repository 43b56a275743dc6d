import { Suspense, lazy, useCallback, useEffect, useState, type CSSProperties } from 'react';
import { Button, FluentProvider, tokens, webLightTheme } from '@fluentui/react-components';
import type { CheckReport } from '../core/report';
import type { ReportDownloadOptions } from './report/ReportSection';
import type { Finding } from '../core/findings';
import type { ExcelActions } from '../host/actions';
import { busyText, checkedSentence, formatAt, messageOf, runAction, type Busy, type StatusProps } from './status';
import { LiveRegion } from './LiveRegion';
import { useWhenUsable } from './whenUsable';

// The results (accordion, badges, indicators) are not needed to draw the pane: they come in their
// own chunk, fetched once the pane is usable (whenUsable.ts), so the button is usable sooner.
const loadResults = () => import(/* webpackChunkName: "results" */ './Results');
const Results = lazy(() => loadResults().then((m) => ({ default: m.Results })));
const Status = lazy(() => loadResults().then((m) => ({ default: m.Status })));
// "Tổng hợp từ các đơn vị" (src/taskpane/merge): its own chunk, fetched when the officer opens it.
const MergePanel = lazy(() => import(/* webpackChunkName: "merge" */ './merge/MergePanel').then((m) => ({ default: m.MergePanel })));

/** What Status says, unstyled, for the moment before its chunk has arrived. */
function PlainStatus({ busy, error, notice }: StatusProps) {
  return (
    <>
      {busy && <p role="status">{busyText(busy)}</p>}
      {error && <p role="alert">{error}</p>}
      {notice && <p>{notice}</p>}
    </>
  );
}

// Plain style objects, not makeStyles: Griffel compiles makeStyles at run time, and its compiler
// (stylis, rtl-css-js) would double the pane's first chunk. The lazily loaded parts use makeStyles.
const styles = {
  root: { display: 'flex', flexDirection: 'column', gap: 12, padding: 12, boxSizing: 'border-box', minWidth: 0, maxWidth: '100%' },
  title: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  guide: { color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase300 },
  actionsRow: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, margin: 0 },
} satisfies Record<string, CSSProperties>;


import { GUIDE_PAGE } from './guide';

export function TaskPane({ actions }: { actions: ExcelActions }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneBody actions={actions} />
    </FluentProvider>
  );
}

function PaneBody({ actions }: { actions: ExcelActions }) {
  const [report, setReport] = useState<CheckReport | null>(null);
  const [checks, setChecks] = useState(0);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [active, setActive] = useState<Finding | null>(null);
  const [ribbon, setRibbon] = useState<Awaited<ReturnType<NonNullable<ExcelActions['lastRibbonCheck']>>>>(null);
  const [live, setLive] = useState('');
  const [merging, setMerging] = useState(false);
  // Until the results' chunk is here, the status is said in plain paragraphs: rendering the lazy
  // Status earlier would fetch that chunk before the pane is usable.
  const [styledStatus, setStyledStatus] = useState(false);
  // The same sentence twice is not announced again: a no-break space alternates to make it new.
  const announce = useCallback((text: string) => setLive((prev) => (prev === text ? `${text}\u00a0` : text)), []);

  const run = useCallback((kind: Exclude<Busy, null>, work: () => Promise<void>) => runAction(kind, work, { setBusy, setError, setNotice, announce }), [announce]);

  const check = () =>
    run('check', async () => {
      const r = await actions.check();
      setReport(r);
      setActive(null);
      setChecks((n) => n + 1);
      // What could not be coloured (protected sheet, read-only, old Excel): the list is complete anyway.
      if (r.highlightNotice) setNotice(r.highlightNotice);
      announce(checkedSentence(r.summary) + (r.highlightNotice ? ` ${r.highlightNotice}` : ''));
    });

  const clear = () =>
    run('clear', async () => {
      const n = await actions.clearHighlights();
      // Say only what happened: nothing to clear is not "formats restored".
      const text =
        n === 0
          ? 'Sổ tính không có ô nào đang được tô màu đánh dấu: không có gì để xóa.'
          : typeof n === 'number'
            ? `Đã xóa đánh dấu ở ${n} ô; định dạng của các ô đã được trả lại như trước khi kiểm tra.`
            : report
              ? 'Đã xóa đánh dấu; định dạng của các ô đã được trả lại như trước khi kiểm tra.'
              : 'Đã xóa các đánh dấu còn lại từ lần kiểm tra trước, nếu có.';
      setNotice(text);
      announce(text);
    });

  const insertTemplate = actions.insertTemplate;
  const insert = insertTemplate
    ? () =>
        run('insert', async () => {
          await insertTemplate();
          setReport(await actions.check());
          setChecks((n) => n + 1);
          setNotice('Đã chèn các sheet theo mẫu chuẩn. Hãy nhập số liệu vào các bảng rồi kiểm tra lại.');
          announce('Đã chèn các sheet theo mẫu chuẩn.');
        })
    : undefined;

  const select = async (f: Finding) => {
    setActive(f);
    try {
      await actions.select(f.sheet, f.cell);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const copy = async (text: string, done = 'Đã chép các chỉ số vào bộ nhớ tạm.') => {
    setError(null);
    setNotice(null);
    try {
      await actions.copyText(text);
      setNotice(done);
      announce(done);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const download = actions.download;
  const downloadReport =
    download && report
      ? (allowErrors: boolean, previous?: CheckReport, options?: ReportDownloadOptions) =>
          run('download', async () => {
            // The zip and XML parsers come only now, with the template filler.
            const { reportDocx, DOCX_MIME } = await import(/* webpackChunkName: "report-docx" */ './report/docx');
            const file = await reportDocx(report, allowErrors, new Date(), undefined, previous, options);
            await download(file.fileName, file.bytes, DOCX_MIME);
            const text = `Đã tạo tệp «${file.fileName}» từ mẫu báo cáo; trình duyệt lưu nó vào thư mục tải xuống.`;
            setNotice(text);
            announce(text);
          })
      : undefined;

  useWhenUsable(() => {
    loadResults().then(
      () => setStyledStatus(true),
      () => undefined, // the plain status stays; Results reports the failure when a check needs it
    );
  });

  // The ribbon button's result, until the pane's own check replaces it. The adapter that can read
  // it arrives after the first render (index.tsx), hence the dependency on the function itself.
  const readRibbon = actions.lastRibbonCheck;
  useEffect(() => {
    if (!readRibbon) return;
    let live = true;
    readRibbon.call(actions).then(
      (r) => live && setRibbon(r),
      () => undefined, // only a hint: the pane works the same without it
    );
    return () => {
      live = false;
    };
  }, [actions, readRibbon]);

  return (
    <>
    {/* Outside <main>: the region only speaks; what it says is shown in the pane's own notices. */}
    <LiveRegion text={live} />
    <main style={styles.root} aria-busy={busy != null}>
      <h1 style={styles.title}>Trợ lý báo cáo CCHC</h1>
      <div style={styles.actionsRow}>
        {/* disabledFocusable, not disabled: a disabled button drops the focus to the page body. */}
        <Button appearance="primary" onClick={check} disabledFocusable={busy != null} data-testid="check">
          Kiểm tra số liệu
        </Button>
        <Button onClick={clear} disabledFocusable={busy != null} data-testid="clear">
          Xóa đánh dấu
        </Button>
        <Button appearance="subtle" onClick={() => setMerging((m) => !m)} aria-expanded={merging} data-testid="merge-open">
          Tổng hợp từ các đơn vị
        </Button>
        {/* The officers' guide, built beside the pages (webpack.config.js, guidePlugin). After the
            actions, so that the first Tab still reaches «Kiểm tra số liệu»; Office opens a
            new-window link in the browser, and the pane stays as it is. */}
        <a href={GUIDE_PAGE} target="_blank" rel="noopener" style={styles.guide} data-testid="guide">
          Hướng dẫn
        </a>
      </div>

      {merging && (
        <Suspense fallback={<p role="status">Đang mở phần tổng hợp…</p>}>
          <MergePanel actions={actions} announce={announce} />
        </Suspense>
      )}

      {styledStatus ? (
        <Suspense fallback={<PlainStatus busy={busy} error={error} notice={notice} />}>
          <Status busy={busy} error={error} notice={notice} />
        </Suspense>
      ) : (
        <PlainStatus busy={busy} error={error} notice={notice} />
      )}

      {ribbon && !report && (
        <p style={styles.hint} data-testid="ribbon-check">
          Lần kiểm tra bằng nút trên thanh công cụ lúc {formatAt(ribbon.at)}: {ribbon.message}
          {ribbon.ok ? ' Bấm «Kiểm tra số liệu» để xem chi tiết.' : ''}
        </p>
      )}

      {!report && !busy && !error && !merging && (
        <p style={styles.hint}>
          Mở sổ thống kê CCHC theo mẫu chuẩn rồi bấm «Kiểm tra số liệu». Các ô có vấn đề sẽ được tô màu trên sổ tính; bấm vào từng
          mục để đến ô đó.
        </p>
      )}

      {report && (
        <Suspense fallback={<p role="status">Đang hiển thị kết quả…</p>}>
          <Results key={checks} report={report} active={active} onSelect={select} onCopy={copy} onDownload={downloadReport} onInsert={insert} busy={busy != null} />
        </Suspense>
      )}
    </main>
    </>
  );
}
