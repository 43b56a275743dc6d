/**
 * The online rate from the columns a sheet has: a sheet with a plain "Trực tiếp" column and no
 * "Trực tuyến" one tells its online files as the rest of its new files; a sheet that cannot tell
 * says so, and "không phát sinh" stays for a period without new files. Figures by hand.
 */
import { checkWorkbook } from '../../../src/core/check';
import { metricLines } from '../../../src/core/metric-labels';
import { buildNarrative } from '../../../src/core/narrative/build';
import type { CheckReport } from '../../../src/core/report';
import { buildModel, infoFor, type In } from '../../helpers/model';

const info = infoFor('Quý III', 2022, '2022-06-15', '2022-09-14');
const check = (headers: string[], rows: In[][]) => checkWorkbook(buildModel({ info, tables: [{ name: 'KetQuaGiaiQuyet', headers, rows }] }));
const line = (r: CheckReport, key: string) => metricLines(r.metrics, r).find((l) => l.key === key);
const paragraph = (r: CheckReport) => buildNarrative(r, {}).sections['cchc:tthc'].join(' ');

describe('the online rate of a sheet without a "Trực tuyến" column', () => {
  test('"Trực tiếp" given: online = new files − direct, 30 of 60 new files, 50%', () => {
    // Khám bệnh: 40 files, 4 carried over → 36 new, 18 direct → 18 online; resolved 30 = 10 + 18 + 2, pending 10.
    // Dược phẩm: 30 files, 6 carried over → 24 new, 12 direct → 12 online; resolved 24 = 8 + 15 + 1, pending 6.
    // Together: 60 new, 30 direct, 30 online → 30 / 60 = 50%.
    const r = check(
      ['Lĩnh vực', 'Tổng số hồ sơ tiếp nhận', 'Từ kỳ trước', 'Trực tiếp', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết'],
      [
        ['Khám bệnh, chữa bệnh', 40, 4, 18, 30, 10, 18, 2, 10],
        ['Dược phẩm', 30, 6, 12, 24, 8, 15, 1, 6],
      ],
    );
    expect(r.summary.errors).toBe(0);
    expect(r.metrics['tthc.trucTuyen']).toBe(30);
    expect(r.metrics['tthc.tyLeTrucTuyen']).toBe(50);
    // A whole percentage is written without decimals, in the list as in the paragraph (docs/style.md §2).
    expect(line(r, 'tthc.tyLeTrucTuyen')?.text).toBe('50%');
    const text = paragraph(r);
    expect(text).toContain('tiếp nhận 60 hồ sơ thủ tục hành chính (trong đó trực tuyến 30 hồ sơ, trực tiếp và qua dịch vụ bưu chính công ích 30 hồ sơ)');
    expect(text).toContain('tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 50%');
    expect(text).not.toContain('không phát sinh');
  });

  test('neither column: the rate "không tính được: thiếu cột trực tuyến", never "không phát sinh", and the paragraph leaves it out', () => {
    // 50 files, 10 carried over, 40 new: how many came online the sheet does not say.
    const r = check(['Lĩnh vực', 'Tổng số hồ sơ tiếp nhận', 'Từ kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết'], [['Khám bệnh, chữa bệnh', 50, 10, 45, 20, 24, 1, 5]]);
    expect(r.metrics['tthc.tyLeTrucTuyen']).toBeNull();
    expect(line(r, 'tthc.tyLeTrucTuyen')?.text).toBe('không tính được: thiếu cột trực tuyến');
    const text = paragraph(r);
    expect(text).toContain('tiếp nhận 40 hồ sơ');
    expect(text).not.toContain('trực tuyến');
    expect(text).not.toContain('không phát sinh');
  });

  test('the standard columns with no new file: still "không phát sinh"', () => {
    // 7 files, all carried over: 0 online, 0 direct; resolved 7 = 3 + 4 + 0, pending 0 = 0 + 0.
    const r = check(
      ['Lĩnh vực, công việc giải quyết', 'Tổng số hồ sơ nhận giải quyết', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Trong hạn', 'Quá hạn (đang giải quyết)'],
      [['Dược phẩm', 7, 0, 0, 7, 7, 3, 4, 0, 0, 0, 0]],
    );
    expect(r.summary.errors).toBe(0);
    expect(line(r, 'tthc.tyLeTrucTuyen')?.text).toBe('không phát sinh');
  });
});
