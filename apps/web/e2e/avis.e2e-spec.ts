/// <reference lib="dom" />
// (Some callbacks run in the page, where `document` exists.)
import type { Locator } from 'playwright-core';
import request from 'supertest';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const ELLES = 'Parcours « Elles entreprennent » – accompagnement des femmes à la création d’activité';
const GROS_CHENE = 'Résidentialisation et végétalisation des cœurs d’îlots du Gros-Chêne';

/** The text a screen reader gives as a field's description (its hint and error, via aria-describedby). */
const description = (field: Locator): Promise<string> =>
  field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * A funder's representative gives an avis d'instruction from the action's dossier. No demo action of Rennes in
 * instruction is funded by the Région: the chef de projet first puts a deposited one it funds in instruction.
 */
describe('web: giving an avis d’instruction', () => {
  let w: WebTest;
  const ids: Record<string, string> = {};
  const api = () => request(w.t.app.getHttpServer());

  beforeAll(async () => {
    w = await startWebTest();
    for (const title of [ELLES, GROS_CHENE]) {
      const [row] = (await w.t.owner.query(
        'select a.id from actions a join tenants t on t.id = a.tenant_id where t.siren = $1 and a.title = $2',
        [RENNES, title],
      )) as { id: string }[];
      ids[title] = row.id;
    }
    const login = await api()
      .post('/graphql')
      .send({
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email: 'cdp.rennes@demo.pilotis.fr', password: DEMO_PASSWORD } },
      });
    expect(login.body.errors).toBeUndefined();
    const moved = await api()
      .post('/graphql')
      .set('authorization', `Bearer ${login.body.data.login.accessToken as string}`)
      .set('x-tenant', RENNES)
      .send({
        query: 'mutation($input: TransitionActionInput!) { transitionAction(input: $input) { status } }',
        variables: { input: { id: ids[ELLES], to: 'EN_INSTRUCTION', comment: 'Instruction ouverte pour le test des avis.' } },
      });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data.transitionAction.status).toBe('EN_INSTRUCTION');
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('lets the Région’s representative give a reserved avis (the API’s reason next to the comment), then shows it to the chef de projet', async () => {
    const { page, context } = await w.signedIn('financeur.region@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions/${ids[ELLES]}`);
    await page.getByRole('heading', { level: 1, name: ELLES }).waitFor();
    await page.locator('.status-tag', { hasText: 'État : En instruction' }).waitFor();
    const form = page.getByRole('region', { name: 'Donner un avis' });
    await form.waitFor();
    const opinions = form.getByRole('group', { name: "Sens de l'avis" });
    await opinions.waitFor();
    expect(await opinions.getByRole('radio').count()).toBe(3);
    expect(await page.getByText("Aucun avis pour l'instant.").count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '90-avis-formulaire');

    // Reserved without a word: the API refuses, its reason goes next to the comment.
    await opinions.getByRole('radio', { name: 'Réservé' }).check();
    const comment = form.getByLabel('Commentaire (obligatoire)');
    await comment.waitFor();
    expect(await comment.getAttribute('aria-required')).toBe('true');
    await form.getByRole('button', { name: 'Donner mon avis' }).click();
    await form.locator('textarea[aria-invalid="true"]').waitFor();
    expect(await description(comment)).toContain('Un avis réservé ou défavorable doit être motivé.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.locator('li.avis').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '91-avis-commentaire-manquant');

    // With its reasons: saved, confirmed, and listed.
    await comment.fill('Plan de financement à consolider : cofinancement France Travail à confirmer.');
    expect(await comment.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Donner mon avis' }).click();
    const saved = form.getByRole('status').filter({ hasText: 'a été enregistré' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/^Votre avis « Réservé » sur l'action PIL-243500139-\d{4} a été enregistré\.$/);
    const item = page.locator('li.avis').filter({ hasText: 'cofinancement France Travail à confirmer' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/^Réservé — /);
    await form.getByText('Votre avis actuel : « Réservé ». Un nouvel avis le remplace.').waitFor();
    expect(await opinions.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '92-avis-enregistre');
    await context.close();

    // The chef de projet reads it, in the name of the Région.
    const cdp = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await cdp.page.goto(`/t/${RENNES}/actions/${ids[ELLES]}`);
    await cdp.page.getByRole('heading', { level: 1, name: ELLES }).waitFor();
    const listed = cdp.page.locator('li.avis').filter({ hasText: 'cofinancement France Travail à confirmer' });
    await listed.waitFor();
    await listed.filter({ hasText: 'Région Bretagne' }).waitFor();
    expect(await listed.textContent()).toMatch(/^Réservé — Région Bretagne/);
    // The chef de projet may give one too.
    await cdp.page.getByRole('region', { name: 'Donner un avis' }).waitFor();
    await screenshot(cdp.page, '93-avis-vu-par-le-chef-de-projet');
    await cdp.context.close();
  });

  it('offers no form on an action that is not in instruction', async () => {
    const { page, context } = await w.signedIn('financeur.region@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions/${ids[GROS_CHENE]}`);
    await page.getByRole('heading', { level: 1, name: GROS_CHENE }).waitFor();
    await page.locator('.status-tag', { hasText: 'État : Programmée' }).waitFor();
    await page.getByRole('heading', { level: 2, name: "Avis d'instruction" }).waitFor();
    expect(await page.getByRole('region', { name: 'Donner un avis' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Donner mon avis' }).count()).toBe(0);
    await context.close();
  });
});
