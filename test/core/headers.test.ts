import { aliasKey } from '../../src/core/headers';

// Officers' and one-stop systems' spellings of one header meet the contract's in a single key.
test.each([
  ['Số HS đã GQ', 'Đã giải quyết'],
  ['Trực tiếp, B.C.C.I', 'Trực tiếp, BCCI'],
  ['Qua DV BCCI', 'BCCI'],
  ['Biên chế được giao năm 2023', 'Biên chế được giao'],
  ['Số có mặt đến ngày 30/6/2023', 'Số có mặt'],
  ['Tỉ lệ trước hạn, đúng hạn', 'Tỷ lệ trước hạn, đúng hạn'],
  ['Trễ hạn', 'Quá hạn'],
  ['Đang giải quyết trễ hạn', 'Đang giải quyết quá hạn'],
])('"%s" reads as "%s"', (officer, contract) => {
  expect(aliasKey(officer)).toBe(aliasKey(contract));
});

test('words that differ in meaning stay apart', () => {
  expect(aliasKey('Trước hạn')).not.toBe(aliasKey('Quá hạn'));
  expect(aliasKey('Số hồ sơ rút')).not.toBe(aliasKey('Trả lại'));
});
