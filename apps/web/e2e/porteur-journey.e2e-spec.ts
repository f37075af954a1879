import { randomInt } from 'node:crypto';

import type { BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { codeOf, gql, login, ok, randomSiret, WAIT_CEILING_MS } from '@pilotis/test-support';

import {
  accessibilityViolations,
  mailedToken,
  MailWebTest,
  screenshot,
  SETUP_CEILING_MS,
  startMailWebTest,
  waitForText,
  WebTest,
} from './browser';
import { centsOfEuros } from './figures';

const RENNES = '243500139';
const CHEF = 'cdp.rennes@demo.pilotis.fr';
const REGION = 'financeur.region@demo.pilotis.fr';
const OTHER_PORTEUR = 'porteur.maurepas@demo.pilotis.fr';
const CALL = 'Appel à projets 2026 – Numérique pour tous';
const ACTION = 'Atelier numérique des familles';
const ORGANISATION = 'Les Jardins numériques du Blosne';
const PASSWORD = 'le mot de passe de l’association';
/** The application's clock through the year: the call opens in March, the bilan is filed in January after. */
const MARCH = '2026-03-02T09:00:00Z';
const JANUARY_AFTER = '2027-01-15T09:00:00Z';
const REQUESTED_CENTS = 1_000_000;

/** « 1 234,5 » as the dashboard prints a quantity (narrow no-break spaces, decimal comma) → 1234.5. */
const quantityOf = (text: string): number => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));

/**
 * The porteur's year, in a real Chromium, as issue 16 tells it: the chef de projet publishes a call; an
 * association finds it without an account on a phone, signs up through the e-mailed link, files its
 * dossier with pieces, is refused while incomplete, answers a demande de compléments and submits; the
 * dossier goes through instruction and the comité des financeurs (through the API, as the other users'
 * screens are tested elsewhere); the porteur signs its convention, then files its bilan with indicator
 * values in January; the chef accepts it and the contract's dashboard and map show it, with the API's
 * figures. Another porteur sees none of it, through the API and in the browser. The steps share one
 * database and run in order; the application's clock is set, never waited for.
 */
