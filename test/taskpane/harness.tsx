/**
 * Browser harness for the pane's own tests: the real TaskPane over an in-memory ExcelActions whose
 * answers the test sets through window.__harness, and which records every call it receives.
 */
import { createRoot } from 'react-dom/client';
import { TaskPane } from '../../src/taskpane/TaskPane';
import { HostError, type ExcelActions } from '../../src/host/actions';
import type { CheckReport } from '../../src/core/report';

type Call = [string, ...unknown[]];

const calls: Call[] = [];
let report: CheckReport | null = null;
let failure: { message: string; kind: HostError['kind'] } | null = null;
let gate: Promise<void> | null = null;

const query = new URLSearchParams(location.search);
const withInsert = query.has('insert');
const withDownload = query.has('download');
/** ?ribbon=JSON: what the document says the ribbon button found. */
const ribbon = query.get('ribbon');

const actions: ExcelActions = {
  host: 'excel',
  async check() {
    calls.push(['check']);
    if (gate) await gate;
    if (failure) {
      const f = failure;
      failure = null;
      throw new HostError(f.message, f.kind);
    }
    if (!report) throw new HostError('Chưa có sổ tính nào đang mở.', 'no_workbook');
    return report;
  },
  async clearHighlights() {
    calls.push(['clear']);
  },
  async select(sheet, cell) {
    calls.push(['select', sheet, cell]);
  },
  async copyText(text) {
    calls.push(['copy', text]);
  },
  ...(withInsert
    ? {
        async insertTemplate() {
          calls.push(['insert']);
        },
      }
    : {}),
  ...(withDownload
    ? {
        async download(fileName: string, data: Uint8Array, mime: string) {
          calls.push(['download', fileName, mime, data.length]);
        },
      }
    : {}),
  ...(ribbon !== null
    ? {
        async lastRibbonCheck() {
          calls.push(['lastRibbonCheck']);
          return JSON.parse(ribbon) as { at: string; ok: boolean; message: string } | null;
        },
      }
    : {}),
};

declare global {
  interface Window {
    __harness: {
      calls: Call[];
      setReport(r: CheckReport): void;
      failNext(message: string, kind: HostError['kind']): void;
      hold(): void;
      release(): void;
    };
  }
}

let releaseGate: (() => void) | null = null;
window.__harness = {
  calls,
  setReport: (r) => {
    report = r;
  },
  failNext: (message, kind) => {
    failure = { message, kind };
  },
  hold: () => {
    gate = new Promise((ok) => (releaseGate = ok));
  },
  release: () => {
    releaseGate?.();
    gate = null;
  },
};

createRoot(document.getElementById('root')!).render(<TaskPane actions={actions} />);
