import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  gql,
  insertRow,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitUntil,
} from '@pilotis/test-support';

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const DAY = 86_400_000;

const DOSSIER = `
  id reference status submittedAt callId title description targetPublic objectives representativeName representativeFunction
  startDate endDate totalBudgetCents viewerMayFileDossier viewerMayRequestComplements
  qpvs { id } indicators { label target unit }
  budgetLines { position side account label plannedCents }
  fundingLines { funderId kind amountRequestedCents exerciseYear }
  requiredPieces { piece { id label mandatory } document { id fileName requiredPieceId } }
  openComplementRequest { id fields pieceIds message dueDate answeredAt }
  complementRequests { id answeredAt }`;
const ACTION = `query($id: ID!) { action(id: $id) { ${DOSSIER} } }`;
const CREATE = `mutation($input: CreateDossierInput!) { createDossier(input: $input) { ${DOSSIER} } }`;
const UPDATE = `mutation($input: UpdateDossierInput!) { updateDossier(input: $input) { ${DOSSIER} } }`;
const SUBMIT = `mutation($id: ID!) { submitDossier(id: $id) { ${DOSSIER} } }`;
const COMPLETENESS = `query($id: ID!) { dossierCompleteness(id: $id) { complete missing { field message } } }`;
const REQUEST = `mutation($input: RequestComplementsInput!) { requestComplements(input: $input) { id fields pieceIds message dueDate answeredAt } }`;
const ANSWER = `mutation($actionId: ID!) { answerComplements(actionId: $actionId) { id answeredAt } }`;

