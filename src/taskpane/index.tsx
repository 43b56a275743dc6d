import { Suspense, lazy, type ComponentProps, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExcelActions, WordActions } from '../host/actions';
import { TaskPane } from './TaskPane';

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
const FluentNotice = lazy(() => import(/* webpackChunkName: "notice" */ './Notice').then((m) => ({ default: m.Notice })));
function Notice(props: ComponentProps<typeof FluentNotice>) {
  return (
    <Suspense fallback={<p style={{ padding: 12, margin: 0 }}>{props.text}</p>}>
      <FluentNotice {...props} />
    </Suspense>
  );
}

/**
 * The Excel adapter carries the whole check engine; the pane is drawn first and the adapter comes
 * in its own chunk right after. A click that arrives before it does simply waits for it. Once
 * loaded, the pane is given the real adapter (its optional abilities, like insertTemplate, depend
 * on the host and are only known then); React keeps the pane's state across the swap.
 */
function showExcel(): void {
  const adapter = import(/* webpackChunkName: "excel" */ '../excel/actions').then((m) => m.createExcelActions());
  const waiting: ExcelActions = {
    host: 'excel',
    check: async () => (await adapter).check(),
    clearHighlights: async () => (await adapter).clearHighlights(),
    select: async (sheet, cell) => (await adapter).select(sheet, cell),
    copyText: async (text) => (await adapter).copyText(text),
  };
  root.render(<TaskPane actions={waiting} />);
  adapter.then(
    (actions) => root.render(<TaskPane actions={actions} />),
    () => undefined, // the waiting actions report the failure when used
  );
}

async function showWord(): Promise<void> {
  const paneId = wordPanes.keys()[0];
  const adapterId = wordAdapters.keys()[0];
  if (!paneId || !adapterId) {
    root.render(<Notice title="Đang phát triển" text="Ngăn tác vụ cho Word đang được xây dựng. Hiện bổ trợ dùng được trong Excel." />);
    return;
  }
  const { WordPane } = (await wordPanes(paneId)) as { WordPane: ComponentType<{ actions: WordActions }> };
  const { createWordActions } = (await wordAdapters(adapterId)) as { createWordActions: () => WordActions };
  root.render(<WordPane actions={createWordActions()} />);
}

function start(): void {
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
