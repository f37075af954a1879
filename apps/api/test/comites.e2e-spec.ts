import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { Role } from '@pilotis/access';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

// ----------------------------------------------------------------------------------------------------------
// GraphQL operations
// ----------------------------------------------------------------------------------------------------------

const ENVELOPE = 'id contratId funderId exerciseYear kind amountCents consumedCents remainingCents';
const SET_ENVELOPE = `mutation($input: SetEnvelopeInput!) { setEnvelope(input: $input) { ${ENVELOPE} } }`;
const ENVELOPES = `query($contratId: ID!, $funderId: ID, $exerciseYear: Int) {
  envelopes(contratId: $contratId, funderId: $funderId, exerciseYear: $exerciseYear) { ${ENVELOPE} } }`;
const COMMITTEE = `id kind title status quorum place scheduledAt minutes openedAt closedAt
  members { organisationId voting }
  agendaItems { id position actionId action { id reference status }
    lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment } }`;
const RESULTS = `results {
  items { agendaItemId actionId actionStatus lines { decisionId fundingLineId funderId amountRequestedCents decidedAmountCents kind } }
  byFunder { funderId requestedCents decidedCents } byPillar { pillarId decidedCents } envelopes { ${ENVELOPE} } }`;
const SCHEDULE = `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id status quorum kind } }`;
const SET_MEMBERS = `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }`;
const ADD_ITEMS = `mutation($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id agendaItems { id actionId } } }`;
const REMOVE_ITEM = `mutation($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }`;
const OPEN = `mutation($committeeId: ID!) { openVote(committeeId: $committeeId) { id status openedAt } }`;
const CLOSE = `mutation($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status closedAt ${RESULTS} } }`;
const MINUTES = `mutation($committeeId: ID!, $items: [String!]!) { recordMinutes(committeeId: $committeeId, items: $items) { id minutes } }`;
const GET = `query($id: ID!) { committee(id: $id) { ${COMMITTEE} ${RESULTS} } }`;
const LIST = `query($contratId: ID!) { committees(contratId: $contratId) { id title status } }`;
const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment organisationId fundingLineId agendaItemId } }`;
const DECLARE = `mutation($agendaItemId: ID!, $reason: String!) { declareConflictOfInterest(agendaItemId: $agendaItemId, reason: $reason) }`;
const CORRECT = `mutation($input: CorrectDecisionInput!) { correctDecision(input: $input) { id kind amountCents correctsId reason decidedBy } }`;

// ----------------------------------------------------------------------------------------------------------
// Fixtures, written as the owner: actions are put directly at the step "à arbitrer".
// ----------------------------------------------------------------------------------------------------------

async function insertRow(owner: DataSource, table: string, values: Record<string, unknown>): Promise<string> {
  const row: Record<string, unknown> = { id: randomUUID(), ...values };
  const columns = Object.keys(row);
  await owner.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
  return row.id as string;
}

interface LineSpec {
  funder: string;
  cents: number;
  kind?: string;
  year?: number;
}

let actionNumber = 0;

describe('comités des financeurs', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let auditor: TestUser;
  const reps = new Map<string, TestUser>();
  const org: Record<string, string> = {};
  let contrat: string;
  let otherContrat: string;
  let cohesion: string;
  let eco: string;

  const asChef = () => ({ token: chef.token, tenant: SIREN.RENNES });
  const as = (orgId: string) => ({ token: (reps.get(orgId) as TestUser).token, tenant: SIREN.RENNES });

  async function addAction(
    porteur: string,
    pillar: string,
    lines: LineSpec[],
    status = 'A_ARBITRER',
    contratId = contrat,
  ): Promise<{ id: string; lines: string[] }> {
    actionNumber++;
    const id = await insertRow(t.owner, 'actions', {
      tenant_id: rennes.id,
      number: actionNumber,
      reference: `PIL-${SIREN.RENNES}-${String(actionNumber).padStart(4, '0')}`,
      contrat_id: contratId,
      pillar_id: pillar,
      porteur_id: porteur,
      title: `Action ${actionNumber}`,
      start_date: '2025-01-01',
      end_date: '2025-12-31',
      total_budget_cents: 10_000_000,
      status,
    });
    const ids: string[] = [];
    for (const l of lines) {
      ids.push(
        await insertRow(t.owner, 'funding_lines', {
          tenant_id: rennes.id,
          action_id: id,
          funder_id: l.funder,
          kind: l.kind ?? 'DROIT_COMMUN',
          amount_requested_cents: l.cents,
          exercise_year: l.year ?? 2025,
        }),
      );
    }
    return { id, lines: ids };
  }

  const setEnvelope = async (funder: string, cents: number, kind = 'DROIT_COMMUN', year = 2025) =>
    ok(
      await gql(
        t.app,
        SET_ENVELOPE,
        { input: { contratId: contrat, funderId: funder, exerciseYear: year, kind, amountCents: cents } },
        asChef(),
      ),
    ).setEnvelope;

  async function schedule(
    members: { organisationId: string; voting: boolean }[],
    quorum = 1,
    kind = 'COMITE_DES_FINANCEURS',
  ): Promise<string> {
    const c = ok(
      await gql(
        t.app,
        SCHEDULE,
        {
          input: {
            contratId: contrat,
            kind,
            title: `Comité ${randomUUID().slice(0, 4)}`,
            scheduledAt: '2025-03-12T14:00:00Z',
            place: 'Hôtel de Rennes Métropole',
            quorum,
          },
        },
        asChef(),
      ),
    ).scheduleCommittee;
    if (members.length > 0) ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: c.id, members } }, asChef()));
    return c.id as string;
  }

  async function agenda(committeeId: string, actionIds: string[]): Promise<Map<string, string>> {
    const res = ok(await gql(t.app, ADD_ITEMS, { committeeId, actionIds }, asChef())).addAgendaItems;
    return new Map((res.agendaItems as { id: string; actionId: string }[]).map((i) => [i.actionId, i.id]));
  }

  const vote = (
    orgId: string,
    agendaItemId: string,
    fundingLineId: string,
    decision: string,
    amountCents?: number,
    extra: Record<string, unknown> = {},
  ) =>
    gql(
      t.app,
      VOTE,
      { input: { agendaItemId, fundingLineId, decision, ...(amountCents !== undefined ? { amountCents } : {}), ...extra } },
      as(orgId),
    );

  const getCommittee = async (id: string, caller = asChef()) => ok(await gql(t.app, GET, { id }, caller)).committee;

  /** What a refused call must not have touched. */
  async function state() {
    const [votes, decisions, lines, actions, committees, members, items, envelopes] = await Promise.all([
      t.owner.query('select id, decision, amount_cents::text, comment, updated_at from votes where tenant_id = $1 order by id', [
        rennes.id,
      ]),
      t.owner.query('select * from committee_decisions where tenant_id = $1 order by id', [rennes.id]),
      t.owner.query('select id, decided_amount_cents::text, decided_at from funding_lines where tenant_id = $1 order by id', [rennes.id]),
      t.owner.query('select id, status, updated_at from actions where tenant_id = $1 order by id', [rennes.id]),
      t.owner.query('select id, status, quorum, minutes from committees where tenant_id = $1 order by id', [rennes.id]),
      t.owner.query('select * from committee_members where tenant_id = $1 order by committee_id, organisation_id', [rennes.id]),
      t.owner.query('select * from agenda_items where tenant_id = $1 order by id', [rennes.id]),
      t.owner.query('select id, amount_cents::text from envelopes where tenant_id = $1 order by id', [rennes.id]),
    ]);
    return { votes, decisions, lines, actions, committees, members, items, envelopes };
  }

  async function expectRefused(res: Promise<GqlResponse>, code: string, before: Awaited<ReturnType<typeof state>>): Promise<void> {
    expect(codeOf(await res)).toBe(code);
    expect(await state()).toEqual(before);
  }

  const auditCount = async (operation: string, entityId?: string): Promise<number> => {
    const [row] = await t.owner.query(
      `select count(*)::int as n from audit_events where tenant_id = $1 and operation = $2 and ($3::uuid is null or entity_id = $3::uuid)`,
      [rennes.id, operation, entityId ?? null],
    );
    return row.n as number;
  };

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    contrat = await insertRow(t.owner, 'contrats', {
      tenant_id: rennes.id,
      title: 'Engagements Quartiers 2030 – Rennes Métropole',
      start_year: 2024,
      end_year: 2030,
    });
    otherContrat = await insertRow(t.owner, 'contrats', {
      tenant_id: rennes.id,
      title: 'Contrat de ville 2015-2023',
      start_year: 2015,
      end_year: 2023,
    });
    cohesion = await insertRow(t.owner, 'pillars', {
      tenant_id: rennes.id,
      contrat_id: contrat,
      kind: 'PILIER',
      title: 'Cohésion sociale',
      position: 1,
    });
    eco = await insertRow(t.owner, 'pillars', {
      tenant_id: rennes.id,
      contrat_id: contrat,
      kind: 'PILIER',
      title: 'Développement économique et emploi',
      position: 2,
    });
    await insertRow(t.owner, 'pillars', {
      tenant_id: rennes.id,
      contrat_id: otherContrat,
      kind: 'PILIER',
      title: 'Cohésion sociale (2015)',
      position: 1,
    });
    const orgs: [string, string, string][] = [
      ['etat', "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'],
      ['region', 'Région Bretagne', 'REGION'],
      ['departement', "Département d'Ille-et-Vilaine", 'DEPARTEMENT'],
      ['caf', "CAF d'Ille-et-Vilaine", 'CAF'],
      ['metropole', 'Rennes Métropole', 'EPCI'],
      ['ville', 'Ville de Rennes', 'COMMUNE'],
      ['cdc', 'Banque des Territoires', 'BANQUE_DES_TERRITOIRES'],
      ['autreBoutique', "L'Autre Boutique", 'ASSOCIATION'],
    ];
    for (const [key, name, kind] of orgs) org[key] = await insertRow(t.owner, 'organisations', { tenant_id: rennes.id, name, kind });
    // The public partners sign the contract: they may sit on its committees whether or not they fund an
    // action yet (committee members are the contract's funders and signatories; the porteur is neither).
    for (const key of ['etat', 'region', 'departement', 'caf', 'metropole', 'ville', 'cdc']) {
      await t.owner.query('insert into contrat_signatories (tenant_id, contrat_id, organisation_id) values ($1, $2, $3)', [
        rennes.id,
        contrat,
        org[key],
      ]);
    }
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    for (const key of ['etat', 'region', 'departement', 'caf', 'metropole', 'ville', 'cdc']) {
      const role = key === 'etat' ? Role.DELEGUE_PREFET : Role.FUNDER_REPRESENTATIVE;
      reps.set(org[key], await createUser(t.app, t.owner, [{ tenantId: rennes.id, role, organisationId: org[key] }]));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  // --------------------------------------------------------------------------------------------------------

  describe('envelopes', () => {
    it('sets an envelope per (contract, funder, year, kind), replaces it, and shows each funder only its own', async () => {
      const e = await setEnvelope(org.cdc, 5_000_000, 'AUTRE', 2026);
      expect(e).toMatchObject({
        funderId: org.cdc,
        exerciseYear: 2026,
        kind: 'AUTRE',
        amountCents: 5000000,
        consumedCents: 0,
        remainingCents: 5000000,
      });
      const again = await setEnvelope(org.cdc, 6_000_000, 'AUTRE', 2026);
      expect(again.id).toBe(e.id);
      expect(again.amountCents).toBe(6000000);
      await setEnvelope(org.ville, 1_000_000, 'AUTRE', 2026);
      const all = ok(await gql(t.app, ENVELOPES, { contratId: contrat, exerciseYear: 2026 }, asChef())).envelopes;
      expect(all.map((x: { funderId: string }) => x.funderId).sort()).toEqual([org.cdc, org.ville].sort());
      const own = ok(await gql(t.app, ENVELOPES, { contratId: contrat, exerciseYear: 2026 }, as(org.cdc))).envelopes;
      expect(own.map((x: { funderId: string }) => x.funderId)).toEqual([org.cdc]);
      expect(
        codeOf(
          await gql(
            t.app,
            SET_ENVELOPE,
            { input: { contratId: contrat, funderId: org.cdc, exerciseYear: 2026, kind: 'AUTRE', amountCents: 1 } },
            as(org.cdc),
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(await auditCount('envelope.set', e.id)).toBe(2);
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('the full story', () => {
    it('schedules, builds the agenda, lets four funders vote and closes into programmed, partial and refused actions', async () => {
      await setEnvelope(org.etat, 50_000_000, 'CREDITS_SPECIFIQUES_P147');
      await setEnvelope(org.region, 20_000_000);
      await setEnvelope(org.departement, 20_000_000);
      await setEnvelope(org.caf, 20_000_000);
      const a = await addAction(org.autreBoutique, eco, [
        { funder: org.etat, cents: 1_000_000, kind: 'CREDITS_SPECIFIQUES_P147' },
        { funder: org.region, cents: 500_000 },
        { funder: org.departement, cents: 300_000 },
        { funder: org.caf, cents: 200_000 },
      ]);
      const b = await addAction(org.autreBoutique, cohesion, [
        { funder: org.etat, cents: 800_000, kind: 'CREDITS_SPECIFIQUES_P147' },
        { funder: org.region, cents: 400_000 },
      ]);
      const c = await addAction(org.autreBoutique, cohesion, [
        { funder: org.departement, cents: 600_000 },
        { funder: org.caf, cents: 100_000 },
      ]);
      const committee = await schedule(
        [
          { organisationId: org.etat, voting: true },
          { organisationId: org.region, voting: true },
          { organisationId: org.departement, voting: true },
          { organisationId: org.caf, voting: true },
          { organisationId: org.metropole, voting: false },
        ],
        3,
      );
      const items = await agenda(committee, [a.id, b.id, c.id]);
      expect(ok(await gql(t.app, OPEN, { committeeId: committee }, asChef())).openVote.status).toBe('VOTE_OUVERT');

      // A: everyone grants in full. B: État grants half, Région refuses. C: Département refuses, CAF abstains.
      ok(await vote(org.etat, items.get(a.id) as string, a.lines[0], 'GRANT', 1_000_000));
      ok(await vote(org.region, items.get(a.id) as string, a.lines[1], 'GRANT', 500_000, { comment: 'Conforme au SRADDET' }));
      ok(await vote(org.departement, items.get(a.id) as string, a.lines[2], 'GRANT', 300_000));
      ok(await vote(org.caf, items.get(a.id) as string, a.lines[3], 'GRANT', 200_000));
      ok(await vote(org.etat, items.get(b.id) as string, b.lines[0], 'GRANT', 400_000));
      ok(await vote(org.region, items.get(b.id) as string, b.lines[1], 'REFUSE'));
      ok(await vote(org.departement, items.get(c.id) as string, c.lines[0], 'REFUSE'));
      ok(await vote(org.caf, items.get(c.id) as string, c.lines[1], 'ABSTAIN'));

      // While open, the Région sees its own votes only; the chef de projet sees them all.
      const seenByRegion = await getCommittee(committee, as(org.region));
      const linesA = seenByRegion.agendaItems[0].lines as { funderId: string; decision: string | null }[];
      expect(linesA.find((l) => l.funderId === org.region)?.decision).toBe('GRANT');
      expect(linesA.filter((l) => l.funderId !== org.region).every((l) => l.decision === null)).toBe(true);
      const seenByChef = await getCommittee(committee);
      expect(seenByChef.agendaItems[0].lines.every((l: { decision: string | null }) => l.decision === 'GRANT')).toBe(true);
      expect(seenByChef.results).toBeNull();

      // Open votes already count against the envelopes.
      const [etatEnvelope] = ok(
        await gql(t.app, ENVELOPES, { contratId: contrat, funderId: org.etat, exerciseYear: 2025 }, asChef()),
      ).envelopes;
      expect(etatEnvelope.consumedCents).toBe(1400000);

      const closed = ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef())).closeCommittee;
      expect(closed.status).toBe('CLOS');
      const status = async (id: string) => (await t.owner.query('select status from actions where id = $1', [id]))[0].status;
      expect([await status(a.id), await status(b.id), await status(c.id)]).toEqual(['PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE', 'REFUSEE']);
      // The programmed ones are published for funders' systems (webhook ACTION_PROGRAMMED); the refused one is not.
      const programmed = await t.owner.query(
        `select payload->>'actionId' as id, payload->>'status' as status from outbox_events where topic = 'action.programmed' and payload->>'actionId' = any($1) order by payload->>'status' desc`,
        [[a.id, b.id, c.id]],
      );
      expect(programmed).toEqual([
        { id: a.id, status: 'PROGRAMMEE' },
        { id: b.id, status: 'PARTIELLEMENT_PROGRAMMEE' },
      ]);

      const decided = async (ids: string[]) =>
        (
          await t.owner.query('select id, decided_amount_cents::text as d, decided_at from funding_lines where id = any($1::uuid[])', [ids])
        ).reduce((m: Record<string, string>, r: { id: string; d: string; decided_at: Date | null }) => {
          expect(r.decided_at).not.toBeNull();
          return { ...m, [r.id]: r.d };
        }, {});
      expect(await decided(a.lines)).toEqual(
        Object.fromEntries(a.lines.map((id, i) => [id, ['1000000', '500000', '300000', '200000'][i]])),
      );
      expect(await decided(b.lines)).toEqual({ [b.lines[0]]: '400000', [b.lines[1]]: '0' });
      expect(await decided(c.lines)).toEqual({ [c.lines[0]]: '0', [c.lines[1]]: '0' });
      const kinds = await t.owner.query('select funding_line_id, kind from committee_decisions where committee_id = $1', [committee]);
      expect(kinds).toHaveLength(8);
      expect(kinds.find((k: { funding_line_id: string }) => k.funding_line_id === c.lines[1]).kind).toBe('ABSTAIN');

      const results = closed.results;
      expect(results.items.map((i: { actionStatus: string }) => i.actionStatus)).toEqual([
        'PROGRAMMEE',
        'PARTIELLEMENT_PROGRAMMEE',
        'REFUSEE',
      ]);
      const byFunder = Object.fromEntries(
        results.byFunder.map((f: { funderId: string; decidedCents: number }) => [f.funderId, f.decidedCents]),
      );
      expect(byFunder).toEqual({ [org.etat]: 1400000, [org.region]: 500000, [org.departement]: 300000, [org.caf]: 200000 });
      const byPillar = Object.fromEntries(
        results.byPillar.map((p: { pillarId: string; decidedCents: number }) => [p.pillarId, p.decidedCents]),
      );
      expect(byPillar).toEqual({ [eco]: 2000000, [cohesion]: 400000 });
      const env = results.envelopes.find((e: { funderId: string }) => e.funderId === org.etat);
      expect(env).toMatchObject({ amountCents: 50000000, consumedCents: 1400000, remainingCents: 48600000 });

      // After close every member sees every vote.
      const afterByRegion = await getCommittee(committee, as(org.region));
      expect(afterByRegion.agendaItems[0].lines.every((l: { decision: string | null }) => l.decision === 'GRANT')).toBe(true);
      expect(afterByRegion.results.items).toHaveLength(3);

      // The decisions and the transitions are audited.
      expect(await auditCount('action.transition', a.id)).toBe(1);
      expect(await auditCount('decision.create')).toBeGreaterThanOrEqual(8);
      expect(await auditCount('committee.close', committee)).toBe(1);
      const [outbox] = await t.owner.query(
        `select count(*)::int as n from outbox_events where tenant_id = $1 and topic = 'comite.decision'`,
        [rennes.id],
      );
      expect(outbox.n).toBeGreaterThanOrEqual(3);
      const listed = ok(await gql(t.app, LIST, { contratId: contrat }, asChef())).committees;
      expect(listed.map((x: { id: string }) => x.id)).toContain(committee);

      // Each programmed action gets its convention draft, signed by the porteur and every granting funder.
      const conventions = await t.owner.query(
        `select c.action_id, count(s.*)::int as signatories from conventions c
           join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id and v.superseded_at is null
           join convention_signatories s on s.tenant_id = v.tenant_id and s.version_id = v.id
          where c.action_id = any($1::uuid[]) group by c.action_id`,
        [[a.id, b.id, c.id]],
      );
      expect(Object.fromEntries(conventions.map((r: { action_id: string; signatories: number }) => [r.action_id, r.signatories]))).toEqual({
        [a.id]: 5,
        [b.id]: 2,
      });
    });

    it('records the minutes of a comité de pilotage, and only of one', async () => {
      const copil = await schedule([], 1, 'COMITE_DE_PILOTAGE');
      const res = ok(
        await gql(t.app, MINUTES, { committeeId: copil, items: ['Priorité à l’emploi des jeunes', ' Revue des QPV en veille '] }, asChef()),
      );
      expect(res.recordMinutes.minutes).toEqual(['Priorité à l’emploi des jeunes', 'Revue des QPV en veille']);
      const cdf = await schedule([]);
      expect(codeOf(await gql(t.app, MINUTES, { committeeId: cdf, items: ['x'] }, asChef()))).toBe('BAD_USER_INPUT');
      expect(await auditCount('committee.minutes', copil)).toBe(1);
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('rules', () => {
    // Each test gets its own committee, on an exercise year of its own: what one test votes, grants or
    // closes is never in another's way, whichever of them run and in whatever order.
    let year = 2040;
    let committee: string;
    let item: string;
    let action: { id: string; lines: string[] };
    let villeItem: string;
    let villeAction: { id: string; lines: string[] };

    const openVote = async () => ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));

    beforeEach(async () => {
      year += 1;
      await setEnvelope(org.region, 20_000_000, 'DROIT_COMMUN', year);
      action = await addAction(org.autreBoutique, cohesion, [
        { funder: org.region, cents: 900_000, year },
        { funder: org.cdc, cents: 900_000, year },
        { funder: org.departement, cents: 900_000, year },
      ]);
      // The Ville carries this action and funds a line of it.
      villeAction = await addAction(org.ville, cohesion, [{ funder: org.ville, cents: 100_000, year }]);
      committee = await schedule([
        { organisationId: org.region, voting: true },
        { organisationId: org.cdc, voting: true },
        { organisationId: org.ville, voting: true },
        { organisationId: org.departement, voting: true },
        { organisationId: org.metropole, voting: false },
      ]);
      const items = await agenda(committee, [action.id, villeAction.id]);
      item = items.get(action.id) as string;
      villeItem = items.get(villeAction.id) as string;
    });

    it('refuses votes before the vote opens', async () => {
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 1000), 'COMMITTEE_LOCKED', await state());
    });

    it('builds the agenda only from à arbitrer actions of the contract, each on one open committee', async () => {
      const draft = await addAction(org.autreBoutique, cohesion, [{ funder: org.region, cents: 1000 }], 'EN_INSTRUCTION');
      const other = await addAction(
        org.autreBoutique,
        (await t.owner.query('select id from pillars where contrat_id = $1', [otherContrat]))[0].id,
        [],
        'A_ARBITRER',
        otherContrat,
      );
      const before = await state();
      const res = await gql(
        t.app,
        ADD_ITEMS,
        { committeeId: committee, actionIds: [draft.id, other.id, action.id, randomUUID()] },
        asChef(),
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.map((f) => `${f.field}:${f.reason}`)).toEqual([
        'actionIds.0:not_a_arbitrer',
        'actionIds.1:not_in_contrat',
        'actionIds.2:already_on_agenda',
        'actionIds.3:not_found',
      ]);
      expect(await state()).toEqual(before);
      const second = await schedule([]);
      await expectRefused(
        gql(t.app, ADD_ITEMS, { committeeId: second, actionIds: [action.id] }, asChef()),
        'BAD_USER_INPUT',
        await state(),
      );
      // Only a manager of committees builds the agenda.
      await expectRefused(
        gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds: [action.id] }, as(org.region)),
        'FORBIDDEN',
        await state(),
      );
    });

    it('freezes members, agenda and quorum once the vote opens', async () => {
      await openVote();
      const before = await state();
      await expectRefused(
        gql(t.app, SET_MEMBERS, { input: { committeeId: committee, members: [{ organisationId: org.caf, voting: true }] } }, asChef()),
        'COMMITTEE_LOCKED',
        before,
      );
      await expectRefused(
        gql(t.app, SET_MEMBERS, { input: { committeeId: committee, members: [], quorum: 0 } }, asChef()),
        'COMMITTEE_LOCKED',
        before,
      );
      const extra = await addAction(org.autreBoutique, cohesion, [{ funder: org.region, cents: 1000 }]);
      const before2 = await state();
      await expectRefused(gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds: [extra.id] }, asChef()), 'COMMITTEE_LOCKED', before2);
      await expectRefused(gql(t.app, REMOVE_ITEM, { agendaItemId: item }, asChef()), 'COMMITTEE_LOCKED', before2);
      await expectRefused(gql(t.app, OPEN, { committeeId: committee }, asChef()), 'COMMITTEE_LOCKED', before2);
    });

    it('lets only voting members vote, only on their own line', async () => {
      await openVote();
      const before = await state();
      await expectRefused(vote(org.metropole, item, action.lines[0], 'GRANT', 1000), 'NOT_A_MEMBER', before); // non-voting member
      await expectRefused(vote(org.caf, item, action.lines[0], 'GRANT', 1000), 'NOT_A_MEMBER', before); // not a member
      await expectRefused(vote(org.cdc, item, action.lines[0], 'GRANT', 1000), 'FORBIDDEN', before); // the Région's line
      await expectRefused(vote(org.region, item, villeAction.lines[0], 'GRANT', 1000), 'NOT_FOUND', before); // a line of another item
      await expectRefused(
        gql(t.app, VOTE, { input: { agendaItemId: item, fundingLineId: action.lines[0], decision: 'REFUSE' } }, asChef()),
        'FORBIDDEN',
        before,
      );
      await expectRefused(
        gql(
          t.app,
          VOTE,
          { input: { agendaItemId: item, fundingLineId: action.lines[0], decision: 'REFUSE' } },
          { token: auditor.token, tenant: SIREN.RENNES },
        ),
        'FORBIDDEN',
        before,
      );
    });

    it('refuses the porteur and an organisation that declared a conflict of interest', async () => {
      await openVote();
      const before = await state();
      await expectRefused(vote(org.ville, villeItem, villeAction.lines[0], 'GRANT', 1000), 'CONFLICT_OF_INTEREST', before);
      ok(await vote(org.departement, item, action.lines[2], 'REFUSE'));
      expect(
        ok(await gql(t.app, DECLARE, { agendaItemId: item, reason: 'Le vice-président siège au CA du porteur' }, as(org.departement)))
          .declareConflictOfInterest,
      ).toBe(true);
      // Its earlier vote is withdrawn.
      expect(
        await t.owner.query('select 1 from votes where agenda_item_id = $1 and organisation_id = $2', [item, org.departement]),
      ).toHaveLength(0);
      await expectRefused(vote(org.departement, item, action.lines[2], 'REFUSE'), 'CONFLICT_OF_INTEREST', await state());
      expect(await auditCount('committee.conflict_of_interest', item)).toBe(1);
      // The declaration is public on the agenda: the chef de projet and the other funders see who abstains and why.
      const CONFLICTS = `query($id: ID!) { committee(id: $id) { agendaItems { id conflictsOfInterest { agendaItemId organisationId reason createdAt } } } }`;
      for (const caller of [asChef(), as(org.region)]) {
        const items = ok(await gql(t.app, CONFLICTS, { id: committee }, caller)).committee.agendaItems as {
          id: string;
          conflictsOfInterest: unknown[];
        }[];
        expect(items.find((i) => i.id === item)?.conflictsOfInterest).toEqual([
          {
            agendaItemId: item,
            organisationId: org.departement,
            reason: 'Le vice-président siège au CA du porteur',
            createdAt: expect.any(String),
          },
        ]);
        expect(items.filter((i) => i.id !== item).every((i) => i.conflictsOfInterest.length === 0)).toBe(true);
      }
    });

    it('checks amounts against the request and the envelope', async () => {
      await openVote();
      const before = await state();
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 900_001), 'BAD_USER_INPUT', before);
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 0), 'BAD_USER_INPUT', before);
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT'), 'BAD_USER_INPUT', before);
      await expectRefused(vote(org.region, item, action.lines[0], 'REFUSE', 10), 'BAD_USER_INPUT', before);
      // No envelope for the Banque des Territoires in DROIT_COMMUN this year: nothing can be granted, refusing is fine.
      await expectRefused(vote(org.cdc, item, action.lines[1], 'GRANT', 1000), 'NO_ENVELOPE', before);
      ok(await vote(org.cdc, item, action.lines[1], 'REFUSE'));
      // The Région's envelope of the year shrinks to 500,000: a grant of 600,000 exceeds it.
      await setEnvelope(org.region, 500_000, 'DROIT_COMMUN', year);
      const before2 = await state();
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 600_000), 'ENVELOPE_EXCEEDED', before2);
      ok(await vote(org.region, item, action.lines[0], 'GRANT', 500_000));
      // The envelope cannot shrink below what is granted.
      await expectRefused(
        gql(
          t.app,
          SET_ENVELOPE,
          { input: { contratId: contrat, funderId: org.region, exerciseYear: year, kind: 'DROIT_COMMUN', amountCents: 499_999 } },
          asChef(),
        ),
        'ENVELOPE_EXCEEDED',
        await state(),
      );
    });

    it('lets a representative change its vote while open, audited with before and after', async () => {
      await openVote();
      const first = ok(await vote(org.region, item, action.lines[0], 'GRANT', 400_000, { comment: 'Réduit' })).castVote;
      const second = ok(await vote(org.region, item, action.lines[0], 'GRANT', 450_000)).castVote;
      expect(second.id).toBe(first.id);
      expect(
        await t.owner.query('select 1 from votes where agenda_item_id = $1 and funding_line_id = $2', [item, action.lines[0]]),
      ).toHaveLength(1);
      const [change] = await t.owner.query(
        `select before, after from audit_events where entity_id = $1 and operation = 'vote.change' order by occurred_at desc limit 1`,
        [first.id],
      );
      expect(change.before.amountCents).toBe('400000');
      expect(change.after.amountCents).toBe('450000');
    });

    it('refuses votes once the committee is closed', async () => {
      // Closed after a partial grant and a refusal: the action comes out partially programmed.
      await openVote();
      ok(await vote(org.region, item, action.lines[0], 'GRANT', 450_000));
      ok(await vote(org.cdc, item, action.lines[1], 'REFUSE'));
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      const before = await state();
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 1000), 'COMMITTEE_LOCKED', before);
      await expectRefused(gql(t.app, CLOSE, { committeeId: committee }, asChef()), 'COMMITTEE_LOCKED', before);
      await expectRefused(gql(t.app, DECLARE, { agendaItemId: item, reason: 'x' }, as(org.region)), 'COMMITTEE_LOCKED', before);
      expect((await t.owner.query('select status from actions where id = $1', [action.id]))[0].status).toBe('PARTIELLEMENT_PROGRAMMEE');
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('quorum', () => {
    it('closes without quorum: nothing decided, the actions return to the queue', async () => {
      // An exercise year of its own, with the envelope its grant needs.
      await setEnvelope(org.region, 1_000_000, 'DROIT_COMMUN', 2034);
      const action = await addAction(org.autreBoutique, cohesion, [
        { funder: org.region, cents: 10_000, year: 2034 },
        { funder: org.departement, cents: 10_000, year: 2034 },
      ]);
      const committee = await schedule(
        [
          { organisationId: org.region, voting: true },
          { organisationId: org.departement, voting: true },
        ],
        2,
      );
      const items = await agenda(committee, [action.id]);
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      ok(await vote(org.region, items.get(action.id) as string, action.lines[0], 'GRANT', 10_000));
      const closed = ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef())).closeCommittee;
      expect(closed.status).toBe('CLOS_SANS_QUORUM');
      expect(closed.results).toBeNull();
      expect((await t.owner.query('select status from actions where id = $1', [action.id]))[0].status).toBe('A_ARBITRER');
      expect(await t.owner.query('select 1 from committee_decisions where committee_id = $1', [committee])).toHaveLength(0);
      expect(
        await t.owner.query('select 1 from funding_lines where action_id = $1 and decided_amount_cents is not null', [action.id]),
      ).toHaveLength(0);
      // Its vote no longer weighs on the envelope, and the action can go on the next agenda.
      const next = await schedule([{ organisationId: org.region, voting: true }]);
      expect((await agenda(next, [action.id])).size).toBe(1);
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('idempotency', () => {
    it('returns the same vote for a retry with the same key, and refuses the key with another body', async () => {
      await setEnvelope(org.region, 10_000_000, 'DROIT_COMMUN', 2027);
      const action = await addAction(org.autreBoutique, cohesion, [{ funder: org.region, cents: 50_000, year: 2027 }]);
      const committee = await schedule([{ organisationId: org.region, voting: true }]);
      const item = (await agenda(committee, [action.id])).get(action.id) as string;
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      const key = randomUUID();
      // Concurrent retries of one call: one write.
      const results = await Promise.all(
        Array.from({ length: 5 }, () => vote(org.region, item, action.lines[0], 'GRANT', 40_000, { idempotencyKey: key })),
      );
      const ids = new Set(results.map((r) => ok(r).castVote.id));
      expect(ids.size).toBe(1);
      const [voteId] = [...ids];
      expect(await auditCount('vote.cast', voteId)).toBe(1);
      expect(await auditCount('vote.change', voteId)).toBe(0);
      const before = await state();
      await expectRefused(vote(org.region, item, action.lines[0], 'GRANT', 45_000, { idempotencyKey: key }), 'CONFLICT', before);
      // A retry after the committee closed still gets its vote back.
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      expect(ok(await vote(org.region, item, action.lines[0], 'GRANT', 40_000, { idempotencyKey: key })).castVote.id).toBe(voteId);
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('concurrency', () => {
    it('records 100 concurrent votes on one committee, none lost, none double-counted', async () => {
      const funders = [org.etat, org.region, org.departement, org.caf];
      for (const f of funders) await setEnvelope(f, 100_000_000, 'DROIT_COMMUN', 2028);
      const actions = [];
      for (let i = 0; i < 25; i++)
        actions.push(
          await addAction(
            org.autreBoutique,
            cohesion,
            funders.map((f) => ({ funder: f, cents: 10_000 + i, year: 2028 })),
          ),
        );
      const committee = await schedule(
        funders.map((f) => ({ organisationId: f, voting: true })),
        4,
      );
      const items = await agenda(
        committee,
        actions.map((a) => a.id),
      );
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      const calls = actions.flatMap((a) => funders.map((f, j) => vote(f, items.get(a.id) as string, a.lines[j], 'GRANT', 1_000)));
      const results = await Promise.all(calls);
      expect(results.filter((r) => r.errors).map((r) => r.errors?.[0].message)).toEqual([]);
      const [row] = await t.owner.query('select count(*)::int as n, sum(amount_cents)::text as s from votes where committee_id = $1', [
        committee,
      ]);
      expect(row).toEqual({ n: 100, s: '100000' });
      expect(
        await t.owner.query(`select 1 from audit_events where operation = 'vote.cast' and after->>'committeeId' = $1`, [committee]),
      ).toHaveLength(100);
      const envs = ok(await gql(t.app, ENVELOPES, { contratId: contrat, exerciseYear: 2028 }, asChef())).envelopes;
      expect(envs.map((e: { consumedCents: string }) => e.consumedCents)).toEqual([25000, 25000, 25000, 25000]);
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      expect(
        (
          await t.owner.query(`select count(*)::int as n from actions where id = any($1::uuid[]) and status = 'PARTIELLEMENT_PROGRAMMEE'`, [
            actions.map((a) => a.id),
          ])
        )[0].n,
      ).toBe(25);
    });

    it('never lets concurrent grants exceed one envelope', async () => {
      await setEnvelope(org.caf, 1_000_000, 'DROIT_COMMUN', 2029);
      const actions = [];
      for (let i = 0; i < 30; i++)
        actions.push(await addAction(org.autreBoutique, cohesion, [{ funder: org.caf, cents: 300_000, year: 2029 }]));
      const committee = await schedule([{ organisationId: org.caf, voting: true }]);
      const items = await agenda(
        committee,
        actions.map((a) => a.id),
      );
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      // 30 grants of 100,000 against 1,000,000: exactly 10 pass.
      const results = await Promise.all(actions.map((a) => vote(org.caf, items.get(a.id) as string, a.lines[0], 'GRANT', 100_000)));
      expect(results.filter((r) => !r.errors).length).toBe(10);
      expect(results.filter((r) => r.errors).every((r) => codeOf(r) === 'ENVELOPE_EXCEEDED')).toBe(true);
      const [row] = await t.owner.query('select sum(amount_cents)::text as s from votes where committee_id = $1', [committee]);
      expect(row.s).toBe('1000000');
      const [env] = ok(await gql(t.app, ENVELOPES, { contratId: contrat, funderId: org.caf, exerciseYear: 2029 }, asChef())).envelopes;
      expect(env).toMatchObject({ consumedCents: 1000000, remainingCents: 0 });
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('isolation', () => {
    it("answers NOT_FOUND for another tenant's committee, item and decision", async () => {
      const action = await addAction(org.autreBoutique, cohesion, [{ funder: org.region, cents: 10_000 }]);
      const committee = await schedule([{ organisationId: org.region, voting: true }]);
      const item = (await agenda(committee, [action.id])).get(action.id) as string;
      const asPlaine = { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE };
      const plaineRep = await createUser(t.app, t.owner, [
        {
          tenantId: plaine.id,
          role: Role.FUNDER_REPRESENTATIVE,
          organisationId: await insertRow(t.owner, 'organisations', { tenant_id: plaine.id, name: 'Région Île-de-France', kind: 'REGION' }),
        },
      ]);
      const before = await state();
      await expectRefused(gql(t.app, GET, { id: committee }, asPlaine), 'NOT_FOUND', before);
      await expectRefused(gql(t.app, OPEN, { committeeId: committee }, asPlaine), 'NOT_FOUND', before);
      await expectRefused(gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds: [action.id] }, asPlaine), 'NOT_FOUND', before);
      await expectRefused(
        gql(
          t.app,
          VOTE,
          { input: { agendaItemId: item, fundingLineId: action.lines[0], decision: 'REFUSE' } },
          { token: plaineRep.token, tenant: SIREN.PLAINE_COMMUNE },
        ),
        'NOT_FOUND',
        before,
      );
      // A funder's representative does not see a committee its organisation does not sit on.
      expect(codeOf(await gql(t.app, GET, { id: committee }, as(org.caf)))).toBe('NOT_FOUND');
      expect(ok(await gql(t.app, LIST, { contratId: contrat }, as(org.caf))).committees.map((c: { id: string }) => c.id)).not.toContain(
        committee,
      );
    });
  });

  // --------------------------------------------------------------------------------------------------------

  describe('corrections', () => {
    it('records a correction as a new decision pointing at the old one, which stays unchanged', async () => {
      // Corrections made by other tests of the file are not this test's to count.
      const correctionsBefore = await auditCount('decision.correct');
      await setEnvelope(org.departement, 300_000, 'DROIT_COMMUN', 2030);
      const action = await addAction(org.autreBoutique, cohesion, [{ funder: org.departement, cents: 200_000, year: 2030 }]);
      const other = await addAction(org.autreBoutique, cohesion, [{ funder: org.departement, cents: 200_000, year: 2030 }]);
      const committee = await schedule([{ organisationId: org.departement, voting: true }]);
      const items = await agenda(committee, [action.id, other.id]);
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      ok(await vote(org.departement, items.get(action.id) as string, action.lines[0], 'GRANT', 100_000));
      ok(await vote(org.departement, items.get(other.id) as string, other.lines[0], 'GRANT', 150_000));
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      const [original] = await t.owner.query('select * from committee_decisions where funding_line_id = $1', [action.lines[0]]);
      expect(original).toMatchObject({ kind: 'GRANT', amount_cents: '100000', corrects_id: null });

      const before = await state();
      // Not above the request, nor the envelope (300,000 − 250,000 consumed leaves 50,000 more).
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: original.id, amountCents: 200_001, reason: 'x' } }, asChef()),
        'BAD_USER_INPUT',
        before,
      );
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: original.id, amountCents: 160_000, reason: 'Erreur de saisie' } }, asChef()),
        'ENVELOPE_EXCEEDED',
        before,
      );
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: original.id, amountCents: 120_000, reason: 'x' } }, as(org.departement)),
        'FORBIDDEN',
        before,
      );
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: randomUUID(), amountCents: 120_000, reason: 'x' } }, asChef()),
        'NOT_FOUND',
        before,
      );

      const first = ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: original.id, amountCents: 150_000, reason: 'Erreur de saisie du montant' } },
          asChef(),
        ),
      ).correctDecision;
      expect(first).toMatchObject({
        kind: 'CORRECTION',
        amountCents: 150000,
        correctsId: original.id,
        reason: 'Erreur de saisie du montant',
        decidedBy: chef.id,
      });
      const [unchanged] = await t.owner.query('select * from committee_decisions where id = $1', [original.id]);
      expect(unchanged).toEqual(original);
      expect((await t.owner.query('select decided_amount_cents::text as d from funding_lines where id = $1', [action.lines[0]]))[0].d).toBe(
        '150000',
      );
      // The convention drafted at close follows with an avenant carrying the corrected amount.
      const versions = await t.owner.query(
        `select v.number, v.superseded_at is null as current, s.amount_cents::text as amount from conventions c
           join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id
           join convention_signatories s on s.tenant_id = v.tenant_id and s.version_id = v.id and s.organisation_id = $2
          where c.action_id = $1 order by v.number`,
        [action.id, org.departement],
      );
      expect(versions).toEqual([
        { number: 1, current: false, amount: '100000' },
        { number: 2, current: true, amount: '150000' },
      ]);

      // The superseded decision cannot be corrected again; the chain continues from the one in force.
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: original.id, amountCents: 10_000, reason: 'x' } }, asChef()),
        'CONFLICT',
        await state(),
      );
      const second = ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: first.id, amountCents: 0, reason: 'Action abandonnée par le porteur' } },
          asChef(),
        ),
      ).correctDecision;
      expect(second.correctsId).toBe(first.id);
      expect((await t.owner.query('select decided_amount_cents::text as d from funding_lines where id = $1', [action.lines[0]]))[0].d).toBe(
        '0',
      );
      // Nothing granted any more: the action is refused and its convention cancelled, not left for signature.
      expect((await t.owner.query('select status from conventions where action_id = $1', [action.id]))[0].status).toBe('ANNULEE');
      expect((await t.owner.query('select status from actions where id = $1', [action.id]))[0].status).toBe('REFUSEE');
      expect((await auditCount('decision.correct')) - correctionsBefore).toBe(2);
      const [transition] = await t.owner.query(
        `select before, after from audit_events where operation = 'action.transition' and entity_id = $1 order by seq desc limit 1`,
        [action.id],
      );
      expect(transition).toEqual({
        before: expect.objectContaining({ status: 'PARTIELLEMENT_PROGRAMMEE' }),
        after: expect.objectContaining({
          status: 'REFUSEE',
          comment: 'Décision corrigée : Action abandonnée par le porteur',
          decisionId: second.id,
        }),
      });

      // Results show the decision in force; the runtime role cannot rewrite a decision.
      const results = (await getCommittee(committee)).results;
      const line = results.items
        .flatMap((i: { lines: { fundingLineId: string }[] }) => i.lines)
        .find((l: { fundingLineId: string }) => l.fundingLineId === action.lines[0]);
      expect(line).toMatchObject({ decisionId: second.id, decidedAmountCents: 0, kind: 'CORRECTION' });
      await expect(
        t.runtime.transaction(async (m) => {
          await m.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
          await m.query('update committee_decisions set amount_cents = 1 where id = $1', [original.id]);
        }),
      ).rejects.toThrow(/permission denied/);
    });

    it('recomputes the outcome: a refused action granted after all is programmed, gets its convention, and loses it again', async () => {
      await setEnvelope(org.cdc, 1_000_000, 'AUTRE', 2031);
      await setEnvelope(org.cdc, 1_000_000, 'DROIT_COMMUN', 2031);
      const action = await addAction(org.autreBoutique, cohesion, [
        { funder: org.cdc, cents: 300_000, kind: 'AUTRE', year: 2031 },
        { funder: org.cdc, cents: 100_000, kind: 'DROIT_COMMUN', year: 2031 },
      ]);
      const committee = await schedule([{ organisationId: org.cdc, voting: true }]);
      const item = (await agenda(committee, [action.id])).get(action.id) as string;
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      ok(await vote(org.cdc, item, action.lines[0], 'REFUSE'));
      ok(await vote(org.cdc, item, action.lines[1], 'ABSTAIN'));
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      const statusOf = async () => (await t.owner.query('select status from actions where id = $1', [action.id]))[0].status;
      const conventionOf = async () =>
        t.owner.query(
          `select c.status, count(v.id)::int as versions, max(v.number)::int as last from conventions c
             join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id where c.action_id = $1 group by c.status`,
          [action.id],
        );
      expect(await statusOf()).toBe('REFUSEE');
      expect(await conventionOf()).toEqual([]);
      const decisionOf = async (line: string) =>
        (
          await t.owner.query(
            'select id from committee_decisions d where funding_line_id = $1 and not exists (select 1 from committee_decisions n where n.corrects_id = d.id)',
            [line],
          )
        )[0].id;

      // The refused line granted in part: partially programmed, and a convention is drafted for it.
      ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: await decisionOf(action.lines[0]), amountCents: 300_000, reason: 'Recours gracieux accepté' } },
          asChef(),
        ),
      );
      expect(await statusOf()).toBe('PARTIELLEMENT_PROGRAMMEE');
      expect(await conventionOf()).toEqual([{ status: 'BROUILLON', versions: 1, last: 1 }]);
      // Every requested line granted in full: programmed, and the convention follows by an avenant.
      ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: await decisionOf(action.lines[1]), amountCents: 100_000, reason: 'Erreur matérielle' } },
          asChef(),
        ),
      );
      expect(await statusOf()).toBe('PROGRAMMEE');
      expect(await conventionOf()).toEqual([{ status: 'BROUILLON', versions: 2, last: 2 }]);
      // Nothing granted any more: refused, the convention cancelled; granted again: re-established by a new version.
      ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: await decisionOf(action.lines[0]), amountCents: 0, reason: 'Retrait du financeur' } },
          asChef(),
        ),
      );
      ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: await decisionOf(action.lines[1]), amountCents: 0, reason: 'Retrait du financeur' } },
          asChef(),
        ),
      );
      expect(await statusOf()).toBe('REFUSEE');
      expect(await conventionOf()).toEqual([{ status: 'ANNULEE', versions: 3, last: 3 }]);
      ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: await decisionOf(action.lines[1]), amountCents: 50_000, reason: 'Nouvel arbitrage' } },
          asChef(),
        ),
      );
      expect(await statusOf()).toBe('PARTIELLEMENT_PROGRAMMEE');
      expect(await conventionOf()).toEqual([{ status: 'BROUILLON', versions: 4, last: 4 }]);
      const transitions = await t.owner.query(
        `select after->>'status' as s from audit_events where operation = 'action.transition' and entity_id = $1 order by seq`,
        [action.id],
      );
      expect(transitions.map((r: { s: string }) => r.s)).toEqual([
        'REFUSEE',
        'PARTIELLEMENT_PROGRAMMEE',
        'PROGRAMMEE',
        'PARTIELLEMENT_PROGRAMMEE',
        'REFUSEE',
        'PARTIELLEMENT_PROGRAMMEE',
      ]);
      // The envelope consumption follows the decision in force, exactly.
      const envelopes = ok(await gql(t.app, ENVELOPES, { contratId: contrat, funderId: org.cdc, exerciseYear: 2031 }, asChef()))
        .envelopes as { kind: string }[];
      expect(envelopes.find((e) => e.kind === 'AUTRE')).toMatchObject({
        amountCents: 1_000_000,
        consumedCents: 0,
        remainingCents: 1_000_000,
      });
      expect(envelopes.find((e) => e.kind === 'DROIT_COMMUN')).toMatchObject({
        amountCents: 1_000_000,
        consumedCents: 50_000,
        remainingCents: 950_000,
      });
    });

    it('amends a signed convention: the signed version binds until the avenant is signed by all; the status stays conventionnée', async () => {
      await setEnvelope(org.ville, 1_000_000, 'AUTRE', 2032);
      const action = await addAction(org.autreBoutique, cohesion, [{ funder: org.ville, cents: 400_000, kind: 'AUTRE', year: 2032 }]);
      const committee = await schedule([{ organisationId: org.ville, voting: true }]);
      const item = (await agenda(committee, [action.id])).get(action.id) as string;
      ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
      ok(await vote(org.ville, item, action.lines[0], 'GRANT', 400_000));
      ok(await gql(t.app, CLOSE, { committeeId: committee }, asChef()));
      const porteurRep = await createUser(t.app, t.owner, [
        { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.autreBoutique },
      ]);
      const CONV = `query($actionId: ID) { conventions(filter: { actionId: $actionId }) { nodes { id status signedCount signatoryCount
        currentVersion { number hash } signedVersion { number hash } } } }`;
      const SIGN = `mutation($input: SignConventionInput!) { signConvention(input: $input) { id status } }`;
      const conv = async () => ok(await gql(t.app, CONV, { actionId: action.id }, asChef())).conventions.nodes[0];
      const signAll = async () => {
        const c = await conv();
        for (const caller of [{ token: porteurRep.token, tenant: SIREN.RENNES }, as(org.ville)]) {
          ok(await gql(t.app, SIGN, { input: { conventionId: c.id, versionHash: c.currentVersion.hash } }, caller));
        }
      };
      expect((await conv()).signedVersion).toBeNull();
      await signAll();
      const signed = await conv();
      expect(signed).toMatchObject({
        status: 'SIGNEE',
        currentVersion: { number: 1 },
        signedVersion: { number: 1, hash: signed.currentVersion.hash },
      });
      expect((await t.owner.query('select status from actions where id = $1', [action.id]))[0].status).toBe('CONVENTIONNEE');

      const decision = (await t.owner.query('select id from committee_decisions where funding_line_id = $1', [action.lines[0]]))[0].id;
      // Withdrawing everything from a bound action is not a correction.
      const before = await state();
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: decision, amountCents: 0, reason: 'Retrait' } }, asChef()),
        'CONFLICT',
        before,
      );
      const corrected = ok(
        await gql(
          t.app,
          CORRECT,
          { input: { decisionId: decision, amountCents: 350_000, reason: 'Réduction du budget municipal' } },
          asChef(),
        ),
      ).correctDecision;
      const amended = await conv();
      expect(amended).toMatchObject({
        status: 'BROUILLON',
        signedCount: 0,
        signatoryCount: 2,
        currentVersion: { number: 2 },
        signedVersion: { number: 1, hash: signed.currentVersion.hash },
      });
      expect((await t.owner.query('select status from actions where id = $1', [action.id]))[0].status).toBe('CONVENTIONNEE');
      await signAll();
      expect(await conv()).toMatchObject({ status: 'SIGNEE', currentVersion: { number: 2 }, signedVersion: { number: 2 } });
      // Still conventionnée: one transition only (at the first full signature), and two convention.signed events.
      expect(
        await t.owner.query(
          `select after->>'status' as s from audit_events where operation = 'action.transition' and entity_id = $1 order by seq`,
          [action.id],
        ),
      ).toEqual([{ s: 'PROGRAMMEE' }, { s: 'CONVENTIONNEE' }]);
      const published = await t.owner.query(
        `select payload->>'versionNumber' as v from outbox_events where topic = 'convention.signed' and payload->>'actionId' = $1 order by occurred_at`,
        [action.id],
      );
      expect(published).toEqual([{ v: '1' }, { v: '2' }]);
      // A closed file no longer takes corrections.
      await t.owner.query(`update actions set status = 'SOLDEE' where id = $1`, [action.id]);
      await expectRefused(
        gql(t.app, CORRECT, { input: { decisionId: corrected.id, amountCents: 300_000, reason: 'Trop tard' } }, asChef()),
        'CONFLICT',
        await state(),
      );
    });
  });
});
