import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';

/*
 * Reading figures as a person does: amounts as the screens print them, the lists' CSV exports as a French
 * spreadsheet opens them, and sums of both in cents (bigint), never in floats.
 */

/** "1 672 685 €", "12 500,50 €" (narrow no-break spaces) → cents, without floats. */
export function centsOfEuros(text: string): bigint {
  const s = text.replace(/[\s\u00a0\u202f€]/g, '');
  const [units, decimals = ''] = s.split(',');
  return BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0').slice(0, 2) || '0');
}
/** "264185,00" (the export's French decimals) → cents; an empty cell (nothing decided yet) is 0. */
export function centsOfDecimal(text: string): bigint {
  if (text === '') return 0n;
  const negative = text.startsWith('-');
  const [units, decimals = '00'] = text.replace('-', '').split(',');
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0'));
  return negative ? -cents : cents;
}

export const figure = (page: Page, label: string) =>
  page
    .locator('.figure')
    .filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.figure-value');

/** The list's CSV export as the browser downloads it, parsed as a French spreadsheet reads it. */
export async function exportedRows(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter la liste en CSV' }).click(),
  ]);
  return parse(readFileSync((await download.path()) as string), { bom: true, delimiter: ';', columns: true });
}
export const sum = (rows: Record<string, string>[], column: string): bigint => {
  if (rows.length > 0) expect(Object.keys(rows[0])).toContain(column);
  return rows.reduce((total, r) => total + centsOfDecimal(r[column]), 0n);
};

/**
 * On the contract's actions list, exports every action as CSV; on its dashboard, checks that each figure
 * (actions, demandé, décidé, engagé, payé) is the export's sum, and that the categories of funding add up
 * to the total. Returns the exported rows.
 */
export async function dashboardMatchesExport(
  page: Page,
  siren: string,
  contratId: string,
  title: string,
): Promise<Record<string, string>[]> {
  await page.goto(`/t/${siren}/actions?contrat=${contratId}`);
  await page
    .getByRole('status')
    .filter({ hasText: / sur cette page/ })
    .waitFor();
  const rows = await exportedRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r['Contrat']))).toEqual(new Set([title]));

  await page.goto(`/t/${siren}/contrat?contrat=${contratId}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await figure(page, 'Actions')
    .filter({ hasText: / actions?$/ })
    .waitFor();
  expect(await figure(page, 'Actions').textContent()).toBe(`${rows.length} action${rows.length > 1 ? 's' : ''}`);
  const shown = async (label: string) => centsOfEuros((await figure(page, label).textContent()) ?? '');
  expect(await shown('Demandé')).toBe(sum(rows, 'Demandé (€)'));
  expect(await shown('Décidé')).toBe(sum(rows, 'Décidé (€)'));
  expect(await shown('Engagé')).toBe(sum(rows, 'Engagé (€)'));
  expect(await shown('Payé')).toBe(sum(rows, 'Payé (€)'));
  // The categories add up to the totals: every line is in exactly one.
  const categories = ['Crédits spécifiques (P147)', 'Droit commun', 'Fonds européens', 'Autres financements'];
  expect(categories.reduce((t, c) => t + sum(rows, `${c} — demandé (€)`), 0n)).toBe(sum(rows, 'Demandé (€)'));
  return rows;
}

/**
 * On the délégué du préfet's département page (already open), the line of one contract (its link named
 * `contract`, « title (years) ») equals the export of that contract's actions, cell by cell.
 */
export async function delegueLineMatchesExport(
  page: Page,
  territory: string,
  contract: string,
  rows: Record<string, string>[],
): Promise<void> {
  const line = page.getByRole('row').filter({ has: page.getByRole('link', { name: contract }) });
  await line.waitFor();
  // Intercommunalité, actions, demandé, décidé, engagé, payé, crédits spécifiques, droit commun, bilans en retard.
  const cells = await line.locator('td').allTextContents();
  expect(cells[0]).toBe(territory);
  expect(Number(cells[1])).toBe(rows.length);
  expect(centsOfEuros(cells[2])).toBe(sum(rows, 'Demandé (€)'));
  expect(centsOfEuros(cells[3])).toBe(sum(rows, 'Décidé (€)'));
  expect(centsOfEuros(cells[4])).toBe(sum(rows, 'Engagé (€)'));
  expect(centsOfEuros(cells[5])).toBe(sum(rows, 'Payé (€)'));
  expect(centsOfEuros(cells[6])).toBe(sum(rows, 'Crédits spécifiques (P147) — décidé (€)'));
  expect(centsOfEuros(cells[7])).toBe(sum(rows, 'Droit commun — décidé (€)'));
}
