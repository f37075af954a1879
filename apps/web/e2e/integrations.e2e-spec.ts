import request from 'supertest';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

/** The tenant admin's integrations screen: API keys shown once, revoked at once; webhook address policy. */
describe('web: integrations (tenant admin)', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  const readWithKey = (token: string) =>
    request(w.t.app.getHttpServer())
      .post('/graphql')
      .set('x-api-key', token)
      .send({ query: '{ actions(first: 1) { nodes { reference } } }' });

  it('creates an API key shown once that works at once, and revokes it at once', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Rennes Métropole' }).click();
    await page.getByRole('link', { name: 'Intégrations' }).click();
    await page.getByRole('heading', { name: "Clés d'API" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Nom du compte de service').fill('Comptabilité du Département');
    await page.getByRole('checkbox', { name: 'Engagements et paiements' }).check();
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const token = (await page.locator('code.secret').textContent()) ?? '';
    expect(token).toMatch(/^pil_[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole('row', { name: /Comptabilité du Département/ });
    await row.getByRole('cell', { name: 'Active' }).waitFor();
    await expect(row.textContent()).resolves.toMatch(/Engagements et paiements, Lecture/);
    await screenshot(page, '30-integrations');
    expect((await readWithKey(token)).body.data.actions.nodes).toHaveLength(1);
    // Once noted, the token is gone from the page for good.
    await page.getByRole('button', { name: "C'est noté" }).click();
    expect(await page.locator('code.secret').count()).toBe(0);
    await row.getByRole('button', { name: /Révoquer/ }).click();
    await row.getByRole('cell', { name: /Révoquée le/ }).waitFor();
    expect((await readWithKey(token)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await context.close();
  });

  it('refuses a webhook to a private address with the API’s French reason', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto('/t/243500139/integrations');
    await page.getByLabel('URL de réception').fill('https://10.0.0.5/pilotis');
    await page.getByRole('button', { name: "S'abonner" }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Adresse refusée/);
    expect(await w.t.owner.query('select count(*)::int as n from webhook_subscriptions')).toEqual([{ n: 0 }]);
    await context.close();
  });

  it('is not offered to a chef de projet, and the API refuses it anyway', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.getByRole('link', { name: 'Rennes Métropole' }).click();
    expect(await page.getByRole('link', { name: 'Intégrations' }).count()).toBe(0);
    await page.goto('/t/243500139/integrations');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/pas accès/);
    await context.close();
  });
});
