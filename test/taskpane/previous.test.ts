/**
 * The previous period's workbook picked in a pane ("So sánh với sổ kỳ trước…" in the Excel pane and
 * on the standalone page, "Sổ kỳ trước" in the Word pane) follows `cchc report --previous`'s rules
 * with the same words: the committed samples read as the panes read them, and small workbooks of
 * one unit for each period. Expected messages are written out from the files' units and periods.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { buildNarrative } from '../../src/core/narrative/build';
import { readWorkbook } from '../../src/xlsx/read';
import { SAMPLE_FILES } from '../../src/xlsx/samples';
import { judgePrevious } from '../../src/taskpane/report/previous';
import { buildModel, infoFor, type In } from '../helpers/model';

const root = join(__dirname, '..', '..');
const sample = async (file: string) => checkWorkbook(await readWorkbook(readFileSync(join(root, file)), file));
// One row of files that holds: 120 = 40 + 70 + 10, 100 = 60 + 38 + 2, 20 = 19 + 1.
const row: In[] = ['Dược phẩm', 120, 40, 70, 10, 100, 60, 38, 2, 20, 19, 1, null];
const kontum = (kind: string, year: number, from: string, to: string) => checkWorkbook(buildModel({ info: infoFor(kind, year, from, to), tables: [{ name: 'KetQuaGiaiQuyet', rows: [row] }] }));

describe('the previous workbook picked in a pane', () => {
  test('another province\'s workbook of a later period is refused, naming both files\' unit and period', async () => {
    // mau-sach: Sở Y tế tỉnh Kon Tum, quý III/2022; mau-co-loi: Sở Y tế tỉnh Sơn La, quý I/2023.
    const choice = judgePrevious(await sample(SAMPLE_FILES.clean), await sample(SAMPLE_FILES.mistakes), { current: 'mau-sach.xlsx', previous: 'mau-co-loi.xlsx' });
    expect(choice).toEqual({
      kind: 'refused',
      message:
        'Tệp "mau-co-loi.xlsx" (Sở Y tế tỉnh Sơn La, quý I năm 2023) và tệp "mau-sach.xlsx" (Sở Y tế tỉnh Kon Tum, quý III năm 2022) là của hai đơn vị khác nhau, và sổ kỳ trước không thuộc một kỳ trước quý III năm 2022. Hãy chọn sổ của kỳ trước.',
    });
  });

  test('the quarter before is used as it is; so is the same quarter a year before', () => {
    const q3 = kontum('Quý III', 2022, '2022-06-15', '2022-09-14');
    expect(judgePrevious(q3, kontum('Quý II', 2022, '2022-03-15', '2022-06-14'), { previous: 'q2.xlsx' })).toEqual({ kind: 'ok' });
    expect(judgePrevious(q3, kontum('Quý III', 2021, '2021-06-15', '2021-09-14'), { previous: 'q3-2021.xlsx' })).toEqual({ kind: 'ok' });
  });

  test('an earlier quarter that is not the one before asks for "Vẫn so sánh", and the paragraph then says so', () => {
    const q3 = kontum('Quý III', 2022, '2022-06-15', '2022-09-14');
    const q1 = kontum('Quý I', 2022, '2021-12-15', '2022-03-14');
    const choice = judgePrevious(q3, q1, { current: 'q3.xlsx', previous: 'q1.xlsx' });
    const said = 'Tệp "q1.xlsx" (Sở Y tế tỉnh Kon Tum, quý I năm 2022) và tệp "q3.xlsx" (Sở Y tế tỉnh Kon Tum, quý III năm 2022): quý I năm 2022 không phải kỳ liền trước, cũng không phải cùng kỳ năm trước.';
    expect(choice).toEqual({
      kind: 'confirm',
      message: `${said} Chọn đúng sổ kỳ trước, hoặc bấm «Vẫn so sánh» nếu vẫn muốn so sánh (đoạn văn sẽ ghi rõ điều đó).`,
      note: `Lưu ý (đã chọn vẫn so sánh): ${said}`,
    });
    // Confirmed: the comparison names the quarter it is made with.
    expect(buildNarrative(q3, { previous: q1 }).sections['cchc:tthc'].join(' ')).toContain('quý I năm 2022 (không phải kỳ liền trước)');
  });

  test('another unit\'s workbook compared anyway: the paragraph says whose figures they are', () => {
    const q3 = kontum('Quý III', 2022, '2022-06-15', '2022-09-14');
    const gialai = checkWorkbook(buildModel({ info: infoFor('Quý II', 2022, '2022-03-15', '2022-06-14', 'Sở Y tế tỉnh Gia Lai'), tables: [{ name: 'KetQuaGiaiQuyet', rows: [row] }] }));
    expect(judgePrevious(q3, gialai, { previous: 'gia-lai.xlsx' })).toMatchObject({ kind: 'confirm' });
    const text = buildNarrative(q3, { previous: gialai }).sections['cchc:tthc'].join(' ');
    expect(text).toContain('So với số liệu quý II năm 2022 của Sở Y tế tỉnh Gia Lai (không phải của đơn vị này),');
    // The unit's own previous quarter is named as before.
    const q2 = kontum('Quý II', 2022, '2022-03-15', '2022-06-14');
    expect(buildNarrative(q3, { previous: q2 }).sections['cchc:tthc'].join(' ')).toContain('So với kỳ trước (quý II năm 2022),');
  });

  test('the open workbook without a file name (Excel\'s) is named as the one being checked', () => {
    const q3 = kontum('Quý III', 2022, '2022-06-15', '2022-09-14');
    const q3b = kontum('Quý III', 2022, '2022-06-15', '2022-09-14');
    const choice = judgePrevious(q3, q3b, { previous: 'ban-sao.xlsx' });
    expect(choice).toMatchObject({ kind: 'refused' });
    expect(choice.kind === 'refused' && choice.message).toBe(
      'Tệp "ban-sao.xlsx" (Sở Y tế tỉnh Kon Tum, quý III năm 2022) và tệp "sổ đang kiểm tra" (Sở Y tế tỉnh Kon Tum, quý III năm 2022): sổ kỳ trước không thuộc một kỳ trước quý III năm 2022. Hãy chọn sổ của kỳ trước.',
    );
  });
});
