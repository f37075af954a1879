import { randomUUID } from 'node:crypto';

import { MAX_AMOUNT_CENTS } from '@pilotis/shared';

import { parseAmount, parseDate, readFinanceCsv } from './finance-csv';

const codes = (errors: { line: number; code: string; field?: string }[]) => errors.map(({ line, code, field }) => ({ line, code, field }));

describe('parseAmount', () => {
  it('reads French and plain amounts into exact cents, whatever the thousands space', () => {
    expect(parseAmount('1 234,56')).toBe(123456n);
    expect(parseAmount('1\u00a0234,56')).toBe(123456n); // no-break space
    expect(parseAmount('1\u202f234,56')).toBe(123456n); // narrow no-break space (Excel, fr-FR)
    expect(parseAmount('1234.5')).toBe(123450n);
    expect(parseAmount('1234')).toBe(123400n);
    expect(parseAmount('0,1')).toBe(10n);
    expect(parseAmount('0,01')).toBe(1n);
    expect(parseAmount('0.05')).toBe(5n);
    expect(parseAmount('1 234,56 €')).toBe(123456n);
  });

  it('keeps every cent of large amounts (no float in between)', () => {
    expect(parseAmount('999 999 999,99')).toBe(99_999_999_999n);
    expect(parseAmount('1000000000')).toBe(MAX_AMOUNT_CENTS); // 1 milliard d'euros exactly
  });

  it('refuses what is not a strictly positive amount within the limit', () => {
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('0,00')).toBeNull();
    expect(parseAmount('-3')).toBeNull();
    expect(parseAmount('12,345')).toBeNull(); // three decimals: a thousands separator, not cents
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('1,')).toBeNull();
    expect(parseAmount(',5')).toBeNull();
    expect(parseAmount('1e3')).toBeNull();
    expect(parseAmount('1000000000,01')).toBeNull(); // above 1 milliard d'euros
    expect(parseAmount('5000000000')).toBeNull();
    expect(parseAmount('9999999999999')).toBeNull(); // 13 digits
  });
});

