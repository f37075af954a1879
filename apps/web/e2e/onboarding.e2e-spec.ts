/// <reference lib="dom" />
// (Some callbacks run in the page, where `document` exists.)
import type { BrowserContext, Locator } from 'playwright-core';

import type { TestSmtp } from '@pilotis/test-support';
import { WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, mailedToken, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const RENNES = '243500139';
const INVITEE = 'ines.nouvelle@example.fr';
const CHOSEN = 'un mot de passe bien choisi';

/** An invited person's first steps (the e-mailed invitation link, the password chosen) and the reminders marked read. */
describe('web: onboarding (invitation link) and reminders marked read', () => {
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

  /** A fresh browser context, signed out: another person's browser. */
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
  /** The messages linked to a field by aria-describedby (its hint and its error). */
  const description = (field: Locator) =>
    field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  it('the invited person reads the e-mail, opens its link, chooses a password, signs in; the link cannot be used twice', async () => {
    // The admin invites a person without an account: the invitation is e-mailed, no token is shown.
    const admin = await w.signedIn('admin.rennes@demo.pilotis.fr');
    contexts.push(admin.context);
    await admin.page.goto(`/t/${RENNES}/membres`);
    await admin.page.getByRole('heading', { name: 'Membres du territoire' }).waitFor();
    await admin.page
      .getByRole('row', { name: /Anne Admin/ })
      .first()
      .waitFor();
    await admin.page.getByLabel('Adresse e-mail').fill(INVITEE);
    await admin.page.getByLabel('Nom affiché').fill('Inès Nouvelle');
    await admin.page.getByRole('button', { name: 'Inviter' }).click();
    await admin.page.getByRole('status').getByText(`Invitation envoyée à ${INVITEE}.`).waitFor();
    const pending = admin.page.getByRole('region', { name: 'Invitations en attente' }).getByRole('row', { name: /Inès Nouvelle/ });
    await expect(pending.textContent()).resolves.toContain(`${INVITEE}Chef de projet`);
    expect(await admin.page.locator('code').count()).toBe(0);
    expect(await accessibilityViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, '79-invitation-envoyee');

    // The e-mail carries the link, its token in the fragment.
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope.to).toEqual([INVITEE]);
    const link = mailedToken(mail.text, '/invitation');
    expect(link).toBeDefined();
    const token = link as string;

    // In the invited person's own browser.
    const page = await freshPage();
    await page.goto(`/invitation#jeton=${token}`);
    await page.getByRole('heading', { name: 'Invitation à rejoindre un territoire' }).waitFor();
    await page.getByText('Anne Admin (Rennes Métropole) vous invite à rejoindre Rennes Métropole comme Chef de projet.').waitFor();
    await page.getByText(/^Invitation adressée à ines\.nouvelle@example\.fr, valable jusqu'au /).waitFor();
    // The token has left the address bar; there is no field to paste one.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByLabel("Jeton d'invitation").count()).toBe(0);
    const password = page.getByLabel('Mot de passe', { exact: true });
    const confirmation = page.getByLabel('Confirmation du mot de passe');
    await expect(description(password)).resolves.toMatch(/12 caractères au moins/);
    await page.getByRole('button', { name: "Refuser l'invitation" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '80-invitation');

    // Two different passwords: refused here, before the API.
    const submit = page.getByRole('button', { name: 'Accepter et choisir ce mot de passe' });
    await password.fill(CHOSEN);
    await confirmation.fill('un autre mot de passe');
    await submit.click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    await expect(confirmation.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description(confirmation)).resolves.toMatch(/ne sont pas identiques/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '81-invitation-mots-de-passe-differents');

    // Too short: the API's refusal, in French, next to the field.
    await password.fill('court');
    await confirmation.fill('court');
    await submit.click();
    await page.getByText('Mot de passe trop court : 12 caractères au moins.').waitFor();
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description(password)).resolves.toMatch(/trop court/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A valid password: the account is ready, the person signs in and finds the territory.
    await password.fill(CHOSEN);
    await confirmation.fill(CHOSEN);
    await submit.click();
    await page
      .getByRole('status')
      .getByText(/^Votre compte est prêt : connectez-vous/)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await screenshot(page, '82-invitation-compte-pret');
    await page.getByLabel('Adresse e-mail').fill(INVITEE);
    await page.getByLabel('Mot de passe').fill(CHOSEN);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
    await page.getByRole('link', { name: 'Rennes Métropole' }).waitFor();
    await page.getByText('Bonjour Inès Nouvelle').waitFor();
    expect(await page.getByRole('heading', { name: 'Invitations en attente' }).count()).toBe(0);
    await screenshot(page, '83-invitation-mes-territoires');

    // The same link again, in yet another browser: the invalid-link message, no form.
    const again = await freshPage();
    await again.goto(`/invitation#jeton=${token}`);
    await again
      .getByRole('alert')
      .getByText(/^Ce lien d'invitation n'est pas valable/)
      .waitFor();
    expect(await again.getByLabel('Mot de passe', { exact: true }).count()).toBe(0);
    expect(await accessibilityViolations(again)).toEqual([]);
    await screenshot(again, '84-invitation-deja-utilisee');

    // A link without a token, or with a forged one: the same message.
    await again.goto('/invitation');
    await again
      .getByRole('alert')
      .getByText(/^Ce lien d'invitation n'est pas valable/)
      .waitFor();
    // (Another page first: from /invitation, a new fragment alone would not load the page again.)
    await again.goto('/connexion');
    await again.goto(`/invitation#jeton=${token.slice(0, -4)}AAAA`);
    await again
      .getByRole('alert')
      .getByText(/^Ce lien d'invitation n'est pas valable/)
      .waitFor();
  });

  it('marks a reminder read on the territory home: the count of unread reminders follows', async () => {
    const [{ id: tenantId }] = await w.t.owner.query('select id from tenants where siren = $1', [RENNES]);
    const [{ id: userId }] = await w.t.owner.query('select id from users where email = $1', ['cdp.rennes@demo.pilotis.fr']);
    const [{ id: deadlineId }] = await w.t.owner.query(
      `insert into deadlines (tenant_id, id, kind, key, label, due_date) values ($1, gen_random_uuid(), 'CONTRAT_END', 'CONTRAT_END:onboarding-test', 'Fin du contrat de ville (essai)', '2030-12-31') returning id`,
      [tenantId],
    );
    const remind = async (offsetDays: number, title: string): Promise<string> => {
      const [{ id }] = await w.t.owner.query(
        `insert into notifications (tenant_id, id, user_id, deadline_id, offset_days, title, link) values ($1, gen_random_uuid(), $2, $3, $4, $5, $6) returning id`,
        [tenantId, userId, deadlineId, offsetDays, title, `/t/${RENNES}`],
      );
      return id as string;
    };
    const first = await remind(30, 'Fin du contrat de ville dans 30 jours');

    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    contexts.push(context);
    await page.goto(`/t/${RENNES}`);
    await page.getByRole('heading', { name: 'Mes relances' }).waitFor();
    const count = page.getByRole('status').filter({ hasText: /relances? non lues?/ });
    await count.getByText('1 relance non lue', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '85-relances-non-lues');

    await page.getByRole('button', { name: 'Marquer comme lue : Fin du contrat de ville dans 30 jours' }).click();
    await count.getByText('Aucune relance non lue', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Marquer comme lue/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tout marquer comme lu' }).count()).toBe(0);
    const [row] = await w.t.owner.query('select read_at from notifications where tenant_id = $1 and id = $2', [tenantId, first]);
    expect(row.read_at).toBeInstanceOf(Date);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '86-relances-lues');

    // Two new ones: all marked read at once.
    await remind(7, 'Fin du contrat de ville dans 7 jours');
    await remind(1, 'Fin du contrat de ville demain');
    await page.reload();
    await page.getByRole('heading', { name: 'Mes relances' }).waitFor();
    await count.getByText('2 relances non lues', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await count.getByText('Aucune relance non lue', { exact: true }).waitFor();
    expect(
      await w.t.owner.query('select count(*)::int as n from notifications where tenant_id = $1 and user_id = $2 and read_at is null', [
        tenantId,
        userId,
      ]),
    ).toEqual([{ n: 0 }]);
  });
});
