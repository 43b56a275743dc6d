/**
 * `npm run eval`: recall and precision of `cchc doc` on the corpus (test/fixtures/doc), per
 * document and in total, with the figures read and checked; misses and false alarms are listed.
 * Then the held-out corpus of real texts (test/fixtures/doc-real), per half: the development half
 * with every miss and false alarm, the test half with its figures and its false alarms too (a test
 * text is looked at only to report, never to tune).
 */
import { corpusEntries, evaluate } from './corpus/eval';
import { evaluateReal, realTexts, score } from './corpus/real';

const pct = (x: number | null) => (x === null ? '   —  ' : x.toFixed(2).replace('.', ','));

async function main() {
  let tp = 0;
  let flags = 0;
  let fp = 0;
  let correct = 0;
  console.log('tài liệu                               lỗi cài/thật  tìm thấy  recall  đúng  báo nhầm  precision  số đọc  số kiểm');
  for (const e of corpusEntries()) {
    const r = await evaluate(e);
    const fpS = new Set(r.falseAlarms.map((x) => x.statement)).size;
    tp += r.found.length;
    flags += e.flag.length;
    fp += fpS;
    correct += r.correctCount;
    const planted = e.flag.filter((s) => !s.real).length;
    console.log(
      `${r.document.padEnd(38)} ${`${planted}/${e.flag.length - planted}`.padStart(12)} ${String(r.found.length).padStart(9)} ${pct(r.recall).padStart(7)} ${String(r.correctCount).padStart(5)} ${String(fpS).padStart(9)} ${pct(r.precision).padStart(10)} ${String(r.report.summary.figuresRead).padStart(7)} ${String(r.report.summary.figuresChecked).padStart(8)}`,
    );
    for (const m of r.missed) console.log(`   bỏ sót: ${m.statement.at} (${m.statement.note ?? ''})`);
    for (const x of r.falseAlarms) console.log(`   báo nhầm: ${x.statement.statement.at}: ${x.finding.message}`);
    for (const u of r.unchecked) console.log(`   câu đúng không được kiểm tra (danh sách sai): ${u.statement.at}`);
    for (const u of r.unlisted) console.log(`   (ngoài danh sách) đoạn ${u.paragraph + 1}: ${u.message}`);
  }
  console.log(`TỔNG: recall ${pct(flags ? tp / flags : null)} (${tp}/${flags}), precision ${pct(tp + fp ? tp / (tp + fp) : null)} (${fp} báo nhầm trên ${correct} câu đúng)`);
  await real();
}

async function real() {
  const evals = [];
  for (const t of realTexts()) evals.push(await evaluateReal(t));
  console.log('\nVĂN BẢN THẬT (test/fixtures/doc-real)');
  for (const half of ['dev', 'test'] as const) {
    console.log(`-- nửa ${half === 'dev' ? 'phát triển (dev)' : 'kiểm tra (test)'}`);
    for (const e of evals.filter((x) => x.text.half === half)) {
      if (!e.slips && !e.falseAlarms.length) continue;
      console.log(`${e.text.id.padEnd(44)} lỗi thật ${e.slips}, tìm thấy ${e.found.length}, báo nhầm ${e.falseAlarms.length}`);
      for (const m of e.missed) console.log(`   bỏ sót: ${m.statement.at} (${m.statement.in})`);
      for (const f of e.falseAlarms) console.log(`   báo nhầm: đoạn ${f.paragraph + 1} «${e.paragraphs[f.paragraph]!.text.slice(f.start, f.end)}»: ${f.message}`);
    }
    const s = score(half, evals);
    console.log(`NỬA ${half}: ${s.texts} văn bản; precision ${pct(s.precision)} (${s.right}/${s.flags} cờ đúng), recall ${pct(s.recall)} (${s.found}/${s.slips} lỗi thật)`);
    for (const batch of [...new Set(evals.map((e) => e.text.batch ?? 1))].sort()) {
      const b = score(half, evals, batch);
      console.log(`   đợt ${batch}: ${b.texts} văn bản; precision ${pct(b.precision)} (${b.right}/${b.flags}), recall ${pct(b.recall)} (${b.found}/${b.slips})`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
