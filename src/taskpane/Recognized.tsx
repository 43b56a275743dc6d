import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckReport } from '../core/report';
import { recognitionItems } from '../core/recognition';

const useStyles = makeStyles({
  list: { margin: '0', paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
  title: { fontWeight: tokens.fontWeightSemibold },
  line: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/**
 * "Đã nhận ra": which tables, header rows and columns were read, and where the unit and period
 * came from, collapsed by default, so an officer can trust the reading or see what to correct.
 */
export function Recognized({ report }: { report: CheckReport }) {
  const s = useStyles();
  const { tables, info } = recognitionItems(report);
  if (!tables.length && !info.length) return null;
  return (
    <Accordion collapsible data-testid="recognized">
      <AccordionItem value="recognized">
        <AccordionHeader size="small">Đã nhận ra ({tables.length} bảng)</AccordionHeader>
        <AccordionPanel>
          <ul className={s.list} aria-label="Thông tin báo cáo đã đọc">
            {info.map((l) => (
              <li key={l} className={s.line}>
                {l}
              </li>
            ))}
          </ul>
          <ul className={s.list} aria-label="Các bảng đã nhận ra">
            {tables.map((t) => (
              <li key={t.title} data-testid="recognized-table">
                <Text className={s.title}>{t.title}</Text>
                {t.lines.map((l) => (
                  <div key={l} className={s.line}>
                    {l}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
