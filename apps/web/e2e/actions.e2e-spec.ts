/// <reference lib="dom" />
// (Some callbacks run in the page, where `document` exists.)
import { readFileSync } from 'node:fs';

import type { Locator, Page } from 'playwright-core';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';

/** The text a screen reader gives as a field's description (its hint and error, via aria-describedby). */
const description = (field: Locator): Promise<string> =>
  field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

const actionsTable = (page: Page) => page.locator('table.actions-table');
/** The titles of the listed actions, once the list says how many it shows. */
async function listedTitles(page: Page, count: number): Promise<string[]> {
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^${count} actions? sur cette page`) })
    .waitFor();
  return actionsTable(page).locator('tbody th[scope="row"]').allTextContents();
}

/** The chef de projet's actions: list, filters, columns, pages, CSV, dossier and creation; a funder's view. */
describe('web: actions', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('lets the chef de projet filter the list (kept in the address), choose columns, page, export it and open an action', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions`);
    await page.getByRole('heading', { name: 'Actions', exact: true }).waitFor();
    const all = await listedTitles(page, 12);
    expect(all).toHaveLength(12);
    expect(all).toContain('Ressourcerie de quartier à Villejean');
    expect(await actionsTable(page).locator('thead th').allTextContents()).toEqual([
      'Référence',
      'Intitulé',
      'Porteur',
      'Pilier',
      'État',
      'Demandé',
      'Décidé',
      'QPV',
    ]);
    expect(await page.getByRole('link', { name: 'Nouvelle action' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '10-actions-liste');

    // A status, as the contract dashboard links to it.
    await page.getByRole('combobox', { name: 'État', exact: true }).selectOption('A_ARBITRER');
    await page.waitForURL(/etat=A_ARBITRER/);
    expect(await listedTitles(page, 1)).toEqual(['Coopérative Jeunesse de Services de Villejean – été 2026']);
    expect(await actionsTable(page).locator('tbody td').allTextContents()).toContain('À arbitrer');

    // Filters read from the address: pillar and exercise year together.
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await listedTitles(page, 12);
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Jeunesse' });
    await page.waitForURL(/pilier=/);
    expect((await listedTitles(page, 2)).sort()).toEqual([
      'Coopérative Jeunesse de Services de Maurepas – été 2025',
      'Coopérative Jeunesse de Services de Villejean – été 2026',
    ]);
    await page.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2025');
    expect(await listedTitles(page, 1)).toEqual(['Coopérative Jeunesse de Services de Maurepas – été 2025']);
    const shared = page.url();
    await page.goto(shared);
    expect(await listedTitles(page, 1)).toEqual(['Coopérative Jeunesse de Services de Maurepas – été 2025']);
    expect(await page.getByRole('combobox', { name: 'Exercice', exact: true }).inputValue()).toBe('2025');

    // Funder, QPV and text.
    await page.goto(`/t/${RENNES}/actions`);
    await listedTitles(page, 12);
    await page.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption({ label: 'Région Bretagne' });
    expect(await listedTitles(page, 6)).toHaveLength(6);
    await page.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Quartier (QPV)', exact: true }).selectOption({ label: 'Le Blosne (QN03501M)' });
    expect(await listedTitles(page, 5)).toHaveLength(5);
    await page.getByRole('combobox', { name: 'Quartier (QPV)', exact: true }).selectOption('');
    await page.getByLabel('Intitulé ou référence').fill('ressourcerie');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=ressourcerie/);
    expect(await listedTitles(page, 1)).toEqual(['Ressourcerie de quartier à Villejean']);

    // Columns: without the porteur, with the funders and the objective; the choice is kept.
    await page.goto(`/t/${RENNES}/actions`);
    await listedTitles(page, 12);
    await page.getByText('Colonnes affichées').click();
    await page.getByRole('checkbox', { name: 'Porteur' }).uncheck();
    await page.getByRole('checkbox', { name: 'Financeurs' }).check();
    await page.getByRole('checkbox', { name: 'Objectif' }).check();
    const chosen = ['Référence', 'Intitulé', 'Pilier', 'Objectif', 'État', 'Demandé', 'Décidé', 'QPV', 'Financeurs'];
    expect(await actionsTable(page).locator('thead th').allTextContents()).toEqual(chosen);
    expect(await page.getByRole('checkbox', { name: /Intitulé/ }).isDisabled()).toBe(true);
    await page.reload();
    await listedTitles(page, 12);
    expect(await actionsTable(page).locator('thead th').allTextContents()).toEqual(chosen);
    const ressourcerie = actionsTable(page).locator('tbody tr').filter({ hasText: 'Ressourcerie de quartier à Villejean' });
    expect(await ressourcerie.locator('td').allTextContents()).toContain(
      "France Travail Bretagne, Préfecture d'Ille-et-Vilaine (État), Région Bretagne, Rennes Métropole",
    );

    // Pages of 10: the next page holds the rest, and the first page comes back.
    await page.getByLabel('Actions par page').selectOption('10');
    const first = await listedTitles(page, 10);
    expect(await page.getByRole('status').filter({ hasText: 'd’autres suivent' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.getByRole('heading', { name: 'Résultats — page 2' }).waitFor();
    const second = await listedTitles(page, 2);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    expect([...first, ...second].sort()).toEqual([...all].sort());
    expect(await page.getByRole('button', { name: 'Page suivante' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Page précédente' }).click();
    expect(await listedTitles(page, 10)).toEqual(first);

    // The export is the API's, of every action the filters match: BOM, `;`, French decimals, named after the territory.
    await page.goto(`/t/${RENNES}/actions?etat=EN_COURS`);
    expect(await listedTitles(page, 1)).toEqual(["L'Autre Boutique – boutique et traiteur solidaires des producteurs locaux"]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la liste en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('actions-rennes-metropole.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^Référence;Intitulé;Contrat;Pilier;Objectif;Porteur;SIRET porteur;État;QPV;Début;Fin;Budget total \(€\);Demandé \(€\);/,
    );
    expect(lines[0]).toContain(';Région Bretagne — engagé (€);');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`PIL-${RENNES}-0004;L'Autre Boutique – boutique et traiteur solidaires des producteurs locaux;`);
    expect(lines[1]).toContain(';Développement économique et emploi;');
    expect(lines[1]).toContain(';en cours;Le Blosne (QN03501M);');
    // Requested, decided, committed and paid: the advance of half of it paid.
    expect(lines[1]).toContain(';264185,00;264185,00;264185,00;132092,50;');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la liste en XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('actions-rennes-metropole.xlsx');

    // The dossier: its facts and its financing plan with totals.
    await actionsTable(page)
      .getByRole('link', { name: /L'Autre Boutique/ })
      .click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /L'Autre Boutique – boutique/ }).waitFor();
    expect(await page.locator('.reference').textContent()).toBe(`PIL-${RENNES}-0004`);
    expect(await page.locator('.status-tag').textContent()).toBe('État : En cours');
    const plan = page.locator('table.plan-table');
    expect(await plan.locator('tbody tr').count()).toBe(7);
    const total = (await plan.locator('tfoot tr').textContent()) ?? '';
    // Requested and decided 264 185 €; the advance of half of it paid, the other half left to pay.
    expect(total).toMatch(/^Total264\s185,00\s€264\s185,00\s€264\s185,00\s€132\s092,50\s€132\s092,50\s€$/);
    // Whoever reads the action reads its history (served by Action.history, with the reader's rules).
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '11-action-fiche');
    // The workbook of the action's contract is asked for from the dossier (the worker then makes it).
    await page.getByRole('button', { name: 'Classeur de programmation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Classeur de programmation \d{4} demandé/ })
      .waitFor();
    await context.close();
  });

  it('lets the chef de projet create an action with a two-line financing plan, the API’s errors shown next to their fields', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions`);
    await page.getByRole('link', { name: 'Nouvelle action' }).click();
    await page.getByRole('heading', { name: 'Nouvelle action' }).waitFor();
    const line1 = page.getByRole('group', { name: 'Ligne 1' });
    await line1.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Everything but the title, and a zero on the second line.
    await page.getByLabel('Description').fill('Permanences hebdomadaires pour aider aux courriers administratifs.');
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Cohésion sociale' });
    await page
      .getByRole('combobox', { name: 'Objectif (facultatif)', exact: true })
      .selectOption({ label: '1.2 Accès aux droits, à la santé et au numérique' });
    await page
      .getByRole('combobox', { name: 'Porteur', exact: true })
      .selectOption({ label: 'Réso solidaire – pôle ESS du Pays de Rennes' });
    await page.getByLabel('Date de début').fill('2026-09-01');
    await page.getByLabel('Date de fin').fill('2027-06-30');
    await page.getByLabel('Budget total (€)').fill('30 000');
    await page.getByRole('checkbox', { name: /Le Blosne/ }).check();
    await page.getByRole('checkbox', { name: /Villejean/ }).check();
    await line1.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption({ label: "Préfecture d'Ille-et-Vilaine (État)" });
    await line1.getByRole('combobox', { name: 'Nature', exact: true }).selectOption('CREDITS_SPECIFIQUES_P147');
    await line1.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2026');
    await line1.getByLabel('Montant demandé (€)').fill('12 500,50');
    await page.getByRole('button', { name: 'Ajouter une ligne de financement' }).click();
    const line2 = page.getByRole('group', { name: 'Ligne 2' });
    await line2.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption({ label: 'Ville de Rennes' });
    await line2.getByRole('combobox', { name: 'Exercice', exact: true }).selectOption('2027');
    await line2.getByLabel('Montant demandé (€)').fill('0');
    expect(await page.getByText('Total demandé :').textContent()).toMatch(
      /Total demandé : 12\s500,50\s€ · budget : 30\s000,00\s€ · reste à financer : 17\s499,50\s€/,
    );
    await page.getByRole('button', { name: 'Créer l’action' }).click();

    const summary = page.getByRole('alert');
    await summary.filter({ hasText: '2 champs sont à corriger' }).waitFor();
    const title = page.getByLabel('Intitulé');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await description(title)).toBe("L'intitulé est obligatoire");
    const amount2 = line2.getByLabel('Montant demandé (€)');
    expect(await amount2.getAttribute('aria-invalid')).toBe('true');
    expect(await description(amount2)).toBe('Le montant doit être strictement positif');
    expect(await line1.getByLabel('Montant demandé (€)').getAttribute('aria-invalid')).toBeNull();
    expect(await summary.textContent()).toContain('Ligne 2 — Montant demandé : Le montant doit être strictement positif');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(page.url()).toMatch(/\/actions\/nouvelle$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '12-nouvelle-action-erreurs');

    // Corrected: the title, and 7 499,50 € typed the other way.
    await title.fill('Écrivains publics au Blosne et à Villejean');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    await amount2.fill('7499.5');
    await page.getByRole('button', { name: 'Créer l’action' }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Écrivains publics au Blosne et à Villejean' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'a été créée' }).textContent()).toBe(
      `L'action PIL-${RENNES}-0013 a été créée au statut brouillon.`,
    );
    expect(await page.locator('.status-tag').textContent()).toBe('État : Brouillon');
    const plan = page.locator('table.plan-table');
    const rows = await plan.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^Préfecture d'Ille-et-Vilaine \(État\)Crédits spécifiques \(P147\)202612\s500,50\s€non décidé/);
    expect(rows[1]).toMatch(/^Ville de RennesDroit commun20277\s499,50\s€non décidé/);
    expect(await plan.locator('tfoot tr').textContent()).toMatch(/^Total20\s000,00\s€—0,00\s€0,00\s€—$/);
    expect(await page.locator('.figure').filter({ hasText: 'Reste à financer' }).textContent()).toMatch(/10\s000,00\s€/);
    expect(await page.locator('.facts').textContent()).toContain('Réso solidaire – pôle ESS du Pays de Rennes');
    expect(await page.locator('.facts').textContent()).toContain('1.2 Accès aux droits, à la santé et au numérique');
    expect(await page.locator('.facts').textContent()).toContain('Du 1er septembre 2026 au 30 juin 2027');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '13-action-creee');

    // It is in the list, and its history is there for the auditor.
    await page.getByRole('link', { name: '← Toutes les actions' }).click();
    expect(await listedTitles(page, 13)).toContain('Écrivains publics au Blosne et à Villejean');
    await context.close();

    const auditor = await w.signedIn('auditeur@demo.pilotis.fr');
    await auditor.page.goto(`/t/${RENNES}/actions?q=${encodeURIComponent('PIL-243500139-0013')}`);
    await listedTitles(auditor.page, 1);
    await actionsTable(auditor.page).getByRole('link').click();
    await auditor.page.getByRole('heading', { name: 'Historique' }).waitFor();
    const history = auditor.page.getByRole('region', { name: 'Historique' });
    await history.getByRole('article', { name: /^Action créée, / }).waitFor();
    expect(await history.getByRole('article').count()).toBe(1);
    expect(await auditor.page.getByRole('link', { name: 'Nouvelle action' }).count()).toBe(0);
    await auditor.context.close();
  });

  it('shows a funder’s representative only the actions its organisation funds, and the API’s refusal of a creation', async () => {
    const { page, context } = await w.signedIn('financeur.region@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions`);
    const titles = await listedTitles(page, 6);
    expect(titles.sort()).toEqual(
      [
        'Coopérative Jeunesse de Services de Villejean – été 2026',
        "L'Autre Boutique – boutique et traiteur solidaires des producteurs locaux",
        'Parcours « Elles entreprennent » – accompagnement des femmes à la création d’activité',
        'Résidentialisation et végétalisation des cœurs d’îlots du Gros-Chêne',
        'Ressourcerie de quartier à Villejean',
        'Forum des initiatives habitantes et de l’ESS',
      ].sort(),
    );
    expect(await page.getByRole('link', { name: 'Nouvelle action' }).count()).toBe(0);
    // The export is offered too: the same six actions, the Région's own ledger only (the API's rule).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la liste en CSV' }).click(),
    ]);
    const exported = readFileSync((await download.path()) as string, 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    expect(exported).toHaveLength(1 + titles.length);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '14-actions-financeur');

    await actionsTable(page).getByRole('link', { name: 'Ressourcerie de quartier à Villejean' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ressourcerie de quartier à Villejean' }).waitFor();
    expect(await page.getByRole('button', { name: 'Classeur de programmation' }).count()).toBe(0);
    const plan = page.locator('table.plan-table');
    expect(await plan.locator('tbody th').allTextContents()).toEqual([
      'France Travail Bretagne',
      "Préfecture d'Ille-et-Vilaine (État)",
      'Région Bretagne',
      'Rennes Métropole',
    ]);
    expect(await plan.locator('tfoot tr').textContent()).toMatch(/^Total105\s000,00\s€/);

    // The form is not offered, and the API refuses it anyway: its message is shown.
    await page.goto(`/t/${RENNES}/actions/nouvelle`);
    await page.getByText('ne permet pas, en principe, de créer une action').waitFor();
    await page.getByLabel('Intitulé').fill('Action que la Région ne peut pas créer');
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Cohésion sociale' });
    await page.getByRole('combobox', { name: 'Porteur', exact: true }).selectOption({ label: "L'Autre Boutique" });
    await page.getByLabel('Date de début').fill('2026-01-01');
    await page.getByLabel('Date de fin').fill('2026-12-31');
    await page.getByLabel('Budget total (€)').fill('1000');
    await page.getByRole('button', { name: 'Retirer la ligne 1' }).click();
    await page.getByRole('button', { name: 'Créer l’action' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/pas le droit/);
    expect(page.url()).toMatch(/\/actions\/nouvelle$/);
    await context.close();
  });
});
