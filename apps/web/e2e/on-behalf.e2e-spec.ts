import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { gql, login, ok } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, startWebTest, waitForText, WebTest } from './browser';

const RENNES = '243500139';
const TITLE = 'Jardins partagés du Blosne';
const ARCHIPEL = 'Archipel Habitat';
const MANDATOR = 'Mme Claire Martin, directrice';
const MANDATE_FILE = { name: 'mandat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% mandat\n%%EOF\n') };

/**
 * « Pour le compte de » in a real Chromium, on the demo data of Rennes Métropole: Archipel Habitat and the
 * association L'Autre Boutique have no account. The chef de projet records Archipel's vote on its mandate
 * (the scan uploaded from the form), the line shows the mention; once the committee is closed, the chef de
 * projet records the signatures of both on the convention, which the screen then shows.
 */
describe('web: recording a vote and a signature « pour le compte de »', () => {
  let w: WebTest;
  let committeeId = '';

  beforeAll(async () => {
    w = await startWebTest();
    const [{ id: tenantId }] = await w.t.owner.query('select id from tenants where siren = $1', [RENNES]);
    const orgId = async (name: string): Promise<string> =>
      (await w.t.owner.query('select id from organisations where tenant_id = $1 and name = $2', [tenantId, name]))[0].id;
    const [{ contrat_id: contratId, pillar_id: pillarId }] = await w.t.owner.query(
      `select contrat_id, pillar_id from actions where tenant_id = $1 order by number limit 1`,
      [tenantId],
    );
    const archipel = await orgId(ARCHIPEL);
    // A dossier of L'Autre Boutique at arbitration, with one line of Archipel Habitat (written as the owner:
    // the instruction screens are not these).
    const [{ id: actionId }] = await w.t.owner.query(
      `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
       values ($1, gen_random_uuid(), 9001, $2, $3, $4, $5, $6, '2026-03-01', '2026-12-31', 3000000, 'A_ARBITRER') returning id`,
      [tenantId, `PIL-${RENNES}-9001`, contratId, pillarId, await orgId("L'Autre Boutique"), TITLE],
    );
    await w.t.owner.query(
      `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year)
       values ($1, gen_random_uuid(), $2, $3, 'DROIT_COMMUN', 1200000, 2026)`,
      [tenantId, actionId, archipel],
    );
    const chef = { token: await login(w.t.app, 'cdp.rennes@demo.pilotis.fr', DEMO_PASSWORD), tenant: RENNES };
    ok(
      await gql(
        w.t.app,
        'mutation($i: SetEnvelopeInput!) { setEnvelope(input: $i) { id } }',
        { i: { contratId, funderId: archipel, exerciseYear: 2026, kind: 'DROIT_COMMUN', amountCents: 50_000_000 } },
        chef,
      ),
    );
    committeeId = ok(
      await gql(
        w.t.app,
        'mutation($i: ScheduleCommitteeInput!) { scheduleCommittee(input: $i) { id } }',
        { i: { contratId, kind: 'COMITE_DES_FINANCEURS', title: 'Comité des bailleurs', scheduledAt: '2026-04-02T14:00:00Z', quorum: 1 } },
        chef,
      ),
    ).scheduleCommittee.id;
    ok(
      await gql(
        w.t.app,
        'mutation($i: SetCommitteeMembersInput!) { setCommitteeMembers(input: $i) { id } }',
        { i: { committeeId, members: [{ organisationId: archipel, voting: true }] } },
        chef,
      ),
    );
    ok(
      await gql(
        w.t.app,
        'mutation($c: ID!, $a: [ID!]!) { addAgendaItems(committeeId: $c, actionIds: $a) { id } }',
        { c: committeeId, a: [actionId] },
        chef,
      ),
    );
    ok(await gql(w.t.app, 'mutation($c: ID!) { openVote(committeeId: $c) { id } }', { c: committeeId }, chef));
  });

  afterAll(async () => {
    await w?.close();
  });

  it("records Archipel Habitat's vote on its mandate, then the convention's signatures of the signatories without an account", async () => {
    const { page } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/comites/${committeeId}`);
    const point = page.getByRole('article', { name: `Point 1 : ${TITLE}` });
    await point.waitFor();
    await point.getByText(`Saisir pour le compte d'${ARCHIPEL}`).click();
    const form = point.getByRole('form', { name: `Vote pour le compte d'${ARCHIPEL}` });
    // The mandate is required: refused in French before anything is sent.
    await form.getByLabel('Montant accordé (en euros)').fill('10 000');
    await form.getByRole('button', { name: `Enregistrer le vote pour le compte d'${ARCHIPEL}` }).click();
    await form.getByText("Indiquez qui, à l'organisation, a donné le mandat.").waitFor();
    await form.getByLabel('Auteur du mandat').fill(MANDATOR);
    await form.getByLabel('Mandat (scan : PDF, PNG ou JPEG)').setInputFiles(MANDATE_FILE);
    await form.getByRole('button', { name: `Enregistrer le vote pour le compte d'${ARCHIPEL}` }).click();
    await waitForText(
      point.locator('tr', { hasText: ARCHIPEL }),
      new RegExp(
        `Accordé : 10\\s000,00\\s€.*Vote enregistré pour le compte d'${ARCHIPEL} par Camille Chef de projet \\(Rennes\\) sur mandat de ${MANDATOR}`,
      ),
    );
    // Recorded, the line is no longer offered (the API serves it: the vote is replaced by another recording only).
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '60-vote-pour-le-compte-de');

    await page.getByRole('button', { name: 'Clore le comité' }).click();
    await page.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await page.getByRole('heading', { name: 'Résultats', level: 2 }).waitFor();

    await page.goto(`/t/${RENNES}/conventions?q=${encodeURIComponent('Jardins partagés')}`);
    const card = page.getByRole('article', { name: TITLE });
    await waitForText(card, /0 sur 2 signatures/);
    const sign = async (organisation: string, of: string, signer: string, quality: string, expected: RegExp) => {
      await card.getByText(`Signer pour le compte ${of}`).click();
      const signForm = card.getByRole('form', { name: `Signature pour le compte ${of}` });
      await signForm.getByLabel('Nom du signataire').fill(signer);
      await signForm.getByLabel('Qualité du signataire').fill(quality);
      await signForm.getByLabel('Auteur du mandat').fill(MANDATOR);
      await signForm.getByLabel('Mandat (scan : PDF, PNG ou JPEG)').setInputFiles(MANDATE_FILE);
      await signForm.getByRole('button', { name: `Enregistrer la signature pour le compte ${of}` }).click();
      await waitForText(card, expected);
      await waitForText(
        card.locator('tr', { hasText: organisation }),
        new RegExp(`signé par ${signer} \\(${quality}\\) pour le compte ${of}`),
      );
    };
    await sign(ARCHIPEL, `d'${ARCHIPEL}`, 'Claire Martin', 'directrice générale', /1 sur 2 signatures/);
    await sign("L'Autre Boutique", "de L'Autre Boutique", 'Paul Durand', 'président', /2 sur 2 signatures.*Signée/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '61-convention-signee-pour-le-compte-de');
  });
});
