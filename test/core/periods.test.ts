import { PERIOD_KINDS } from '../../src/core/contract';
import { parseDateText, parsePeriodKind, reportingWindow } from '../../src/core/periods';
import { formatDate, isoToSerial, serialToIso } from '../../src/core/format';
import { ruleSetFor } from '../../src/core/regimes';
import { periodWords } from '../../src/core/periodWords';

describe('reporting windows (NĐ 09/2019/NĐ-CP, Điều 12)', () => {
  test.each([
    ['Quý I', 2023, '2022-12-15', '2023-03-14'],
    ['Quý II', 2023, '2023-03-15', '2023-06-14'],
    ['Quý III', 2022, '2022-06-15', '2022-09-14'],
    ['Quý IV', 2022, '2022-09-15', '2022-12-14'],
    ['6 tháng đầu năm', 2024, '2023-12-15', '2024-06-14'],
    ['6 tháng cuối năm', 2024, '2024-06-15', '2024-12-14'],
    ['9 tháng', 2025, '2024-12-15', '2025-09-14'],
    ['Năm', 2026, '2025-12-15', '2026-12-14'],
  ] as const)('%s %d: %s – %s', (kind, year, from, to) => {
    expect(reportingWindow(kind, year)).toEqual({ from, to });
  });

  test('calendar alternative', () => {
    expect(reportingWindow('Quý I', 2024, 'calendar')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(reportingWindow('6 tháng cuối năm', 2024, 'calendar')).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(reportingWindow('Quý I', 2024, 'calendar').to).toBe('2024-03-31');
    expect(reportingWindow('Năm', 2023, 'calendar')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  test('every period kind parses from its own label and from common spellings', () => {
    for (const k of PERIOD_KINDS) expect(parsePeriodKind(k)).toBe(k);
    expect(parsePeriodKind('Quý 1')).toBe('Quý I');
    expect(parsePeriodKind('quy iii')).toBe('Quý III');
    expect(parsePeriodKind('Q4')).toBe('Quý IV');
    expect(parsePeriodKind('6 tháng')).toBe('6 tháng đầu năm');
    expect(parsePeriodKind('cả năm')).toBe('Năm');
    expect(parsePeriodKind('Quý 5')).toBeNull();
  });

  test('dates as serials and as text', () => {
    expect(serialToIso(isoToSerial('2022-12-15'))).toBe('2022-12-15');
    expect(serialToIso(44910)).toBe('2022-12-15');
    expect(parseDateText('15/12/2022')).toBe('2022-12-15');
    expect(parseDateText('14/03/2022')).toBe('2022-03-14');
    expect(parseDateText('31/02/2022')).toBeNull();
    expect(formatDate('2023-02-05', 'formal')).toBe('ngày 05 tháng 02 năm 2023');
    expect(formatDate('2023-03-14', 'formal')).toBe('ngày 14 tháng 3 năm 2023');
    expect(formatDate('2023-03-14')).toBe('14/3/2023');
  });
});

describe('rule sets are chosen by the period end date', () => {
  test('a 2022 report follows the three-level government', () => {
    const r = ruleSetFor('2022-09-14');
    expect(r.tuyen.options).toEqual(['Tỉnh', 'Huyện', 'Xã']);
    expect(r.caps.find((c) => c.subject === 'Viên chức')?.basis.text).toMatch(/90\/2020/);
  });
  test('a Q4/2026 report follows two levels, NĐ 335/2025 and NĐ 233/2026', () => {
    const r = ruleSetFor('2026-12-14');
    expect(r.tuyen.options).toEqual(['Tỉnh', 'Xã']);
    expect(r.caps.find((c) => c.subject === 'Công chức')?.basis.text).toMatch(/335\/2025/);
    const vc = r.caps.find((c) => c.subject === 'Viên chức');
    expect(vc?.basis.text).toMatch(/233\/2026/);
    expect(vc?.capPercentIfUnitExcellent).toBe(25);
  });
  test('the boundaries are the days the laws took effect', () => {
    expect(ruleSetFor('2025-06-30').tuyen.options).toContain('Huyện');
    expect(ruleSetFor('2025-07-01').tuyen.options).not.toContain('Huyện');
    expect(ruleSetFor('2026-06-30').caps.find((c) => c.subject === 'Viên chức')?.basis.text).toMatch(/90\/2020/);
    expect(ruleSetFor('2026-07-01').caps.find((c) => c.subject === 'Viên chức')?.basis.text).toMatch(/233\/2026/);
  });
});

describe('the period in officers\' words (periodWords)', () => {
  // After "Kỳ báo cáo:" the words are a period by position; in a title only beside report words;
  // in a sheet or file name only where no place name can be meant.
  test.each([
    ['Năm 2022', 'value', 'Năm', 2022],
    ['năm 2022', 'value', 'Năm', 2022],
    ['Cả năm 2022', 'value', 'Năm', 2022],
    ['06 tháng', 'value', '6 tháng đầu năm', null],
    ['Sáu tháng đầu năm 2024', 'value', '6 tháng đầu năm', 2024],
    ['6 tháng cuối năm 2023', 'title', '6 tháng cuối năm', 2023],
    ['09 tháng', 'value', '9 tháng', null],
    ['BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024', 'title', '9 tháng', 2024],
    ['BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2022', 'title', 'Năm', 2022],
    ['Quý 3/2023', 'value', 'Quý III', 2023],
    ['BC_TTHC_Quy_III_2023_SYT', 'name', 'Quý III', 2023],
    ['Q4-2022', 'name', 'Quý IV', 2022],
    ['6T-2023', 'name', '6 tháng đầu năm', 2023],
    ['Cả năm 2021', 'name', 'Năm', 2021],
  ] as const)('"%s" (%s) → %s %s', (text, mode, kind, year) => {
    expect(periodWords(text, mode)).toEqual({ kind, year });
  });

  test.each([
    ['Quảng Nam 2023', 'name'],
    ['Sở Y tế Hà Nam 2023', 'name'],
    ['TTHC quý III', 'name'],
    ['Ngày 20 tháng 3 năm 2023', 'title'],
    ['Q.1', 'name'],
  ] as const)('"%s" (%s) says no period', (text, mode) => {
    expect(periodWords(text, mode)).toBeNull();
  });
});
