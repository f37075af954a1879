/// <reference lib="dom" />
// (Some callbacks run in the page, where `document` exists.)
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import type { TestSmtp } from '@pilotis/test-support';

import { accessibilityViolations, mailedToken, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const RENNES = '243500139';
const CAF = "Caisse d'allocations familiales d'Ille-et-Vilaine";

/** The tenant admin's members (invitations, roles, revocations) and partners (SIRET checked by the API). */
describe('web: members and partners (tenant admin)', () => {
  let w: WebTest;
  let smtp: TestSmtp;
  let mail: MailWebTest | undefined;
  beforeAll(async () => {
    mail = await startMailWebTest();
    ({ w, smtp } = mail);
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await mail?.close();
  });

  const api = () => request(w.t.app.getHttpServer());
  const login = async (email: string, password = DEMO_PASSWORD): Promise<string> => {
    const res = await api()
      .post('/graphql')
      .send({ query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: { email, password } } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.login.accessToken as string;
  };
  /** One GraphQL call as that person, in Rennes. */
  const asMember = (token: string, query: string) =>
    api().post('/graphql').set('authorization', `Bearer ${token}`).set('x-tenant', RENNES).send({ query });
  const memberRow = (page: Page, name: string): Locator => page.getByRole('row', { name: new RegExp(name) }).first();
  /** The message linked to a field by aria-describedby (its hint and its error). */
  const description = (field: Locator) =>
    field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  it('invites a funder’s representative for a partner: the invitation is e-mailed, never shown, and waits in the pending list', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/membres`);
    await page.getByRole('heading', { name: 'Membres du territoire' }).waitFor();
    await memberRow(page, 'Anne Admin').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await expect(memberRow(page, 'Romain Région Bretagne').textContent()).resolves.toMatch(
      /Représentant d’un financeur.*Région Bretagne.*Active/,
    );

    await page.getByLabel('Adresse e-mail').fill('fanny.martin@caf35.example.fr');
    await page.getByLabel('Nom affiché').fill('Fanny Martin (CAF)');
    await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Représentant d’un financeur' });
    // Without the organisation it represents, the API's French reason goes next to the field.
    await page.getByRole('button', { name: 'Inviter' }).click();
    const organisation = page.getByLabel('Organisation représentée');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await expect(organisation.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description(organisation)).resolves.toMatch(/doit représenter une organisation du territoire/);
    expect(smtp.messages).toHaveLength(0);

    // The mail server refuses: nothing is recorded, the admin is told.
    await organisation.selectOption({ label: CAF });
    smtp.failNext(1, 550);
    await page.getByRole('button', { name: 'Inviter' }).click();
    await page.getByRole('alert').waitFor();
    expect(
      await w.t.owner.query("select count(*)::int as n from membership_invitations where email = 'fanny.martin@caf35.example.fr'"),
    ).toEqual([{ n: 0 }]);

    await page.getByRole('button', { name: 'Inviter' }).click();
    await page.getByRole('status').getByText('Invitation envoyée à fanny.martin@caf35.example.fr.').waitFor();
    const pending = page.getByRole('region', { name: 'Invitations en attente' }).getByRole('row', { name: /Fanny Martin/ });
    await expect(pending.textContent()).resolves.toContain(`fanny.martin@caf35.example.frReprésentant d’un financeur${CAF}`);
    // Not a member before accepting; no token anywhere on the page.
    expect(
      await page
        .getByRole('region', { name: 'Membres' })
        .getByRole('row', { name: /Fanny Martin/ })
        .count(),
    ).toBe(0);
    expect(await page.locator('code').count()).toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/jeton/i);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '50-membres-invitation');

    // The same address again while the invitation is pending: CONFLICT, shown in the form.
    await page.getByRole('button', { name: "C'est noté" }).click();
    await page.getByLabel('Adresse e-mail').fill('fanny.martin@caf35.example.fr');
    await page.getByLabel('Nom affiché').fill('Fanny Martin (CAF)');
    await organisation.selectOption({ label: CAF });
    await page.getByRole('button', { name: 'Inviter' }).click();
    await page
      .getByRole('alert')
      .getByText(/Une invitation est déjà en attente pour cette adresse/)
      .waitFor();

    // The e-mailed token is the real one: the person chooses a password and represents the CAF in Rennes.
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope.to).toEqual(['fanny.martin@caf35.example.fr']);
    const token = mailedToken(mail.text);
    expect(token).toBeDefined();
    const accepted = await api()
      .post('/graphql')
      .send({
        query: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }',
        variables: { input: { token, password: 'un mot de passe solide' } },
      });
    expect(accepted.body.data.acceptInvitation).toBe(true);
    const fanny = await login('fanny.martin@caf35.example.fr', 'un mot de passe solide');
    const mine = await api()
      .post('/graphql')
      .set('authorization', `Bearer ${fanny}`)
      .send({ query: '{ myTenants { role organisationId tenant { siren } } }' });
    const [caf] = await w.t.owner.query(
      'select o.id from organisations o join tenants t on t.id = o.tenant_id where t.siren = $1 and o.name = $2',
      [RENNES, CAF],
    );
    expect(mine.body.data.myTenants).toEqual([{ role: 'FUNDER_REPRESENTATIVE', organisationId: caf.id, tenant: { siren: RENNES } }]);
    await page.reload();
    await memberRow(page, 'Fanny Martin').getByRole('cell', { name: 'Active', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Invitations en attente' }).getByText('Aucune invitation en attente.').waitFor();
    await context.close();
  });

  it('changes a member’s role', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/membres`);
    const row = memberRow(page, 'Aude Auditrice');
    await row.getByRole('cell', { name: 'Auditeur', exact: true }).waitFor();
    await row.getByRole('button', { name: "Changer le rôle d'Aude Auditrice" }).click();
    const form = page.getByRole('form', { name: "Rôle d'Aude Auditrice" });
    await form.getByLabel("Nouveau rôle d'Aude Auditrice").selectOption({ label: 'Chef de projet' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '51-membres-changer-role');
    await form.getByRole('button', { name: 'Enregistrer le rôle' }).click();
    await row.getByRole('cell', { name: 'Chef de projet', exact: true }).waitFor();
    await page.getByRole('status').getByText("Rôle d'Aude Auditrice : Chef de projet.", { exact: true }).waitFor();
    expect(await form.count()).toBe(0);
    const aude = await login('auditeur@demo.pilotis.fr');
    expect(
      (await api().post('/graphql').set('authorization', `Bearer ${aude}`).send({ query: '{ myTenants { role } }' })).body.data.myTenants,
    ).toEqual([{ role: 'CHEF_DE_PROJET' }]);
    await context.close();
  });

  it('revokes a membership after confirmation: the person’s next call in the territory is refused', async () => {
    // Denis signed in before the revocation: his session is valid, and used in Rennes.
    const denis = await login('delegue.35@demo.pilotis.fr');
    expect((await asMember(denis, '{ currentTenant { siren } }')).body.data.currentTenant.siren).toBe(RENNES);

    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/membres`);
    const row = memberRow(page, 'Denis Délégué');
    await row.getByRole('cell', { name: 'Active', exact: true }).waitFor();
    const questions: string[] = [];
    // Declining the confirmation changes nothing.
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await row.getByRole('button', { name: /Révoquer/ }).click();
    expect(questions[0]).toMatch(
      /Révoquer l'appartenance de Denis Délégué du préfet \(Ille-et-Vilaine\) \(delegue\.35@demo\.pilotis\.fr\) \?/,
    );
    expect((await asMember(denis, '{ currentTenant { siren } }')).body.data.currentTenant.siren).toBe(RENNES);
    await expect(row.getByRole('cell', { name: 'Active', exact: true }).count()).resolves.toBe(1);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /Révoquer/ }).click();
    await row.getByRole('cell', { name: /Révoquée le/ }).waitFor();
    await page
      .getByRole('status')
      .getByText(/^L'appartenance de Denis Délégué .* est révoquée\.$/)
      .waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '52-membres-revocation');

    const refused = await asMember(denis, '{ currentTenant { siren } }');
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await context.close();
  });

  it('adds a partner: an invalid SIRET is refused next to the field, then a valid one is recorded', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/partenaires`);
    await page.getByRole('heading', { name: 'Partenaires', exact: true }).waitFor();
    await page.getByRole('row', { name: /Élan Créateur/ }).waitFor();
    await expect(page.getByRole('row', { name: /Élan Créateur/ }).textContent()).resolves.toMatch(
      /Coopérative d'activité et d'emploi000 001 073 00014Oui/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Ajouter un partenaire' });
    await form.getByLabel('Nom').fill('Les Jardins partagés du Blosne');
    await form.getByLabel('Nature').selectOption({ label: 'Association' });
    // The Luhn key of 123 456 789 01234 is wrong: the API refuses it, in French, next to the field.
    await form.getByLabel('SIRET (14 chiffres, facultatif)').fill('123 456 789 01234');
    await form.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    const siret = form.getByLabel('SIRET (14 chiffres, facultatif)');
    // The API's answer takes its time when the machine is busy: wait for the field to be marked.
    await form.locator('input[aria-invalid="true"]').first().waitFor();
    await expect(siret.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description(siret)).resolves.toMatch(/SIRET invalide \(14 chiffres, clé de contrôle\)/);
    // The keyboard is taken to the field in error.
    await page.waitForFunction(() => document.activeElement?.getAttribute('inputmode') === 'numeric');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '53-partenaires-siret-invalide');
    expect(await w.t.owner.query("select count(*)::int as n from organisations where name like 'Les Jardins partagés%'")).toEqual([
      { n: 0 },
    ]);

    // 732 829 320 00074 passes the Luhn check.
    await siret.fill('732 829 320 00074');
    await form.getByLabel("Titulaire de l'agrément ESUS").check();
    await form.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await page.getByRole('status').getByText('« Les Jardins partagés du Blosne » est ajouté aux partenaires.', { exact: true }).waitFor();
    const row = page.getByRole('row', { name: /Les Jardins partagés du Blosne/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Association732 829 320 00074Oui/);
    expect(await w.t.owner.query("select kind, siret, esus from organisations where name = 'Les Jardins partagés du Blosne'")).toEqual([
      { kind: 'ASSOCIATION', siret: '73282932000074', esus: true },
    ]);
    // The same SIRET twice is one establishment entered twice: refused next to the field as well.
    await form.getByLabel('Nom').fill('Jardins du Blosne (doublon)');
    await form.getByLabel('Nature').selectOption({ label: 'Association' });
    await siret.fill('73282932000074');
    await form.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    // (The answer takes its time on a busy machine: wait for the field to be marked.)
    await form.locator('input[aria-invalid="true"]').first().waitFor();
    await expect(description(siret)).resolves.toMatch(/déjà celui de « Les Jardins partagés du Blosne »/);

    // Filters: by nature, then by name.
    await page.getByLabel('Nature', { exact: true }).last().selectOption({ label: 'Association' });
    await page.getByText(/^3 partenaires sur cette page/).waitFor();
    await page.getByRole('searchbox', { name: 'Nom contenant' }).fill('jardins');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText(/^1 partenaire sur cette page/).waitFor();
    expect(await page.locator('.partners-table tbody tr').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '54-partenaires');

    // A partner is corrected in its row.
    await page.getByRole('button', { name: 'Modifier Les Jardins partagés du Blosne' }).click();
    const edit = page.getByRole('form', { name: 'Modifier Les Jardins partagés du Blosne' });
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'Les Jardins partagés du Blosne');
    await edit.getByLabel("Titulaire de l'agrément ESUS").uncheck();
    expect(await accessibilityViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').getByText('« Les Jardins partagés du Blosne » est modifié.', { exact: true }).waitFor();
    expect(await edit.count()).toBe(0);
    await expect(row.textContent()).resolves.toMatch(/Association732 829 320 00074Non/);
    expect(await w.t.owner.query("select esus from organisations where name = 'Les Jardins partagés du Blosne'")).toEqual([
      { esus: false },
    ]);
    await context.close();
  });

  it('is refused to a chef de projet: the API’s refusal is shown', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/membres`);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/pas accès/);
    expect(await page.getByRole('button', { name: 'Inviter' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, '55-membres-refuse');
    await context.close();
  });
});
