import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Summary as Counts } from '../core/findings';
import { formatCount } from '../core/format';

const useStyles = makeStyles({
  counts: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '6px', margin: '0', padding: '0' },
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: '6px 4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: '0',
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: '0' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: '0' },
});

export function Summary({ summary, nothingRead = false }: { summary: Counts; nothingRead?: boolean }) {
  const s = useStyles();
  // No error because nothing was read is not "ready".
  const ready = summary.errors === 0 && !nothingRead;
  const boxes = [
    { key: 'error', label: 'Lỗi', n: summary.errors, cls: s.error },
    { key: 'warning', label: 'Cảnh báo', n: summary.warnings, cls: s.warning },
    { key: 'info', label: 'Gợi ý', n: summary.infos, cls: s.info },
  ];
  return (
    <section aria-label="Tóm tắt kết quả kiểm tra">
      <dl className={s.counts}>
        {boxes.map((b) => (
          <div key={b.key} className={s.box}>
            <dt className={s.label}>{b.label}</dt>
            <dd className={`${s.number} ${b.n > 0 ? b.cls : ''}`} data-testid={`count-${b.key}`}>
              {formatCount(b.n)}
            </dd>
          </div>
        ))}
      </dl>
      <div style={{ marginTop: 8 }}>
        {ready ? (
          <MessageBar intent="success" data-testid="ready">
            <MessageBarBody>
              <MessageBarTitle>Sẵn sàng nộp</MessageBarTitle>
              {summary.warnings > 0
                ? `Không có lỗi. Nên xem lại ${formatCount(summary.warnings)} cảnh báo trước khi nộp.`
                : 'Không có lỗi nào trong số liệu.'}
            </MessageBarBody>
          </MessageBar>
        ) : nothingRead ? (
          <MessageBar intent="warning" data-testid="nothing-read">
            <MessageBarBody>
              <MessageBarTitle>Chưa kiểm tra được</MessageBarTitle>
              Chưa đọc được bảng số liệu nào trong sổ tính này.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="error" data-testid="not-ready">
            <MessageBarBody>
              <MessageBarTitle>Chưa nộp được</MessageBarTitle>
              Cần sửa {formatCount(summary.errors)} lỗi trước khi nộp báo cáo.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
