import { frenchDecimal } from './money';

/**
 * What a spreadsheet (Excel, LibreOffice, Google Sheets) reads as the start of a formula when it opens a
 * CSV, or when someone edits an imported cell: `=`, `+`, `-`, `@`, tab and carriage return (OWASP, « CSV
 * injection »), and their full-width forms, which some versions of Excel fold into the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A number the code itself formatted for a CSV cell ("-1234,56"): written as is, never prefixed. */
export interface FormattedNumber {
  readonly formattedNumber: string;
}

/** Only digits, an optional leading minus and French decimals: nothing a spreadsheet could run. */
const NUMBER_TEXT = /^-?\d+(?:,\d+)?$/;

/**
 * Marks `text` as a number written by the code (an amount as French decimals). It is checked: user text
 * can never slip through this door unneutralised.
 */
export function formattedNumber(text: string): FormattedNumber {
  if (!NUMBER_TEXT.test(text)) throw new Error(`not a formatted number: ${JSON.stringify(text)}`);
  return { formattedNumber: text };
}

/** Cents as a CSV amount cell, "-1234,56" (French decimals, no thousands separator); empty when null. */
export function amountCell(cents: bigint | string | null): FormattedNumber | null {
  return cents === null ? null : formattedNumber(frenchDecimal(cents));
}

/**
 * A civil date ("2025-03-14") as an XLSX date cell: midnight UTC of that day, which exceljs writes as the
 * day's serial number (no time zone shift); empty when null. CSV writers keep the ISO text instead.
 */
export function civilDateCell(date: string | null | undefined): Date | null {
  if (!date) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a civil date: ${JSON.stringify(date)}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * What a CSV or XLSX writer may put in a cell. Strings are text (user text, labels); numbers stay numbers;
 * dates (`civilDateCell`, XLSX only) stay dates.
 */
export type SpreadsheetValue = string | number | Date | FormattedNumber | null | undefined;

/**
 * The one way every CSV and XLSX writer turns a value into a cell. Text that a spreadsheet would take for
 * a formula gets a leading `'` (OWASP's recipe: the spreadsheet shows it as text, the quote visible); the
 * CSV writer then quotes the field as usual. Numbers — JavaScript numbers, and amounts the code formatted
 * (`amountCell`) — are never touched: a negative amount stays a number.
 */
export function spreadsheetCell(value: SpreadsheetValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'object') return value.formattedNumber;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** `spreadsheetCell` over a row. */
export function spreadsheetRow(values: readonly SpreadsheetValue[]): (string | number | Date | null)[] {
  return values.map(spreadsheetCell);
}
