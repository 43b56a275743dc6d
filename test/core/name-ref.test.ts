import { parseNameRef } from '../../src/core/name-ref';

describe('parseNameRef: a defined name as the files store it and as Office.js gives it', () => {
  test('one cell, with or without "=", quotes and "$"', () => {
    expect(parseNameRef("'Thông tin'!$C$3")).toEqual({ sheet: 'Thông tin', cell: 'C3' });
    expect(parseNameRef("='Thông tin'!$C$3")).toEqual({ sheet: 'Thông tin', cell: 'C3' });
    expect(parseNameRef('TTHC!B2')).toEqual({ sheet: 'TTHC', cell: 'B2' });
    expect(parseNameRef("='Sổ của ''Sở'''!A1")).toEqual({ sheet: "Sổ của 'Sở'", cell: 'A1' });
    expect(parseNameRef('=tthc!$b$2')).toEqual({ sheet: 'tthc', cell: 'B2' });
    // An area of one cell is that cell.
    expect(parseNameRef("'Thông tin'!$C$3:$C$3")).toEqual({ sheet: 'Thông tin', cell: 'C3' });
  });

  test('an area is its first (top-left) cell, and keeps its extent', () => {
    // A merged cell C3:D3 named by selecting it.
    expect(parseNameRef("'Thông tin'!$C$3:$D$3")).toEqual({ sheet: 'Thông tin', cell: 'C3', range: 'C3:D3' });
    expect(parseNameRef('=TTHC!$B$2:$D$9')).toEqual({ sheet: 'TTHC', cell: 'B2', range: 'B2:D9' });
    // Written corner to corner the other way round, it is the same area.
    expect(parseNameRef('TTHC!$D$9:$B$2')).toEqual({ sheet: 'TTHC', cell: 'B2', range: 'B2:D9' });
  });

  test('null for what is not one area of cells on one sheet', () => {
    for (const text of ['=#REF!', "='Thông tin'!#REF!", '=SUM(TTHC!A1:A3)', '="cchc-workbook/1"', '=5', 'TTHC!A1,TTHC!B2', 'TTHC!A:A', 'TTHC!1:1', '[1]TTHC!A1', "'[1]TTHC'!A1", 'A1', 'TTHC!A0', 'TTHC!XFE1', 'TTHC!A1048577', '']) {
      expect([text, parseNameRef(text)]).toEqual([text, null]);
    }
    // The grid's last cell is still a cell.
    expect(parseNameRef('TTHC!$XFD$1048576')).toEqual({ sheet: 'TTHC', cell: 'XFD1048576' });
  });
});
