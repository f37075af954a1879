/// <reference lib="dom" />
// (Some callbacks run in the page, where `document` exists.)
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

/** Opens an action's dossier from the list, by a word of its title; its address. */
async function openAction(page: Page, search: string, title: string): Promise<string> {
  await page.goto(`/t/${RENNES}/actions?q=${encodeURIComponent(search)}`);
  await page
    .getByRole('status')
    .filter({ hasText: /^1 action sur cette page/ })
    .waitFor();
  await page.locator('table.actions-table').getByRole('link', { name: title }).click();
  await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname;
}

/** The funding line of the edition form whose (fixed) funder is `funder`. */
const lineOf = (page: Page, funder: string): Locator =>
  page.getByRole('group', { name: /^Ligne \d+$/ }).filter({ has: page.locator('select:disabled option:checked', { hasText: funder }) });

/** The chef de projet edits a draft and its financing plan, moves it through its next steps, and meets the API's refusals. */
describe('web: editing an action and its next steps', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('lets the chef de projet edit a draft’s title and a funding line (the API’s error next to the field), then deposit it and put it in instruction', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const path = await openAction(page, 'ressourcerie', 'Ressourcerie de quartier à Villejean');
    expect(await page.locator('.status-tag').textContent()).toBe('État : Brouillon');
    const steps = page.getByRole('region', { name: 'Étapes suivantes' });
    await steps.waitFor();
    expect(await steps.getByRole('button').allTextContents()).toEqual(['Déposer le dossier', 'Abandonner l’action']);
    expect(await page.locator('table.plan-table tfoot tr').textContent()).toMatch(/^Total105\s000,00\s€/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '70-action-etapes');

    // The form, prefilled.
    await page.getByRole('link', { name: "Modifier l'action" }).click();
    await page.waitForURL(/\/modifier$/);
    await page.getByRole('heading', { level: 1, name: "Modifier l'action" }).waitFor();
    const title = page.getByLabel('Intitulé');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Ressourcerie de quartier à Villejean');
    expect(await page.getByLabel('Budget total (€)').inputValue()).toBe('105 000');
    expect(await page.getByRole('combobox', { name: 'Pilier', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Villejean/ }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: /^Ligne \d+$/ }).count()).toBe(4);
    const region = lineOf(page, 'Région Bretagne');
    const amount = region.getByLabel('Montant demandé (€)');
    expect(await amount.inputValue()).toBe('20 000');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '71-modifier-action');

    // A new title and a zero: the title is saved, the API refuses the amount, next to its field.
    await title.fill('Ressourcerie solidaire de Villejean');
    await amount.fill('0');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '1 champ est à corriger' });
    await summary.waitFor();
    await region.locator('[aria-invalid="true"]').waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await description(amount)).toBe('Le montant doit être strictement positif');
    expect(await summary.textContent()).toMatch(/Ligne \d — Montant demandé : Le montant doit être strictement positif/);
    expect(await summary.textContent()).toContain('Les autres modifications ont été enregistrées.');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(page.url()).toMatch(/\/modifier$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '72-modifier-action-erreur');

    // Corrected: back on the dossier, with the confirmation and the new total.
    await amount.fill('25 000');
    expect(await amount.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1, name: 'Ressourcerie solidaire de Villejean' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'ont été enregistrées' }).textContent()).toMatch(
      /^Les modifications de l'action PIL-243500139-\d{4} ont été enregistrées\.$/,
    );
    const plan = page.locator('table.plan-table');
    expect(await plan.locator('tfoot tr').textContent()).toMatch(/^Total110\s000,00\s€/);
    expect(await plan.locator('tbody tr').filter({ hasText: 'Région Bretagne' }).textContent()).toMatch(/25\s000,00\s€/);
    expect(await page.locator('.figure').filter({ hasText: 'Total demandé' }).textContent()).toMatch(/110\s000,00\s€/);

    // A second session still shows the draft.
    const other = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const stale = other.page;
    await stale.goto(path);
    await stale.getByRole('button', { name: 'Déposer le dossier' }).waitFor();

    // Deposit, with confirmation and a comment.
    await steps.getByRole('button', { name: 'Déposer le dossier' }).click();
    const confirm = steps.getByRole('form');
    await confirm.waitFor();
    expect(await confirm.getByRole('heading').textContent()).toMatch(/passera de l'étape « Brouillon » à « Déposée »/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await confirm.getByLabel('Commentaire (facultatif)').fill('Dossier complet, plan validé avec la Région.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '73-action-confirmer-depot');
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('status').filter({ hasText: "est passée à l'étape « Déposée »" }).waitFor();
    await page.locator('.status-tag', { hasText: 'État : Déposée' }).waitFor();
    await steps.getByRole('button', { name: 'Mettre en instruction' }).waitFor();
    expect(await steps.getByRole('button').allTextContents()).toEqual([
      'Mettre en instruction',
      'Repasser en brouillon',
      'Abandonner l’action',
    ]);
    expect(await page.getByRole('link', { name: "Modifier l'action" }).count()).toBe(1);

    // The stale tab asks for the same step: the API refuses it, in French.
    await stale.getByRole('button', { name: 'Déposer le dossier' }).click();
    await stale.getByRole('button', { name: 'Confirmer' }).click();
    const refusal = stale.getByRole('alert').filter({ hasText: 'Ce changement d’étape est refusé.' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      "Transition impossible : une action « déposée » ne peut pas passer à l'étape « déposée ».",
    );
    // The dossier is read again: its current step and the steps possible from there.
    await stale.locator('.status-tag', { hasText: 'État : Déposée' }).waitFor();
    await stale.getByRole('button', { name: 'Mettre en instruction' }).waitFor();
    // The confirmation closed (the page's other forms, such as adding a piece, stay).
    expect(await stale.getByRole('region', { name: 'Étapes suivantes' }).getByRole('form').count()).toBe(0);
    expect(await accessibilityViolations(stale)).toEqual([]);
    await screenshot(stale, '74-action-transition-refusee');
    await other.context.close();

    // Then into instruction.
    await steps.getByRole('button', { name: 'Mettre en instruction' }).click();
    await steps.getByRole('button', { name: 'Confirmer' }).click();
    await page.locator('.status-tag', { hasText: 'État : En instruction' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'est passée' }).textContent()).toMatch(
      /^L'action PIL-243500139-\d{4} est passée à l'étape « En instruction »\.$/,
    );
    expect(await steps.getByRole('button').allTextContents()).toEqual([
      'Mettre à l’arbitrage',
      'Revenir à l’étape « déposée »',
      'Abandonner l’action',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '75-action-en-instruction');
    await context.close();
  });

  it('shows the API’s refusal when the chef de projet edits an action already programmed', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const title = 'Résidentialisation et végétalisation des cœurs d’îlots du Gros-Chêne';
    const path = await openAction(page, 'Gros-Chêne', title);
    expect(await page.locator('.status-tag').textContent()).toBe('État : Programmée');
    // Not offered on the dossier; the only step by hand is to abandon it.
    expect(await page.getByRole('link', { name: "Modifier l'action" }).count()).toBe(0);
    const steps = page.getByRole('region', { name: 'Étapes suivantes' });
    expect(await steps.getByRole('button').allTextContents()).toEqual(['Abandonner l’action']);

    await page.goto(`${path}/modifier`);
    const field = page.getByLabel('Intitulé');
    await field.waitFor();
    expect(await page.locator('.notice-warn').textContent()).toContain('l’enregistrement risque d’être refusé');
    await field.fill('Résidentialisation du Gros-Chêne (modifiée)');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: "Cette action n'est plus modifiable." });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /L'action PIL-243500139-\d{4} est « programmée » : son dossier est décidé ou soumis à décision, il n'est plus modifiable/,
    );
    expect(await page.getByRole('button', { name: 'Enregistrer les modifications' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '76-modifier-action-programmee');

    await refusal.getByRole('link', { name: /Revenir au dossier/ }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await context.close();
  });

  it('lets the chef de projet add an indicator of the objectives in the form (a French decimal), then shows it on the dossier', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const title = 'Parcours « Elles entreprennent » – accompagnement des femmes à la création d’activité';
    const path = await openAction(page, 'entreprennent', title);
    const dossier = page.getByRole('region', { name: 'Dossier', exact: true });
    expect(await dossier.textContent()).toContain('Aucun indicateur de suivi n’a été fixé.');

    await page.getByRole('link', { name: "Modifier l'action" }).click();
    await page.waitForURL(/\/modifier$/);
    const indicators = page.getByRole('group', { name: 'Indicateurs de suivi' });
    await indicators.waitFor();
    await indicators.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const first = indicators.getByRole('group', { name: 'Indicateur 1' });
    await first.getByLabel('Libellé').fill('Créations d’activité à six mois');
    await first.getByLabel('Cible').fill('62,5');
    await first.getByLabel('Unité').fill('%');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '77-modifier-action-indicateur');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();

    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('status').filter({ hasText: 'ont été enregistrées' }).waitFor();
    const list = page.getByRole('list', { name: 'Indicateurs de suivi' });
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['Créations d’activité à six mois : 62,5 %']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
