import { tokens } from '@fluentui/react-components';
import type { CheckReport } from '../core/report';
import { surveyBars, type SectionBar } from './surveyBars';

/**
 * Per-section satisfaction as a small bar chart: plain divs, each bar a `meter` with its label and
 * value, and the figure printed beside it, so a screen reader and a printout read the same numbers.
 * Inline styles only: the chart must render anywhere the pane does, without a chart library.
 */
function Bar({ bar, id }: { bar: SectionBar; id: string }) {
  const pct = bar.value == null ? 0 : Math.max(0, Math.min(100, bar.value));
  return (
    <li style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 96px', gap: '2px 8px', alignItems: 'center', listStyle: 'none' }}>
      <span id={id} style={{ gridColumn: '1 / 3', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 }}>
        {bar.label}
      </span>
      <div
        role="meter"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(bar.value == null ? {} : { 'aria-valuenow': Math.round(bar.value * 100) / 100 })}
        aria-valuetext={bar.text}
        style={{ height: '10px', background: tokens.colorNeutralBackground3, borderRadius: '2px', overflow: 'hidden' }}
      >
        <div style={{ width: `${pct}%`, height: '100%', background: tokens.colorBrandBackground }} />
      </div>
      <span style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 }}>{bar.text}</span>
    </li>
  );
}

export function SurveyChart({ report }: { report: Pick<CheckReport, 'metrics'> }) {
  const surveys = surveyBars(report.metrics);
  if (surveys.length === 0) return null;
  return (
    <section aria-labelledby="survey-chart-title" data-testid="survey-chart">
      <h2 id="survey-chart-title" style={{ fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '0 0 6px' }}>
        Hài lòng theo khía cạnh (tính từ phiếu)
      </h2>
      {surveys.map((s) => (
        <figure key={s.key} style={{ margin: '0 0 10px' }} aria-labelledby={`${s.key}-cap`}>
          <figcaption id={`${s.key}-cap`} style={{ fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: '0 0 4px' }}>
            {s.subject}: hài lòng chung {s.overall.text}
          </figcaption>
          <ul style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' }}>
            {s.bars.map((b) => (
              <Bar key={b.section} bar={b} id={`${s.key}-${b.section}`} />
            ))}
          </ul>
        </figure>
      ))}
    </section>
  );
}
