import { WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

/** Sign-in, territories, the délégué du préfet's département and a contract, in a real Chromium. */
describe('web: signing in and reading the dashboards', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('refuses a wrong password with a French message, then lists my territories, accessibly', async () => {
    const context = await w.browser.newContext({ baseURL: w.base, locale: 'fr-FR' });
    context.setDefaultTimeout(WAIT_CEILING_MS);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/connexion');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '01-connexion');
    await page.getByLabel('Adresse e-mail').fill('cdp.rennes@demo.pilotis.fr');
    await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/mot de passe|identifiants/i);
    await context.close();

    const { page: signed, context: c2 } = await w.signedIn('financeur.bdt@demo.pilotis.fr');
    const names = await signed.locator('.cards .card a').allTextContents();
    expect(names.sort()).toEqual(['Grenoble-Alpes-Métropole', 'Rennes Métropole']);
    expect(await accessibilityViolations(signed)).toEqual([]);
    await screenshot(signed, '02-mes-territoires');
    await c2.close();
  });

  it('gives the délégué du préfet the département dashboard: one line per contract of the EPCIs it belongs to, totals, charts, drill-down', async () => {
    const { page, context } = await w.signedIn('delegue.35@demo.pilotis.fr');
    await page.getByRole('link', { name: 'Département 35' }).first().click();
    await page.getByRole('heading', { name: 'Département 35' }).waitFor();
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Intercommunalité' }) });
    await table.waitFor();
    const rows = await table.locator('tbody tr th').allTextContents();
    expect(rows).toEqual(['Contrat de ville – Engagements Quartiers 2030 de Rennes Métropole (2024–2030)']);
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toEqual(['Rennes Métropole']);
    // Amounts in euros, the French way (non-breaking spaces, comma, €).
    const total = await table.locator('tfoot tr').textContent();
    expect(total).toMatch(/Total.*\d[\d\u202f\u00a0]*,\d{2}\s?€/);
    await page.getByRole('heading', { name: 'Par pilier' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '03-departement-35');
    // Drill-down into that contract.
    await table.getByRole('link', { name: /Engagements Quartiers 2030 de Rennes Métropole/ }).click();
    await page.waitForURL(/\/t\/243500139\/contrat\?contrat=[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Par quartier prioritaire' }).waitFor();
    expect(await page.getByText('Demandé').first().isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '04-contrat-rennes');
    await context.close();
  });

  it('keeps a user of one tenant out of another tenant’s pages', async () => {
    const { page, context } = await w.signedIn('cdp.plaine@demo.pilotis.fr');
    await page.goto('/t/243500139/contrat');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/pas accès/);
    expect(await page.getByText('Rennes Métropole').count()).toBe(0);
    await page.goto('/departement/35');
    await page.getByText(/membre d'aucun territoire de ce département/).waitFor();
    await screenshot(page, '05-autre-territoire-refuse');
    await context.close();
  });
});
