/**
 * The Excel pane's "Tổng hợp từ các đơn vị" path in Node (the pane runs the same code in the
 * webview): N unit workbooks of bench/merge.ts read one after the other as picked files, checked,
 * merged, and the consolidated workbook built for insertion. Prints wall time per step and the
 * peak heap, to say how many files an officer can pick at once. Not part of `npm run bench`.
 *
 *   npx tsx bench/merge-pane.ts [N…]   (default 20 50)
 */
import { performance } from 'node:perf_hooks';
import { buildWorkbook } from '../src/xlsx/template';
import { buildMergedWorkbook } from '../src/xlsx/merge-workbook';
import { mergeOutcomes, readUnitFiles, type PickedFile } from '../src/taskpane/merge/merge';
import { unitOptions } from './merge';

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length ? sizes : [20, 50]) {
    const files: PickedFile[] = [];
    for (let i = 0; i < n; i++) {
      const bytes = await buildWorkbook(unitOptions(i));
      files.push({ name: `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
    }
    global.gc?.();
    let peak = process.memoryUsage().heapUsed;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const t0 = performance.now();
    const outcomes = await readUnitFiles(files);
    const t1 = performance.now();
    const view = mergeOutcomes(outcomes);
    const t2 = performance.now();
    const bytes = await buildMergedWorkbook(view.result);
    const t3 = performance.now();
    clearInterval(timer);
    const s = (ms: number) => (ms / 1000).toFixed(2).replace('.', ',');
    console.log(
      `${n} tệp: đọc + kiểm tra ${s(t1 - t0)} s (${((t1 - t0) / n).toFixed(0)} ms/tệp), gộp ${s(t2 - t1)} s, tạo sổ tổng hợp ${s(t3 - t2)} s (${(bytes.length / 1024).toFixed(0)} KB); ` +
        `đỉnh heap ${(peak / 2 ** 20).toFixed(0)} MB; ${view.included} đơn vị được cộng`,
    );
  }
}

void main();
