import { Suspense, lazy, type ComponentProps, type ComponentType, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExcelActions, WordActions } from '../host/actions';
import { TaskPane } from './TaskPane';
import { capabilities, type OfficeHostName } from './requirements';
import { useWhenUsable } from './whenUsable';

interface LazyContext {
  keys(): string[];
  (id: string): Promise<unknown>;
}
type WebpackRequire = { context(dir: string, deep: boolean, filter: RegExp, mode: 'lazy'): LazyContext };

/**
 * The Word pane and its adapter are written separately; webpack contexts let this entry build and
 * run before they exist (an empty context), and load them lazily so Excel users never download them.
 */
const wordPanes = (require as unknown as WebpackRequire).context('.', true, /^\.\/word\/WordPane\.tsx$/, 'lazy');
const wordAdapters = (require as unknown as WebpackRequire).context('..', true, /^\.\/word\/index\.ts$/, 'lazy');

const root = createRoot(document.getElementById('root')!);

// Whole-pane messages are for the rare cases (no Office, Word); their Fluent parts load on demand.
// "Đang kết nối với Office…", shown on every start for the moment Office takes, stays plain text:
// its spinner's chunk would be fetched before the pane is usable, for a message gone by then.
const FluentNotice = lazy(() => import(/* webpackChunkName: "notice" */ './Notice').then((m) => ({ default: m.Notice })));
function Notice(props: ComponentProps<typeof FluentNotice>) {
  if (props.busy) return <p role="status" style={{ padding: 12, margin: 0 }}>{props.text}</p>;
  return (
    <Suspense fallback={<p style={{ padding: 12, margin: 0 }}>{props.text}</p>}>
      <FluentNotice {...props} />
    </Suspense>
  );
}

/**
 * What this Office lacks, from its requirement sets: a pane that cannot work at all is replaced by
 * the explanation; otherwise the explanation goes above the pane, which degrades on its own (the
 * adapters check the same sets before colouring or inserting).
 */
function hostNotice(host: OfficeHostName): { blocked: boolean; notice: ReactElement | null } {
  const caps = capabilities(host, (set, version) => Office.context.requirements.isSetSupported(set, version));
  if (!caps.notice) return { blocked: false, notice: null };
  return { blocked: caps.blocked, notice: <Notice intent={caps.notice.intent} title={caps.notice.title} text={caps.notice.text} above={!caps.blocked} /> };
}

/**
 * The Excel adapter carries the whole check engine; the pane is drawn first and the adapter comes
 * in its own chunk once the pane is usable (whenUsable.ts). A click that arrives before it does
 * simply waits for it. Once loaded, the pane is given the real adapter (its optional abilities,
 * like insertTemplate, depend on the host and are only known then); React keeps the pane's state
 * across the swap.
 */
function showExcel(): void {
  const { blocked, notice } = hostNotice('excel');
  if (blocked) {
    root.render(notice);
    return;
  }
  const pane = (actions: ExcelActions) => (
    <>
      {notice}
      <TaskPane actions={actions} />
      <WhenUsable work={() => void adapter()} />
    </>
  );
  let loading: Promise<ExcelActions> | null = null;
  const adapter = (): Promise<ExcelActions> => {
    if (!loading) {
      loading = import(/* webpackChunkName: "excel" */ '../excel/actions').then((m) => m.createExcelActions());
      loading.then(
        (actions) => root.render(pane(actions)),
        () => undefined, // the waiting actions report the failure when used
      );
    }
    return loading;
  };
  const waiting: ExcelActions = {
    host: 'excel',
    check: async () => (await adapter()).check(),
    clearHighlights: async () => (await adapter()).clearHighlights(),
    select: async (sheet, cell) => (await adapter()).select(sheet, cell),
    copyText: async (text) => (await adapter()).copyText(text),
  };
  root.render(pane(waiting));
}

/** Starts `work` once what is rendered beside it is drawn (whenUsable.ts); renders nothing. */
function WhenUsable({ work }: { work: () => void }) {
  useWhenUsable(work);
  return null;
}

async function showWord(): Promise<void> {
  const paneId = wordPanes.keys()[0];
  const adapterId = wordAdapters.keys()[0];
  if (!paneId || !adapterId) {
    root.render(<Notice title="Đang phát triển" text="Ngăn tác vụ cho Word đang được xây dựng. Hiện bổ trợ dùng được trong Excel." />);
    return;
  }
  const { blocked, notice } = hostNotice('word');
  if (blocked) {
    root.render(notice);
    return;
  }
  const { WordPane } = (await wordPanes(paneId)) as { WordPane: ComponentType<{ actions: WordActions }> };
  const { createWordActions } = (await wordAdapters(adapterId)) as { createWordActions: () => WordActions };
  root.render(
    <>
      {notice}
      <WordPane actions={createWordActions()} />
    </>,
  );
}

function start(): void {
  // The inline guard (src/oldhost/guard.js) has already said what this old webview needs.
  if (window.__cchcOldHost) return;
  if (typeof Office === 'undefined') {
    root.render(
      <Notice
        intent="error"
        title="Không tải được Office.js"
        text="Bổ trợ cần tải thư viện Office.js từ máy chủ của Microsoft. Hãy kiểm tra kết nối mạng rồi mở lại ngăn tác vụ."
      />,
    );
    return;
  }
  root.render(<Notice busy text="Đang kết nối với Office…" />);
  Office.onReady()
    .then(async (info) => {
      if (info.host === Office.HostType.Excel) showExcel();
      else if (info.host === Office.HostType.Word) await showWord();
      else
        root.render(
          <Notice
            intent="warning"
            title="Chưa chạy trong Office"
            text="Trang này là ngăn tác vụ của bổ trợ cho Excel và Word. Hãy mở nó từ Excel (Trang đầu › Bổ trợ) sau khi nạp tệp manifest.xml, hoặc dùng trang thử nghiệm playground.html để xem thử không cần Office."
          />,
        );
    })
    .catch((e: unknown) => {
      root.render(<Notice intent="error" title="Không khởi động được bổ trợ" text={e instanceof Error ? e.message : String(e)} />);
    });
}

start();
