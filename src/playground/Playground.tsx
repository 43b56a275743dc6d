import { WORKBOOK_ACCEPT } from '../xlsx/accept';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { FakeExcel, installFakeOffice, type FakeSnapshot } from '../fake-office/excel';
import { createExcelActions } from '../excel/actions';
import type { WorkbookModel } from '../core/model';
import type { ExcelActions } from '../host/actions';
import { TaskPane } from '../taskpane/TaskPane';
import { WorkbookView } from './WorkbookView';
import { PANE_FRAME } from './frame';

const NEW_BOOK = 'so-moi.xlsx';
export const SAMPLES = [
  { file: 'mau-co-loi.xlsx', label: 'Sổ mẫu có lỗi (mau-co-loi.xlsx)' },
  { file: 'mau-sach.xlsx', label: 'Sổ mẫu đúng (mau-sach.xlsx)' },
  // Where "Tổng hợp từ các đơn vị" is best written: a new workbook, as Excel makes one.
  { file: NEW_BOOK, label: 'Sổ mới (trống)' },
] as const;
const TEMPLATE = 'assets/templates/mau-chuan-cchc.xlsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 16px',
    padding: '8px 16px',
    backgroundColor: '#107c41',
    color: '#fff',
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  label: { fontSize: tokens.fontSizeBase200 },
  body: { display: 'flex', flex: '1', minHeight: '0', gap: '12px', padding: '12px', flexWrap: 'wrap' },
  sheet: { flex: '1 1 480px', minWidth: '0', display: 'flex', flexDirection: 'column' },
  pane: PANE_FRAME,
  hint: { margin: '0 0 6px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Hosted {
  fake: FakeExcel;
  actions: ExcelActions;
  name: string;
  /** Changes at every load, so the pane starts fresh even for the same file. */
  id: number;
}

/** Test and debugging hook: the fake host behind the page (window.__playground). */
export interface PlaygroundHook {
  fake: FakeExcel;
  name: string;
  ready: true;
}

declare global {
  interface Window {
    __playground?: PlaygroundHook;
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Không tải được ${url} (mã ${res.status}).`);
  return res.arrayBuffer();
}

// The reader comes in its own chunk, fetched only when a workbook is read.
const reader = () => import(/* webpackChunkName: "xlsx-read" */ '../xlsx/read');

let templateModel: WorkbookModel | null = null;
let templateLoading: Promise<void> | null = null;
/** The standard template, for "Chèn mẫu chuẩn" on the fake host (whose decoding is synchronous). */
function loadTemplate(): Promise<void> {
  return (templateLoading ??= (async () => {
    const { readWorkbook } = await reader();
    templateModel = await readWorkbook(await fetchBytes(TEMPLATE), 'mau-chuan-cchc.xlsx');
  })().catch(() => {
    templateModel = null; // the pane then reports that the template could not be inserted
  }));
}

let uninstall: (() => void) | null = null;

async function host(data: ArrayBuffer | null, name: string, id: number): Promise<Hosted> {
  const { readWorkbook } = await reader();
  // Excel recalculates formulas after every change; the fake does it with the reader's evaluator.
  const { evaluateMissing } = await import(/* webpackChunkName: "xlsx-read" */ '../xlsx/formula-eval');
  const [model] = await Promise.all([data ? readWorkbook(data, name) : { sheets: [{ name: 'Sheet1', rows: [] }], tables: [], names: [] }, loadTemplate()]);
  // The fake host decodes an inserted workbook synchronously inside a batch, and the reader works
  // asynchronously: the consolidated workbook is read before the adapter inserts it.
  let nextInsert: WorkbookModel | null = null;
  const fake = new FakeExcel(model, {
    recalculate: evaluateMissing,
    decodeWorkbook: () => {
      const m = nextInsert ?? templateModel;
      nextInsert = null;
      if (!m) throw new Error('Không tải được tệp mẫu chuẩn.');
      return m;
    },
  });
  // Office tells the add-in the open file through document.url; the pane names its report after it.
  Object.assign(fake.office.context.document, { url: name });
  uninstall?.();
  uninstall = installFakeOffice(fake);
  const actions = createExcelActions();
  const insertSheets = actions.insertSheets;
  if (insertSheets) {
    actions.insertSheets = async (xlsx, sheets, replace, contents) => {
      nextInsert = contents;
      return insertSheets(xlsx, sheets, replace, contents);
    };
  }
  return { fake, actions, name, id };
}

export function Playground() {
  const s = useStyles();
  const [sample, setSample] = useState<string>(SAMPLES[0].file);
  const [hosted, setHosted] = useState<Hosted | null>(null);
  const [snapshot, setSnapshot] = useState<FakeSnapshot | null>(null);
  const [view, setView] = useState('');
  const [error, setError] = useState<string | null>(null);
  const loads = useRef(0);

  const load = useCallback(async (bytes: () => Promise<ArrayBuffer | null>, name: string) => {
    const id = ++loads.current;
    setError(null);
    setHosted(null);
    delete window.__playground;
    try {
      const h = await host(await bytes(), name, id);
      if (id !== loads.current) return; // a newer choice won
      setHosted(h);
      window.__playground = { fake: h.fake, name, ready: true };
    } catch (e) {
      if (id === loads.current) setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void load(() => (sample === NEW_BOOK ? Promise.resolve(null) : fetchBytes(`assets/samples/${sample}`)), sample);
  }, [sample, load]);

  useEffect(() => {
    if (!hosted) return;
    const first = hosted.fake.snapshot();
    setSnapshot(first);
    setView(first.activeSheet);
    let active = first.activeSheet;
    return hosted.fake.subscribe((snap) => {
      setSnapshot(snap);
      // Follow the host when the add-in activates another sheet, as Excel's window would.
      if (snap.activeSheet !== active) {
        active = snap.activeSheet;
        setView(active);
      }
    });
  }, [hosted]);

  const openFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void load(() => file.arrayBuffer(), file.name);
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.page}>
        <header className={s.header}>
          <h1 className={s.title}>Trợ lý báo cáo CCHC · Trang thử nghiệm</h1>
          <div className={s.controls}>
            <label className={s.label} htmlFor="sample">
              Sổ tính:
            </label>
            <Select id="sample" size="small" value={sample} onChange={(_, d) => setSample(d.value)} data-testid="sample">
              {SAMPLES.map((x) => (
                <option key={x.file} value={x.file}>
                  {x.label}
                </option>
              ))}
            </Select>
            <label className={s.label}>
              hoặc mở tệp của bạn: <input type="file" accept={WORKBOOK_ACCEPT} onChange={openFile} aria-label="Mở tệp sổ số liệu của bạn" />
            </label>
          </div>
        </header>
        <div className={s.body}>
          <div className={s.sheet}>
            <p className={s.hint}>
              Không cần Office: sổ tính được đọc trong trình duyệt và chạy trên một Excel giả lập. Ngăn bên phải là ngăn tác vụ thật của bổ trợ.
              Tệp của bạn không rời khỏi máy.
            </p>
            {error && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Không mở được sổ tính</MessageBarTitle>
                  {error}
                </MessageBarBody>
              </MessageBar>
            )}
            {!hosted && !error && <Spinner size="small" label="Đang đọc sổ tính…" />}
            {hosted && snapshot && <WorkbookView snapshot={snapshot} sheet={view} onSheet={setView} />}
          </div>
          <aside className={s.pane} aria-label="Ngăn tác vụ" data-testid="pane">
            {hosted && <TaskPane key={hosted.id} actions={hosted.actions} />}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
