/**
 * Thousands of flagged cells on Excel on the web: the fake refuses a request over 5 MB as the
 * host does (src/fake-office/excel.ts, WEB_LIMITS), so the highlights must go out in several
 * requests (src/excel/batches.ts), each whole on its own, with the record true after any of them.
 */
import { isDeepStrictEqual } from 'node:util';
import { FakeExcel, installFakeOffice, WEB_LIMITS } from '../../src/fake-office/excel';
import { createExcelActions } from '../../src/excel/actions';
import { HIGHLIGHT_FILLS, HIGHLIGHT_KEY } from '../../src/excel/highlights';
import { HostError, type HostCheckReport } from '../../src/host/actions';
import type { Finding, Severity } from '../../src/core/findings';
import { summarize } from '../../src/core/findings';
import { CONTRACT_VERSION } from '../../src/core/contract';
import type { CheckReport } from '../../src/core/report';
import type { WorkbookModel } from '../../src/core/model';
import { colToLetters } from '../../src/core/model';
import { oneTable } from './fixture';

const S = 'Biên chế';
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

let undo: () => void = () => undefined;
afterEach(() => undo());

/** `n` cells from row 20 down, 20 columns wide (A20:T20, A21:T21…). */
function cells(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${colToLetters((from + i) % 20)}${20 + Math.floor((from + i) / 20)}`);
}

function findingsAt(list: readonly string[], shift = 0): Finding[] {
  return list.map((cell, i) => ({ code: 'sum_mismatch', severity: SEVERITIES[(i + shift) % 3]!, sheet: S, cell, message: cell, totalLabel: 'Có mặt', partLabels: [] }));
}

function reporting(findings: () => Finding[]) {
  return (m: WorkbookModel): CheckReport => {
    const issues = findings();
    return { contract: CONTRACT_VERSION, file: m.fileName, summary: summarize(issues), issues, metrics: {}, data: { unit: null, recipient: null, tables: {} } };
  };
}

/** Own fills of every kind on the flagged cells: none, white, the user's yellow, a theme colour with a tint, a pattern. */
function ownFills(list: readonly string[]) {
  const formats: Record<string, { fill: string; pattern?: string; tint?: number }> = {};
  list.forEach((c, i) => {
    if (i % 5 === 1) formats[c] = { fill: '#FFFFFF' };
    if (i % 5 === 2) formats[c] = { fill: '#FFFF00' };
    if (i % 5 === 3) formats[c] = { fill: '#4472C4', tint: 0.8 };
    if (i % 5 === 4) formats[c] = { fill: '#C6E0B4', pattern: 'Gray25' };
  });
  return formats;
}

function host(own: readonly string[]) {
  const fake = new FakeExcel(oneTable(), { formats: { [S]: ownFills(own) } });
  undo();
  undo = installFakeOffice(fake);
  return fake;
}

const formatsOf = (fake: FakeExcel, list: readonly string[]) => list.map((c) => fake.getCellFormat(S, c));
/** The cells whose format differs from `before` (compared one by one: one deep comparison of 20 000 is slow in jest). */
const changed = (fake: FakeExcel, list: readonly string[], before: readonly unknown[]) => list.filter((c, i) => !isDeepStrictEqual(fake.getCellFormat(S, c), before[i]));

test('20 000 flagged cells on Excel on the web: every one highlighted, every one cleared back to its own fill', async () => {
  const flagged = cells(20_000);
  const fake = host(flagged);
  const before = formatsOf(fake, flagged);
  const actions = createExcelActions({ check: reporting(() => findingsAt(flagged)) });

  const report = await actions.check();
  expect(report.highlightNotice).toBeUndefined();
  // Each cell in the colour of its finding: error, warning, info in turn.
  expect(flagged.map((c, i) => fake.fillOf(S, c) === HIGHLIGHT_FILLS[SEVERITIES[i % 3]!]).filter((ok) => !ok)).toEqual([]);
  // Every request was under the limit (the fake refuses the others), and it took several.
  expect(fake.syncLog.filter((l) => l.failed)).toEqual([]);
  expect(Math.max(...fake.syncLog.map((l) => l.requestBytes))).toBeLessThanOrEqual(WEB_LIMITS.maxBytes);
  expect(fake.syncLog.filter((l) => l.cellsWritten > 0).length).toBeGreaterThan(1);
  expect(fake.sheet(S)!.names).toHaveLength(20_000);

  fake.resetCounters();
  await expect(actions.clearHighlights()).resolves.toBe(20_000);
  expect(changed(fake, flagged, before)).toEqual([]);
  expect(fake.syncLog.filter((l) => l.failed)).toEqual([]);
  expect(HIGHLIGHT_KEY in fake.savedSettings).toBe(false);
  expect(fake.sheet(S)!.names).toEqual([]);
});

test('a request refused at any point of a re-check leaves a record that clears every cell back to its own fill, naming none as lost', async () => {
  const first = cells(1_500);
  const second = cells(1_500, 750); // half the same cells (in other colours), half new
  const all = cells(2_250);
  // How many requests a re-check makes when none is refused.
  const dry = host(all);
  let issues = findingsAt(first);
  const actions = () => createExcelActions({ check: reporting(() => issues) });
  await actions().check();
  dry.resetCounters();
  issues = findingsAt(second, 1);
  await actions().check();
  const requests = dry.roundTrips;
  expect(requests).toBeGreaterThan(6); // reads, then the writing in several requests

  let partly = 0;
  for (let k = 1; k <= requests; k++) {
    const fake = host(all);
    const before = formatsOf(fake, all);
    issues = findingsAt(first);
    await actions().check();
    issues = findingsAt(second, 1);
    fake.pendingFailures.push(...Array<null>(k - 1).fill(null), Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' }));
    const report = await actions().check().catch((e: unknown) => e);
    // The first two requests read the workbook (a refused grid read is read again in row blocks,
    // src/excel/read.ts); refused later, the findings still come and the notice says what was not coloured.
    if (k > 2) expect([k, report instanceof HostError ? report.message : (report as HostCheckReport).highlightNotice]).toEqual([k, expect.stringMatching(/tô màu.*quá lớn/)]);
    const notice = report instanceof HostError ? '' : ((report as HostCheckReport).highlightNotice ?? '');
    if (notice.includes('chỉ một phần')) partly++;
    await expect(actions().clearHighlights()).resolves.toBeGreaterThan(0);
    expect([k, changed(fake, all, before)]).toEqual([k, []]);
    expect([k, fake.sheet(S)!.names.length, HIGHLIGHT_KEY in fake.savedSettings]).toEqual([k, 0, false]);
  }
  // Refusals after some of the writing went through: the notice says only part was coloured.
  expect(partly).toBeGreaterThan(1);
});

test('a request refused at any point of «Xóa đánh dấu» leaves a record that the next one clears completely', async () => {
  const flagged = cells(1_500);
  const issues = findingsAt(flagged);
  const actions = () => createExcelActions({ check: reporting(() => issues) });
  const dry = host(flagged);
  await actions().check();
  dry.resetCounters();
  await actions().clearHighlights();
  const requests = dry.roundTrips;
  expect(requests).toBeGreaterThan(5);

  for (let k = 1; k <= requests; k++) {
    const fake = host(flagged);
    const before = formatsOf(fake, flagged);
    await actions().check();
    fake.pendingFailures.push(...Array<null>(k - 1).fill(null), Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' }));
    await expect(actions().clearHighlights()).rejects.toBeInstanceOf(HostError);
    // What the first one gave back and what the second gives back are every cell, once.
    const again = Number(await actions().clearHighlights());
    expect([k, again <= flagged.length, changed(fake, flagged, before)]).toEqual([k, true, []]);
    expect([k, fake.sheet(S)!.names.length, HIGHLIGHT_KEY in fake.savedSettings]).toEqual([k, 0, false]);
  }
});
