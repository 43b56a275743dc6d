import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/xlsx/read';
import { computeFormulas } from '../../src/xlsx/formulas';
import { findSheet, getCell, parseA1, type Cell, type WorkbookModel } from '../../src/core/model';

/** Writes a workbook with ExcelJS, formulas without results (as ExcelJS writes them), and reads it back. */
async function written(build: (wb: ExcelJS.Workbook) => void): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'exceljs.xlsx');
}
const cell = (m: WorkbookModel, sheet: string, a1: string): Cell | undefined => getCell(findSheet(m, sheet), parseA1(a1));
const f = (formula: string): ExcelJS.CellFormulaValue => ({ formula }) as ExcelJS.CellFormulaValue;
/** Excel serial of a calendar date. */
const serial = (y: number, mo: number, d: number) => Date.UTC(y, mo - 1, d) / 86_400_000 + 25_569;

describe('formulas written without cached results are computed', () => {
  let m: WorkbookModel;
  beforeAll(async () => {
    m = await written((wb) => {
      const info = wb.addWorksheet('Thông tin');
      info.addRows([
        ['Kỳ báo cáo', 'Quý I'],
        ['Năm', 2023],
        ['Từ ngày', f('IF(OR(B1="",B2=""),"",DATE(B2,CHOOSE(MATCH(B1,{"Quý I","Quý II","Quý III","Quý IV"},0),0,3,6,9),15))')],
        ['Đến ngày', f('IF(OR(B1="",B2=""),"",DATE(B2,CHOOSE(MATCH(B1,{"Quý I","Quý II","Quý III","Quý IV"},0),3,6,9,12),14))')],
      ]);
      wb.definedNames.add("'Thông tin'!$B$2", 'NamBaoCao');

      // Biểu 06 in brief: (3) tổng số, (4) trực tuyến, (5) trực tiếp, (6) từ kỳ trước, (7) đã giải quyết, (8) trước hạn, (9) đúng hạn.
      const t = wb.addWorksheet('TTHC');
      t.addRow(['Lĩnh vực', 'Tổng số', 'Trực tuyến', 'Trực tiếp', 'Từ kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Tỷ lệ']);
      const rows: [string, number, number, number, number, number, number][] = [
        ['Khám bệnh, chữa bệnh', 40, 62, 12, 98, 60, 38],
        ['Dược phẩm', 35, 58, 9, 90, 55, 35],
        ['An toàn thực phẩm', 18, 30, 5, 47, 30, 16],
        ['Mỹ phẩm', 0, 0, 0, 0, 0, 0],
      ];
      rows.forEach(([name, tt, tr, kt, dgq, th, dh], i) => {
        const r = i + 2;
        t.addRow([name, f(`C${r}+D${r}+E${r}`), tt, tr, kt, dgq, th, dh, f(`IF(N(F${r})=0,"",ROUND((G${r}+H${r})/F${r}*100,2))`)]);
      });
      // Totals below the rows; the Tổng số total depends on the per-row formulas above it.
      t.addRow(['Tổng cộng', f('SUM(B2:B5)'), f('SUM(C2:C5)'), f('SUM(D2:D5)'), f('SUM(E2:E5)'), f('SUM(F2:F5)'), f('SUM(G2:G5)'), f('SUM(H2:H5)'), f('ROUND((G6+H6)/F6*100,2)')]);
      t.getCell('K1').value = f('MAX(B2:B5)');
      t.getCell('K2').value = f('MIN(B2:B5)');
      t.getCell('K3').value = f('IFERROR(G5/F5,"không phát sinh")');
      t.getCell('K4').value = f("NamBaoCao+1");
      t.getCell('K5').value = f("'Thông tin'!B2*2");
      t.getCell('K6').value = f('G5/F5');
      t.getCell('K7').value = f('AVERAGE(C2:C4)&" hồ sơ"');
      t.getCell('K8').value = f('COUNT(A1:I1,C2:C5)+COUNTA(A2:A5)');
    });
  });

  it('computes sums, arithmetic, IF, ROUND, MAX, MIN, IFERROR as Excel does', () => {
    const t = (a: string) => cell(m, 'TTHC', a);
    // 40 + 62 + 12 = 114 … ; totals 114 + 102 + 53 + 0 = 269.
    expect(['B2', 'B3', 'B4', 'B5', 'B6'].map((a) => t(a)?.v)).toEqual([114, 102, 53, 0, 269]);
    expect(t('B6')).toMatchObject({ f: 'SUM(B2:B5)', computed: true });
    // (30 + 16) / 47 = 97,87%; a row with nothing to resolve gets "" from IF, not 0.
    expect(t('I4')?.v).toBe(97.87);
    expect(t('I5')?.v).toBe('');
    // (145 + 89) / 235 = 99,57%.
    expect(t('I6')?.v).toBe(99.57);
    expect([t('K1')?.v, t('K2')?.v, t('K3')?.v]).toEqual([114, 0, 'không phát sinh']);
    expect(t('K7')?.v).toBe('31 hồ sơ');
    // COUNT: no number in the header row, 4 in C2:C5 → 4; COUNTA of four names → 4.
    expect(t('K8')?.v).toBe(8);
  });

  it('gives an Excel error value where Excel shows one', () => {
    expect(cell(m, 'TTHC', 'K6')).toMatchObject({ v: null, e: '#DIV/0!', computed: true });
  });

  it('follows defined names, other sheets, and DATE/CHOOSE/MATCH of the template window', () => {
    expect(cell(m, 'TTHC', 'K4')?.v).toBe(2024);
    expect(cell(m, 'TTHC', 'K5')?.v).toBe(4046);
    // Quý I/2023: 15/12/2022 – 14/3/2023 (NĐ 09/2019).
    expect(cell(m, 'Thông tin', 'B3')?.v).toBe(serial(2022, 12, 15));
    expect(cell(m, 'Thông tin', 'B4')?.v).toBe(serial(2023, 3, 14));
  });
});

