import type { BrowserContext } from 'playwright-core';
import request from 'supertest';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import type { TestSmtp } from '@pilotis/test-support';
import { WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, mailedToken, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const RENNES = '243500139';
const GRENOBLE = '200040715';

/** Invitations answered from the session (« Invitations en attente ») and the admin's pending list (re-send, cancel). */
describe('web: pending invitations (invitee and tenant admin)', () => {
  let w: WebTest;
  let smtp: TestSmtp;
  let contexts: BrowserContext[];
  let mail: MailWebTest | undefined;
  beforeAll(async () => {
    mail = await startMailWebTest();
    ({ w, smtp, contexts } = mail);
  }, SETUP_CEILING_MS);
  beforeEach(() => smtp.clear());
  afterAll(async () => {
    await mail?.close();
  });

  const api = () => request(w.t.app.getHttpServer());
  /** One GraphQL call as that demo user, in that territory. */
  const asAdmin = async (email: string, siren: string, query: string, variables: Record<string, unknown>) => {
    const login = await api()
      .post('/graphql')
      .send({
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email, password: DEMO_PASSWORD } },
      });
    const token = login.body.data.login.accessToken as string;
    const res = await api().post('/graphql').set('authorization', `Bearer ${token}`).set('x-tenant', siren).send({ query, variables });
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };
  const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id status } }';
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

  it('an existing account accepts one pending invitation and declines another from its home page', async () => {
    // Set-up over GraphQL (the admins' screen is covered by the next test): Rennes and Grenoble invite the
    // same existing account, Pauline (chef de projet in Plaine Commune).
    const invitee = 'cdp.plaine@demo.pilotis.fr';
    await asAdmin('admin.rennes@demo.pilotis.fr', RENNES, INVITE, { input: { email: invitee, displayName: 'Pauline', role: 'AUDITOR' } });
    await asAdmin('admin.grenoble@demo.pilotis.fr', GRENOBLE, INVITE, {
      input: { email: invitee, displayName: 'Pauline', role: 'CHEF_DE_PROJET' },
    });
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.envelope.to)).toEqual([[invitee], [invitee]]);
    // An account that has a password gets no token: it answers from its session.
    expect(mails.some((m) => mailedToken(m.text) !== undefined)).toBe(false);

    const { page, context } = await w.signedIn(invitee);
    contexts.push(context);
    const section = page.getByRole('region', { name: 'Invitations en attente' });
    await section.waitFor();
    const cards = section.getByRole('listitem');
    await expect(cards.count()).resolves.toBe(2);
    const rennes = cards.filter({ hasText: 'Rennes Métropole' });
    await expect(rennes.textContent()).resolves.toMatch(/Auditeur · invitation d'Anne Admin \(Rennes Métropole\) · valable jusqu'au /);
    const grenoble = cards.filter({ hasText: 'Grenoble' });
    await expect(grenoble.textContent()).resolves.toMatch(/Chef de projet · invitation de Gaëlle Admin \(Grenoble-Alpes\)/);
    expect(await page.getByRole('main').getByRole('link', { name: 'Rennes Métropole' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '87-invitations-en-attente');

    // Declining asks first; dismissing the question changes nothing.
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await grenoble.getByRole('button', { name: /^Refuser/ }).click();
    expect(questions[0]).toMatch(/^Refuser l'invitation de Grenoble/);
    await expect(cards.count()).resolves.toBe(2);
    page.once('dialog', (d) => void d.accept());
    await grenoble.getByRole('button', { name: /^Refuser/ }).click();
    await page
      .getByRole('status')
      .getByText(/^Vous avez refusé l'invitation de Grenoble/)
      .waitFor();
    await expect(cards.count()).resolves.toBe(1);

    // Accepting: the page opens again and lists the new territory; no invitation is left.
    await rennes.getByRole('button', { name: /^Accepter/ }).click();
    await page.getByRole('link', { name: 'Rennes Métropole' }).waitFor();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
    expect(await page.getByRole('region', { name: 'Invitations en attente' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Grenoble/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '88-invitation-acceptee');

    expect(
      await w.t.owner.query(
        `select t.siren, i.status from membership_invitations i join tenants t on t.id = i.tenant_id join users u on u.id = i.user_id where u.email = $1 order by t.siren`,
        [invitee],
      ),
    ).toEqual([
      { siren: GRENOBLE, status: 'DECLINED' },
      { siren: RENNES, status: 'ACCEPTED' },
    ]);
  });

  it('the admin re-sends an invitation (a new link, the old one void) and cancels it (its link then invalid)', async () => {
    const invitee = 'yann.relance@example.fr';
    const admin = await w.signedIn('admin.rennes@demo.pilotis.fr');
    contexts.push(admin.context);
    const page = admin.page;
    await page.goto(`/t/${RENNES}/membres`);
    await page.getByRole('heading', { name: 'Membres du territoire' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(invitee);
    await page.getByLabel('Nom affiché').fill('Yann Relance');
    await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Auditeur' });
    await page.getByRole('button', { name: 'Inviter' }).click();
    await page.getByRole('status').getByText(`Invitation envoyée à ${invitee}.`).waitFor();
    const row = page.getByRole('region', { name: 'Invitations en attente' }).getByRole('row', { name: /Yann Relance/ });
    await row.waitFor();
    const first = mailedToken((await smtp.waitFor(1))[0].text);
    expect(first).toBeDefined();

    await row.getByRole('button', { name: "Renvoyer l'invitation de Yann Relance" }).click();
    await page.getByRole('status').getByText(`Invitation renvoyée à ${invitee}.`).waitFor();
    const second = mailedToken((await smtp.waitFor(2))[1].text);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '89-invitation-renvoyee');

    // The first link is void; the second one works.
    const invited = await freshPage();
    await invited.goto(`/invitation#jeton=${first}`);
    await invited
      .getByRole('alert')
      .getByText(/^Ce lien d'invitation n'est pas valable/)
      .waitFor();
    // (Another page first: from /invitation, a new fragment alone would not load the page again.)
    await invited.goto('/connexion');
    await invited.goto(`/invitation#jeton=${second}`);
    await invited.getByText(/vous invite à rejoindre Rennes Métropole comme Auditeur\.$/).waitFor();

    // Cancelling asks first, then removes the row.
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.accept();
    });
    await row.getByRole('button', { name: "Annuler l'invitation de Yann Relance" }).click();
    expect(questions[0]).toMatch(/^Annuler l'invitation de Yann Relance \(yann\.relance@example\.fr\) \?/);
    await page.getByRole('status').getByText("L'invitation de Yann Relance est annulée.").waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '94-invitation-annulee');
    expect(await w.t.owner.query('select status from membership_invitations where email = $1', [invitee])).toEqual([
      { status: 'CANCELLED' },
    ]);

    // The cancelled link now shows the invalid-link message.
    await invited.goto('/connexion');
    await invited.goto(`/invitation#jeton=${second}`);
    await invited
      .getByRole('alert')
      .getByText(/^Ce lien d'invitation n'est pas valable/)
      .waitFor();
    expect(await invited.getByRole('button', { name: "Refuser l'invitation" }).count()).toBe(0);
    expect(await accessibilityViolations(invited)).toEqual([]);
    await screenshot(invited, '95-invitation-lien-annule');
  });
});
