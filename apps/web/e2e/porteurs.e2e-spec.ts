import { randomUUID } from 'node:crypto';

import type { BrowserContext, Page } from 'playwright-core';

import type { TestSmtp } from '@pilotis/test-support';
import { siretFrom, WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, mailedToken, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const RENNES = '243500139';

/** Porteurs in the browser: the public sign-up on a phone, the e-mailed confirmation, and the organisation's space. */
describe('web: porteurs (sign-up, confirmation, space)', () => {
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

  const phone = async (): Promise<Page> => {
    const context = await w.browser.newContext({
      baseURL: w.base,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 375, height: 812 },
    });
    context.setDefaultTimeout(WAIT_CEILING_MS);
    contexts.push(context);
    return context.newPage();
  };

  it('signs up on a 375 px screen, confirms through the e-mailed link and lands in the organisation’s space', async () => {
    const page = await phone();
    const callId = randomUUID();
    await page.goto(`/inscription?territoire=${RENNES}&appel=${callId}`);
    await page.getByRole('heading', { name: 'Inscrire mon organisation' }).waitFor();
    await expect(page.getByLabel('SIREN de l’intercommunalité').inputValue()).resolves.toBe(RENNES);
    // Nothing wider than the phone's screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'porteur-inscription-375');

    // The form's own checks, then the API's (a SIRET whose key is wrong).
    await page.getByRole('button', { name: 'Recevoir le lien de confirmation' }).click();
    await page.getByText('Votre accord est nécessaire pour créer le compte.').waitFor();
    const email = `porteur-${randomUUID().slice(0, 6)}@example.fr`;
    await page.getByLabel('Prénom et nom').fill('Awa Diallo');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Nom de l’organisation').fill('Les Jardins du Blosne');
    await page.getByLabel('Nature').selectOption('ASSOCIATION');
    await page.getByLabel('SIRET').fill('12345678901234');
    await page.getByLabel(/J’accepte que mes données/).check();
    await page.getByRole('button', { name: 'Recevoir le lien de confirmation' }).click();
    await page.getByText('SIRET invalide (14 chiffres, clé de contrôle)').waitFor();
    await page.getByLabel('SIRET').fill(siretFrom('8123456780001'));
    await page.getByRole('button', { name: 'Recevoir le lien de confirmation' }).click();
    await page.getByRole('status').getByText(email).waitFor();
    await screenshot(page, 'porteur-inscription-envoyee-375');

    const [message] = await smtp.waitFor(1);
    expect(message.envelope.to).toEqual([email]);
    const token = mailedToken(message.text, '/inscription/confirmer');
    expect(token).toBeDefined();
    await page.goto(`/inscription/confirmer#jeton=${token}`);
    await page.getByText('Les Jardins du Blosne').waitFor();
    // The token left the address bar at once.
    expect(page.url()).not.toContain('jeton');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe de porteur');
    await page.getByLabel('Confirmation du mot de passe').fill('un mot de passe de porteur');
    await page.getByRole('button', { name: 'Créer l’espace de mon organisation' }).click();
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${RENNES}/espace`);
    expect(new URL(page.url()).searchParams.get('appel')).toBe(callId);
    await page.getByRole('heading', { name: 'Les Jardins du Blosne' }).waitFor();
    await page.getByRole('link', { name: 'Revenir à l’appel à projets' }).waitFor();
    await page.getByText('Aucune action pour l’instant.').waitFor();
    await screenshot(page, 'porteur-espace-nouveau-375');
  });

  it('a demo porteur sees its space: its organisation, its actions only, edits its identity and invites a colleague', async () => {
    const { page, context } = await w.signedIn('porteur.maurepas@demo.pilotis.fr');
    contexts.push(context);
    await page.goto(`/t/${RENNES}`);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Mon espace' }).click();
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Régie de quartier Maurepas – Patton' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Comités' }).count()).toBe(0);
    const actions = page.getByRole('region', { name: 'Mes actions' });
    await actions.getByRole('link', { name: /Chantiers éducatifs et gestion urbaine de proximité à Maurepas/ }).waitFor();
    // Another porteur's action is not there.
    expect(await actions.getByText(/Médiation numérique et point d’accès aux droits du Blosne/).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'porteur-espace-maurepas');

    await page.getByRole('button', { name: 'Modifier l’identité' }).click();
    await page.getByLabel('Numéro RNA').fill('X123');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('numéro RNA invalide (W suivi de 9 chiffres)', { exact: true }).waitFor();
    await page.getByLabel('Numéro RNA').fill('W353000999');
    await page.getByLabel('Téléphone de contact').fill('02 99 27 00 00');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Identité enregistrée.').waitFor();
    await page.getByText('W353000999').waitFor();

    const colleagues = page.getByRole('region', { name: 'Mes collègues' });
    const colleague = `collegue-${randomUUID().slice(0, 6)}@example.fr`;
    await colleagues.getByLabel('Nom du collègue').fill('Jo Collègue');
    await colleagues.getByLabel('Adresse e-mail du collègue').fill(colleague);
    await colleagues.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await colleagues.getByText(`Invitation envoyée à ${colleague}.`).waitFor();
    await colleagues.getByText(colleague).first().waitFor();
    const sent = await smtp.waitFor(smtp.messages.length);
    expect(sent.some((m) => m.envelope.to.includes(colleague))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'porteur-espace-collegues');
  });
});
