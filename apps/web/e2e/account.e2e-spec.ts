/// <reference lib="dom" />
// (Some callbacks run in the page, where `window` and `document` exist.)
import type { BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import type { TestSmtp } from '@pilotis/test-support';
import { WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, mailedToken, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const NEW_PASSWORD = 'un tout nouveau mot de passe';

/** « Mot de passe oublié », « Mon compte » (change of password, sign-out everywhere) and the session cookie. */
describe('web: account (password reset, my account, session cookie)', () => {
  let w: WebTest;
  let smtp: TestSmtp;
  let contexts: BrowserContext[];
  let mail: MailWebTest | undefined;
  beforeAll(async () => {
    mail = await startMailWebTest();
    ({ w, smtp, contexts } = mail);
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await mail?.close();
  });

  /** A fresh browser context, signed out: another browser. */
  const freshPage = async () => {
    const context = await w.browser.newContext({
      baseURL: w.base,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(WAIT_CEILING_MS);
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (page: Page, email: string, password: string) => {
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  };

  it('« mot de passe oublié »: the e-mailed link sets a new password, which signs in; the old one is refused', async () => {
    const email = 'cdp.rennes@demo.pilotis.fr';
    const page = await freshPage();
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page
      .getByRole('status')
      .getByText('Si un compte correspond à cette adresse, un lien vient de lui être envoyé. Il est valable une heure.')
      .waitFor();
    await screenshot(page, '70-mot-de-passe-oublie');

    const [mail] = (await smtp.waitFor(1)).filter((m) => m.envelope.to.includes(email));
    const token = mailedToken(mail.text, '/nouveau-mot-de-passe');
    expect(token).toBeDefined();

    await page.goto(`${w.base}/nouveau-mot-de-passe#jeton=${token}`);
    await page.getByRole('heading', { name: 'Nouveau mot de passe' }).waitFor();
    // The token does not linger in the address bar (nor in the history entry).
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(page.url()).toBe(`${w.base}/nouveau-mot-de-passe`);
    // Too short, then not the same twice: French messages next to the fields.
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('autre chose');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByText('Mot de passe trop court : 12 caractères au moins.').waitFor();
    await page.getByText('Les deux mots de passe ne sont pas identiques').waitFor();
    await screenshot(page, '71-nouveau-mot-de-passe-erreurs');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByRole('status').getByText('Mot de passe changé : connectez-vous.').waitFor();

    // The old password is refused, the new one signs in.
    await signIn(page, email, DEMO_PASSWORD);
    await page.getByRole('alert').waitFor();
    await signIn(page, email, NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();

    // The link served once: opened again, it says so and offers to ask for a new one.
    const other = await freshPage();
    await other.goto(`${w.base}/nouveau-mot-de-passe#jeton=${token}`);
    await other.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore un autre mot de passe');
    await other.getByLabel('Confirmation du nouveau mot de passe').fill('encore un autre mot de passe');
    await other.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await other.getByRole('alert').getByText('Ce lien a expiré ou a déjà servi').waitFor();
    await other.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await other.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
  });

  it('« Mon compte »: signing out everywhere ends the other browser’s session; a change of password keeps this one', async () => {
    const email = 'admin.rennes@demo.pilotis.fr';
    const a = await w.signedIn(email);
    const b = await w.signedIn(email);
    contexts.push(a.context, b.context);

    await a.page.getByRole('link', { name: 'Mon compte' }).click();
    await a.page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    expect(await accessibilityViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Se déconnecter partout' }).click();
    await screenshot(a.page, '72-mon-compte-deconnecter-partout');
    await a.page.getByRole('button', { name: 'Confirmer la déconnexion partout' }).click();
    await a.page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await a.page.getByRole('status').getByText('Vous êtes déconnecté de toutes vos sessions').waitFor();

    // The other browser: its refresh is refused, and it lands on the sign-in page.
    const refused = b.page.waitForResponse((r) => r.url().endsWith('/auth/refresh'));
    await b.page.reload();
    expect((await refused).status()).toBe(401);
    await b.page.getByRole('heading', { name: 'Connexion' }).waitFor();

    // Signed in again: a wrong current password is shown next to its field, then the change goes through
    // and this browser stays signed in (also after a reload).
    await signIn(a.page, email, DEMO_PASSWORD);
    await a.page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
    await a.page.getByRole('link', { name: 'Mon compte' }).click();
    await a.page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    await a.page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await a.page.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PASSWORD);
    await a.page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await a.page.getByText('Mot de passe actuel incorrect.').waitFor();
    expect(await a.page.getByLabel('Mot de passe actuel').getAttribute('aria-invalid')).toBe('true');
    await a.page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await a.page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await a.page.getByRole('status').getByText('Mot de passe changé ; vos autres sessions sont fermées.').waitFor();
    await screenshot(a.page, '73-mon-compte-mot-de-passe-change');
    expect(await accessibilityViolations(a.page)).toEqual([]);
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  });

  it('the refresh token is out of reach of scripts: an HttpOnly cookie restores the session on reload', async () => {
    const { page, context } = await w.signedIn('auditeur@demo.pilotis.fr');
    contexts.push(context);
    const cookie = (await context.cookies()).find((c) => c.name === 'pilotis_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('pilotis_refresh');
    const stored = await page.evaluate(() =>
      [sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`)),
    );
    expect(stored.filter((entry) => /refresh|token|session|pilotis/i.test(entry) || entry.includes(cookie?.value ?? '!'))).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();

    // Signing out clears the cookie: a reload stays signed out.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect((await context.cookies()).some((c) => c.name === 'pilotis_refresh')).toBe(false);
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  });
});