describe('web: a porteur’s year, from the call for projects to the accepted bilan', () => {
  let mail: MailWebTest;
  let w: WebTest;
  let contexts: BrowserContext[];
  let callId = '';
  let contratId = '';
  let actionId = '';
  let qpv: { id: string; code: string; name: string };
  let indicator: { id: string; code: string; label: string; unit: string };
  let porteurEmail = '';
  /** The API's figures before the journey, to see the journey's own share in them afterwards. */
  let before: { decidedCents: number; realised: number; inQuartier: number };

  const api = async (email: string, password = DEMO_PASSWORD) => ({ token: await login(w.t.app, email, password), tenant: RENNES });
  const context = async (width: number): Promise<Page> => {
    const c = await w.browser.newContext({
      baseURL: w.base,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width, height: 812 },
    });
    c.setDefaultTimeout(WAIT_CEILING_MS);
    contexts.push(c);
    return c.newPage();
  };
  const signIn = async (email: string, password: string, width: number): Promise<Page> => {
    const page = await context(width);
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
    return page;
  };
  const fitsThePhone = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const dashboard = async () => {
    const figures = ok(
      await gql(
        w.t.app,
        `query($id: ID!) { contratDashboard(contratId: $id) { qpvs { code actionCount requestedCents decidedCents committedCents paidCents }
           indicators { definitionId realised realisedActionCount }
           indicatorGroups { dimension groupId indicators { code realised } } } }`,
        { id: contratId },
        await api(CHEF),
      ),
    ).contratDashboard;
    const quartier = figures.indicatorGroups.find(
      (g: { dimension: string; groupId: string }) => g.dimension === 'QPV' && g.groupId === qpv.id,
    );
    return {
      qpv: figures.qpvs.find((q: { code: string }) => q.code === qpv.code),
      indicator: figures.indicators.find((i: { definitionId: string }) => i.definitionId === indicator.id),
      /** The indicator realised in the journey's quartier, null without an accepted bilan there. */
      inQuartier: (quartier?.indicators.find((i: { code: string }) => i.code === indicator.code)?.realised ?? null) as number | null,
    };
  };

  beforeAll(async () => {
    mail = await startMailWebTest();
    ({ w, contexts } = mail);
    w.t.setNow(MARCH);
    const [{ id: tenantId }] = await w.t.owner.query(`select id from tenants where siren = $1`, [RENNES]);
    [indicator] = await w.t.owner.query(
      `select id, code, label, unit from indicator_definitions where tenant_id = $1 and aggregation = 'SUM' order by code limit 1`,
      [tenantId],
    );
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await mail?.close();
  });

  it('1. the chef de projet publishes a call for projects for 2026', async () => {
    const page = await signIn(CHEF, DEMO_PASSWORD, 1280);
    await page.goto(`/t/${RENNES}/appels`);
    const form = page.locator('section[aria-labelledby="new-call-title"]');
    await form.getByLabel('Intitulé').fill(CALL);
    await form.getByLabel('Exercice').fill('2026');
    await form.getByLabel("Texte de l'appel").fill('Des ateliers numériques pour les familles des quartiers.');
    await form.getByLabel("Date d'ouverture").fill('2026-03-02');
    await form.getByLabel("Heure d'ouverture").fill('08:00');
    await form.getByLabel('Date de clôture').fill('2026-04-30');
    await form.getByLabel('Heure de clôture').fill('12:00');
    await form.getByLabel("Fin de l'instruction").fill('2026-05-15');
    await form.getByLabel('Date du comité').fill('2026-06-10');
    await form.getByLabel('Association', { exact: true }).check();
    await form.getByRole('button', { name: 'Ajouter un financeur' }).click();
    await form.getByLabel('Financeur 1', { exact: true }).selectOption({ label: 'Région Bretagne' });
    await form.getByLabel('Enveloppe indicative 1 (€)').fill('40 000');
    await form.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await form.getByLabel('Pièce 1', { exact: true }).fill('Statuts à jour');
    await form.getByRole('button', { name: "Créer l'appel (brouillon)" }).click();
    await page.getByRole('heading', { level: 1, name: CALL }).waitFor();
    callId = /\/appels\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(callId).not.toBe('');
    await page.getByRole('button', { name: "Publier l'appel" }).click();
    await page.getByText('Publié', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    [{ contrat_id: contratId }] = await w.t.owner.query(`select contrat_id from calls_for_projects where id = $1`, [callId]);
    [qpv] = await w.t.owner.query(
      `select q.id, q.code, q.name from contrat_qpvs cq join qpvs q on q.tenant_id = cq.tenant_id and q.id = cq.qpv_id
        where cq.contrat_id = $1 order by q.name limit 1`,
      [contratId],
    );
    const figures = await dashboard();
    before = {
      decidedCents: figures.qpv?.decidedCents ?? 0,
      realised: figures.indicator?.realised ?? 0,
      inQuartier: figures.inQuartier ?? 0,
    };
  });

  it('2. an association finds the call without an account on a phone and signs up through the e-mailed link', async () => {
    const page = await context(375);
    await page.goto(`/appels/${RENNES}`);
    await page.getByRole('link', { name: CALL }).click();
    await page.getByRole('heading', { level: 1, name: CALL }).waitFor();
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parcours-01-appel-public-375px');
    await page.getByRole('link', { name: 'Déposer un dossier' }).click();
    await page.getByRole('heading', { name: 'Inscrire mon organisation' }).waitFor();

    porteurEmail = `tresoriere-${randomInt(1e9)}@example.fr`;
    await page.getByLabel('Prénom et nom').fill('Awa Diallo');
    await page.getByLabel('Adresse e-mail').fill(porteurEmail);
    await page.getByLabel('Nom de l’organisation').fill(ORGANISATION);
    await page.getByLabel('Nature').selectOption('ASSOCIATION');
    await page.getByLabel('SIRET').fill(randomSiret());
    await page.getByLabel(/J’accepte que mes données/).check();
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Recevoir le lien de confirmation' }).click();
    await page.getByRole('status').getByText(porteurEmail).waitFor();

    const message = (await mail.smtp.waitFor(mail.smtp.messages.length)).find((m) => m.envelope.to.includes(porteurEmail));
    const token = mailedToken(message?.text ?? '', '/inscription/confirmer');
    expect(token).toBeDefined();
    await page.goto(`/inscription/confirmer#jeton=${token}`);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirmation du mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer l’espace de mon organisation' }).click();
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    await page.getByRole('heading', { name: ORGANISATION }).waitFor();
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parcours-02-espace-nouveau-375px');
  });

  it('3. the porteur files its dossier on the phone: refused while incomplete, then complete with its piece, then submitted', async () => {
    const page = await signIn(porteurEmail, PASSWORD, 375);
    await page.goto(`/t/${RENNES}/espace?appel=${callId}`);
    await page.getByRole('link', { name: 'Revenir à l’appel à projets' }).click();
    await page.getByRole('heading', { level: 1, name: CALL }).waitFor();
    await page.getByRole('link', { name: 'Déposer un dossier' }).click();
    await page.getByLabel("Intitulé de l'action").fill(ACTION);
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /^Dossier PIL-/ }).waitFor();
    actionId = page.url().split('/').pop() ?? '';

    // Submitted as it is: refused with what is missing, and it stays a draft.
    await page.getByRole('button', { name: 'Déposer le dossier' }).click();
    await waitForText(page.getByRole('alert').first(), /Dossier incomplet/);
    expect(await w.t.owner.query(`select status, submitted_at from actions where id = $1`, [actionId])).toEqual([
      { status: 'BROUILLON', submitted_at: null },
    ]);

    await page.getByLabel('Nom et prénom').fill('Awa Diallo');
    await page.getByLabel('Fonction').fill('Trésorière');
    await page.getByLabel('Description').fill('Des ateliers numériques pour les familles du quartier.');
    await page.getByLabel('Public visé').fill('30 familles du quartier.');
    await page.getByLabel('Objectifs').fill('Réduire la fracture numérique.');
    await page.getByLabel(new RegExp(qpv.name)).check();
    const budget = page.getByRole('group', { name: 'Budget prévisionnel (en euros)' });
    for (let i = 0; i < 2; i++) await budget.getByRole('button', { name: 'Ajouter une ligne de budget' }).click();
    const line = (n: number) => page.getByRole('group', { name: `Ligne de budget ${n}` });
    await line(1).getByLabel('Compte').selectOption('64');
    await line(1).getByLabel('Montant').fill('10 000');
    await line(2).getByLabel('Côté').selectOption('PRODUIT');
    await line(2).getByLabel('Compte').selectOption('74');
    await line(2).getByLabel('Montant').fill('10 000');
    // A porteur new to the territory is offered the call's funders.
    await page.getByRole('button', { name: 'Ajouter une subvention' }).click();
    const grant = page.getByRole('group', { name: 'Subvention 1' });
    await grant.getByLabel('Financeur').selectOption({ label: 'Région Bretagne' });
    await grant.getByLabel('Nature').selectOption('DROIT_COMMUN');
    await grant.getByLabel('Montant demandé').fill('10 000');
    // Its indicator is the catalogue's, so that its bilan adds up on the dashboard.
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const target = page.getByRole('group', { name: 'Indicateur 1' });
    await target.getByLabel('Indicateur du catalogue (facultatif)').selectOption({ label: indicator.label });
    expect(await target.getByLabel('Indicateur', { exact: true }).inputValue()).toBe(indicator.label);
    await target.getByLabel('Cible').fill('30');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré.' }).waitFor();
    const completeness = page.getByRole('region', { name: 'Complétude' });
    await waitForText(completeness, /pièce manquante : Statuts à jour/);

    await page
      .getByLabel('Fichier : Statuts à jour')
      .setInputFiles({ name: 'statuts.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% statuts\n%%EOF\n') });
    await page.getByRole('status').filter({ hasText: 'Pièce « statuts.pdf » jointe.' }).waitFor();
    await completeness.getByText('Le dossier est complet.').waitFor();
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parcours-03-dossier-complet-375px');
    await page.getByRole('button', { name: 'Déposer le dossier' }).click();
    await page.getByRole('status').filter({ hasText: 'Dossier déposé' }).waitFor();
    expect(
      await w.t.owner.query(
        `select a.status, a.submitted_at is not null as submitted, i.definition_id, (select count(*)::int from documents d where d.action_id = a.id) as pieces
           from actions a join action_indicators i on i.action_id = a.id where a.id = $1`,
        [actionId],
      ),
    ).toEqual([{ status: 'DEPOSEE', submitted: true, definition_id: indicator.id, pieces: 1 }]);
  });

  it('4. the chef asks for compléments in the browser; the porteur answers them on the phone', async () => {
    const chef = await signIn(CHEF, DEMO_PASSWORD, 1280);
    await chef.goto(`/t/${RENNES}/actions/${actionId}`);
    await chef.getByRole('button', { name: 'Demander des compléments' }).click();
    const dialog = chef.getByRole('dialog', { name: 'Demander des compléments' });
    await dialog.getByLabel('Objectifs').check();
    await dialog.getByLabel('Message au porteur').fill('Chiffrez vos objectifs.');
    await dialog.getByLabel('À apporter avant le').fill('2026-03-20');
    await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
    await chef.getByText(/Compléments demandés au porteur/).waitFor();

    const page = await signIn(porteurEmail, PASSWORD, 375);
    await page.goto(`/t/${RENNES}/dossiers/${actionId}`);
    await page.getByRole('region', { name: 'Demande de compléments' }).getByText('Chiffrez vos objectifs.').waitFor();
    expect(await page.getByLabel('Description').isDisabled()).toBe(true);
    await page.getByLabel('Objectifs').fill('30 familles accompagnées, 80 % autonomes en fin d’atelier.');
    await fitsThePhone(page);
    await page.getByRole('button', { name: 'Envoyer les compléments' }).click();
    await page.getByRole('status').filter({ hasText: 'Compléments envoyés' }).waitFor();
  });

  it('5. instruction and the comité des financeurs grant the Région’s line; the porteur signs its convention on the phone', async () => {
    const chef = await api(CHEF);
    const region = await api(REGION);
    const transition = async (to: string) =>
      ok(
        await gql(
          w.t.app,
          'mutation($i: TransitionActionInput!) { transitionAction(input: $i) { status } }',
          { i: { id: actionId, to } },
          chef,
        ),
      );
    await transition('EN_INSTRUCTION');
    await transition('A_ARBITRER');
    const [{ id: regionId }] = await w.t.owner.query(
      `select id from organisations where name = 'Région Bretagne' and tenant_id = (select id from tenants where siren = $1)`,
      [RENNES],
    );
    ok(
      await gql(
        w.t.app,
        'mutation($i: SetEnvelopeInput!) { setEnvelope(input: $i) { remainingCents } }',
        { i: { contratId, funderId: regionId, exerciseYear: 2026, kind: 'DROIT_COMMUN', amountCents: 100_000_000 } },
        chef,
      ),
    );
    const committee = ok(
      await gql(
        w.t.app,
        'mutation($i: ScheduleCommitteeInput!) { scheduleCommittee(input: $i) { id } }',
        {
          i: {
            contratId,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité des financeurs de juin',
            scheduledAt: '2026-06-10T08:00:00Z',
            place: 'Rennes',
          },
        },
        chef,
      ),
    ).scheduleCommittee.id;
    ok(
      await gql(
        w.t.app,
        'mutation($i: SetCommitteeMembersInput!) { setCommitteeMembers(input: $i) { id } }',
        { i: { committeeId: committee, quorum: 1, members: [{ organisationId: regionId, voting: true }] } },
        chef,
      ),
    );
    ok(
      await gql(
        w.t.app,
        'mutation($c: ID!, $a: [ID!]!) { addAgendaItems(committeeId: $c, actionIds: $a) { id } }',
        { c: committee, a: [actionId] },
        chef,
      ),
    );
    const [item] = ok(
      await gql(w.t.app, 'mutation($c: ID!) { openVote(committeeId: $c) { agendaItems { id actionId } } }', { c: committee }, chef),
    ).openVote.agendaItems;
    const [line] = ok(await gql(w.t.app, 'query($id: ID!) { action(id: $id) { fundingLines { id } } }', { id: actionId }, chef)).action
      .fundingLines;
    ok(
      await gql(
        w.t.app,
        'mutation($i: CastVoteInput!) { castVote(input: $i) { decision } }',
        { i: { agendaItemId: item.id, fundingLineId: line.id, decision: 'GRANT', amountCents: REQUESTED_CENTS } },
        region,
      ),
    );
    ok(await gql(w.t.app, 'mutation($c: ID!) { closeCommittee(committeeId: $c) { status } }', { c: committee }, chef));

    // The porteur signs in its space, on the phone.
    const page = await signIn(porteurEmail, PASSWORD, 375);
    await page.goto(`/t/${RENNES}/espace`);
    const mine = page.getByRole('region', { name: 'Mes actions' });
    await waitForText(mine, /Programmée/);
    await page.getByRole('region', { name: 'Conventions à signer' }).getByRole('link', { name: ACTION }).click();
    const toSign = page.getByRole('region', { name: 'À signer par votre organisation' });
    await toSign.getByRole('button', { name: `Signer « ${ACTION} »` }).click();
    await page.getByRole('button', { name: 'Confirmer la signature' }).click();
    await waitForText(page.getByRole('status').first(), /sign/i);
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parcours-04-convention-signee-porteur-375px');

    // The Région signs too: the action is conventionnée.
    const [convention] = ok(
      await gql(
        w.t.app,
        'query($a: ID!) { conventions(filter: { actionId: $a }) { nodes { id currentVersion { hash } } } }',
        { a: actionId },
        region,
      ),
    ).conventions.nodes;
    ok(
      await gql(
        w.t.app,
        'mutation($i: SignConventionInput!) { signConvention(input: $i) { status } }',
        { i: { conventionId: convention.id, versionHash: convention.currentVersion.hash } },
        region,
      ),
    );
    expect((await w.t.owner.query(`select status from actions where id = $1`, [actionId]))[0].status).toBe('CONVENTIONNEE');
    // Its space shows the decision and the convention done.
    await page.goto(`/t/${RENNES}/espace`);
    await waitForText(page.getByRole('region', { name: 'Financements décidés et paiements' }), /10\s000,00\s€/);
    await waitForText(page.getByRole('region', { name: 'Mes actions' }), /Conventionnée/);
    await page.getByText('Aucune convention n’attend votre signature.').waitFor();
  });

  it('6. in January the porteur files its bilan with its indicator’s value, on the phone', async () => {
    w.t.setNow(JANUARY_AFTER);
    const page = await signIn(porteurEmail, PASSWORD, 375);
    await page.goto(`/t/${RENNES}/espace`);
    await page
      .getByRole('region', { name: 'Mes actions' })
      .getByRole('link', { name: new RegExp(ACTION) })
      .click();
    await page.getByRole('link', { name: /Bilan/ }).first().click();
    await page.getByRole('heading', { name: new RegExp(`Bilan 2026 · ${ACTION}`) }).waitFor();
    const lines = page.locator('fieldset.bilan-line');
    const count = await lines.count();
    expect(count).toBeGreaterThan(0);
    // Everything realised as planned.
    for (let i = 0; i < count; i++) {
      const planned = (await lines.nth(i).locator('p').textContent()) ?? '';
      const amount = /Prévu : ([\d\s\u202f\u00a0]+(?:,\d{2})?)/.exec(planned)?.[1]?.replace(/[\s\u202f\u00a0]/g, '') ?? '0';
      await lines.nth(i).getByLabel('Réalisé (€)').fill(amount);
    }
    await page.getByLabel(new RegExp(indicator.label)).fill('27');
    await page.getByLabel(/Ce qui a été fait/).fill('Vingt-sept familles accompagnées en dix ateliers.');
    await page.getByRole('button', { name: 'Déposer le bilan' }).click();
    await waitForText(page.locator('.status-tag'), /Déposé/);
    await fitsThePhone(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parcours-05-bilan-depose-375px');
  });

  it('7. the chef accepts the bilan; the dashboard’s indicators and map show the API’s figures, with this action in them', async () => {
    const chef = await signIn(CHEF, DEMO_PASSWORD, 1280);
    await chef.goto(`/t/${RENNES}/actions/${actionId}/bilan`);
    await chef.getByRole('heading', { name: 'Relecture' }).waitFor();
    await chef.getByRole('button', { name: 'Accepter le bilan' }).click();
    await waitForText(chef.locator('.status-tag'), /Accepté/);

    const after = await dashboard();
    expect(after.qpv.decidedCents - before.decidedCents).toBe(REQUESTED_CENTS);
    expect(after.indicator.realised - before.realised).toBe(27);
    expect((after.inQuartier ?? 0) - before.inQuartier).toBe(27);

    await chef.goto(`/t/${RENNES}/contrat?contrat=${contratId}`);
    const indicators = chef.getByRole('table', { name: /Indicateurs du contrat/ });
    const row = indicators.getByRole('row').filter({ has: chef.getByRole('rowheader', { name: indicator.label, exact: true }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(quantityOf(cells[1])).toBe(after.indicator.realised);
    expect(Number(cells[2])).toBe(after.indicator.realisedActionCount);
    const mapRow = await chef.locator(`table.qpv-map-table tbody tr[data-code="${qpv.code}"] td`).allTextContents();
    expect([Number(mapRow[0]), ...mapRow.slice(1).map(centsOfEuros)]).toEqual([
      after.qpv.actionCount,
      BigInt(after.qpv.requestedCents),
      BigInt(after.qpv.decidedCents),
      BigInt(after.qpv.committedCents),
      BigInt(after.qpv.paidCents),
    ]);
    // The map coloured by the indicator: the quartier named with the API's figure, the same in the table.
    await chef.getByLabel('Colorer selon').selectOption({ label: indicator.label });
    const area = chef.locator(`svg.qpv-map-drawing path[data-code="${qpv.code}"]`);
    await waitForText(chef.locator('.qpv-map-legend'), new RegExp(`${indicator.label} \\(réalisé\\)`));
    const areaName = (await area.getAttribute('aria-label')) ?? '';
    // « Nom (CODE) : 27 personnes, 3 actions »: the figure before the first « , » (a decimal comma has no space after it).
    const figure = areaName.split(' : ')[1].split(', ')[0].replace(indicator.unit, '');
    expect(quantityOf(figure)).toBe(after.inQuartier);
    const withIndicator = await chef.locator(`table.qpv-map-table tbody tr[data-code="${qpv.code}"] td`).allTextContents();
    expect(quantityOf(withIndicator[withIndicator.length - 1].replace(indicator.unit, ''))).toBe(after.inQuartier);
    expect(await accessibilityViolations(chef)).toEqual([]);
    await screenshot(chef, 'parcours-06-tableau-de-bord-carte');
  });

  it('8. another porteur sees none of it, through the API and in the browser', async () => {
    const other = await api(OTHER_PORTEUR);
    const refused = [
      await gql(w.t.app, 'query($id: ID!) { action(id: $id) { id } }', { id: actionId }, other),
      await gql(w.t.app, 'query($id: ID!) { dossierCompleteness(id: $id) { complete } }', { id: actionId }, other),
      await gql(w.t.app, 'query($id: ID!) { bilanSheet(actionId: $id) { exerciseYear } }', { id: actionId }, other),
    ];
    expect(refused.map(codeOf)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const conventions = ok(
      await gql(w.t.app, 'query($a: ID!) { conventions(filter: { actionId: $a }) { nodes { id } } }', { a: actionId }, other),
    );
    expect(conventions.conventions.nodes).toEqual([]);
    const listed = ok(await gql(w.t.app, '{ actions(first: 100) { nodes { id } } }', {}, other)).actions.nodes;
    expect(listed.map((a: { id: string }) => a.id)).not.toContain(actionId);
    const calls = ok(await gql(w.t.app, 'query($id: ID!) { call(id: $id) { dossierCount } }', { id: callId }, other));
    expect(calls.call.dossierCount).toBe(0);

    const page = await signIn(OTHER_PORTEUR, DEMO_PASSWORD, 375);
    await page.goto(`/t/${RENNES}/espace`);
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Mes actions' }).getByRole('table').waitFor();
    expect(await page.getByText(ACTION).count()).toBe(0);
    for (const path of [
      `/t/${RENNES}/actions/${actionId}`,
      `/t/${RENNES}/dossiers/${actionId}`,
      `/t/${RENNES}/actions/${actionId}/bilan`,
    ]) {
      await page.goto(path);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByText(ACTION).count()).toBe(0);
    }
    await screenshot(page, 'parcours-07-autre-porteur-375px');
  });
});
