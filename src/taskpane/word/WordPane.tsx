import { WorkbookInput } from '../WorkbookInput';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { GUIDE_PAGE } from '../guide';
import { ALL_TAGS, SECTION_TAGS, isFieldTag, isTag } from '../../core/narrative/tags';
import { TAG_TITLES } from '../../core/narrative/places';
import { periodText } from '../../core/periodText';
import { judgePrevious } from '../report/previous';
import { PreviousNotices } from '../report/PreviousNotices';
import { formatCount } from '../../core/format';
import type { FillRecord, WordActions } from '../../host/actions';
import { checkedSentence, messageOf, runAction } from '../status';
import { LiveRegion } from '../LiveRegion';
import { FindingList } from '../FindingList';
import { Summary } from '../Summary';
import { chartPictures, formatFilledAt, planFill, readPicked, type PickedWorkbook } from './workbook';
import { surveyBars } from '../../core/chart/surveyBars';
import { HostErrorBar } from '../HostErrorBar';
import { ProseCheck } from './ProseCheck';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', boxSizing: 'border-box', minWidth: '0', maxWidth: '100%' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  guide: { color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase300, alignSelf: 'flex-start' },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  // Kept in the DOM (not display:none) so it stays a real file input for tests and assistive tech.
  places: { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  place: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '4px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  has: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  dup: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  none: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

type Busy = 'read' | 'fill' | 'mark' | 'go' | null;


const titleOf = (tag: string) => (isTag(tag) ? TAG_TITLES[tag] : tag);

export function WordPane({ actions }: { actions: WordActions }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneBody actions={actions} />
    </FluentProvider>
  );
}

