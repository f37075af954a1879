import { Role } from '@pilotis/access';
import {
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  insertRow,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const CALL = `id contratId exercise title description status opensAt closesAt publishedAt endedAt instructionDueDate committeeDate eligibleKinds
  opensAtLocal { date time } closesAtLocal { date time } dossierCount
  pillars { id title } objectives { id code } qpvs { id code }
  funders { organisationId name envelopeCents internalNote }
  requiredPieces { position label mandatory description }`;
const CREATE = `mutation($input: CreateCallInput!) { createCall(input: $input) { ${CALL} } }`;
const UPDATE = `mutation($input: UpdateCallInput!) { updateCall(input: $input) { ${CALL} } }`;
const PIECES = `mutation($callId: ID!, $pieces: [CallPieceInput!]!) { setCallRequiredPieces(callId: $callId, pieces: $pieces) { id requiredPieces { position label mandatory description } } }`;
const PUBLISH = `mutation($id: ID!) { publishCall(id: $id) { ${CALL} } }`;
const CLOSE = `mutation($id: ID!) { closeCall(id: $id) { id status endedAt } }`;
const CANCEL = `mutation($id: ID!) { cancelCall(id: $id) { id status } }`;
const DELETE = `mutation($id: ID!) { deleteCall(id: $id) }`;
const GET = `query($id: ID!) { call(id: $id) { ${CALL} } }`;
const LIST = `query($contratId: ID!) { calls(contratId: $contratId) { id status title } }`;
const PUBLIC_CALL_FIELDS = `id title description exercise status opensAt closesAt opensAtLocal { date time } closesAtLocal { date time } timeZone open
  instructionDueDate committeeDate eligibleKinds pillars { title } objectives { code title } qpvs { code name } funders { name envelopeCents }
  requiredPieces { position label description mandatory }`;
const PUBLIC_LIST = `query($siren: String!) { publicCalls(siren: $siren) { territoryName siren calls { ${PUBLIC_CALL_FIELDS} } } }`;
const PUBLIC_GET = `query($siren: String!, $id: ID!) { publicCall(siren: $siren, id: $id) { ${PUBLIC_CALL_FIELDS} } }`;

const PIECES_INPUT = [
  { label: 'Statuts à jour', mandatory: true },
  { label: 'RIB', mandatory: true, description: 'Au nom de la structure.' },
  { label: "Rapport d'activité", mandatory: false },
];

describe('calls for projects', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let funderRep: TestUser;
  let porteurRep: TestUser;
  let auditor: TestUser;
  let plaineChef: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let otherContrat: { contratId: string; pillarId: string };
  let objectiveId: string;
  let qpvId: string;
  let foreignQpvId: string;
  let region: string;
  let caf: string;
  let porteur: string;
  let plaineContrat: string;

  const as = (u: TestUser, tenant: string = SIREN.RENNES) => ({ token: u.token, tenant });
  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions.fields?.map((f) => `${f.field}:${f.reason}`);

  /** A complete draft (pieces included) of the Rennes contract, as the chef de projet. */
  async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
    const call = ok(
      await gql(
        t.app,
        CREATE,
        {
          input: {
            contratId: ctx.contratId,
            exercise: 2027,
            title: 'Appel à projets 2027',
            description: 'Soutenir les initiatives des habitants des quartiers prioritaires.\n\nPriorité aux projets co-construits.',
            pillarIds: [ctx.pillarId],
            objectiveIds: [objectiveId],
            qpvIds: [qpvId],
            eligibleKinds: ['ASSOCIATION', 'REGIE_DE_QUARTIER'],
            funders: [
              { organisationId: region, envelopeCents: '15000000', internalNote: 'Confirmé en CP de janvier' },
              { organisationId: caf, envelopeCents: 5_000_000 },
            ],
            opensAt: { date: '2027-01-15', time: '09:00' },
            closesAt: { date: '2027-03-31', time: '12:00' },
            instructionDueDate: '2027-05-15',
            committeeDate: '2027-06-10',
            ...overrides,
          },
        },
        as(chef),
      ),
    ).createCall;
    ok(await gql(t.app, PIECES, { callId: call.id, pieces: PIECES_INPUT }, as(chef)));
    return call.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({ config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ctx = await addContrat(t.owner, rennes.id);
    otherContrat = await addContrat(t.owner, rennes.id);
    plaineContrat = (await addContrat(t.owner, plaine.id)).contratId;
    objectiveId = await insertRow(t.owner, 'objectives', {
      tenant_id: rennes.id,
      pillar_id: ctx.pillarId,
      code: '1.2',
      title: 'Réussite éducative',
    });
    qpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03501M',
      name: 'Maurepas',
      communes: ['35238'],
      generation: '2024',
    });
    foreignQpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03502M',
      name: 'Le Blosne',
      communes: ['35238'],
      generation: '2024',
    });
    await t.owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [rennes.id, ctx.contratId, qpvId]);
    region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    caf = await addOrganisation(t.owner, rennes.id, "Caf d'Ille-et-Vilaine", 'CAF');
    porteur = await addOrganisation(t.owner, rennes.id, 'Le Relais', 'ASSOCIATION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterEach(() => t.resetClock());
  afterAll(async () => {
    await t.close();
  });

  it('drafts, lists the pieces, publishes in the territory’s time zone, and audits each step', async () => {
    const id = await draft();
    let call = ok(await gql(t.app, GET, { id }, as(chef))).call;
    expect(call).toMatchObject({
      status: 'BROUILLON',
      exercise: 2027,
      publishedAt: null,
      eligibleKinds: ['ASSOCIATION', 'REGIE_DE_QUARTIER'],
      // 09:00 in Paris in winter is 08:00 UTC; 12:00 on 31 March (summer time) is 10:00 UTC.
      opensAt: '2027-01-15T08:00:00.000Z',
      closesAt: '2027-03-31T10:00:00.000Z',
      opensAtLocal: { date: '2027-01-15', time: '09:00' },
      closesAtLocal: { date: '2027-03-31', time: '12:00' },
      instructionDueDate: '2027-05-15',
      committeeDate: '2027-06-10',
      dossierCount: 0,
      pillars: [{ id: ctx.pillarId }],
      objectives: [{ id: objectiveId, code: '1.2' }],
      qpvs: [{ id: qpvId, code: 'QN03501M' }],
    });
    expect(call.funders).toEqual([
      { organisationId: caf, name: "Caf d'Ille-et-Vilaine", envelopeCents: 5_000_000, internalNote: '' },
      { organisationId: region, name: 'Région Bretagne', envelopeCents: 15_000_000, internalNote: 'Confirmé en CP de janvier' },
    ]);
    expect(call.requiredPieces).toEqual([
      { position: 1, label: 'Statuts à jour', mandatory: true, description: '' },
      { position: 2, label: 'RIB', mandatory: true, description: 'Au nom de la structure.' },
      { position: 3, label: "Rapport d'activité", mandatory: false, description: '' },
    ]);

    call = ok(await gql(t.app, PUBLISH, { id }, as(chef))).publishCall;
    expect(call.status).toBe('PUBLIE');
    expect(call.publishedAt).not.toBeNull();
    expect(ok(await gql(t.app, LIST, { contratId: ctx.contratId }, as(chef))).calls.map((c: { id: string }) => c.id)).toContain(id);

    // The organisation-bound roles read the published call, without the funders' internal notes.
    const seenByFunder = ok(await gql(t.app, GET, { id }, as(funderRep))).call;
    expect(seenByFunder.funders.map((f: { internalNote: string | null }) => f.internalNote)).toEqual([null, null]);

    expect((await auditOf(t.owner, id)).map((e) => e.operation)).toEqual(['call.create', 'call.set_required_pieces', 'call.publish']);
    const [created] = await auditOf(t.owner, id);
    expect(created.after).toMatchObject({ qpvIds: [qpvId], pillarIds: [ctx.pillarId], funders: expect.any(Array) });
    expect(created.actor_user_id).toBe(chef.id);
  });

  it('refuses to publish an incomplete call, naming what is missing, and changes nothing', async () => {
    const bare = ok(
      await gql(t.app, CREATE, { input: { contratId: ctx.contratId, exercise: 2027, title: 'Brouillon nu' } }, as(chef)),
    ).createCall;
    const res = await gql(t.app, PUBLISH, { id: bare.id }, as(chef));
    expect(codeOf(res)).toBe('CALL_INCOMPLETE');
    expect(fieldsOf(res)).toEqual(['description:required', 'opensAt:required', 'closesAt:required', 'requiredPieces:required']);
    expect(ok(await gql(t.app, GET, { id: bare.id }, as(chef))).call.status).toBe('BROUILLON');
    expect((await auditOf(t.owner, bare.id)).map((e) => e.operation)).toEqual(['call.create']);

    // A closing already past is refused at publication too.
    const late = await draft();
    t.setNow('2027-04-01T00:00:00Z');
    const past = await gql(t.app, PUBLISH, { id: late }, as(chef));
    expect([codeOf(past), fieldsOf(past)]).toEqual(['BAD_USER_INPUT', ['closesAt:in_past']]);
  });

  it('refuses bad input with the field to blame', async () => {
    const base = { contratId: ctx.contratId, exercise: 2027, title: 'Appel' };
    const cases: [Record<string, unknown>, string][] = [
      [{ opensAt: { date: '2027-03-01', time: '09:00' }, closesAt: { date: '2027-02-01', time: '09:00' } }, 'closesAt:before_opening'],
      [{ instructionDueDate: '2027-06-01', committeeDate: '2027-05-01' }, 'committeeDate:before_instruction'],
      [{ opensAt: { date: '2027-02-30', time: '09:00' } }, 'opensAt.date:isDate'],
      [{ pillarIds: [otherContrat.pillarId] }, 'pillarIds:not_found'],
      [{ qpvIds: [foreignQpvId] }, 'qpvIds:not_found'],
      [
        {
          funders: [
            { organisationId: region, envelopeCents: 1 },
            { organisationId: region, envelopeCents: 2 },
          ],
        },
        'funders:duplicate',
      ],
    ];
    for (const [extra, expected] of cases) {
      const res = await gql(t.app, CREATE, { input: { ...base, ...extra } }, as(chef));
      expect([codeOf(res), fieldsOf(res)]).toEqual(['BAD_USER_INPUT', [expected]]);
    }
    for (const extra of [{ title: '   ' }, { eligibleKinds: ['CHAT'] }, { closesAt: { date: '2027-03-01', time: '25:00' } }]) {
      expect(codeOf(await gql(t.app, CREATE, { input: { ...base, ...extra } }, as(chef)))).toMatch(
        /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
      );
    }
    const count = await t.owner.query('select count(*)::int as n from calls_for_projects where title = $1', ['Appel']);
    expect(count[0].n).toBe(0);
  });

  it('once published, keeps what porteurs read: locked fields, pieces, earlier closing refused; text, later closing and dates change', async () => {
    const id = await draft();
    ok(await gql(t.app, PUBLISH, { id }, as(chef)));
    const locked = await gql(t.app, UPDATE, { input: { id, title: 'Autre intitulé', qpvIds: [] } }, as(chef));
    expect([codeOf(locked), fieldsOf(locked)]).toEqual(['CALL_PUBLISHED', ['title:locked', 'qpvIds:locked']]);
    expect(codeOf(await gql(t.app, PIECES, { callId: id, pieces: [] }, as(chef)))).toBe('CALL_PUBLISHED');
    const earlier = await gql(t.app, UPDATE, { input: { id, closesAt: { date: '2027-03-30', time: '12:00' } } }, as(chef));
    expect([codeOf(earlier), fieldsOf(earlier)]).toEqual(['BAD_USER_INPUT', ['closesAt:earlier_than_published']]);

    const updated = ok(
      await gql(
        t.app,
        UPDATE,
        { input: { id, description: 'Texte précisé.', closesAt: { date: '2027-04-15', time: '18:00' }, committeeDate: '2027-06-24' } },
        as(chef),
      ),
    ).updateCall;
    expect(updated).toMatchObject({
      description: 'Texte précisé.',
      closesAtLocal: { date: '2027-04-15', time: '18:00' },
      committeeDate: '2027-06-24',
    });
    expect(updated.title).toBe('Appel à projets 2027');

    // Closed: only what follows the closing; cancelled: nothing.
    expect(ok(await gql(t.app, CLOSE, { id }, as(chef))).closeCall.status).toBe('CLOTURE');
    expect(codeOf(await gql(t.app, UPDATE, { input: { id, description: 'x' } }, as(chef)))).toBe('CALL_PUBLISHED');
    ok(await gql(t.app, UPDATE, { input: { id, instructionDueDate: '2027-05-20' } }, as(chef)));
    expect(codeOf(await gql(t.app, CLOSE, { id }, as(chef)))).toBe('INVALID_TRANSITION');
    expect(ok(await gql(t.app, CANCEL, { id }, as(chef))).cancelCall.status).toBe('ANNULE');
    expect(codeOf(await gql(t.app, UPDATE, { input: { id, committeeDate: '2027-06-30' } }, as(chef)))).toBe('CALL_PUBLISHED');
    expect(codeOf(await gql(t.app, PUBLISH, { id }, as(chef)))).toBe('INVALID_TRANSITION');
    expect((await auditOf(t.owner, id)).map((e) => e.operation)).toEqual([
      'call.create',
      'call.set_required_pieces',
      'call.publish',
      'call.update',
      'call.close',
      'call.update',
      'call.cancel',
    ]);
  });

  it('deletes a call without dossiers, never one that dossiers answer', async () => {
    const id = await draft();
    expect(codeOf(await gql(t.app, CANCEL, { id }, as(chef)))).toBe('INVALID_TRANSITION');
    ok(await gql(t.app, PUBLISH, { id }, as(chef)));
    await insertRow(t.owner, 'actions', {
      tenant_id: rennes.id,
      number: 9001,
      reference: `PIL-${SIREN.RENNES}-9001`,
      contrat_id: ctx.contratId,
      pillar_id: ctx.pillarId,
      porteur_id: porteur,
      title: 'Dossier déposé',
      start_date: '2027-01-01',
      end_date: '2027-12-31',
      total_budget_cents: '1000000',
      status: 'BROUILLON',
      call_id: id,
    });
    expect(ok(await gql(t.app, GET, { id }, as(chef))).call.dossierCount).toBe(1);
    expect(codeOf(await gql(t.app, DELETE, { id }, as(chef)))).toBe('CALL_HAS_DOSSIERS');
    expect((await t.owner.query('select 1 from calls_for_projects where id = $1', [id])).length).toBe(1);

    const other = await draft();
    expect(ok(await gql(t.app, DELETE, { id: other }, as(chef))).deleteCall).toBe(true);
    expect((await t.owner.query('select 1 from call_required_pieces where call_id = $1', [other])).length).toBe(0);
    expect((await auditOf(t.owner, other)).map((e) => e.operation).pop()).toBe('call.delete');
  });

  it('lets only those who manage calls change them, and hides drafts from the organisation-bound roles', async () => {
    const id = await draft();
    for (const u of [funderRep, porteurRep, auditor]) {
      expect(codeOf(await gql(t.app, PUBLISH, { id }, as(u)))).toBe('FORBIDDEN');
      expect(codeOf(await gql(t.app, CREATE, { input: { contratId: ctx.contratId, exercise: 2027, title: 'x' } }, as(u)))).toBe(
        'FORBIDDEN',
      );
    }
    for (const u of [funderRep, porteurRep]) {
      expect(codeOf(await gql(t.app, GET, { id }, as(u)))).toBe('NOT_FOUND');
      expect(ok(await gql(t.app, LIST, { contratId: ctx.contratId }, as(u))).calls.map((c: { id: string }) => c.id)).not.toContain(id);
    }
    expect(ok(await gql(t.app, GET, { id }, as(rennes.admin))).call.status).toBe('BROUILLON');
  });

  it('keeps tenants apart: another territory’s call, contract or partner is unknown', async () => {
    const id = await draft();
    expect(codeOf(await gql(t.app, GET, { id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, PUBLISH, { id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, DELETE, { id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, LIST, { contratId: ctx.contratId }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    const foreign = await gql(
      t.app,
      CREATE,
      { input: { contratId: plaineContrat, exercise: 2027, title: 'x', funders: [{ organisationId: region, envelopeCents: 1 }] } },
      as(plaineChef, SIREN.PLAINE_COMMUNE),
    );
    expect([codeOf(foreign), fieldsOf(foreign)]).toEqual(['BAD_USER_INPUT', ['funders:not_found']]);
    expect(
      codeOf(
        await gql(t.app, CREATE, { input: { contratId: ctx.contratId, exercise: 2027, title: 'x' } }, as(plaineChef, SIREN.PLAINE_COMMUNE)),
      ),
    ).toBe('NOT_FOUND');
    // The runtime role alone, with Plaine Commune set, sees none of Rennes's calls or their links.
    const seen = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      return m.query('select (select count(*) from calls_for_projects)::int as calls, (select count(*) from call_funders)::int as funders');
    });
    expect(seen).toEqual([{ calls: 0, funders: 0 }]);
  });

  describe('public pages', () => {
    it('show a territory’s published calls to anyone, in Paris time, with nothing private', async () => {
      const published = await draft({ title: 'Appel publié' });
      ok(await gql(t.app, PUBLISH, { id: published }, as(chef)));
      const hidden = await draft({ title: 'Brouillon caché' });

      const list = ok(await gql(t.app, PUBLIC_LIST, { siren: SIREN.RENNES })).publicCalls;
      expect(list.siren).toBe(SIREN.RENNES);
      expect(list.territoryName).toEqual(expect.any(String));
      const ids = list.calls.map((c: { id: string }) => c.id);
      expect(ids).toContain(published);
      expect(ids).not.toContain(hidden);

      const page = ok(await gql(t.app, PUBLIC_GET, { siren: SIREN.RENNES, id: published })).publicCall;
      expect(page).toMatchObject({
        title: 'Appel publié',
        status: 'PUBLIE',
        timeZone: 'Europe/Paris',
        open: false,
        closesAtLocal: { date: '2027-03-31', time: '12:00' },
        eligibleKinds: ['ASSOCIATION', 'REGIE_DE_QUARTIER'],
        pillars: [{ title: 'Cohésion sociale' }],
        objectives: [{ code: '1.2', title: 'Réussite éducative' }],
        qpvs: [{ code: 'QN03501M', name: 'Maurepas' }],
        funders: [
          { name: "Caf d'Ille-et-Vilaine", envelopeCents: 5_000_000 },
          { name: 'Région Bretagne', envelopeCents: 15_000_000 },
        ],
      });
      expect(page.requiredPieces).toHaveLength(3);
      expect(JSON.stringify(page)).not.toContain('Confirmé en CP');
      t.setNow('2027-02-01T12:00:00Z');
      expect(ok(await gql(t.app, PUBLIC_GET, { siren: SIREN.RENNES, id: published })).publicCall.open).toBe(true);
      t.resetClock();

      // Nothing internal is even asked for: the public types have no such fields.
      for (const q of [
        `{ publicCalls(siren: "${SIREN.RENNES}") { calls { dossierCount } } }`,
        `{ publicCalls(siren: "${SIREN.RENNES}") { calls { funders { internalNote } } } }`,
        `{ publicCalls(siren: "${SIREN.RENNES}") { calls { funders { organisationId } } } }`,
      ]) {
        expect(codeOf(await gql(t.app, q))).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });

    it('refuse drafts, cancelled calls, another territory’s calls, unknown territories and member headers', async () => {
      const hidden = await draft();
      expect(codeOf(await gql(t.app, PUBLIC_GET, { siren: SIREN.RENNES, id: hidden }))).toBe('NOT_FOUND');
      const published = await draft();
      ok(await gql(t.app, PUBLISH, { id: published }, as(chef)));
      // Asked under another territory's SIREN, it does not exist.
      expect(codeOf(await gql(t.app, PUBLIC_GET, { siren: SIREN.PLAINE_COMMUNE, id: published }))).toBe('NOT_FOUND');
      expect(ok(await gql(t.app, PUBLIC_LIST, { siren: SIREN.PLAINE_COMMUNE })).publicCalls.calls).toEqual([]);
      expect(codeOf(await gql(t.app, PUBLIC_LIST, { siren: '123456789' }))).toBe('NOT_FOUND');
      expect(codeOf(await gql(t.app, PUBLIC_LIST, { siren: "243500139' or 1=1" }))).toBe('NOT_FOUND');
      // A member's token or territory header beside a public read would let it run in the tenant entered here.
      const withTenant = await gql(t.app, PUBLIC_LIST, { siren: SIREN.RENNES }, as(plaineChef, SIREN.PLAINE_COMMUNE));
      expect([codeOf(withTenant), fieldsOf(withTenant)]).toEqual(['BAD_USER_INPUT', ['siren:anonymous_only']]);
      const mixed = await gql(
        t.app,
        `query($id: ID!) { publicCall(siren: "${SIREN.RENNES}", id: $id) { id } calls(contratId: "${plaineContrat}") { id } }`,
        { id: published },
        as(plaineChef, SIREN.PLAINE_COMMUNE),
      );
      expect(mixed.data?.publicCall ?? null).toBeNull();
      const twice = await gql(
        t.app,
        `{ a: publicCalls(siren: "${SIREN.RENNES}") { siren } b: publicCalls(siren: "${SIREN.PLAINE_COMMUNE}") { siren } }`,
      );
      expect(twice.errors?.map((e) => e.extensions.fields?.[0]?.reason)).toContain('one_per_request');
      expect(ok(await gql(t.app, CANCEL, { id: published }, as(chef))).cancelCall.status).toBe('ANNULE');
      expect(codeOf(await gql(t.app, PUBLIC_GET, { siren: SIREN.RENNES, id: published }))).toBe('NOT_FOUND');
    });

    it('limit each address to 120 reads a minute', async () => {
      // The window is a minute of the application's clock: frozen here, however slow the machine.
      t.setNow('2027-03-01T10:00:30Z');
      try {
        let limited: GqlResponse | undefined;
        let served = 0;
        for (let i = 0; i < 125 && !limited; i++) {
          const res = await gql(t.app, PUBLIC_LIST, { siren: SIREN.RENNES });
          if (codeOf(res) === 'RATE_LIMITED') limited = res;
          else served += ok(res) ? 1 : 0;
        }
        expect(served).toBe(120);
        expect(limited?.errors?.[0].extensions.retryAfterSeconds).toBe(30);
        // The next minute opens a new window.
        t.setNow('2027-03-01T10:01:00Z');
        ok(await gql(t.app, PUBLIC_LIST, { siren: SIREN.RENNES }));
      } finally {
        t.resetClock();
      }
    });
  });
});
