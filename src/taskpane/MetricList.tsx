import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons/svg/copy';
import type { CheckReport } from '../core/report';
import { isMainMetric, metricLines, metricsAsText, type MetricLine } from './metrics';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0' },
  group: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: '10px 0 2px' },
  list: { margin: '6px 0 0', padding: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: '8px',
    paddingBottom: '4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  label: { margin: '0', minWidth: '0', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  value: { margin: '0', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  none: { fontWeight: tokens.fontWeightRegular, fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  panel: { margin: '0' },
});

function Rows({ lines, testId }: { lines: readonly MetricLine[]; testId?: string }) {
  const s = useStyles();
  return (
    <dl className={s.list}>
      {lines.map((l) => (
        <div key={l.key} className={s.row} data-testid={testId} data-key={l.key}>
          <dt className={s.label}>{l.label}</dt>
          <dd className={mergeClasses(s.value, l.value == null && s.none)}>{l.text}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MetricList({ report, onCopy }: { report: CheckReport; onCopy: (text: string) => void }) {
  const s = useStyles();
  const lines = metricLines(report.metrics, report);
  if (lines.length === 0) return null;
  const main = lines.filter((l) => isMainMetric(l.key));
  const groups: [string, MetricLine[]][] = [];
  for (const l of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0] === l.group) last[1].push(l);
    else groups.push([l.group, [l]]);
  }
  return (
    <section aria-labelledby="metrics-title">
      <div className={s.head}>
        <h2 id="metrics-title" className={s.title}>
          Chỉ số tính được
        </h2>
        <Button size="small" icon={<CopyRegular />} onClick={() => onCopy(metricsAsText(lines))} data-testid="copy-metrics">
          Chép chỉ số
        </Button>
      </div>
      {main.length > 0 && <Rows lines={main} testId="metric" />}
      <Accordion collapsible defaultOpenItems={main.length ? [] : ['all']}>
        <AccordionItem value="all">
          <AccordionHeader as="h3" size="small">
            Tất cả chỉ số ({lines.length})
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            {groups.map(([title, ls]) => (
              <div key={title}>
                <h4 className={s.group}>{title}</h4>
                <Rows lines={ls} testId={main.length ? 'metric-all' : 'metric'} />
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
