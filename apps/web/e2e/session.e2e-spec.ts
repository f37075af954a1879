import { DEMO_PASSWORD } from '@pilotis/demo-seed';

import { screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

/**
 * An expired session in the middle of typing: the sign-in dialog opens over the page, and once the person
 * has signed in again, what they typed is still there and their action goes through.
 */
describe('web: session expiry', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('asks to sign in again over the page without losing what was being typed, then carries on', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto('/t/243500139/integrations');
    await page.getByLabel('Nom du compte de service').fill('Logiciel comptable saisi avant expiration');
    // The refresh token is revoked (signed out elsewhere), and the access token expires: the API's clock, which
    // issued it and checks its expiry, moves past its life (nothing waits for time to pass).
    await w.t.owner.query(
      `update refresh_tokens set revoked_at = now() where user_id = (select id from users where email = 'admin.rennes@demo.pilotis.fr')`,
    );
    w.t.setNow(new Date(Date.now() + (w.t.config.accessTokenTtlSeconds + 60) * 1000));
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const dialog = page.getByRole('dialog', { name: 'Votre session a expiré' });
    await dialog.waitFor();
    await screenshot(page, '40-session-expiree');
    expect(await page.getByLabel('Nom du compte de service').inputValue()).toBe('Logiciel comptable saisi avant expiration');
    await dialog.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Se reconnecter' }).click();
    // The interrupted creation went through with what had been typed.
    await page.getByRole('row', { name: /Logiciel comptable saisi avant expiration/ }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(
      await w.t.owner.query(`select count(*)::int as n from api_keys where name = 'Logiciel comptable saisi avant expiration'`),
    ).toEqual([{ n: 1 }]);
    await context.close();
  });
});
