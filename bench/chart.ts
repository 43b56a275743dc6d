/**
 * The report's survey chart (src/core/chart): time to lay out, rasterise and encode the PNG for
 * one, two and five surveys (median of 7 after a warm-up), the PNG's size, and the time of a fill
 * of the shipped template with and without it. `npx tsx bench/chart.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartImage, surveyBars } from '../src/core/chart';
import { buildNarrative } from '../src/core/narrative';
import { fillDocx } from '../src/docx/fill';
import { konTumQ3 } from '../test/narrative/fixtures';

const REPS = 7;
const WHO = ['nguoi-benh-noi-tru', 'nguoi-benh-ngoai-tru', 'nhan-vien-y-te', 'nguoi-me-sinh-con', 'nguoi-dan-to-chuc-tthc'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

async function main() {
  const template = new Uint8Array(readFileSync(join(__dirname, '..', 'assets', 'templates', 'bao-cao-cchc.docx')));
  const report = konTumQ3();
  const narrative = buildNarrative(report);
  const record = { fileName: 'x.xlsx', unit: '', period: '', fingerprint: narrative.fingerprint, filledAt: '2023-01-01T00:00:00.000Z' };
  for (const n of [1, 2, 5]) {
    const metrics: Record<string, number> = {};
    for (const who of WHO.slice(0, n)) for (const c of 'ABCDE') metrics[`haiLong.${who}.haiLong${c}`] = 70 + ((c.charCodeAt(0) * 7) % 30);
    const bars = surveyBars(metrics);
    const img = chartImage(bars);
    const draw = await timed(() => chartImage(bars));
    const withChart = await timed(() => fillDocx(template, narrative, record, { chart: img }));
    const without = await timed(() => fillDocx(template, narrative, record));
    console.log(
      `${n} khảo sát: vẽ ${draw.toFixed(0)} ms, PNG ${(img.png.length / 1024).toFixed(0)} KB (${img.widthPx * 3}×${img.heightPx * 3}), ` +
        `điền mẫu ${withChart.toFixed(0)} ms có biểu đồ / ${without.toFixed(0)} ms không`,
    );
  }
}

void main();
