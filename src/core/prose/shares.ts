/**
 * Shares of one split stated side by side: "trong số hồ sơ đã giải quyết, trước hạn chiếm 45,2%,
 * đúng hạn 50,1%, quá hạn 4,7%". The files resolved are early, on time or late, each once, so the
 * three shares of one base add up to 100 %, whatever the counts the sentence leaves out. A sum
 * outside 100 % by more than the printed rounding (or cutting) of every share can allow is a slip
 * in one of them.
 *
 * Precision first: only percentages of one sentence and one subject, each state once, none hedged
 * or framed as a change, and none already a rate of counts the sentence gives (those are checked
 * against their counts). On time and late alone add up to 100 % only over one base; QĐ 766/QĐ-TTg's
 * on-time rate also counts files pending within the deadline, over more files than the late rate,
 * so a pair is held to 100 % only where the sentence names the files resolved as its base.
 */
import { roundTo } from '../numbers';
import { STATUS_NAME, type Status } from './lexicon';
import { fmtPct } from './messages';
import type { Draft, Mark } from './draft';
import type { DocReading } from './statements';
import type { PercentStatement } from './types';

/** Whole splits of the files resolved, and whether the pair needs its base named. */
const SPLITS: readonly { states: readonly Status[]; needsBase: boolean }[] = [
  { states: ['early', 'onTime', 'late'], needsBase: false },
  { states: ['earlyOrOnTime', 'late'], needsBase: true },
  { states: ['onTime', 'late'], needsBase: true },
];

/** "trong số hồ sơ đã giải quyết", "trên tổng số hồ sơ đã giải quyết", "so với số hồ sơ đã giải quyết". */
const RESOLVED_BASE = /\b(?:trong|tren|so voi)\s+(?:tong\s+)?so\s+(?:ho so\s+|luong ho so\s+)?(?:da\s+)?(?:duoc\s+)?giai quyet\b/;
/** A percentage framed as a change or hedged is no share. */
const CHANGE = /\b(?:tang|giam)(?: them| len| xuong)?\s*(?:khoang |hon |gan |tren |duoi )?$/;

export function checkShares(doc: DocReading, drafts: Draft[], mark: Mark): void {
  const rated = new Set(doc.rates.map((r) => r.percent));
  doc.percents.forEach((pcs, i) => {
    if (pcs.length < 2) return;
    const r = doc.paragraphs[i]!;
    // The percentages come in order: walked once beside the sentences (a filter per sentence made a
    // paragraph of thousands of sentences quadratic).
    let k = 0;
    for (const sentence of r.sentences) {
      while (k < pcs.length && pcs[k]!.figure.start < sentence.start) k++;
      const inSentence: PercentStatement[] = [];
      for (let j = k; j < pcs.length && pcs[j]!.figure.start < sentence.end; j++) if (pcs[j]!.figure.end <= sentence.end) inSentence.push(pcs[j]!);
      const shares = inSentence.filter((p) => p.status && SPLITS.some((s) => s.states.includes(p.status!)));
      if (shares.length < 2) continue;
      const statuses = shares.map((p) => p.status!);
      if (new Set(statuses).size < statuses.length) continue;
      if (new Set(shares.map((p) => p.subject ?? '')).size > 1) continue;
      if (shares.some((p) => p.figure.hedge || rated.has(p.figure) || CHANGE.test(p.figure.label))) continue;
      const split = SPLITS.find((s) => s.states.length === statuses.length && s.states.every((st) => statuses.includes(st)));
      if (!split || (split.needsBase && !RESOLVED_BASE.test(r.folded.slice(sentence.start, sentence.end)))) continue;
      shares.forEach((p) => mark(p.figure));
      const ordered = split.states.map((st) => shares.find((p) => p.status === st)!);
      const decimals = Math.max(...ordered.map((p) => p.figure.decimals));
      const unit = 10 ** -decimals;
      const sum = roundTo(ordered.reduce((a, p) => a + p.figure.value, 0), decimals);
      // Each share rounded is within half a unit of its printed decimals; cut, up to a unit below.
      const n = ordered.length;
      if (sum <= 100 + (n * unit) / 2 + 1e-9 && sum >= 100 - n * unit - 1e-9) continue;
      drafts.push(shareDraft(ordered, sum, decimals));
    }
  });
}

function shareDraft(ordered: PercentStatement[], sum: number, decimals: number): Draft {
  const first = ordered[0]!.figure;
  const parts = ordered.map((p) => `${STATUS_NAME[p.status!]} ${fmtPct(p.figure.value, p.figure.decimals)}`).join(' + ');
  const total = fmtPct(sum, decimals);
  return {
    code: 'shares_sum_mismatch',
    paragraph: first.paragraph,
    start: first.start,
    end: ordered[ordered.length - 1]!.figure.end,
    reading: `đọc là: ${parts} = ${total}; các phần này chia hết số hồ sơ đã giải quyết, phải cộng lại 100%`,
    expected: '100%',
    actual: total,
    args: { parts, sum: total },
  };
}