describe('parseDate', () => {
  it('reads ISO and French dates into ISO', () => {
    expect(parseDate('2025-03-01')).toBe('2025-03-01');
    expect(parseDate('01/03/2025')).toBe('2025-03-01');
    expect(parseDate(' 2025-03-01 ')).toBe('2025-03-01');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('refuses days that do not exist and other formats', () => {
    expect(parseDate('2025-02-30')).toBeNull();
    expect(parseDate('31/04/2025')).toBeNull();
    expect(parseDate('2025-02-29')).toBeNull();
    expect(parseDate('2025-13-01')).toBeNull();
    expect(parseDate('1/3/2025')).toBeNull();
    expect(parseDate('2025/03/01')).toBeNull();
    expect(parseDate('03/01/25')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('readFinanceCsv', () => {
  const id = randomUUID();

  it('reads a semicolon file with a BOM, CRLF and French headers in any case, with or without accents', () => {
    const text = `\ufeffLigne;Référence;DATE;MONTANT\r\n${id.toUpperCase()};ENG-1;01/03/2025;1 234,56\r\n${id};ENG-2;2025-03-02;10\r\n`;
    const { rows, errors } = readFinanceCsv('commitments', text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        fundingLineId: id,
        system: null,
        externalId: null,
        commitmentReference: null,
        reference: 'ENG-1',
        date: '2025-03-01',
        amountCents: 123456n,
      },
      {
        line: 3,
        fundingLineId: id,
        system: null,
        externalId: null,
        commitmentReference: null,
        reference: 'ENG-2',
        date: '2025-03-02',
        amountCents: 1000n,
      },
    ]);
  });

  it('reads a comma file, and names lines by system + identifier', () => {
    const text = 'Système,Identifiant,reference,date,montant\nastre,L-42,F-1,2025-03-01,"1234,5"\n';
    const { rows, errors } = readFinanceCsv('commitments', text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        fundingLineId: null,
        system: 'astre',
        externalId: 'L-42',
        commitmentReference: null,
        reference: 'F-1',
        date: '2025-03-01',
        amountCents: 123450n,
      },
    ]);
  });

  it('chooses the delimiter from the header line only', () => {
    // A comma inside a value of a semicolon file is part of the value.
    const { rows, errors } = readFinanceCsv('payments', 'engagement;reference;date;montant\nENG-1;P-1;2025-03-01;12,50\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        fundingLineId: null,
        system: null,
        externalId: null,
        commitmentReference: 'ENG-1',
        reference: 'P-1',
        date: '2025-03-01',
        amountCents: 1250n,
      },
    ]);
  });

  it('lets payments name their line by commitment, but refuses that column for commitments', () => {
    const text = 'engagement;reference;date;montant\nENG-1;E-1;2025-03-01;10\n';
    expect(readFinanceCsv('payments', text).errors).toEqual([]);
    const { rows, errors } = readFinanceCsv('commitments', text);
    expect(rows).toEqual([]);
    expect(codes(errors)).toEqual([
      { line: 1, code: 'UNKNOWN_COLUMN', field: 'engagement' },
      { line: 1, code: 'MISSING_COLUMN', field: 'ligne' }, // nothing left to name the line
    ]);
  });

  it('refuses the whole file on line 1 for unknown or missing columns', () => {
    const unknown = readFinanceCsv('commitments', 'ligne;reference;date;montant;commentaire\n' + `${id};R;2025-03-01;10;x\n`);
    expect(unknown.rows).toEqual([]);
    expect(codes(unknown.errors)).toEqual([{ line: 1, code: 'UNKNOWN_COLUMN', field: 'commentaire' }]);

    const missing = readFinanceCsv('payments', `ligne;reference\n${id};R\n`);
    expect(missing.rows).toEqual([]);
    expect(codes(missing.errors)).toEqual([
      { line: 1, code: 'MISSING_COLUMN', field: 'date' },
      { line: 1, code: 'MISSING_COLUMN', field: 'montant' },
    ]);
  });

  it('refuses a file with no way to name the line', () => {
    const noTarget = readFinanceCsv('payments', 'reference;date;montant\nR;2025-03-01;10\n');
    expect(noTarget.rows).toEqual([]);
    expect(codes(noTarget.errors)).toEqual([{ line: 1, code: 'MISSING_COLUMN', field: 'ligne' }]);
    expect(noTarget.errors[0].message).toContain('engagement');

    // 'systeme' without 'identifiant' does not name a line either.
    const halfExternal = readFinanceCsv('commitments', 'systeme;reference;date;montant\nastre;R;2025-03-01;10\n');
    expect(codes(halfExternal.errors)).toEqual([{ line: 1, code: 'MISSING_COLUMN', field: 'ligne' }]);
    expect(halfExternal.errors[0].message).not.toContain('engagement');
  });

  it('reports an empty file, or one with a header only', () => {
    for (const text of ['', '\ufeff', 'ligne;reference;date;montant\n', 'ligne;reference;date;montant\n\n\n']) {
      const { rows, errors } = readFinanceCsv('commitments', text);
      expect(rows).toEqual([]);
      expect(codes(errors)).toEqual([{ line: 1, code: 'EMPTY_FILE', field: undefined }]);
    }
  });

  it('reports an unreadable CSV', () => {
    const { rows, errors } = readFinanceCsv('commitments', `ligne;reference;date;montant\n${id};R;2025-03-01\n`);
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('BAD_CSV');
  });

  it('reports every faulty row with its line number (header is line 1) and returns only the valid rows', () => {
    const other = randomUUID();
    const text = [
      'ligne;systeme;identifiant;reference;date;montant',
      `${id};;;OK-1;2025-03-01;10`, // line 2: valid
      `${id};astre;L-1;R-2;2025-03-01;10`, // line 3: named twice
      ';astre;;R-3;2025-03-01;10', // line 4: systeme without identifiant
      'not-a-uuid;;;R-5;2025-03-01;10', // line 5: invalid id
      `${other};;;;2025-02-30;-3`, // line 6: no reference, no such day, negative amount
      ';;;R-7;2025-03-01;10', // line 7: no target at all
      `${other.toUpperCase()};;;OK-8;31/12/2025;0,1`, // line 8: valid
      `${id};;;${'x'.repeat(101)};2025-03-01;10`, // line 9: reference too long
      ';;L-10;R-10;2025-03-01;10', // line 10: identifiant without systeme
    ].join('\n');
    const { rows, errors } = readFinanceCsv('commitments', text);
    expect(codes(errors)).toEqual([
      { line: 3, code: 'ONE_TARGET', field: 'ligne' },
      { line: 4, code: 'INCOMPLETE', field: 'identifiant' },
      { line: 5, code: 'INVALID_ID', field: 'ligne' },
      { line: 6, code: 'INVALID_REFERENCE', field: 'reference' },
      { line: 6, code: 'INVALID_DATE', field: 'date' },
      { line: 6, code: 'INVALID_AMOUNT', field: 'montant' },
      { line: 7, code: 'ONE_TARGET', field: 'ligne' },
      { line: 9, code: 'INVALID_REFERENCE', field: 'reference' },
      { line: 10, code: 'INCOMPLETE', field: 'identifiant' },
    ]);
    for (const error of errors) expect(error.message).toEqual(expect.any(String));
    expect(rows).toEqual([
      {
        line: 2,
        fundingLineId: id,
        system: null,
        externalId: null,
        commitmentReference: null,
        reference: 'OK-1',
        date: '2025-03-01',
        amountCents: 1000n,
      },
      {
        line: 8,
        fundingLineId: other,
        system: null,
        externalId: null,
        commitmentReference: null,
        reference: 'OK-8',
        date: '2025-12-31',
        amountCents: 10n,
      },
    ]);
  });

  it('counts a payment named by both line and commitment as ONE_TARGET', () => {
    const { rows, errors } = readFinanceCsv('payments', `ligne;engagement;reference;date;montant\n${id};ENG-1;P-1;2025-03-01;10\n`);
    expect(rows).toEqual([]);
    expect(codes(errors)).toEqual([{ line: 2, code: 'ONE_TARGET', field: 'ligne' }]);
  });

  it('trims headers and values', () => {
    const { rows, errors } = readFinanceCsv('commitments', `ligne ; reference ; date ; montant\n ${id} ; R-1 ; 2025-03-01 ; 1 000 \n`);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        fundingLineId: id,
        system: null,
        externalId: null,
        commitmentReference: null,
        reference: 'R-1',
        date: '2025-03-01',
        amountCents: 100000n,
      },
    ]);
  });

  it('reports a control character (a NUL, a line break inside a quoted cell) as a faulty row, by its column', () => {
    const text = [
      'ligne;reference;date;montant',
      `${id};OK-1;2025-03-01;10`, // line 2: valid
      `${id};R\u00002;2025-03-01;10`, // line 3: NUL in the reference
      `${id};"R-4\nsuite";2025-03-01;10`, // lines 4-5: a line break inside a quoted reference
      `${id};R-6;2025-03-01\u0007;10`, // line 6: BEL in the date
    ].join('\n');
    const { rows, errors } = readFinanceCsv('commitments', text);
    expect(codes(errors)).toEqual([
      { line: 3, code: 'CONTROL_CHARACTER', field: 'reference' },
      { line: 5, code: 'CONTROL_CHARACTER', field: 'reference' },
      { line: 6, code: 'CONTROL_CHARACTER', field: 'date' },
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'caractère de contrôle U+0000 interdit',
      'retour à la ligne interdit : ce champ tient sur une seule ligne',
      'caractère de contrôle U+0007 interdit',
    ]);
    expect(rows.map((r) => r.reference)).toEqual(['OK-1']);

    const header = readFinanceCsv('commitments', `ligne;refe\u0000rence;date;montant\n${id};R;2025-03-01;10\n`);
    expect([header.rows, codes(header.errors)]).toEqual([[], [{ line: 1, code: 'CONTROL_CHARACTER', field: 'colonne 2' }]]);
  });

  // Blank lines are skipped by the parser, yet a row's number is the one a spreadsheet shows.
  it('numbers rows by their line in the file, even after a blank line', () => {
    const { errors } = readFinanceCsv('commitments', `ligne;reference;date;montant\n${id};R-1;2025-03-01;10\n\n${id};R-3;2025-03-01;abc\n`);
    expect(codes(errors)).toEqual([{ line: 4, code: 'INVALID_AMOUNT', field: 'montant' }]);
  });
});
