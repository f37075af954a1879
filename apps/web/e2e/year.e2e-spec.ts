import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';

import { addAction, insertRow } from '@pilotis/test-support';

import { SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const EQ2030 = 'Contrat de ville – Engagements Quartiers 2030 de Rennes Métropole';
const OLD = 'Contrat de ville 2015–2023 de Rennes Métropole';

/** "1 672 685 €", "12 500,50 €" (narrow no-break spaces) → cents, without floats. */
function centsOfEuros(text: string): bigint {
  const s = text.replace(/[\s\u00a0\u202f€]/g, '');
  const [units, decimals = ''] = s.split(',');
  return BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0').slice(0, 2) || '0');
}
/** "264185,00" (the export's French decimals) → cents; an empty cell (nothing decided yet) is 0. */
function centsOfDecimal(text: string): bigint {
  if (text === '') return 0n;
  const negative = text.startsWith('-');
  const [units, decimals = '00'] = text.replace('-', '').split(',');
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0'));
  return negative ? -cents : cents;
}

const figure = (page: Page, label: string) =>
  page
    .locator('.figure')
    .filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.figure-value');

/** The list's CSV export as the browser downloads it, parsed as a French spreadsheet reads it. */
async function exportedRows(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter la liste en CSV' }).click(),
  ]);
  return parse(readFileSync((await download.path()) as string), { bom: true, delimiter: ';', columns: true });
}
const sum = (rows: Record<string, string>[], column: string): bigint => {
  if (rows.length > 0) expect(Object.keys(rows[0])).toContain(column);
  return rows.reduce((total, r) => total + centsOfDecimal(r[column]), 0n);
};

/**
 * The chef de projet's year seen from its figures, on the demo of Rennes Métropole with a second contract
 * (the closed 2015–2023 one, with a dossier funded by the État's crédits spécifiques, a bailleur's droit commun
 * and a foundation's « autre » line): whatever contract is chosen, its dashboard counts exactly what the export
 * of its actions sums, category by category as the délégué du préfet's line shows them.
 */
describe('web: the year of a territory with two contracts, its dashboards and its exports', () => {
  let w: WebTest;
  let eq2030Id: string;
  let oldId: string;

  beforeAll(async () => {
    w = await startWebTest();
    const owner = w.t.owner;
    const [{ id: tenantId }] = (await owner.query('select id from tenants where siren = $1', [RENNES])) as { id: string }[];
    const org = async (name: string): Promise<string> =>
      ((await owner.query('select id from organisations where tenant_id = $1 and name = $2', [tenantId, name])) as { id: string }[])[0].id;
    [{ id: eq2030Id }] = (await owner.query('select id from contrats where tenant_id = $1 and title = $2', [tenantId, EQ2030])) as {
      id: string;
    }[];

    oldId = await insertRow(owner, 'contrats', { tenant_id: tenantId, title: OLD, start_year: 2015, end_year: 2023, status: 'CLOS' });
    const oldPillar = await insertRow(owner, 'pillars', {
      tenant_id: tenantId,
      contrat_id: oldId,
      kind: 'PILIER',
      title: 'Cadre de vie et renouvellement urbain',
      position: 1,
    });
    const [{ id: qpv }] = (await owner.query('select id from qpvs where tenant_id = $1 and code = $2', [tenantId, 'QN03501M'])) as {
      id: string;
    }[];
    await owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [tenantId, oldId, qpv]);
    const bailleur = await org('Archipel Habitat');
    const fondation = await insertRow(owner, 'organisations', { tenant_id: tenantId, name: 'Fondation de France', kind: 'FONDATION' });
    const { actionId } = await addAction(
      owner,
      tenantId,
      RENNES,
      { contratId: oldId, pillarId: oldPillar },
      await org('Réso solidaire – pôle ESS du Pays de Rennes'),
      'SOLDEE',
      [
        {
          funderId: await org("Préfecture d'Ille-et-Vilaine (État)"),
          requestedCents: 2_500_000n,
          decidedCents: 2_500_000n,
          kind: 'CREDITS_SPECIFIQUES_P147',
        },
        { funderId: bailleur, requestedCents: 1_800_000n, decidedCents: 1_500_000n, kind: 'DROIT_COMMUN' },
        { funderId: fondation, requestedCents: 1_400_000n, decidedCents: 1_400_000n, kind: 'AUTRE' },
      ],
      'Gestion urbaine de proximité du Blosne – 2021',
    );
    await owner.query("update actions set start_date = '2021-01-01', end_date = '2021-12-31' where id = $1", [actionId]);
    await owner.query('update funding_lines set exercise_year = 2021 where action_id = $1', [actionId]);
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('counts on each contract’s dashboard what the export of that contract’s actions sums, and gives the délégué the same line', async () => {
    const chef = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const page = chef.page;
    const exports = new Map<string, Record<string, string>[]>();
    for (const [id, title] of [
      [eq2030Id, EQ2030],
      [oldId, OLD],
    ]) {
      await page.goto(`/t/${RENNES}/actions?contrat=${id}`);
      await page
        .getByRole('status')
        .filter({ hasText: / sur cette page/ })
        .waitFor();
      const rows = await exportedRows(page);
      exports.set(id, rows);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r['Contrat']))).toEqual(new Set([title]));

      await page.goto(`/t/${RENNES}/contrat?contrat=${id}`);
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
    }
    // The old contract's foundation line is « autre », not droit commun: 15 000 € of droit commun, 14 000 € of others.
    const old = exports.get(oldId) ?? [];
    expect(sum(old, 'Droit commun — décidé (€)')).toBe(1_500_000n);
    expect(sum(old, 'Autres financements — décidé (€)')).toBe(1_400_000n);
    await chef.context.close();

    // The délégué du préfet: one line per contract, each equal to that contract's export.
    const delegue = await w.signedIn('delegue.35@demo.pilotis.fr');
    await delegue.page.goto('/departement/35');
    for (const [id, title, years] of [
      [eq2030Id, EQ2030, '2024–2030'],
      [oldId, OLD, '2015–2023'],
    ]) {
      const rows = exports.get(id) ?? [];
      const line = delegue.page.getByRole('row').filter({ has: delegue.page.getByRole('link', { name: `${title} (${years})` }) });
      await line.waitFor();
      // Intercommunalité, actions, demandé, décidé, engagé, payé, crédits spécifiques, droit commun, bilans en retard.
      const cells = await line.locator('td').allTextContents();
      expect(cells[0]).toBe('Rennes Métropole');
      expect(Number(cells[1])).toBe(rows.length);
      expect(centsOfEuros(cells[2])).toBe(sum(rows, 'Demandé (€)'));
      expect(centsOfEuros(cells[3])).toBe(sum(rows, 'Décidé (€)'));
      expect(centsOfEuros(cells[4])).toBe(sum(rows, 'Engagé (€)'));
      expect(centsOfEuros(cells[5])).toBe(sum(rows, 'Payé (€)'));
      expect(centsOfEuros(cells[6])).toBe(sum(rows, 'Crédits spécifiques (P147) — décidé (€)'));
      expect(centsOfEuros(cells[7])).toBe(sum(rows, 'Droit commun — décidé (€)'));
    }
    await delegue.context.close();
  });
});
