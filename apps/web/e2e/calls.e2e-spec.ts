import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const TITLE = 'Appel à projets jeunesse 2027 (essai)';

/**
 * Calls for projects in the browser: the chef de projet drafts one with its pieces and publishes it;
 * anyone, without an account, reads the territory's list and the call's page — also on a 375 px phone —
 * and finds the « Déposer un dossier » link; a draft's public page does not exist.
 */
describe('web: calls for projects, drafted by the chef de projet and read by anyone', () => {
  let w: WebTest;

  beforeAll(async () => {
    w = await startWebTest();
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('the chef de projet drafts a call with its pieces and publishes it; anonymous people read it, on a phone too', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/appels`);
    await page.getByRole('heading', { level: 1, name: 'Appels à projets' }).waitFor();
    // The demo's published call is listed.
    await page.getByRole('link', { name: 'Appel à projets 2027 – Quartiers solidaires' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.locator('section[aria-labelledby="new-call-title"]');
    await form.getByLabel('Intitulé').fill(TITLE);
    await form.getByLabel('Exercice').fill('2027');
    await form
      .getByLabel("Texte de l'appel")
      .fill('Des projets pour et avec les jeunes des quartiers.\n\nPriorité aux projets co-construits.');
    const year = new Date().getFullYear() + 1;
    await form.getByLabel("Date d'ouverture").fill(`${year}-01-15`);
    await form.getByLabel("Heure d'ouverture").fill('09:00');
    await form.getByLabel('Date de clôture').fill(`${year}-03-31`);
    await form.getByLabel('Heure de clôture').fill('12:00');
    await form.getByLabel("Fin de l'instruction").fill(`${year}-05-15`);
    await form.getByLabel('Date du comité').fill(`${year}-06-10`);
    await form.getByLabel('Association', { exact: true }).check();
    await form.getByRole('button', { name: 'Ajouter un financeur' }).click();
    await form.getByLabel('Financeur 1', { exact: true }).selectOption({ label: 'Région Bretagne' });
    await form.getByLabel('Enveloppe indicative 1 (€)').fill('40 000');
    await form.getByLabel('Note interne 1 (jamais publiée)').fill('Sous réserve du vote du budget');
    await form.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await form.getByLabel('Pièce 1', { exact: true }).fill('Statuts à jour');
    await form.getByRole('button', { name: "Créer l'appel (brouillon)" }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Brouillon', { exact: true }).waitFor();
    const callId = /\/appels\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(callId).not.toBe('');

    // A draft has no public page, even for a signed-in member's browser.
    const anonymous = await w.browser.newContext({
      baseURL: w.base,
      locale: 'fr-FR',
      timezoneId: 'America/New_York',
      viewport: { width: 375, height: 812 },
    });
    const phone = await anonymous.newPage();
    await phone.goto(`/appels/${RENNES}/${callId}`);
    await phone.getByRole('alert').waitFor();
    expect(await phone.getByRole('alert').textContent()).toMatch(/n'existe pas/);

    await page.getByRole('button', { name: "Publier l'appel" }).click();
    await page.getByText('Publié', { exact: true }).waitFor();
    await screenshot(page, '95-appel-publie-chef-de-projet');

    // Anyone, without an account, on a 375 px phone in another time zone: the dates stay Paris's.
    await phone.goto(`/appels/${RENNES}`);
    await phone.getByRole('heading', { level: 1, name: /Appels à projets — Rennes/ }).waitFor();
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const main = phone.locator('main');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain(`31 mars ${year} à 12 h 00 (heure de Paris)`);
    expect(text).toContain(`15 janvier ${year} à 9 h 00`);
    expect(text).toContain('Région Bretagne');
    expect(text).toMatch(/40\s000,00\s€/);
    expect(text).toContain('Association');
    expect(text).toContain('Statuts à jour');
    expect(text).not.toContain('Sous réserve du vote du budget');
    // Not open yet (it opens next January): no deposit link until then; the demo's open call has one.
    expect(await phone.getByRole('link', { name: 'Déposer un dossier' }).count()).toBe(0);
    // Nothing wider than the phone's screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, '96-appel-public-375px');

    await phone.goto(`/appels/${RENNES}`);
    await phone.getByRole('link', { name: 'Appel à projets 2027 – Quartiers solidaires' }).click();
    const deposit = phone.getByRole('link', { name: 'Déposer un dossier' });
    await deposit.waitFor();
    const href = (await deposit.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/inscription\\?appel=[0-9a-f-]{36}&territoire=${RENNES}$`));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, '97-appel-public-ouvert-375px');

    await phone.goto(`/appels/${RENNES}`);
    await phone.getByRole('link', { name: TITLE }).waitFor();
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, '98-appels-publics-375px');
    await anonymous.close();
    await context.close();
  });
});
