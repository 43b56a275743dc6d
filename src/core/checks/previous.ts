/**
 * The previous period's workbook given for T5 must be the same unit's, for the period just before:
 * a file from another unit or another quarter makes every carry-over comparison meaningless.
 */
import type { WorkbookModel } from '../model';
import type { WindowKind } from '../periods';
import { formatDate, periodTitle } from '../format';
import type { PeriodInfo } from '../report';
import { foldText } from '../text';
import { addDays } from '../dates';
import type { Push } from './context';
import { infoAnchor, readInfo, resolvePeriod, type Info } from './info';


const sameUnit = (a: string, b: string) => foldText(a).replace(/[^a-z0-9]+/g, ' ').trim() === foldText(b).replace(/[^a-z0-9]+/g, ' ').trim();

const describe = (p: Omit<PeriodInfo, 'regime'>) => `${periodTitle(p.kind, p.year)} (${formatDate(p.from)}–${formatDate(p.to)})`;

export function checkPrevious(model: WorkbookModel, info: Info, period: Omit<PeriodInfo, 'regime'> | null, previous: WorkbookModel, windowKind: WindowKind, push: Push): void {
  const quiet: Push = () => undefined;
  const prevInfo = readInfo(previous, quiet);
  const prevPeriod = resolvePeriod(previous, prevInfo, windowKind, quiet);
  const at = info.values.DonViBaoCao ? { sheet: info.values.DonViBaoCao.sheet, cell: info.values.DonViBaoCao.cell } : infoAnchor(model);
  if (info.unit && prevInfo.unit && !sameUnit(info.unit, prevInfo.unit)) {
    push({ code: 'previous_mismatch', ...at, what: 'unit', previous: prevInfo.unit, current: info.unit });
  }
  if (period && prevPeriod && prevPeriod.from <= prevPeriod.to && addDays(prevPeriod.to, 1) !== period.from) {
    const kv = info.values.KyBaoCao;
    push({ code: 'previous_mismatch', ...(kv ? { sheet: kv.sheet, cell: kv.cell } : at), what: 'period', previous: describe(prevPeriod), current: `kỳ kết thúc ngày ${formatDate(addDays(period.from, -1))}` });
  }
}

