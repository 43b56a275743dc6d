import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ExcelActions } from '../../host/actions';
import { SEVERITY_LABEL } from '../../core/messages';
import { WorkbookInput } from '../WorkbookInput';
import { FindingList } from '../FindingList';
import { HostErrorBar } from '../HostErrorBar';
import { countsSentence, messageOf, runAction } from '../status';
import {
  STATE_LABEL,
  mergeOutcomes,
  mergedFileName,
  mergedSentence,
  planWrite,
  readPreviousFile,
  readUnitFile,
  sortFiles,
  unitFindings,
  type MergeView,
  type PreviousBook,
  type UnitOutcome,
  type WritePlan,
  writtenText,
} from './merge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: '0' },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0', outline: 'none' },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 0', outline: 'none' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // Fluent's Text is inline even as a <p>: each line of a unit's panel on its own line.
  para: { display: 'block', margin: '0 0 4px' },
  // Kept in the DOM (not display:none) so it stays a real file input for tests and assistive tech.
  list: { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  unitHead: { display: 'flex', gap: '6px', alignItems: 'center', minWidth: '0', overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
  bad: { padding: '4px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorPaletteRedBackground1, overflowWrap: 'anywhere' },
  cross: { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  crossItem: { padding: '4px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const BADGE: Record<string, 'success' | 'danger' | 'warning' | 'informative'> = { dat: 'success', 'co-loi': 'danger', 'bo-qua': 'warning', thieu: 'informative' };

type Busy = 'read' | 'write' | 'download' | null;

interface Props {
  actions: ExcelActions;
  /** Speaks through the pane's one live region. */
  announce: (text: string) => void;
}

/**
 * "Tổng hợp từ các đơn vị": pick the units' files, see each unit's state and the checks across
 * units, then write the consolidated sheets into the open workbook (replacing existing sheets of
 * the same names only after the officer confirms) or download them as a workbook.
 */
export function MergePanel({ actions, announce }: Props) {
  const s = useStyles();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const unitsInput = useRef<HTMLInputElement>(null);
  const prevInput = useRef<HTMLInputElement>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  const unitsHeading = useRef<HTMLHeadingElement>(null);
  const [outcomes, setOutcomes] = useState<UnitOutcome[] | null>(null);
  const [previous, setPrevious] = useState<PreviousBook | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<WritePlan | null>(null);
  /** The consolidation last written into the workbook: its "Nguồn" cells can then be shown. */
  const [written, setWritten] = useState<MergeView | null>(null);

  // Opening the panel moves the focus to its heading, so a screen reader starts reading there.
  useEffect(() => heading.current?.focus(), []);

  const view: MergeView | null = useMemo(() => (outcomes ? mergeOutcomes(outcomes, previous) : null), [outcomes, previous]);

  /** An outcome shown in the panel and spoken in the live region. */
  const say = (text: string) => {
    setNotice(text);
    announce(text);
  };

  const run = (kind: Exclude<Busy, null>, work: () => Promise<void>) => runAction(kind, work, { setBusy, setError, setNotice, announce, after: () => setProgress('') });

  /** Whether the next pick adds to the files already read (units often arrive in several folders). */
  const adding = useRef(false);

  const onUnits = (ev: ChangeEvent<HTMLInputElement>) => {
    const files = [...(ev.target.files ?? [])];
    ev.target.value = '';
    if (!files.length) return;
    const kept = adding.current ? (outcomes ?? []) : [];
    void run('read', async () => {
      if (!kept.length) setOutcomes(null);
      const out: UnitOutcome[] = [];
      // One file after the other: the webview holds one workbook model at a time.
      for (const f of sortFiles(files)) {
        setProgress(`Đang đọc và kiểm tra tệp ${out.length + 1}/${files.length}: ${f.name}…`);
        out.push(await readUnitFile(f));
      }
      const all = [...kept, ...out].sort((a, b) => a.file.localeCompare(b.file, 'vi'));
      setOutcomes(all);
      announce(mergedSentence(mergeOutcomes(all, previous)));
    });
  };

  const pick = (add: boolean) => {
    adding.current = add;
    unitsInput.current?.click();
  };

  /** Leaves a file out of the consolidation, as removing it from a `cchc merge` folder would. */
  const remove = (target: UnitOutcome | undefined) => {
    if (!target) return;
    const rest = (outcomes ?? []).filter((o) => o !== target);
    setOutcomes(rest.length ? rest : null);
    setError(null);
    const text = `Đã bỏ tệp «${target.file}» khỏi danh sách tổng hợp.`;
    say(text);
    // Its button is gone with it: the focus goes to the list's heading, not to the page.
    requestAnimationFrame(() => (unitsHeading.current ?? heading.current)?.focus());
  };

  const onPrevious = (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    void run('read', async () => {
      const p = await readPreviousFile(file);
      setPrevious(p);
      const text = p.units
        ? `Đã đọc sổ tổng hợp kỳ trước «${p.file}» (${p.units.length} đơn vị).`
        : `Sổ «${p.file}» không có trang tính «Nguồn» của sổ tổng hợp: chỉ đối chiếu được khi chọn sổ do «Tổng hợp từ các đơn vị» hoặc lệnh «cchc merge» ghi ra.`;
      say(text);
    });
  };

  const build = async (v: MergeView) => {
    // ExcelJS and the workbook writer come only now.
    const { buildMergedWorkbook } = await import(/* webpackChunkName: "merge-workbook" */ '../../xlsx/merge-workbook');
    return buildMergedWorkbook(v.result);
  };

  const write = async (v: MergeView, plan: WritePlan) => {
    const bytes = await build(v);
    // The cells and tables the adapter writes into sheets that are already there, read back from
    // the very file it inserts, so both ways give the same figures.
    const { readWorkbook } = await import(/* webpackChunkName: "merge-workbook" */ '../../xlsx/read');
    const done = await actions.insertSheets!(bytes, plan.insert, plan.clashes, await readWorkbook(bytes, 'tong-hop.xlsx'));
    setWritten(v);
    say(writtenText(done));
    writeButton.current?.focus();
  };

  const onWrite = (v: MergeView) =>
    void run('write', async () => {
      const plan = planWrite(actions.sheetNames ? await actions.sheetNames() : []);
      // Nothing existing is replaced without the officer's word: the dialog asks first.
      if (plan.clashes.length) setConfirm(plan);
      else await write(v, plan);
    });

  const goTo = async (sheet: string, cell: string) => {
    try {
      await actions.select(sheet, cell);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const cancel = () => {
    setConfirm(null);
    const text = 'Đã hủy: sổ đang mở giữ nguyên, chưa ghi gì.';
    say(text);
    // Back where the officer was, whichever way the dialog closed.
    writeButton.current?.focus();
  };

  const download = actions.download;
  const onDownload = (v: MergeView) =>
    void run('download', async () => {
      const name = mergedFileName(v.result);
      await download!(name, await build(v), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const text = `Đã tạo tệp «${name}»; trình duyệt lưu nó vào thư mục tải xuống.`;
      say(text);
    });

  const canWrite = !!actions.insertSheets;

  const status = (
    <>
      {busy && <Spinner size="tiny" labelPosition="after" label={busy === 'read' ? progress || 'Đang đọc tệp…' : busy === 'write' ? 'Đang ghi sổ tổng hợp vào sổ đang mở…' : 'Đang tạo tệp sổ tổng hợp…'} />}
      {error && <HostErrorBar error={error} />}
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="merge-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  return (
    <section className={s.root} aria-labelledby={`${id}-h`} data-testid="merge-panel">
      <h2 className={s.h2} id={`${id}-h`} ref={heading} tabIndex={-1}>
        Tổng hợp từ các đơn vị
      </h2>
      <Text className={s.hint}>
        Chọn cùng lúc các tệp báo cáo của các đơn vị (bệnh viện, trung tâm y tế, bộ phận một cửa của Sở…), mẫu chuẩn hay Biểu 06. Mỗi tệp được
        kiểm tra, các số được cộng theo lĩnh vực, các tỷ lệ được tính lại từ số đã cộng. Tệp được đọc ngay trên máy này, không gửi đi đâu.
      </Text>
      <WorkbookInput ref={unitsInput} multiple onChange={onUnits} data-testid="merge-input" />
      <WorkbookInput ref={prevInput} onChange={onPrevious} data-testid="merge-previous-input" />
      <div className={s.row}>
        <Button appearance={outcomes ? 'secondary' : 'primary'} onClick={() => pick(false)} disabledFocusable={busy != null} data-testid="merge-pick">
          {outcomes ? 'Chọn lại các tệp…' : 'Chọn tệp của các đơn vị…'}
        </Button>
        {outcomes && (
          <Button onClick={() => pick(true)} disabledFocusable={busy != null} data-testid="merge-add">
            Thêm tệp…
          </Button>
        )}
        <Button onClick={() => prevInput.current?.click()} disabledFocusable={busy != null} data-testid="merge-pick-previous">
          {previous ? 'Chọn sổ tổng hợp kỳ trước khác…' : 'Sổ tổng hợp kỳ trước (để đối chiếu)…'}
        </Button>
      </div>
      {previous && (
        <Text className={s.meta} data-testid="merge-previous">
          Đối chiếu với sổ tổng hợp kỳ trước «{previous.file}»{previous.units ? ` (${previous.units.length} đơn vị)` : ': không có trang tính «Nguồn»'}.
        </Text>
      )}

      {!view && status}

      {view && (
        <>
          <h3 className={s.h3} ref={unitsHeading} tabIndex={-1}>
            Các đơn vị
          </h3>
          <Text className={s.meta} data-testid="merge-summary">
            {mergedSentence(view)}
          </Text>
          <Accordion multiple collapsible>
            {view.lines.map((l, i) => {
              const findings = unitFindings(l);
              return (
                <AccordionItem key={`${l.source.file}-${i}`} value={String(i)} data-testid="merge-unit" data-state={l.state} data-file={l.source.file} data-unit={l.source.unit}>
                  <AccordionHeader as="h4" size="small">
                    <span className={s.unitHead}>
                      <Badge className={s.badge} appearance="filled" color={BADGE[l.state]} data-testid="merge-unit-state">
                        {STATE_LABEL[l.state]}
                      </Badge>
                      <span>{l.source.unit}</span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <Text as="p" className={mergeClasses(s.meta, s.para)}>
                      {l.source.file ? `Tệp «${l.source.file}»` : 'Không có tệp kỳ này'} · {l.source.period || 'không rõ kỳ'}
                      {l.source.layout ? ` · ${l.source.layout}` : ''}
                    </Text>
                    {l.state !== 'dat' && l.state !== 'co-loi' && (
                      <Text as="p" className={mergeClasses(s.meta, s.para)} data-testid="merge-unit-status">
                        {l.source.status}
                      </Text>
                    )}
                    {l.unit && (
                      <>
                        <Button
                          size="small"
                          onClick={() => remove(outcomes?.find((o) => o.ok && o.unit === l.unit))}
                          disabledFocusable={busy != null}
                          data-testid="merge-remove"
                        >
                          Bỏ tệp này khỏi tổng hợp
                        </Button>
                        <Text as="p" className={mergeClasses(s.meta, s.para)}>
                          {countsSentence(l.unit.summary) ? `Kết quả kiểm tra: ${countsSentence(l.unit.summary)}.` : 'Kết quả kiểm tra: không có lỗi hay cảnh báo.'}
                          {findings.length ? ` Các ô nêu dưới đây nằm trong tệp «${l.source.file}» của đơn vị.` : ''}
                        </Text>
                        {findings.length > 0 && <FindingList findings={findings} headingAs="h5" />}
                      </>
                    )}
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>

          {view.unreadable.length > 0 && (
            <>
              <h3 className={s.h3}>Tệp không đọc được (không được tổng hợp)</h3>
              <ul className={s.list} data-testid="merge-unreadable">
                {view.unreadable.map((u, i) => (
                  <li key={`${u.file}-${i}`} className={s.bad} data-file={u.file}>
                    <Text weight="semibold">{u.file}</Text>: {u.message}{' '}
                    <Button size="small" appearance="transparent" onClick={() => remove(outcomes?.filter((o) => !o.ok)[i])} disabledFocusable={busy != null} data-testid="merge-remove">
                      Bỏ khỏi danh sách
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3 className={s.h3}>Đối chiếu giữa các đơn vị</h3>
          {view.result.findings.length ? (
            <ul className={s.cross} data-testid="merge-cross">
              {view.result.findings.map((f, i) => (
                <li key={`${f.code}-${i}`} className={s.crossItem} data-code={f.code} data-severity={f.severity}>
                  <Text weight="semibold">{SEVERITY_LABEL[f.severity]}</Text> · {f.message}
                  {/* Each points at its line on "Nguồn", which exists once this consolidation is written. */}
                  {written === view && (
                    <>
                      {' '}
                      <Button size="small" appearance="transparent" onClick={() => void goTo(f.sheet, f.cell)} data-testid="merge-go">
                        Đến ô {f.cell} («{f.sheet}»)
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Text className={s.meta} data-testid="merge-cross-none">
              Không có vấn đề: cùng kỳ báo cáo, không đơn vị nào trùng{previous ? ', không thiếu đơn vị nào so với kỳ trước' : ''}.
            </Text>
          )}
          {view.result.consolidated.notes.map((n, i) => (
            <Text key={i} className={s.meta}>
              {n}
            </Text>
          ))}

          <h3 className={s.h3}>Ghi sổ tổng hợp</h3>
          {view.included === 0 ? (
            <Text className={s.meta}>Không có đơn vị nào để cộng.</Text>
          ) : (
            <>
              <Text className={s.hint}>
                Ghi các trang tính «Thông tin», «TTHC», «Biên chế», «Hài lòng» với số đã tổng hợp, cùng «Nguồn» (các tệp và đơn vị) và «Truy vết»
                (mỗi số lấy từ ô nào). Nên mở một sổ mới (Tệp › Mới) để ghi; trang tính cùng tên đã có chỉ được thay sau khi bạn đồng ý.
                {view.result.summary.errors > 0 || view.lines.some((l) => l.state === 'co-loi') ? ' Lưu ý: còn lỗi ở trên; sổ tổng hợp sẽ mang theo các số đó.' : ''}
              </Text>
              {!canWrite && (
                <MessageBar intent="warning" layout="multiline" data-testid="merge-cannot-write">
                  <MessageBarBody>
                    <MessageBarTitle>Phiên bản Excel này chưa chèn được trang tính</MessageBarTitle>
                    Ghi vào sổ đang mở cần Excel hỗ trợ ExcelApi 1.13 (Microsoft 365, Excel 2021 trở lên hoặc Excel trên web).
                    {download ? ' Hãy tải sổ tổng hợp thành tệp .xlsx rồi mở tệp đó.' : ' Hãy dùng lệnh «cchc merge» để ghi sổ tổng hợp thành tệp .xlsx.'}
                  </MessageBarBody>
                </MessageBar>
              )}
              <div className={s.row}>
                {canWrite && (
                  <Button ref={writeButton} appearance="primary" onClick={() => onWrite(view)} disabledFocusable={busy != null} data-testid="merge-write">
                    Ghi vào sổ đang mở
                  </Button>
                )}
                {download && (
                  <Button onClick={() => onDownload(view)} disabledFocusable={busy != null} data-testid="merge-download">
                    Tải sổ tổng hợp (.xlsx)
                  </Button>
                )}
              </div>
            </>
          )}
          {/* Beside the buttons that cause them, where the officer is looking once the list is long. */}
          {status}
        </>
      )}

      <Dialog
        open={confirm != null}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (!d.open) cancel();
        }}
      >
        <DialogSurface aria-describedby={`${id}-confirm`}>
          <DialogBody>
            <DialogTitle>Thay các trang tính đã có?</DialogTitle>
            <DialogContent id={`${id}-confirm`}>
              <p>
                Sổ đang mở đã có {confirm?.clashes.length === 1 ? 'trang tính' : 'các trang tính'} {confirm?.clashes.map((n) => `«${n}»`).join(', ')}. Số liệu trong các
                bảng của {confirm?.clashes.length === 1 ? 'trang tính này' : 'các trang tính này'} sẽ được thay bằng số đã tổng hợp (thêm dòng khi có nhiều đơn vị hơn);
                trang tính giữ nguyên tên và chỗ, nên công thức ở trang tính khác vẫn đọc đúng số mới. Trang tính nào không có đúng các bảng của mẫu chuẩn thì được giữ
                nguyên, số tổng hợp ghi vào một trang tính mới bên cạnh.
              </p>
              <p>
                <strong>Không hoàn tác được bằng Ctrl+Z</strong>: khi chèn trang tính, Excel xóa lịch sử hoàn tác. Muốn giữ số cũ, hãy bấm «Hủy», lưu một bản sao
                của sổ rồi ghi lại.
              </p>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="merge-confirm-replace"
                onClick={() => {
                  const plan = confirm!;
                  setConfirm(null);
                  if (view) void run('write', () => write(view, plan));
                }}
              >
                Thay thế
              </Button>
              <Button
                data-testid="merge-confirm-cancel"
                onClick={cancel}
              >
                Hủy
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
