import { formattedNumber, spreadsheetCell } from '@pilotis/shared/spreadsheet';

/**
 * One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused by the
 * server's own rule (`spreadsheetCell`), amounts stay numbers.
 */
function csvCell(value: string, numeric: boolean): string {
  const safe = String(spreadsheetCell(numeric && value !== '' ? formattedNumber(value) : value) ?? '');
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file as French spreadsheets open it: UTF-8 with a BOM, `;` between cells, CRLF between lines. */
export function toCsv(header: string[], rows: { text: string; numeric?: boolean }[][]): string {
  const lines = [header.map((h) => csvCell(h, false)), ...rows.map((r) => r.map((c) => csvCell(c.text, !!c.numeric)))];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

/** Saves text as a file, in the browser. */
export function saveText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Rennes Métropole" → "rennes-metropole", for file names. */
export const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'territoire';