describe('SUBTOTAL and structured references', () => {
  it('leaves nested subtotals out, and reads table columns and the totals row by name', async () => {
    const m = await written((wb) => {
      const ws = wb.addWorksheet('Biên chế');
      ws.addTable({
        name: 'BienChe',
        ref: 'A1',
        headerRow: true,
        totalsRow: true,
        columns: [
          { name: 'Đơn vị', totalsRowLabel: 'Tổng cộng' },
          { name: 'Được giao', totalsRowFunction: 'sum' },
          { name: 'Có mặt', totalsRowFunction: 'sum' },
        ],
        rows: [
          ['I. Tuyến tỉnh', f('SUBTOTAL(9,B3:B4)'), f('SUBTOTAL(9,C3:C4)')],
          ['Cơ quan Sở Y tế', 64, 61],
          ['Đơn vị sự nghiệp tuyến tỉnh', 2244, 2128],
          ['II. Tuyến huyện', f('SUBTOTAL(9,B6:B6)'), f('SUBTOTAL(9,C6:C6)')],
          ['Trung tâm Y tế các huyện', 3174, 2681],
        ],
      });
      ws.getCell('E1').value = f('SUBTOTAL(9,BienChe[Được giao])');
      ws.getCell('E2').value = f('BienChe[[#Totals],[Có mặt]]-SUM(C3:C4)');
      ws.getCell('E3').value = f('SUM(BienChe[[Được giao]:[Có mặt]])');
      // This row's cell of a column, from a formula beside the table (row 4: Đơn vị sự nghiệp tuyến tỉnh).
      ws.getCell('E4').value = f('BienChe[@[Được giao]]-BienChe[[#This Row],[Có mặt]]');
    });
    const at = (a: string) => cell(m, 'Biên chế', a)?.v;
    expect([at('B2'), at('C2'), at('B5'), at('C5')]).toEqual([2308, 2189, 3174, 2681]);
    // The totals row ExcelJS writes is SUBTOTAL(109,…) over the data, subtotals left out: 64 + 2244 + 3174.
    expect(cell(m, 'Biên chế', 'B7')?.f).toMatch(/SUBTOTAL\(109/);
    expect([at('B7'), at('C7')]).toEqual([5482, 4870]);
    expect(at('E1')).toBe(5482);
    expect(at('E2')).toBe(4870 - 61 - 2128);
    // SUM counts every cell of both columns, the group subtotals included: 2 × (5482 + 4870).
    expect(at('E3')).toBe(2 * (5482 + 4870));
    expect(at('E4')).toBe(2244 - 2128);
  });
});

describe('what cannot be computed exactly is flagged, never guessed or left blank', () => {
  let m: WorkbookModel;
  beforeAll(async () => {
    m = await written((wb) => {
      const ws = wb.addWorksheet('TTHC');
      ws.addRow(['1.500', 250, f('A1+B1'), f('SUM(A1:B1)'), f('C1*2')]);
      ws.addRow([f('B2+1'), f('A2+1'), f('FORECAST.ETS(1,A1:B1,A1:B1)'), f('A1:B1'), 7]);
      // A cached result, even a wrong one, is what Excel shows: it stays.
      ws.getCell('A3').value = { formula: 'B1*2', result: 499 } as ExcelJS.CellFormulaValue;
    });
  });
  const at = (a: string) => cell(m, 'TTHC', a);

  it('text that only regional settings make a number ("1.500") is not guessed in arithmetic', () => {
    expect(at('C1')).toMatchObject({ v: null, f: 'A1+B1', uncomputed: true });
    // …and what depends on it is flagged too.
    expect(at('E1')).toMatchObject({ v: null, uncomputed: true });
  });

  it('SUM leaves text in a range out, as Excel does', () => {
    expect(at('D1')).toMatchObject({ v: 250, computed: true });
  });

  it('circular references, unknown functions and array results are flagged', () => {
    expect(at('A2')).toMatchObject({ v: null, uncomputed: true });
    expect(at('B2')).toMatchObject({ v: null, uncomputed: true });
    expect(at('C2')).toMatchObject({ v: null, uncomputed: true });
    expect(at('D2')).toMatchObject({ v: null, uncomputed: true });
    expect(at('E2')).toEqual({ v: 7 });
  });

  it('keeps cached results as they are', () => {
    expect(at('A3')).toEqual({ v: 499, f: 'B1*2' });
  });
});

describe('criteria and lookup functions', () => {
  it('count and sum by criteria as Excel does: text without case, wildcards, blanks, comparisons', async () => {
    const m = await written((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRows([
        ['Khám bệnh, chữa bệnh', 114, 'Tỉnh'],
        ['Dược phẩm', 102, 'tỉnh'],
        ['Mỹ phẩm', 11, null],
        ['An toàn thực phẩm', 53, 'Huyện'],
      ]);
      const formulas = [
        'COUNTIF(A1:A4,"*phẩm")',
        'COUNTIF(C1:C4,"TỈNH")',
        'COUNTIF(C1:C4,"")',
        'COUNTIF(B1:B4,">=53")',
        'SUMIF(C1:C4,"tỉnh",B1:B4)',
        'SUMIFS(B1:B4,A1:A4,"*phẩm",B1:B4,"<100")',
        'AVERAGEIF(B1:B4,">50")',
        'COUNTBLANK(A1:C4)',
        'VLOOKUP("mỹ phẩm",A1:B4,2,FALSE)',
        'ISERROR(1/0)',
        'COUNTIF(B1:B4,">1.500")',
      ];
      formulas.forEach((x, i) => (ws.getCell(`E${i + 1}`).value = f(x)));
    });
    const at = (r: number) => cell(m, 'S', `E${r}`);
    // Dược phẩm, Mỹ phẩm, An toàn thực phẩm; Tỉnh + tỉnh; one blank; 114, 102, 53; 114 + 102.
    expect([1, 2, 3, 4, 5].map((r) => at(r)?.v)).toEqual([3, 2, 1, 3, 216]);
    // 11 + 53 (102 is a "phẩm" too but not under 100); (114 + 102 + 53) / 3 = 89,67; C3 is the only empty cell.
    expect(at(6)?.v).toBe(64);
    expect(at(7)?.v).toBeCloseTo(269 / 3, 10);
    expect(at(8)?.v).toBe(1);
    expect([at(9)?.v, at(10)?.v]).toEqual([11, true]);
    // A criterion only regional settings can read is not guessed.
    expect(at(11)).toMatchObject({ v: null, uncomputed: true });
  });
});

describe('shared formulas', () => {
  it('computes each cell of a shared formula with its own references', async () => {
    const m = await written((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRows([[64, 61], [2244, 2128], [3174, 2681]]);
      ws.getCell('C1').value = { formula: 'MAX(0,A1-B1)', shareType: 'shared', ref: 'C1:C3' } as ExcelJS.CellFormulaValue;
      ws.getCell('C2').value = { sharedFormula: 'C1' } as unknown as ExcelJS.CellValue;
      ws.getCell('C3').value = { sharedFormula: 'C1' } as unknown as ExcelJS.CellValue;
    });
    expect(['C1', 'C2', 'C3'].map((a) => cell(m, 'S', a)?.v)).toEqual([3, 116, 493]);
  });
});

describe('long chains of references', () => {
  it('computes a chain far deeper than the evaluation depth, from its deep end', async () => {
    const rows: (Cell | undefined)[][] = [];
    const n = 5000;
    // A1 = A2 + 1, A2 = A3 + 1, …, A5000 = 1 → A1 = 5000.
    for (let r = 0; r < n - 1; r++) rows.push([{ v: null, f: `A${r + 2}+1` }]);
    rows.push([{ v: 1 }]);
    const model: WorkbookModel = { sheets: [{ name: 'S', rows }], tables: [], names: [] };
    expect(await computeFormulas(model)).toEqual({ computed: n - 1, uncomputed: 0 });
    expect(rows[0]![0]!.v).toBe(n);
    expect(rows[n - 2]![0]!.v).toBe(2);
  });

  it('counts nothing to do on a workbook whose formulas all have results', async () => {
    const model: WorkbookModel = { sheets: [{ name: 'S', rows: [[{ v: 3, f: '1+2' }]] }], tables: [], names: [] };
    expect(await computeFormulas(model)).toEqual({ computed: 0, uncomputed: 0 });
  });
});

// How long these take (against formulas on the cells the sheet has, and against the work budget
// spent in full) is measured by `npm run bench` (bench/refusals.ts); tests assert no times.
describe('hostile formulas are bounded', () => {
  it('whole-sheet ranges are bounded by the cells the sheet has', async () => {
    const data: (Cell | undefined)[][] = [[{ v: 2 }, { v: 3 }], [{ v: 4 }]];
    const out: (Cell | undefined)[][] = [[{ v: null, f: 'SUMPRODUCT(S!A1:XFD1048576)' }, { v: null, f: 'SUM(S!A:A)+SUM(S!1:1)' }, { v: null, f: 'SUM(A:C)' }]];
    const model: WorkbookModel = { sheets: [{ name: 'S', rows: data }, { name: 'T', rows: out }], tables: [], names: [] };
    await computeFormulas(model);
    // 2 + 3 + 4 = 9; column A 2 + 4 = 6 and row 1 2 + 3 = 5.
    expect(out[0]!.map((c) => c!.v)).toEqual([9, 11, null]);
    // A range that holds the formula itself is circular, as Excel says.
    expect(out[0]![2]).toMatchObject({ uncomputed: true });
  });

  it('thousands of formulas over large ranges stop at a budget: the rest are flagged, none left blank', async () => {
    const n = 5000;
    const rows: (Cell | undefined)[][] = Array.from({ length: n }, (_, r) => [{ v: r }, { v: null, f: `SUM($A$1:$A$${n})` }]);
    const model: WorkbookModel = { sheets: [{ name: 'S', rows }], tables: [], names: [] };
    const summary = await computeFormulas(model);
    expect(summary.computed + summary.uncomputed).toBe(n);
    expect(summary.uncomputed).toBeGreaterThan(0);
    // Σ 0…4999 = 12 497 500 wherever it was computed.
    expect(rows.every((l) => l[1]!.uncomputed || l[1]!.v === (n * (n - 1)) / 2)).toBe(true);
  });
});