describe('dossiers: a porteur files its CERFA 12156 in answer to a call, the chef asks for complements', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let porteurRep: TestUser;
  let otherPorteurRep: TestUser;
  let regionRep: TestUser;
  let plainePorteurRep: TestUser;
  let contratId: string;
  let qpvId: string;
  let regionId: string;
  let etatId: string;
  let callId: string;
  let closesAt: Date;
  let statutsPiece: string;
  let ribPiece: string;
  let rapportPiece: string;
  let draftCallId: string;
  let futureCallId: string;
  let closedCallId: string;

  const as = (user: TestUser, tenant: string = SIREN.RENNES) => ({ token: user.token, tenant });
  const upload = (user: TestUser, actionId: string, pieceId: string, file: Buffer, tenant: string = SIREN.RENNES) =>
    request(t.app.getHttpServer())
      .post(`/documents/dossiers/${actionId}?piece=${pieceId}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', tenant)
      .attach('file', file, 'piece.pdf');
  const removePiece = (user: TestUser, documentId: string) =>
    request(t.app.getHttpServer())
      .delete(`/documents/dossiers/${documentId}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', SIREN.RENNES);

  /** Everything a refusal must leave as it was: the dossier's rows, its files, its requests. */
  const state = async (actionId: string) => ({
    action: await t.owner.query(
      `select status, submitted_at, title, description, target_public, objectives, representative_name, total_budget_cents, updated_at from actions where id = $1`,
      [actionId],
    ),
    budget: await t.owner.query(`select side, account, planned_cents from action_budget_lines where action_id = $1 order by position`, [
      actionId,
    ]),
    lines: await t.owner.query(`select funder_id, amount_requested_cents from funding_lines where action_id = $1 order by funder_id`, [
      actionId,
    ]),
    qpvs: await t.owner.query(`select qpv_id from action_qpvs where action_id = $1`, [actionId]),
    documents: await t.owner.query(`select id from documents where action_id = $1 order by id`, [actionId]),
    requests: await t.owner.query(`select id, answered_at from complement_requests where action_id = $1 order by id`, [actionId]),
    actions: (await t.owner.query(`select count(*)::int as n from actions`))[0].n,
  });

  const addCall = (status: string, opensAt: Date, closes: Date, title = 'Appel à projets 2026'): Promise<string> =>
    insertRow(t.owner, 'calls_for_projects', {
      tenant_id: rennes.id,
      contrat_id: contratId,
      exercise: 2026,
      title,
      status,
      opens_at: opensAt,
      closes_at: closes,
      published_at: status === 'PUBLIE' ? opensAt : null,
    });

  const create = (user: TestUser, input: Record<string, unknown>, tenant: string = SIREN.RENNES) =>
    gql(t.app, CREATE, { input }, as(user, tenant));

  /** A dossier filled in completely (budget balanced, plan equal to its subsidies), every mandatory piece attached. */
  const COMPLETE = () => ({
    description: 'Des ateliers de réparation de vélos au pied des immeubles.',
    targetPublic: '40 jeunes de 16 à 25 ans du quartier.',
    objectives: 'Remobiliser vers la formation et l’emploi.',
    representativeName: 'Camille Martin',
    representativeFunction: 'Présidente',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    qpvIds: [qpvId],
    budgetLines: [
      { side: 'CHARGE', account: '60', label: 'Achats de pièces', plannedCents: '1000000' },
      { side: 'CHARGE', account: '64', label: 'Animateur', plannedCents: '2000000' },
      { side: 'PRODUIT', account: '74', label: 'Subventions', plannedCents: '2500000' },
      { side: 'PRODUIT', account: '70', label: 'Participation des usagers', plannedCents: '500000' },
    ],
    fundingLines: [
      { funderId: regionId, kind: 'DROIT_COMMUN', amountRequestedCents: '1000000' },
      { funderId: etatId, kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: '1500000' },
    ],
    indicators: [{ label: 'Jeunes accompagnés', target: 40, unit: 'personnes' }],
  });

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: { ...SESSIONS_OUTLIVE_CLOCK_JUMPS } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ({ contratId } = await addContrat(t.owner, rennes.id));
    qpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03501M',
      name: 'Maurepas',
      communes: ['35238'],
      generation: 'G2024',
    });
    const porteurId = await insertRow(t.owner, 'organisations', {
      tenant_id: rennes.id,
      name: 'Vélo Cité Maurepas',
      kind: 'ASSOCIATION',
      siret: '12345678900011',
    });
    const otherPorteurId = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    regionId = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    etatId = await addOrganisation(t.owner, rennes.id, 'Préfecture d’Ille-et-Vilaine', 'ETAT');
    const plainePorteur = await addOrganisation(t.owner, plaine.id, 'Association de Plaine Commune', 'ASSOCIATION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteurId }]);
    otherPorteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: otherPorteurId },
    ]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: regionId }]);
    plainePorteurRep = await createUser(t.app, t.owner, [
      { tenantId: plaine.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: plainePorteur },
    ]);

    const now = Date.now();
    closesAt = new Date(now + 30 * DAY);
    callId = await addCall('PUBLIE', new Date(now - DAY), closesAt);
    statutsPiece = await insertRow(t.owner, 'call_required_pieces', {
      tenant_id: rennes.id,
      call_id: callId,
      position: 1,
      label: 'Statuts à jour',
    });
    ribPiece = await insertRow(t.owner, 'call_required_pieces', { tenant_id: rennes.id, call_id: callId, position: 2, label: 'RIB' });
    rapportPiece = await insertRow(t.owner, 'call_required_pieces', {
      tenant_id: rennes.id,
      call_id: callId,
      position: 3,
      label: "Rapport d'activité",
      mandatory: false,
    });
    draftCallId = await addCall('BROUILLON', new Date(now - DAY), closesAt, 'Appel en préparation');
    futureCallId = await addCall('PUBLIE', new Date(now + DAY), closesAt, 'Appel à venir');
    closedCallId = await addCall('PUBLIE', new Date(now - 10 * DAY), new Date(now - DAY), 'Appel clos');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens a dossier only on a published call between its opening and its closing, for a porteur', async () => {
    const before = (await t.owner.query(`select count(*)::int as n from actions`))[0].n;
    expect(codeOf(await create(porteurRep, { callId: draftCallId, title: 'Atelier vélo' }))).toBe('CALL_NOT_OPEN');
    expect(codeOf(await create(porteurRep, { callId: futureCallId, title: 'Atelier vélo' }))).toBe('CALL_NOT_OPEN');
    expect(codeOf(await create(porteurRep, { callId: closedCallId, title: 'Atelier vélo' }))).toBe('CALL_CLOSED');
    // Neither the chef, nor a funder, nor the admin file dossiers: FILE_DOSSIER is the porteurs'.
    expect(codeOf(await create(chef, { callId, title: 'Atelier vélo' }))).toBe('FORBIDDEN');
    expect(codeOf(await create(regionRep, { callId, title: 'Atelier vélo' }))).toBe('FORBIDDEN');
    expect(codeOf(await create(rennes.admin, { callId, title: 'Atelier vélo' }))).toBe('FORBIDDEN');
    // Another territory's porteur does not reach Rennes' call.
    expect(codeOf(await create(plainePorteurRep, { callId, title: 'Atelier vélo' }, SIREN.PLAINE_COMMUNE))).toBe('NOT_FOUND');
    // Bad input.
    const blank = await create(porteurRep, { callId, title: '   ' });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['title']);
    expect(codeOf(await create(porteurRep, { callId: 'pas-un-uuid', title: 'Atelier vélo' }))).toBe('BAD_USER_INPUT');
    // A call open to other kinds of structures only (here: SCOP and SCIC) refuses this association.
    await t.owner.query(`update calls_for_projects set eligible_kinds = '{SCOP,SCIC}' where id = $1`, [callId]);
    try {
      const refused = await create(porteurRep, { callId, title: 'Atelier vélo' });
      expect(codeOf(refused)).toBe('PORTEUR_NOT_ELIGIBLE');
      expect(refused.errors?.[0].extensions.eligibleKinds).toEqual(['SCOP', 'SCIC']);
    } finally {
      await t.owner.query(`update calls_for_projects set eligible_kinds = '{}' where id = $1`, [callId]);
    }
    expect((await t.owner.query(`select count(*)::int as n from actions`))[0].n).toBe(before);
  });

  it('drafts, refuses an incomplete dossier with the list, then submits it once into the instruction queue', async () => {
    let FUNDER = '';
    const created = ok(await create(porteurRep, { callId, title: 'Atelier vélo solidaire' })).createDossier;
    expect(created).toMatchObject({
      status: 'BROUILLON',
      submittedAt: null,
      callId,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      viewerMayFileDossier: true,
      viewerMayRequestComplements: false,
    });
    expect(created.requiredPieces.map((p: any) => [p.piece.label, p.piece.mandatory, p.document])).toEqual([
      ['Statuts à jour', true, null],
      ['RIB', true, null],
      ["Rapport d'activité", false, null],
    ]);
    const id = created.id as string;
    expect((await auditOf(t.owner, id)).filter((e) => e.operation === 'dossier.create')).toHaveLength(1);

    // Incomplete: the list of what is missing, in French, and nothing changes.
    const completeness = ok(await gql(t.app, COMPLETENESS, { id }, as(porteurRep))).dossierCompleteness;
    expect(completeness.complete).toBe(false);
    expect(completeness.missing.map((m: any) => m.field)).toEqual([
      'REPRESENTATIVE',
      'DESCRIPTION',
      'TARGET_PUBLIC',
      'OBJECTIVES',
      'QPVS',
      'BUDGET',
      'FUNDING',
      'INDICATORS',
      `PIECE:${statutsPiece}`,
      `PIECE:${ribPiece}`,
    ]);
    expect(completeness.missing[8].message).toBe('pièce manquante : Statuts à jour');
    let before = await state(id);
    const refused = await gql(t.app, SUBMIT, { id }, as(porteurRep));
    expect(codeOf(refused)).toBe('DOSSIER_INCOMPLETE');
    expect(refused.errors?.[0].message).toMatch(/^Dossier incomplet : le nom et la fonction du représentant/);
    expect((refused.errors?.[0].extensions.missing as unknown[]).length).toBe(10);
    expect(await state(id)).toEqual(before);

    // A funder named in the plan does not see a draft.
    ok(await gql(t.app, UPDATE, { input: { id, fundingLines: COMPLETE().fundingLines } }, as(porteurRep)));
    expect(codeOf(await gql(t.app, ACTION, { id }, as(regionRep)))).toBe('NOT_FOUND');
    const regionList = ok(await gql(t.app, `{ actions(first: 50) { nodes { id } } }`, {}, as(regionRep))).actions.nodes;
    expect(regionList.map((a: any) => a.id)).not.toContain(id);
    // Nor its amounts in its own figures.
    FUNDER = `{ funderDashboard { territories { actionCount totals { requestedCents } } } }`;
    const figures = ok(await gql(t.app, FUNDER, {}, { token: regionRep.token })).funderDashboard.territories;
    expect(figures.map((x: any) => [x.actionCount, x.totals.requestedCents])).toEqual([[0, 0]]);

    // Validation: accounts of the wrong side, unknown funder, dates outside the contract, a catalogue
    // indicator of another territory; nothing written.
    before = await state(id);
    const [foreignDefinition] = await t.owner.query(
      `select d.id from indicator_definitions d join tenants t on t.id = d.tenant_id where t.siren = $1 order by d.code limit 1`,
      [SIREN.PLAINE_COMMUNE],
    );
    expect(foreignDefinition).toBeDefined();
    const invalid = await gql(
      t.app,
      UPDATE,
      {
        input: {
          id,
          budgetLines: [{ side: 'CHARGE', account: '74', plannedCents: '100' }],
          fundingLines: [{ funderId: '00000000-0000-4000-8000-000000000000', kind: 'DROIT_COMMUN', amountRequestedCents: '100' }],
          startDate: '2040-01-01',
          indicators: [{ label: 'Jeunes accompagnés', target: 40, unit: 'personnes', definitionId: foreignDefinition.id }],
        },
      },
      as(porteurRep),
    );
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'budgetLines.0.account',
      'fundingLines.0.funderId',
      'indicators.0.definitionId',
      'startDate',
    ]);
    expect(await state(id)).toEqual(before);

    // An unbalanced budget is saved as a draft and reported.
    const unbalanced = COMPLETE();
    unbalanced.budgetLines[3].plannedCents = '400000';
    ok(await gql(t.app, UPDATE, { input: { id, ...unbalanced } }, as(porteurRep)));
    const half = ok(await gql(t.app, COMPLETENESS, { id }, as(porteurRep))).dossierCompleteness;
    expect(half.missing.map((m: any) => m.message)).toEqual([
      "le budget prévisionnel n'est pas équilibré (charges 30\u202f000,00 €, produits 29\u202f000,00 €)",
      `pièce manquante : Statuts à jour`,
      'pièce manquante : RIB',
    ]);

    const saved = ok(await gql(t.app, UPDATE, { input: { id, ...COMPLETE() } }, as(porteurRep))).updateDossier;
    expect(saved.totalBudgetCents).toBe(3000000);
    expect(saved.budgetLines.map((l: any) => [l.position, l.side, l.account])).toEqual([
      [1, 'CHARGE', '60'],
      [2, 'CHARGE', '64'],
      [3, 'PRODUIT', '74'],
      [4, 'PRODUIT', '70'],
    ]);
    expect(saved.fundingLines.every((l: any) => l.exerciseYear === 2026)).toBe(true);

    // Pieces: another porteur cannot attach to this dossier; the porteur attaches its own.
    before = await state(id);
    expect((await upload(otherPorteurRep, id, statutsPiece, pdf('intrus'))).status).toBe(404);
    expect((await upload(chef, id, statutsPiece, pdf('chef'))).status).toBe(403);
    expect((await upload(porteurRep, id, '00000000-0000-4000-8000-000000000000', pdf('x'))).status).toBe(404);
    expect(await state(id)).toEqual(before);
    const statuts = await upload(porteurRep, id, statutsPiece, pdf('statuts'));
    expect(statuts.status).toBe(201);
    expect(statuts.body.requiredPieceId).toBe(statutsPiece);
    expect((await upload(porteurRep, id, statutsPiece, pdf('statuts bis'))).body.code).toBe('CONFLICT');
    expect((await upload(porteurRep, id, ribPiece, pdf('rib'))).status).toBe(201);

    expect(ok(await gql(t.app, COMPLETENESS, { id }, as(porteurRep))).dossierCompleteness).toEqual({ complete: true, missing: [] });
    const submitted = ok(await gql(t.app, SUBMIT, { id }, as(porteurRep))).submitDossier;
    expect(submitted.status).toBe('DEPOSEE');
    expect(submitted.submittedAt).not.toBeNull();
    expect(submitted.viewerMayFileDossier).toBe(false);
    expect((await auditOf(t.owner, id)).filter((e) => e.operation === 'dossier.submit')[0].after).toMatchObject({
      status: 'DEPOSEE',
      callId,
    });

    // Submitted once; no longer editable; its pieces are fixed.
    before = await state(id);
    expect(codeOf(await gql(t.app, SUBMIT, { id }, as(porteurRep)))).toBe('ALREADY_SUBMITTED');
    expect(codeOf(await gql(t.app, UPDATE, { input: { id, title: 'Autre' } }, as(porteurRep)))).toBe('DOSSIER_NOT_EDITABLE');
    expect((await upload(porteurRep, id, rapportPiece, pdf('rapport'))).body.code).toBe('DOSSIER_NOT_EDITABLE');
    expect((await removePiece(porteurRep, statuts.body.id)).body.code).toBe('DOSSIER_NOT_EDITABLE');
    expect(await state(id)).toEqual(before);

    // In the territory's instruction queue, with its pieces; the funders named now see it.
    const queue = ok(
      await gql(
        t.app,
        `{ actions(first: 50, filter: { status: [DEPOSEE] }) { nodes { id documents { requiredPieceId } } } }`,
        {},
        as(chef),
      ),
    ).actions.nodes;
    expect(
      queue
        .find((a: any) => a.id === id)
        ?.documents.map((d: any) => d.requiredPieceId)
        .sort(),
    ).toEqual([statutsPiece, ribPiece].sort());
    expect(ok(await gql(t.app, ACTION, { id }, as(regionRep))).action.status).toBe('DEPOSEE');
    const figuresNow = ok(await gql(t.app, FUNDER, {}, { token: regionRep.token })).funderDashboard.territories;
    expect(figuresNow.map((x: any) => [x.actionCount, x.totals.requestedCents])).toEqual([[1, 1000000]]);
    expect(ok(await gql(t.app, ACTION, { id }, as(chef))).action.viewerMayRequestComplements).toBe(true);
  });

  it('refuses a submission after the closing instant, by the injectable clock', async () => {
    const id = ok(await create(otherPorteurRep, { callId, title: 'Boutique solidaire' })).createDossier.id as string;
    // The chef cannot deposit a porteur's dossier by hand either.
    expect(
      codeOf(
        await gql(
          t.app,
          `mutation($input: TransitionActionInput!) { transitionAction(input: $input) { id } }`,
          { input: { id, to: 'DEPOSEE' } },
          as(chef),
        ),
      ),
    ).toBe('INVALID_TRANSITION');
    const before = await state(id);
    t.setNow(new Date(closesAt.getTime() + 1000));
    try {
      expect(codeOf(await gql(t.app, SUBMIT, { id }, as(otherPorteurRep)))).toBe('CALL_CLOSED');
      expect(codeOf(await create(otherPorteurRep, { callId, title: 'Trop tard' }))).toBe('CALL_CLOSED');
    } finally {
      t.resetClock();
    }
    expect(await state(id)).toEqual(before);
  });

  it('keeps each porteur to its own dossiers, in its own territory', async () => {
    const [{ id }] = await t.owner.query(`select id from actions where title = 'Atelier vélo solidaire'`);
    const byOther = [
      await gql(t.app, ACTION, { id }, as(otherPorteurRep)),
      await gql(t.app, COMPLETENESS, { id }, as(otherPorteurRep)),
      await gql(t.app, UPDATE, { input: { id, title: 'Volé' } }, as(otherPorteurRep)),
      await gql(t.app, SUBMIT, { id }, as(otherPorteurRep)),
      await gql(t.app, ANSWER, { actionId: id }, as(otherPorteurRep)),
      await gql(t.app, ACTION, { id }, as(plainePorteurRep, SIREN.PLAINE_COMMUNE)),
      await gql(t.app, UPDATE, { input: { id, title: 'Volé' } }, as(plainePorteurRep, SIREN.PLAINE_COMMUNE)),
    ];
    expect(byOther.map(codeOf)).toEqual(Array(7).fill('NOT_FOUND'));
    // A porteur of Plaine Commune naming Rennes is no member there.
    expect(codeOf(await gql(t.app, ACTION, { id }, as(plainePorteurRep, SIREN.RENNES)))).toBe('FORBIDDEN');
    const list = ok(await gql(t.app, `{ actions(first: 50) { nodes { id } } }`, {}, as(otherPorteurRep))).actions.nodes;
    expect(list.map((a: any) => a.id)).not.toContain(id);
    // Nor does the call tell it how many dossiers its competitors have opened: a porteur counts its own.
    const count = (user: TestUser) => gql(t.app, `query($id: ID!) { call(id: $id) { dossierCount } }`, { id: callId }, as(user));
    const [{ n: all }] = await t.owner.query(`select count(*)::int as n from actions where call_id = $1`, [callId]);
    const ownOf = async (user: TestUser): Promise<number> =>
      (
        await t.owner.query(
          `select count(*)::int as n from actions a join memberships m on m.organisation_id = a.porteur_id
            where a.call_id = $1 and m.user_id = $2`,
          [callId, user.id],
        )
      )[0].n;
    expect(all).toBeGreaterThan(await ownOf(porteurRep));
    expect(all).toBeGreaterThan(await ownOf(otherPorteurRep));
    expect(ok(await count(chef)).call.dossierCount).toBe(all);
    expect(ok(await count(porteurRep)).call.dossierCount).toBe(await ownOf(porteurRep));
    expect(ok(await count(otherPorteurRep)).call.dossierCount).toBe(await ownOf(otherPorteurRep));
    // Complements are the instructors': neither porteurs nor funders ask for them.
    const input = { actionId: id, fields: ['OBJECTIVES'], pieceIds: [], message: 'Précisez', dueDate: '2030-01-01' };
    expect(codeOf(await gql(t.app, REQUEST, { input }, as(porteurRep)))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.app, REQUEST, { input }, as(regionRep)))).toBe('FORBIDDEN');
  });

  it('keeps the porteur’s word: the chef de projet does not rewrite a dossier through the action’s or the lines’ mutations', async () => {
    const [{ id }] = await t.owner.query(`select id from actions where title = 'Atelier vélo solidaire'`);
    const before = await state(id);
    const [line] = await t.owner.query(`select id from funding_lines where action_id = $1 order by id limit 1`, [id]);
    const refused = [
      await gql(t.app, `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`, { i: { id, title: 'Réécrit' } }, as(chef)),
      await gql(
        t.app,
        `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`,
        { i: { id, totalBudgetCents: '1' } },
        as(chef),
      ),
      await gql(
        t.app,
        `mutation($i: AddFundingLineInput!) { addFundingLine(input: $i) { id } }`,
        { i: { actionId: id, funderId: regionId, kind: 'DROIT_COMMUN', amountRequestedCents: '100', exerciseYear: 2026, pledge: true } },
        as(chef),
      ),
      await gql(
        t.app,
        `mutation($i: UpdateFundingLineInput!) { updateFundingLine(input: $i) { id } }`,
        { i: { id: line.id, amountRequestedCents: '1' } },
        as(chef),
      ),
      await gql(t.app, `mutation($id: ID!) { removeFundingLine(id: $id) { id } }`, { id: line.id }, as(chef)),
    ];
    expect(refused.map(codeOf)).toEqual(Array(5).fill('DOSSIER_FILED_BY_PORTEUR'));
    expect(refused[0].errors?.[0].message).toMatch(/demande de compléments|Demandez-lui des compléments/);
    expect(await state(id)).toEqual(before);
    // The same title sent back by a form is no change; and the screen is told the dossier is not the chef's to edit.
    const [{ title }] = await t.owner.query(`select title from actions where id = $1`, [id]);
    ok(await gql(t.app, `mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }`, { i: { id, title } }, as(chef)));
    expect(ok(await gql(t.app, `query($id: ID!) { action(id: $id) { editable } }`, { id }, as(chef))).action.editable).toBe(false);
  });

  it('reopens only the fields and pieces a demande de compléments lists, with its deadline, until the porteur answers', async () => {
    const [{ id }] = await t.owner.query(`select id from actions where title = 'Atelier vélo solidaire'`);
    const dueDate = new Date(Date.now() + 15 * DAY).toISOString().slice(0, 10);

    // Refused requests: before anything is open, the porteur has nothing to answer; bad input changes nothing.
    let before = await state(id);
    expect(codeOf(await gql(t.app, ANSWER, { actionId: id }, as(porteurRep)))).toBe('NO_COMPLEMENTS_REQUESTED');
    const bad = await gql(
      t.app,
      REQUEST,
      { input: { actionId: id, fields: [], pieceIds: ['00000000-0000-4000-8000-000000000000'], message: ' ', dueDate: '2020-01-01' } },
      as(chef),
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['dueDate', 'message', 'pieceIds.0']);
    expect(await state(id)).toEqual(before);

    const input = {
      actionId: id,
      fields: ['OBJECTIVES'],
      pieceIds: [ribPiece],
      message: 'Précisez les objectifs ; le RIB est illisible.',
      dueDate,
    };
    // Two instructors at once: one request opens, the other is told one is pending (the action's row lock).
    const [first, second] = await Promise.all([
      gql(t.app, REQUEST, { input }, as(chef)),
      gql(t.app, REQUEST, { input: { ...input, message: 'Autre demande' } }, as(chef)),
    ]);
    expect([codeOf(first), codeOf(second)].sort()).toEqual(['COMPLEMENTS_PENDING', undefined].sort());
    const asked = (first.data?.requestComplements ?? second.data?.requestComplements) as any;
    expect(asked).toMatchObject({ fields: ['OBJECTIVES'], pieceIds: [ribPiece], dueDate, answeredAt: null });
    expect((await auditOf(t.owner, asked.id)).filter((e) => e.operation === 'dossier.request_complements')).toHaveLength(1);
    expect(codeOf(await gql(t.app, REQUEST, { input }, as(chef)))).toBe('COMPLEMENTS_PENDING');

    // The porteur sees the request and may change only what it reopens.
    const seen = ok(await gql(t.app, ACTION, { id }, as(porteurRep))).action;
    expect(seen.openComplementRequest).toMatchObject({ id: asked.id, fields: ['OBJECTIVES'] });
    expect(seen.viewerMayFileDossier).toBe(true);
    expect(ok(await gql(t.app, ACTION, { id }, as(chef))).action.viewerMayRequestComplements).toBe(false);
    before = await state(id);
    const notReopened = await gql(t.app, UPDATE, { input: { id, title: 'Autre titre', objectives: 'Nouveaux objectifs' } }, as(porteurRep));
    expect(codeOf(notReopened)).toBe('FIELD_NOT_REOPENED');
    const statuts = seen.requiredPieces.find((p: any) => p.piece.id === statutsPiece).document;
    const rib = seen.requiredPieces.find((p: any) => p.piece.id === ribPiece).document;
    expect((await removePiece(porteurRep, statuts.id)).body.code).toBe('FIELD_NOT_REOPENED');
    expect(await state(id)).toEqual(before);

    const updated = ok(
      await gql(t.app, UPDATE, { input: { id, objectives: 'Remobiliser 40 jeunes : 60 % en formation.' } }, as(porteurRep)),
    ).updateDossier;
    expect(updated.objectives).toBe('Remobiliser 40 jeunes : 60 % en formation.');
    expect(updated.status).toBe('DEPOSEE');
    expect((await removePiece(porteurRep, rib.id)).status).toBe(200);
    expect((await upload(porteurRep, id, ribPiece, pdf('rib lisible'))).status).toBe(201);

    // The COMPLEMENTS deadline, with the porteur responsible for it.
    await waitUntil(
      async () => (await t.owner.query(`select 1 from deadlines where key = $1`, [`COMPLEMENTS:${asked.id}`])).length === 1,
      'the COMPLEMENTS deadline',
      { timeoutMs: WAIT_CEILING_MS },
    );
    const [deadline] = await t.owner.query(
      `select id, kind, to_char(due_date, 'YYYY-MM-DD') as due, action_id, met_at from deadlines where key = $1`,
      [`COMPLEMENTS:${asked.id}`],
    );
    expect(deadline).toMatchObject({ kind: 'COMPLEMENTS', due: dueDate, action_id: id, met_at: null });
    const responsible = await t.owner.query(`select user_id from deadline_responsibles where deadline_id = $1`, [deadline.id]);
    expect(responsible.map((r: any) => r.user_id)).toEqual([porteurRep.id]);

    // The answer closes the request and, through the worker, the deadline.
    const answered = ok(await gql(t.app, ANSWER, { actionId: id }, as(porteurRep))).answerComplements;
    expect(answered.answeredAt).not.toBeNull();
    expect((await auditOf(t.owner, asked.id)).filter((e) => e.operation === 'dossier.answer_complements')).toHaveLength(1);
    expect(codeOf(await gql(t.app, ANSWER, { actionId: id }, as(porteurRep)))).toBe('NO_COMPLEMENTS_REQUESTED');
    expect(codeOf(await gql(t.app, UPDATE, { input: { id, objectives: 'Encore' } }, as(porteurRep)))).toBe('DOSSIER_NOT_EDITABLE');
    await waitUntil(
      async () => (await t.owner.query(`select met_at from deadlines where id = $1`, [deadline.id]))[0].met_at !== null,
      'the COMPLEMENTS deadline met',
      { timeoutMs: WAIT_CEILING_MS },
    );
    const after = ok(await gql(t.app, ACTION, { id }, as(chef))).action;
    expect(after.openComplementRequest).toBeNull();
    expect(after.complementRequests.map((r: any) => r.id)).toEqual([asked.id]);
    expect(after.viewerMayRequestComplements).toBe(true);
    // Sent back to draft by hand, it could be neither edited nor submitted again: refused, compléments are the way.
    const back = await gql(
      t.app,
      `mutation($input: TransitionActionInput!) { transitionAction(input: $input) { id } }`,
      { input: { id, to: 'BROUILLON' } },
      as(chef),
    );
    expect(codeOf(back)).toBe('INVALID_TRANSITION');
  });
});