function PaneBody({ actions }: { actions: WordActions }) {
  const s = useStyles();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [places, setPlaces] = useState<string[] | null>(null);
  const [record, setRecord] = useState<FillRecord | null>(null);
  const [picked, setPicked] = useState<PickedWorkbook | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [withChart, setWithChart] = useState(true);
  const [markTag, setMarkTag] = useState<string>(ALL_TAGS[0]!);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [previous, setPrevious] = useState<PickedWorkbook | null>(null);
  // The previous workbook judged by the pairing rules (../report/previous.ts): refused, or waiting for "Vẫn so sánh".
  const [prevRefused, setPrevRefused] = useState<string | null>(null);
  const [pendingPrev, setPendingPrev] = useState<{ p: PickedWorkbook; message: string; note: string } | null>(null);
  const [prevNote, setPrevNote] = useState<string | null>(null);
  const prevInput = useRef<HTMLInputElement>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [live, setLive] = useState('');
  const announce = useCallback((text: string) => setLive((prev) => (prev === text ? `${text}\u00a0` : text)), []);

  const refreshDocument = useCallback(async () => {
    const [p, r] = await Promise.all([actions.listPlaces(), actions.readRecord()]);
    setPlaces(p);
    setRecord(r);
  }, [actions]);

  useEffect(() => {
    refreshDocument().catch((e: unknown) => setError(messageOf(e)));
  }, [refreshDocument]);

  const run = (kind: Exclude<Busy, null>, work: () => Promise<void>) => runAction(kind, work, { setBusy, setError, setNotice, announce, before: () => setExisting(null) });

  const done = (text: string) => {
    setNotice(text);
    announce(text);
  };

  const onFile = (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    void run('read', async () => {
      setPicked(null);
      setConfirmed(false);
      const p = await readPicked(file);
      setPicked(p);
      // A previous workbook chosen for another workbook is judged again against this one.
      setPendingPrev(null);
      if (previous && judgePrevious(p.report, previous.report, { current: p.fileName, previous: previous.fileName }).kind !== 'ok') {
        setPrevious(null);
        setPrevNote(null);
        setPrevRefused(`Đã bỏ sổ kỳ trước «${previous.fileName}»: không hợp với sổ «${p.fileName}». Hãy chọn lại sổ kỳ trước.`);
      }
      await refreshDocument();
      announce(`Đã đọc sổ «${p.fileName}». ${checkedSentence(p.report.summary)}`);
    });
  };

  const onPrevious = (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    void run('read', async () => {
      const p = await readPicked(file);
      setPrevRefused(null);
      setPendingPrev(null);
      const choice = picked ? judgePrevious(picked.report, p.report, { current: picked.fileName, previous: p.fileName }) : ({ kind: 'ok' } as const);
      // A new pick replaces the one before, even when refused or waiting for «Vẫn so sánh».
      if (choice.kind !== 'ok') {
        setPrevious(null);
        setPrevNote(null);
      }
      if (choice.kind === 'refused') {
        setPrevRefused(choice.message);
        announce(choice.message);
        return;
      }
      if (choice.kind === 'confirm') {
        setPendingPrev({ p, message: choice.message, note: choice.note });
        announce(choice.message);
        return;
      }
      setPrevious(p);
      setPrevNote(null);
      announce(`Đã đọc sổ kỳ trước «${p.fileName}».`);
    });
  };

  const preview = useMemo(() => {
    try {
      return picked ? planFill(picked, true, new Date(), previous?.report).texts : null;
    } catch {
      // The list only shows which places would get text; filling reports any real failure.
      return null;
    }
  }, [picked, previous]);
  const comparisonSkipped = useMemo(() => {
    try {
      return picked && previous ? planFill(picked, true, new Date(), previous.report).narrative.comparisonSkipped : undefined;
    } catch {
      return undefined;
    }
  }, [picked, previous]);
  const errors = picked?.report.summary.errors ?? 0;
  const hasChart = useMemo(() => (picked ? surveyBars(picked.report.metrics).length > 0 : false), [picked]);

  const fill = () =>
    run('fill', async () => {
      if (!picked) return;
      const plan = planFill(picked, errors > 0 && confirmed, new Date(), previous?.report);
      const pictures = hasChart && withChart ? await chartPictures(picked.report) : {};
      const filled = await actions.fill(plan.texts, plan.record, pictures);
      await refreshDocument();
      const marked = Object.keys(plan.narrative.notes).length;
      done(
        filled.length
          ? `Đã điền ${formatCount(filled.length)} vị trí từ sổ «${picked.fileName}»: ${filled.map(titleOf).join('; ')}.` +
              (marked ? ` ${formatCount(marked)} phần có số liệu sai được mở đầu bằng ghi chú tô vàng; sửa sổ rồi điền lại để xóa ghi chú.` : '') +
              (filled.picturesSkipped?.length
                ? ` Không chèn biểu đồ vào ${filled.picturesSkipped.map((t) => `«${titleOf(t)}»`).join(', ')}: vị trí nằm trong một đoạn văn (văn bản lưu bằng LibreOffice), ảnh sẽ bị cắt theo dòng chữ; các số liệu vẫn được viết thành chữ. Hãy dùng mẫu gốc bao-cao-cchc.docx để có biểu đồ.`
                : '')
          : 'Văn bản chưa có vị trí nào để điền số liệu. Hãy dùng «Đánh dấu vị trí» hoặc mở mẫu báo cáo bao-cao-cchc.docx.',
      );
    });

  const mark = () =>
    run('mark', async () => {
      // A second place with the same tag would receive the same paragraphs: refuse, offer the first.
      const current = await actions.listPlaces();
      setPlaces(current);
      if (current.includes(markTag)) {
        setExisting(markTag);
        announce(`Văn bản đã có vị trí «${titleOf(markTag)}»; không đánh dấu thêm.`);
        return;
      }
      await actions.markPlace(markTag, titleOf(markTag));
      setPlaces(await actions.listPlaces());
      done(`Đã đánh dấu vị trí «${titleOf(markTag)}» tại con trỏ.`);
    });

  const goToPlace = actions.goToPlace;
  const goTo = goToPlace
    ? (tag: string) =>
        run('go', async () => {
          await goToPlace.call(actions, tag);
          done(`Đã chọn vị trí «${titleOf(tag)}» trong văn bản.`);
        })
    : undefined;

  const stale = picked && record ? record.fingerprint !== picked.fingerprint : null;
  const missing = preview && places ? Object.keys(preview).filter((t) => preview[t]!.length > 0 && !places.includes(t)) : [];
  const period = picked ? periodText(picked.report) : null;
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const t of places ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);

  return (
    <>
    {/* Outside <main>: the region only speaks; what it says is shown in the pane's own notices. */}
    <LiveRegion text={live} />
    <main className={s.root} aria-busy={busy != null}>
      <h1 className={s.title}>Trợ lý báo cáo CCHC · Word</h1>
      {/* The same guide as the Excel pane's (its section 5 is the Word pane); Office opens it in the browser. */}
      <a href={GUIDE_PAGE} target="_blank" rel="noopener" className={s.guide} data-testid="guide">
        Hướng dẫn sử dụng
      </a>

      <section className={s.section} aria-labelledby={`${inputId}-h`}>
        <h2 className={s.h2} id={`${inputId}-h`}>
          1. Sổ số liệu
        </h2>
        <WorkbookInput id={inputId} ref={fileInput} onChange={onFile} data-testid="workbook-input" />
        <div className={s.row}>
          <Button appearance={picked ? 'secondary' : 'primary'} onClick={() => fileInput.current?.click()} disabledFocusable={busy != null} data-testid="pick">
            {picked ? 'Chọn sổ khác…' : 'Chọn sổ số liệu (.xlsx, .xls, .ods, .csv)…'}
          </Button>
          {picked && (
            <Button onClick={() => prevInput.current?.click()} disabledFocusable={busy != null} data-testid="pick-previous">
              {previous ? 'Chọn sổ kỳ trước khác…' : 'Sổ kỳ trước (để so sánh)…'}
            </Button>
          )}
        </div>
        <WorkbookInput ref={prevInput} onChange={onPrevious} data-testid="previous-input" />
        {!picked && busy !== 'read' && <Text className={s.hint}>Chọn tệp sổ thống kê CCHC đã nhập đủ số liệu (tệp Excel .xlsx hoặc .xls, LibreOffice .ods, hay CSV). Tệp được đọc ngay trên máy này, không gửi đi đâu.</Text>}
        {picked && (
          <div className={s.section} data-testid="workbook-info">
            <Text weight="semibold" className={s.meta}>
              {picked.fileName}
            </Text>
            <Text className={s.meta} data-testid="period">
              {picked.report.data.unit ?? 'Chưa ghi đơn vị báo cáo'} · {period!.text}
              {period!.note ? ` (${period!.note})` : ''}
            </Text>
            {previous && (
              <Text className={s.meta} data-testid="previous-info">
                So sánh với sổ kỳ trước «{previous.fileName}» ({periodText(previous.report).text}).{prevNote ? ` ${prevNote}` : ''}{comparisonSkipped ? ` ${comparisonSkipped}` : ''}
              </Text>
            )}
            <PreviousNotices
              refused={prevRefused}
              pending={pendingPrev?.message ?? null}
              className={s.meta}
              onForce={() => {
                if (!pendingPrev) return;
                setPrevious(pendingPrev.p);
                setPrevNote(pendingPrev.note);
                setPendingPrev(null);
              }}
            />
            <Summary summary={picked.report.summary} />
            {picked.report.issues.length > 0 && (
              <>
                <Text className={s.hint}>Các ô nêu dưới đây nằm trong sổ Excel «{picked.fileName}», không ở văn bản này: mở sổ trong Excel để sửa, lưu, rồi chọn lại sổ.</Text>
                <FindingList findings={picked.report.issues} />
              </>
            )}
          </div>
        )}
      </section>

      {busy && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={busy === 'read' ? 'Đang đọc và kiểm tra sổ số liệu…' : busy === 'fill' ? 'Đang điền số liệu vào văn bản…' : busy === 'go' ? 'Đang chọn vị trí…' : 'Đang đánh dấu vị trí…'}
        />
      )}
      {error && <HostErrorBar error={error} />}
      {notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {existing && (
        <MessageBar intent="warning" layout="multiline" data-testid="place-exists">
          <MessageBarBody>
            <MessageBarTitle>Vị trí đã có</MessageBarTitle>
            Văn bản đã có vị trí «{titleOf(existing)}». Mỗi mục chỉ đánh dấu một lần: hai vị trí cùng mục sẽ nhận cùng các đoạn văn.
          </MessageBarBody>
          {goTo && (
            <MessageBarActions>
              <Button size="small" onClick={() => goTo(existing)} data-testid="go-to-place">
                Đến vị trí này
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      <RecordStatus record={record} picked={picked} stale={stale} />

      <section className={s.section} aria-labelledby={`${inputId}-p`}>
        <h2 className={s.h2} id={`${inputId}-p`}>
          2. Các vị trí trong văn bản
        </h2>
        {places === null ? (
          <Spinner size="tiny" label="Đang đọc văn bản…" labelPosition="after" />
        ) : places.length === 0 ? (
          <Text className={s.hint}>Văn bản chưa có vị trí nào. Mở mẫu báo cáo bao-cao-cchc.docx, hoặc đặt con trỏ vào chỗ cần điền rồi dùng «Đánh dấu vị trí».</Text>
        ) : (
          <ul className={s.places} data-testid="places">
            {places.map((t) => {
              const n = preview?.[t]?.length ?? 0;
              const k = (seen.get(t) ?? 0) + 1;
              seen.set(t, k);
              // A block tag twice gets the same paragraphs twice; inline fields (the period in the
              // title and in the text) are meant to repeat.
              const dup = (counts.get(t) ?? 0) > 1 && !isFieldTag(t);
              return (
                <li key={`${t}-${k}`} className={s.place} data-tag={t} data-duplicate={dup ? 'true' : undefined}>
                  <span>
                    {titleOf(t)}
                    {(counts.get(t) ?? 0) > 1 ? ` (${k}/${counts.get(t)})` : ''}
                  </span>
                  {dup ? (
                    <span className={s.dup}>trùng: xóa bớt một vị trí</span>
                  ) : (
                    preview && (
                      <span className={n || (t === SECTION_TAGS.hailong && hasChart && withChart) ? s.has : s.none}>
                        {n ? (isFieldTag(t) ? 'có nội dung' : `${formatCount(n)} đoạn`) : t === SECTION_TAGS.hailong && hasChart && withChart ? '' : 'không có số liệu'}
                        {t === SECTION_TAGS.hailong && hasChart && withChart ? `${n ? ' và ' : ''}biểu đồ` : ''}
                      </span>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {missing.length > 0 && (
          <Text className={s.hint} data-testid="missing-places">
            Có số liệu nhưng văn bản chưa có vị trí: {missing.map(titleOf).join('; ')}.
          </Text>
        )}
        {errors > 0 && (
          <Checkbox
            checked={confirmed}
            onChange={(_, d) => setConfirmed(d.checked === true)}
            label={`Vẫn chèn số liệu có lỗi (sổ còn ${formatCount(errors)} lỗi; nên sửa trong Excel trước)`}
            data-testid="confirm-errors"
          />
        )}
        {hasChart && (
          <Checkbox
            checked={withChart}
            onChange={(_, d) => setWithChart(d.checked === true)}
            label="Chèn biểu đồ tỷ lệ hài lòng theo nhóm tiêu chí vào phần Khảo sát sự hài lòng"
            data-testid="fill-chart"
          />
        )}
        <div className={s.row}>
          <Button appearance="primary" onClick={fill} disabled={!picked || (errors > 0 && !confirmed) || !places?.length} disabledFocusable={busy != null} data-testid="fill">
            Điền / Cập nhật báo cáo
          </Button>
        </div>
      </section>

      {actions.readParagraphs && <ProseCheck actions={actions} workbook={picked?.report ?? null} />}

      <section className={s.section} aria-labelledby={`${inputId}-m`}>
        <h2 className={s.h2} id={`${inputId}-m`}>
          3. Đánh dấu vị trí mới
        </h2>
        <Text className={s.hint}>
          Đặt con trỏ vào một đoạn trống (hoặc chọn cụm chữ, với tên đơn vị, kỳ, thời gian) trong văn bản, chọn mục rồi bấm «Đánh dấu vị trí».
        </Text>
        <Field label="Mục số liệu">
          <Select value={markTag} onChange={(_, d) => setMarkTag(d.value)} data-testid="mark-tag">
            {ALL_TAGS.map((t) => (
              <option key={t} value={t}>
                {TAG_TITLES[t]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.row}>
          <Button onClick={mark} disabledFocusable={busy != null} data-testid="mark">
            Đánh dấu vị trí
          </Button>
        </div>
      </section>
    </main>
    </>
  );
}

function RecordStatus({ record, picked, stale }: { record: FillRecord | null; picked: PickedWorkbook | null; stale: boolean | null }) {
  if (!record) {
    return picked ? null : (
      <Text data-testid="record" style={{ color: tokens.colorNeutralForeground3 }}>
        Văn bản này chưa được điền số liệu bằng trợ lý.
      </Text>
    );
  }
  const from = `sổ «${record.fileName}»${record.period ? ` (${record.period})` : ''}, lúc ${formatFilledAt(record.filledAt)}`;
  if (stale === null) {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="record">
        <MessageBarBody>Số liệu trong văn bản được điền từ {from}. Chọn sổ số liệu để biết số liệu có còn khớp không.</MessageBarBody>
      </MessageBar>
    );
  }
  return stale ? (
    <MessageBar intent="warning" layout="multiline" data-testid="record">
      <MessageBarBody>
        <MessageBarTitle>Số liệu đã thay đổi</MessageBarTitle>
        Số liệu trong sổ «{picked!.fileName}» khác với số liệu đang có trong văn bản (điền từ {from}). Bấm «Điền / Cập nhật báo cáo» để cập nhật.
      </MessageBarBody>
    </MessageBar>
  ) : (
    <MessageBar intent="success" layout="multiline" data-testid="record">
      <MessageBarBody>Số liệu trong văn bản khớp với sổ đã chọn (điền từ {from}).</MessageBarBody>
    </MessageBar>
  );
}
