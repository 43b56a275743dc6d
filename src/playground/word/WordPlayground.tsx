import { useCallback, useEffect, useState } from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { FakeWord, fakeWordFromDocx, installFakeWord, type WordSnapshot } from '../../fake-office/word';
import { createWordActions } from '../../word';
import type { WordActions } from '../../host/actions';
import { WordPane } from '../../taskpane/word/WordPane';
import { DocumentView } from './DocumentView';
import { PANE_FRAME } from '../frame';

const TEMPLATE = 'assets/templates/bao-cao-cchc.docx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 16px', padding: '8px 16px', backgroundColor: '#185abd', color: '#fff' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  body: { display: 'flex', flex: '1', minHeight: '0', gap: '12px', padding: '12px', flexWrap: 'wrap', alignItems: 'flex-start' },
  doc: { flex: '1 1 480px', minWidth: '0', display: 'flex', flexDirection: 'column', gap: '6px' },
  pane: PANE_FRAME,
  hint: { margin: '0', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Test and debugging hook: the fake host behind the page (window.__wordPlayground). */
export interface WordPlaygroundHook {
  fake: FakeWord;
  ready: true;
}

declare global {
  interface Window {
    __wordPlayground?: WordPlaygroundHook;
  }
}

interface Hosted {
  fake: FakeWord;
  actions: WordActions;
  id: number;
}

let uninstall: (() => void) | null = null;
let loads = 0;

async function host(): Promise<Hosted> {
  const res = await fetch(TEMPLATE);
  if (!res.ok) throw new Error(`Không tải được ${TEMPLATE} (mã ${res.status}).`);
  const fake = await fakeWordFromDocx(await res.arrayBuffer());
  uninstall?.();
  uninstall = installFakeWord(fake);
  return { fake, actions: createWordActions(), id: ++loads };
}

export function WordPlayground() {
  const s = useStyles();
  const [hosted, setHosted] = useState<Hosted | null>(null);
  const [snapshot, setSnapshot] = useState<WordSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setHosted(null);
    setError(null);
    delete window.__wordPlayground;
    host()
      .then((h) => {
        setHosted(h);
        window.__wordPlayground = { fake: h.fake, ready: true };
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(load, [load]);

  useEffect(() => {
    if (!hosted) return;
    setSnapshot(hosted.fake.snapshot());
    return hosted.fake.subscribe(setSnapshot);
  }, [hosted]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.page}>
        <header className={s.header}>
          <h1 className={s.title}>Trợ lý báo cáo CCHC · Trang thử nghiệm Word</h1>
          <Button size="small" onClick={load} data-testid="reset">
            Mở lại mẫu báo cáo
          </Button>
        </header>
        <div className={s.body}>
          <div className={s.doc}>
            <p className={s.hint}>
              Không cần Office: mẫu báo cáo bao-cao-cchc.docx chạy trên một Word giả lập; khung xanh là các vị trí (content control) được điền tự động.
              Bấm vào một đoạn để đặt con trỏ. Ngăn bên phải là ngăn tác vụ thật của bổ trợ.
            </p>
            {error && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Không mở được mẫu báo cáo</MessageBarTitle>
                  {error}
                </MessageBarBody>
              </MessageBar>
            )}
            {!hosted && !error && <Spinner size="small" label="Đang mở mẫu báo cáo…" />}
            {hosted && snapshot && <DocumentView snapshot={snapshot} onSelect={(id, a, b) => hosted.fake.select(id, a, b)} />}
          </div>
          <aside className={s.pane} aria-label="Ngăn tác vụ" data-testid="pane">
            {hosted && <WordPane key={hosted.id} actions={hosted.actions} />}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
