import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { gql, login, ok } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const CHEF = 'cdp.rennes@demo.pilotis.fr';

/** The conventions searched on the server (filters in the address), and an action's history and links. */
describe('web: conventions search and action history', () => {
  let w: WebTest;
  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('finds a convention by its action reference, keeps the search in the address, and leads to the history', async () => {
    // The demo's conventions, read through the API to know what to look for.
    const token = await login(w.t.app, CHEF, DEMO_PASSWORD);
    const caller = { token, tenant: RENNES };
    // The demo has programmed actions but no convention yet, nor any history of its actions: the chef drafts
    // one through the API, which gives the action its first event.
    const programmed: { id: string; title: string; reference: string }[] = ok(
      await gql(
        w.t.app,
        '{ actions(first: 100, filter: { status: [PROGRAMMEE, PARTIELLEMENT_PROGRAMMEE] }) { nodes { id title reference } } }',
        {},
        caller,
      ),
    ).actions.nodes;
    expect(programmed.length).toBeGreaterThan(0);
    const action = programmed[0];
    ok(await gql(w.t.app, 'mutation($a: ID!) { draftConvention(actionId: $a) { id } }', { a: action.id }, caller));

    const { page, context } = await w.signedIn(CHEF);
    await page.goto(`/t/${RENNES}/conventions`);
    await page.getByRole('heading', { name: 'Conventions', level: 1 }).waitFor();
    const search = page.getByRole('search', { name: 'Rechercher une convention' });
    await search.getByLabel('Action (intitulé ou référence) ou porteur').fill(action.reference.toLowerCase());
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^1 convention sur cette page\.$/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(action.reference.toLowerCase());
    await page.getByRole('article', { name: action.title }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '60-conventions-recherche');

    // The address carries the search: reloading shows the same single result.
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: /^1 convention sur cette page\.$/ })
      .waitFor();
    expect(await search.getByLabel('Action (intitulé ou référence) ou porteur').inputValue()).toBe(action.reference.toLowerCase());

    // A search that matches nothing says so.
    await search.getByLabel('Action (intitulé ou référence) ou porteur').fill('aucune action ne porte ce nom');
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Aucune convention ne correspond à ces critères.').waitFor();
    await page.goBack();
    await page.getByRole('article', { name: action.title }).waitFor();

    // From the convention to its action: the history is there, and the way back to the convention.
    await page.getByRole('link', { name: `Voir l'action ${action.reference}` }).click();
    await page.getByRole('heading', { name: action.title, level: 1 }).waitFor();
    const history = page.getByRole('region', { name: 'Historique' });
    await history
      .getByRole('article', { name: /^Convention rédigée, / })
      .first()
      .waitFor();
    expect(await history.getByRole('article').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '61-action-historique');
    await page.getByRole('link', { name: "Voir la convention de l'action" }).click();
    await page.getByRole('article', { name: action.title }).waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe(action.id);
    await context.close();
  });
});
