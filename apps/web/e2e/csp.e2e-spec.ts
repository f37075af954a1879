import type { BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { WAIT_CEILING_MS } from '@pilotis/test-support';

import { SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';

/**
 * The built web app runs under the API's strict Content-Security-Policy (no inline script or style, own
 * origin only): signs in and walks the main screens, failing on any CSP report — a console message that
 * mentions the policy, or a `securitypolicyviolation` event in the page.
 */
describe('web: the app under the Content-Security-Policy', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  /** A fresh context that records every CSP report of every page, from the sign-in page on. */
  const watchedContext = async (): Promise<{ context: BrowserContext; page: Page; reports: string[] }> => {
    const reports: string[] = [];
    const context = await w.browser.newContext({ baseURL: w.base, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(WAIT_CEILING_MS);
    // Bindings and init scripts go through the DevTools protocol: the page's CSP does not apply to them.
    await context.exposeBinding('pilotisCspViolation', (_source, report: string) => reports.push(`event: ${report}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { pilotisCspViolation(r: string): void }).pilotisCspViolation(
          `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) reports.push(`console ${message.type()}: ${message.text()}`);
    });
    return { context, page, reports };
  };
  const signIn = async (page: Page, email: string) => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
  };

  it('serves the app with the strict policy', async () => {
    const { context, page } = await watchedContext();
    const res = await page.goto('/connexion');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self';");
    await context.close();
  });

  it('shows the main screens of a tenant admin without any violation', async () => {
    const { context, page, reports } = await watchedContext();
    await signIn(page, 'admin.rennes@demo.pilotis.fr');

    await page.goto(`/t/${RENNES}`);
    await page.getByRole('heading', { name: 'Mes échéances' }).waitFor();
    await page.goto(`/t/${RENNES}/contrat`);
    await page.getByRole('heading', { name: 'Actions par état' }).waitFor();
    await page.getByRole('heading', { name: 'Par quartier prioritaire' }).waitFor();
    await page.goto('/departement/35');
    await page.getByRole('heading', { name: 'Département 35' }).waitFor();
    await page.getByRole('heading', { name: 'Par pilier' }).waitFor();
    await page.goto(`/t/${RENNES}/actions`);
    await page.getByRole('heading', { name: 'Actions', exact: true }).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.locator('.reference').waitFor();
    await page.goto(`/t/${RENNES}/membres`);
    await page.getByRole('heading', { name: 'Membres du territoire' }).waitFor();
    // Charts render after their data: give the last screen's effects a turn before reading the reports.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));

    expect(reports).toEqual([]);
    await context.close();
  });

  it('opens the queue board of a platform admin from « Files de tâches », with a cookie and no token in a URL', async () => {
    const { context, page, reports } = await watchedContext();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await signIn(page, 'plateforme@demo.pilotis.fr');
    await page.getByRole('button', { name: 'Files de tâches' }).click();
    await page.waitForURL(/\/admin\/queues$/);
    await page.waitForLoadState('load');
    const cookies = await context.cookies();
    const board = cookies.find((c) => c.name === 'pilotis_queues');
    expect(board).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin/queues' });
    expect(urls.filter((u) => /token=|code=/.test(u))).toEqual([]);
    // The board's own page runs under its relaxed policy; its Google Fonts stylesheet is the one thing
    // blocked on purpose (see QUEUE_BOARD_CSP), so only that may be reported there.
    expect(reports.filter((r) => !r.includes('fonts.googleapis.com'))).toEqual([]);
    await context.close();
  });
});
