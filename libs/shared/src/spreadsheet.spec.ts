import { amountCell, civilDateCell, formattedNumber, spreadsheetCell, spreadsheetRow } from './spreadsheet';

describe('spreadsheetCell (OWASP CSV injection)', () => {
  it('prefixes with a single quote text a spreadsheet would read as a formula', () => {
    for (const text of [
      '=HYPERLINK("http://evil","x")',
      '+33 1 23',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(A1:A9)',
      '\tTAB',
      '\rCR',
      '＝1+1',
      '＋1',
      '－1',
      '＠A1',
    ]) {
      expect(spreadsheetCell(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text alone, even with a trigger further in', () => {
    for (const text of ['Cohésion sociale', 'a=b', 'Jean-Pierre', 'x@y.fr', '', ' =espace devant', "'déjà cité"])
      expect(spreadsheetCell(text)).toBe(text);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(spreadsheetCell(-1234.56)).toBe(-1234.56);
    expect(spreadsheetCell(0)).toBe(0);
    expect(spreadsheetCell(2025)).toBe(2025);
  });

  it('writes amounts formatted by the code as they are, and refuses text passed off as one', () => {
    expect(spreadsheetCell(amountCell(-123456n))).toBe('-1234,56');
    expect(spreadsheetCell(amountCell('5'))).toBe('0,05');
    expect(spreadsheetCell(formattedNumber('-12'))).toBe('-12');
    expect(amountCell(null)).toBeNull();
    for (const text of ['=1+1', '-1+2', '1 234,56', '', '-', '1,']) expect(() => formattedNumber(text)).toThrow();
  });

  it('leaves empty cells empty', () => {
    expect(spreadsheetRow([null, undefined, '=A1', 3, amountCell(-100n)])).toEqual([null, null, "'=A1", 3, '-1,00']);
  });
});

describe('civilDateCell', () => {
  it('makes a civil date a date cell at midnight UTC, so that the spreadsheet shows that very day', () => {
    expect(civilDateCell('2025-03-14')?.toISOString()).toBe('2025-03-14T00:00:00.000Z');
    expect(spreadsheetCell(civilDateCell('2025-12-31'))).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(civilDateCell(null)).toBeNull();
    expect(() => civilDateCell('14/03/2025')).toThrow('not a civil date');
  });
});
