import { parse } from 'csv-parse/sync';

import { controlCharacterProblem, isCivilDate, MAX_AMOUNT_CENTS } from '@pilotis/shared';

/** What a file holds: commitments or payments. */
export type ImportKind = 'commitments' | 'payments';

/** One data row of a finance file, once its text is read (its line number counts the header as 1). */
export interface ImportRow {
  line: number;
  fundingLineId: string | null;
  system: string | null;
  externalId: string | null;
  commitmentReference: string | null;
  reference: string;
  date: string;
  amountCents: bigint;
}

/** A faulty row (or, line 1, the file itself): where, a stable code, and a French explanation. */
export interface RowError {
  line: number;
  code: string;
  field?: string;
  message: string;
}

export const MAX_IMPORT_ROWS = 100_000;

/**
 * The columns finance software exports, in French, case- and accent-insensitive. A row names its line by
 * `ligne` (the line's id), by `systeme` + `identifiant` (an external identifier), or — payments only —
 * by `engagement` (the commitment's number).
 */
const COLUMNS: Record<string, keyof Omit<ImportRow, 'line' | 'amountCents'> | 'amount'> = {
  ligne: 'fundingLineId',
  systeme: 'system',
  identifiant: 'externalId',
  engagement: 'commitmentReference',
  reference: 'reference',
  date: 'date',
  montant: 'amount',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const normalise = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** "1 234,56", "1234.56", "1234" → cents, exactly (no float ever holds the amount); null if not a positive amount. */
export function parseAmount(text: string): bigint | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const cents = BigInt(match[1]) * 100n + BigInt((match[2] ?? '0').padEnd(2, '0'));
  return cents > 0n && cents <= MAX_AMOUNT_CENTS ? cents : null;
}

/** "2025-03-01" or "01/03/2025" → "2025-03-01"; null if no such day. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : t;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isCivilDate(iso) ? iso : null;
}

/**
 * Reads a finance file (UTF-8, with or without BOM, `;` or `,` separated, one header row) into rows and
 * the format errors of every row. The whole file is read before anything is recorded.
 */
export function readFinanceCsv(kind: ImportKind, text: string): { rows: ImportRow[]; errors: RowError[] } {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  let lineOf: number[];
  try {
    // With `info`, each record carries the line it ends on: blank lines are skipped, yet the numbers
    // reported are those a spreadsheet shows.
    const parsed = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lineOf = parsed.map((p) => p.info.lines);
  } catch (error) {
    return {
      rows: [],
      errors: [
        { line: (error as { lines?: number }).lines ?? 1, code: 'BAD_CSV', message: `fichier CSV illisible : ${(error as Error).message}` },
      ],
    };
  }
  if (records.length < 2) return { rows: [], errors: [{ line: 1, code: 'EMPTY_FILE', message: "le fichier n'a aucune ligne de données" }] };
  if (records.length - 1 > MAX_IMPORT_ROWS)
    return { rows: [], errors: [{ line: 1, code: 'TOO_MANY_ROWS', message: `${MAX_IMPORT_ROWS} lignes au plus par fichier` }] };
  // The API's input rule, cell by cell (every column is single-line): a NUL or a line break inside a
  // quoted cell is a faulty row, reported with the others, never a database error.
  const controlIn = (record: string[], line: number, names: string[]): RowError[] =>
    record.flatMap((cell, i) => {
      const message = controlCharacterProblem(cell, false);
      return message ? [{ line, code: 'CONTROL_CHARACTER', field: names[i] ?? `colonne ${i + 1}`, message }] : [];
    });
  const headerErrors = controlIn(
    records[0],
    lineOf[0],
    records[0].map((_, i) => `colonne ${i + 1}`),
  );
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };
  const header = records[0].map(normalise);
  const unknown = header.filter((h) => !(h in COLUMNS) || (kind === 'commitments' && h === 'engagement'));
  const missing = ['reference', 'date', 'montant'].filter((h) => !header.includes(h));
  const identifies =
    header.includes('ligne') ||
    (header.includes('systeme') && header.includes('identifiant')) ||
    (kind === 'payments' && header.includes('engagement'));
  const fileErrors: RowError[] = [
    ...unknown.map((h) => ({ line: 1, code: 'UNKNOWN_COLUMN', field: h, message: `colonne inconnue « ${h} »` })),
    ...missing.map((h) => ({ line: 1, code: 'MISSING_COLUMN', field: h, message: `colonne « ${h} » manquante` })),
    ...(identifies
      ? []
      : [
          {
            line: 1,
            code: 'MISSING_COLUMN',
            field: 'ligne',
            message:
              kind === 'payments'
                ? 'il faut une colonne « ligne », « engagement » ou « systeme » + « identifiant »'
                : 'il faut une colonne « ligne » ou « systeme » + « identifiant »',
          },
        ]),
  ];
  if (fileErrors.length > 0) return { rows: [], errors: fileErrors };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const at = (record: string[], name: string) => {
    const i = header.indexOf(name);
    const value = i < 0 ? '' : record[i];
    return value === '' ? null : value;
  };
  records.slice(1).forEach((record, i) => {
    const line = lineOf[i + 1];
    const fail = (field: string, code: string, message: string) => errors.push({ line, field, code, message });
    const control = controlIn(record, line, header);
    if (control.length > 0) {
      errors.push(...control);
      return;
    }
    const fundingLineId = at(record, 'ligne');
    const system = at(record, 'systeme');
    const externalId = at(record, 'identifiant');
    const commitmentReference = at(record, 'engagement');
    const reference = at(record, 'reference');
    const date = parseDate(at(record, 'date') ?? '');
    const amountCents = parseAmount(at(record, 'montant') ?? '');
    const targets = [fundingLineId, system ?? externalId, commitmentReference].filter((v) => v !== null).length;
    if (targets !== 1) fail('ligne', 'ONE_TARGET', 'désignez la ligne par un seul moyen : ligne, systeme + identifiant, ou engagement');
    else if (fundingLineId !== null && !UUID.test(fundingLineId)) fail('ligne', 'INVALID_ID', 'identifiant de ligne invalide');
    else if ((system === null) !== (externalId === null)) fail('identifiant', 'INCOMPLETE', 'systeme et identifiant vont ensemble');
    if (reference === null || reference.length > 100) fail('reference', 'INVALID_REFERENCE', 'numéro de 1 à 100 caractères attendu');
    if (date === null) fail('date', 'INVALID_DATE', 'date attendue (AAAA-MM-JJ ou JJ/MM/AAAA)');
    if (amountCents === null) fail('montant', 'INVALID_AMOUNT', 'montant strictement positif attendu (ex. 1234,56)');
    if (errors.length === 0 || errors[errors.length - 1].line !== line) {
      rows.push({
        line,
        fundingLineId: fundingLineId?.toLowerCase() ?? null,
        system,
        externalId,
        commitmentReference,
        reference: reference as string,
        date: date as string,
        amountCents: amountCents as bigint,
      });
    }
  });
  return { rows, errors };
}
