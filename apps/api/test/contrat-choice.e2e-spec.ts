import { Role } from '@pilotis/access';
import {
  addAction,
  addOrganisation,
  centsOf,
  codeOf,
  createTenant,
  createUser,
  getCsv,
  gql,
  GqlResponse,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const CONTRATS = `{ contrats { id title startYear endYear pillars { id title objectives { code title } } qpvs { code } } }`;
const CREATE_CONTRAT = `mutation($input: CreateContratInput!) { createContrat(input: $input) { id pillars { id title } } }`;
const ADD_OBJECTIVE = `mutation($input: AddObjectiveInput!) { addObjective(input: $input) { id } }`;
const ACTIONS = `query($filter: ActionFilter) { actions(filter: $filter, first: 50) { nodes { id title contratId } } }`;
const COMMITTEES = `query($c: ID!) { committees(contratId: $c) { id title } }`;
const CONVENTIONS = `query($c: ID) { conventions(filter: { contratId: $c }) { nodes { id actionId } } }`;
const DEADLINES = `query($filter: DeadlineFilter) { deadlines(filter: $filter, first: 50) { nodes { id kind actionId contratId } } }`;

const AMOUNTS = 'requestedCents decidedCents committedCents paidCents';
/** What a département line and the contract dashboard both say of a contract. */
const SHARED = `totals { ${AMOUNTS} } actionCount essActionCount actionsByStatus { status count } overdueBilanCount unsignedConventionCount
  leverage { creditsSpecifiques { ${AMOUNTS} } droitCommun { ${AMOUNTS} } autres { ${AMOUNTS} } }
  trend { exerciseYear actionCount ${AMOUNTS} }`;
const DEPARTEMENT = `query($y: Int) { departementDashboard(departement: "35", exerciseYear: $y) {
  territories { siren actionCount totals { ${AMOUNTS} } }
  contrats { siren name contratId contratTitle startYear endYear ${SHARED} } totals { actionCount totals { ${AMOUNTS} } } } }`;
/** The département screen's figures that its CSV export repeats, per contract and in total. */
const CSV_FIGURES = `totals { ${AMOUNTS} } actionCount essActionCount overdueBilanCount unsignedConventionCount
  byPillar { pillarTitle actionCount ${AMOUNTS} } byFundingKind { kind actionCount ${AMOUNTS} }`;
const DEPARTEMENT_SCREEN = `query($y: Int) { departementDashboard(departement: "35", exerciseYear: $y) {
  contrats { siren name contratTitle startYear endYear ${CSV_FIGURES} } totals { ${CSV_FIGURES} } } }`;
const CONTRAT_DASHBOARD = `query($c: ID!, $y: Int) { contratDashboard(contratId: $c, exerciseYear: $y) { ${SHARED} } }`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A territory with two contracts — « Engagements Quartiers 2030 » (2024–2030, five QPVs, objectives) and the
 * 2015–2023 contract (two QPVs, one objective) — and Plaine Commune beside it. Every read that takes a
 * contract answers for that contract only, refuses another territory's with NOT_FOUND, and the délégué's
 * département line of a contract says what that contract's dashboard says.
 */
describe('contracts as a choice', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let delegate: TestUser;
  let eq2030: string;
  let cv2015: string;
  let plaineContrat: string;
  const actions: Record<string, string> = {};

  const as = (query: string, variables: Record<string, unknown> = {}, user?: TestUser, tenant: TestTenant = rennes): Promise<GqlResponse> =>
    gql(t.app, query, variables, { token: (user ?? tenant.admin).token, tenant: tenant.siren });

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow('2026-11-26T10:00:00Z');
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const qpv = (tenant: TestTenant, code: string, name: string) =>
      insertRow(t.owner, 'qpvs', { tenant_id: tenant.id, code, name, communes: ['35238'], generation: 'G2024' });
    const qpvs = [
      await qpv(rennes, 'QN03501M', 'Le Blosne'),
      await qpv(rennes, 'QN03502M', 'Bréquigny'),
      await qpv(rennes, 'QN03503M', 'Maurepas – Patton'),
      await qpv(rennes, 'QN03504M', 'Villejean'),
      await qpv(rennes, 'QN03505M', 'Cleunay'),
    ];

    // Both contracts through the API, as a territory builds them; the older one is created last.
    const eq = ok(
      await as(CREATE_CONTRAT, { input: { title: 'Engagements Quartiers 2030', startYear: 2024, endYear: 2030, qpvIds: qpvs } }),
    ).createContrat;
    eq2030 = eq.id;
    for (const [i, code] of ['1.1', '1.2'].entries()) {
      ok(await as(ADD_OBJECTIVE, { input: { pillarId: eq.pillars[0].id, code, title: `Objectif ${code}${i}` } }));
    }
    ok(await as(ADD_OBJECTIVE, { input: { pillarId: eq.pillars[1].id, code: '2.1', title: 'Objectif 2.1' } }));
    const old = ok(
      await as(CREATE_CONTRAT, {
        input: { title: 'Contrat de ville 2015–2023', startYear: 2015, endYear: 2023, qpvIds: [qpvs[0], qpvs[3]] },
      }),
    ).createContrat;
    cv2015 = old.id;
    ok(await as(ADD_OBJECTIVE, { input: { pillarId: old.pillars[0].id, code: '1.1', title: 'Réussite éducative' } }));
    plaineContrat = ok(await as(CREATE_CONTRAT, { input: { title: 'EQ 2030 Plaine', startYear: 2024, endYear: 2030 } }, undefined, plaine))
      .createContrat.id;

    const org = (name: string, kind: string) => addOrganisation(t.owner, rennes.id, name, kind);
    const etat = await org('Préfecture (État)', 'ETAT');
    const departement = await org("Département d'Ille-et-Vilaine", 'DEPARTEMENT');
    const asso = await org("L'Autre Boutique", 'ASSOCIATION');
    const entreprise = await org('Entreprise', 'ENTREPRISE');
    const eqCtx = { contratId: eq2030, pillarId: eq.pillars[0].id };
    const oldCtx = { contratId: cv2015, pillarId: old.pillars[0].id };
    actions.a1 = (
      await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        eqCtx,
        asso,
        'PROGRAMMEE',
        [
          { funderId: etat, requestedCents: 100_000n, decidedCents: 80_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
          { funderId: departement, requestedCents: 200_000n, decidedCents: 200_000n, kind: 'DROIT_COMMUN' },
        ],
        'Ressourcerie',
      )
    ).actionId;
    actions.a2 = (
      await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        eqCtx,
        entreprise,
        'A_ARBITRER',
        [{ funderId: etat, requestedCents: 50_000n }],
        'Coopérative jeunesse',
      )
    ).actionId;
    actions.b1 = (
      await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        oldCtx,
        asso,
        'SOLDEE',
        [{ funderId: etat, requestedCents: 300_000n, decidedCents: 300_000n, kind: 'CREDITS_SPECIFIQUES_P147' }],
        'Écrivains publics 2020',
      )
    ).actionId;
    await t.owner.query('update funding_lines set exercise_year = 2020 where action_id = $1', [actions.b1]);
    // An overdue bilan in each contract, and the end of the old contract.
    for (const [action, year] of [
      [actions.a1, 2025],
      [actions.b1, 2020],
    ] as const) {
      await insertRow(t.owner, 'deadlines', {
        tenant_id: rennes.id,
        kind: 'BILAN',
        key: `BILAN:${action}:${year}`,
        label: 'Bilan',
        due_date: `${year + 1}-06-30`,
        action_id: action,
        exercise_year: year,
      });
    }
    await insertRow(t.owner, 'deadlines', {
      tenant_id: rennes.id,
      kind: 'CONTRAT_END',
      key: `CONTRAT_END:${cv2015}`,
      label: 'Fin du contrat',
      due_date: '2023-12-31',
      contrat_id: cv2015,
    });
    delegate = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.DELEGUE_PREFET },
      { tenantId: plaine.id, role: Role.DELEGUE_PREFET },
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('serves each contract with all its QPVs and the objectives under each pillar', async () => {
    const { contrats } = ok(await as(CONTRATS));
    expect(contrats.map((c: { title: string }) => c.title)).toEqual(['Engagements Quartiers 2030', 'Contrat de ville 2015–2023']);
    const [eq, old] = contrats;
    expect(eq.qpvs.map((q: { code: string }) => q.code)).toEqual(['QN03501M', 'QN03502M', 'QN03503M', 'QN03504M', 'QN03505M']);
    expect(eq.pillars.map((p: { objectives: { code: string }[] }) => p.objectives.map((o) => o.code))).toEqual([
      ['1.1', '1.2'],
      ['2.1'],
      [],
    ]);
    expect(old.qpvs.map((q: { code: string }) => q.code)).toEqual(['QN03501M', 'QN03504M']);
    expect(old.pillars.map((p: { objectives: { code: string }[] }) => p.objectives.map((o) => o.code))).toEqual([['1.1'], [], []]);
  });

  it('lists the actions, conventions and deadlines of one contract, and refuses another territory’s contract with NOT_FOUND', async () => {
    const titles = async (contratId: string) =>
      ok(await as(ACTIONS, { filter: { contratId } }))
        .actions.nodes.map((a: { title: string }) => a.title)
        .sort();
    expect(await titles(eq2030)).toEqual(['Coopérative jeunesse', 'Ressourcerie']);
    expect(await titles(cv2015)).toEqual(['Écrivains publics 2020']);
    // Upper case, as a client may type it: the same contract.
    expect(await titles(cv2015.toUpperCase())).toEqual(['Écrivains publics 2020']);

    const deadlines = async (contratId: string) =>
      ok(await as(DEADLINES, { filter: { contratId } }))
        .deadlines.nodes.map((d: { kind: string; actionId: string | null; contratId: string | null }) => [
          d.kind,
          d.actionId ?? d.contratId,
        ])
        .sort();
    expect(await deadlines(eq2030)).toEqual([['BILAN', actions.a1]]);
    expect(await deadlines(cv2015)).toEqual([
      ['BILAN', actions.b1],
      ['CONTRAT_END', cv2015],
    ]);
    expect(ok(await as(CONVENTIONS, { c: cv2015 })).conventions.nodes).toEqual([]);
    expect(ok(await as(COMMITTEES, { c: cv2015 })).committees).toEqual([]);

    // Plaine Commune's contract, asked in Rennes, and a made-up one: not found, nothing listed.
    for (const id of [plaineContrat, UNKNOWN_ID]) {
      for (const [query, variables] of [
        [ACTIONS, { filter: { contratId: id } }],
        [DEADLINES, { filter: { contratId: id } }],
        [CONVENTIONS, { c: id }],
        [COMMITTEES, { c: id }],
        [CONTRAT_DASHBOARD, { c: id }],
      ] as const) {
        const res = await as(query, variables);
        expect({ query, id, code: codeOf(res), data: res.data }).toEqual({ query, id, code: 'NOT_FOUND', data: null });
      }
    }
    // And Rennes' contract asked in Plaine Commune.
    expect(codeOf(await as(ACTIONS, { filter: { contratId: eq2030 } }, undefined, plaine))).toBe('NOT_FOUND');
    // Not an id at all: a field error, not a server error.
    expect(codeOf(await as(ACTIONS, { filter: { contratId: 'eq2030' } }))).toBe('BAD_USER_INPUT');
  });

  it('gives the délégué one département line per contract, equal to that contract’s dashboard, the territory line their sum', async () => {
    const caller = { token: delegate.token };
    for (const year of [null, 2025, 2020]) {
      const d = ok(await gql(t.app, DEPARTEMENT, { y: year }, caller)).departementDashboard;
      expect(
        d.contrats.map((c: { contratTitle: string; startYear: number; endYear: number }) => [c.contratTitle, c.startYear, c.endYear]),
      ).toEqual([
        ['Engagements Quartiers 2030', 2024, 2030],
        ['Contrat de ville 2015–2023', 2015, 2023],
      ]);
      for (const line of d.contrats) {
        expect(line.siren).toBe(SIREN.RENNES);
        const dashboard = ok(
          await gql(t.app, CONTRAT_DASHBOARD, { c: line.contratId, y: year }, { ...caller, tenant: SIREN.RENNES }),
        ).contratDashboard;
        // The dashboard's trend runs over every year of the contract whatever the exercise; the line's over the exercise's.
        const { trend, ...figures } = line as Record<string, unknown>;
        const { trend: dashboardTrend, ...dashboardFigures } = dashboard as Record<string, unknown>;
        expect({ year, ...figures }).toEqual({
          year,
          siren: SIREN.RENNES,
          name: line.name,
          contratId: line.contratId,
          contratTitle: line.contratTitle,
          startYear: line.startYear,
          endYear: line.endYear,
          ...dashboardFigures,
        });
        if (year === null) expect(trend).toEqual(dashboardTrend);
      }
      const [territory] = d.territories;
      expect(territory.actionCount).toBe(d.contrats.reduce((n: number, c: { actionCount: number }) => n + c.actionCount, 0));
      expect(territory.totals.requestedCents).toBe(
        d.contrats.reduce((n: number, c: { totals: { requestedCents: number } }) => n + c.totals.requestedCents, 0),
      );
      expect(d.totals.actionCount).toBe(territory.actionCount);
    }
    // Hand-counted: 2030 has two actions (one ESS), 350 000 requested, 280 000 decided, one overdue bilan; 2015 one action.
    const all = ok(await gql(t.app, DEPARTEMENT, { y: null }, caller)).departementDashboard;
    expect(
      all.contrats.map((c: { actionCount: number; essActionCount: number; overdueBilanCount: number }) => [
        c.actionCount,
        c.overdueBilanCount,
      ]),
    ).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(all.contrats[0].totals).toEqual({ requestedCents: 350_000, decidedCents: 280_000, committedCents: 0, paidCents: 0 });
    expect(all.contrats[1].totals).toEqual({ requestedCents: 300_000, decidedCents: 300_000, committedCents: 0, paidCents: 0 });
  });

  it('exports the département CSV one line per contract, each named, with the very figures of the screen', async () => {
    type Amounts = { requestedCents: number; decidedCents: number; committedCents: number; paidCents: number };
    type Figures = Amounts & { actionCount: number };
    interface Screen {
      totals: Amounts;
      actionCount: number;
      essActionCount: number;
      overdueBilanCount: number;
      unsignedConventionCount: number;
      byPillar: (Figures & { pillarTitle: string })[];
      byFundingKind: (Figures & { kind: string })[];
    }
    type Line = Screen & { siren: string; name: string; contratTitle: string; startYear: number; endYear: number };
    const money = (r: Record<string, string>) => ['Demandé (€)', 'Décidé (€)', 'Engagé (€)', 'Payé (€)'].map((c) => Number(centsOf(r[c])));
    const screenMoney = (a: Amounts) => [a.requestedCents, a.decidedCents, a.committedCents, a.paidCents];
    for (const year of [null, 2025]) {
      const screen = ok(await gql(t.app, DEPARTEMENT_SCREEN, { y: year }, { token: delegate.token })).departementDashboard as {
        contrats: Line[];
        totals: Screen;
      };
      const csv = await getCsv(
        t.app,
        '/dashboards/departement.csv',
        { departement: '35', exerciseYear: year ?? undefined },
        { token: delegate.token },
      );
      expect(csv.status).toBe(200);
      const rubrique = (name: string) => csv.rows.filter((r) => r.Rubrique === name);
      const named = screen.contrats.map((c) => `${c.contratTitle} (${c.startYear}–${c.endYear})`);
      expect(named).toEqual(['Engagements Quartiers 2030 (2024–2030)', 'Contrat de ville 2015–2023 (2015–2023)']);
      // One « Total » line per contract of the screen, in its order, then the département's.
      expect(rubrique('Total').map((r) => [r.Territoire, r.SIREN, r.Contrat, Number(r.Nombre), ...money(r)])).toEqual([
        ...screen.contrats.map((c, i) => [c.name, c.siren, named[i], c.actionCount, ...screenMoney(c.totals)]),
        ['Ensemble du département 35', '', '', screen.totals.actionCount, ...screenMoney(screen.totals.totals)],
      ]);
      for (const [label, key] of [
        ["Actions portées par l'ESS", 'essActionCount'],
        ['Bilans en retard', 'overdueBilanCount'],
        ['Conventions non signées', 'unsignedConventionCount'],
      ] as const) {
        expect(rubrique(label).map((r) => [r.Contrat, Number(r.Nombre)])).toEqual([
          ...screen.contrats.map((c, i) => [named[i], c[key]]),
          ['', screen.totals[key]],
        ]);
      }
      expect(rubrique('Par pilier').map((r) => [r.Contrat, r.Pilier, Number(r.Nombre), ...money(r)])).toEqual([
        ...screen.contrats.flatMap((c, i) => c.byPillar.map((p) => [named[i], p.pillarTitle, p.actionCount, ...screenMoney(p)])),
        ...screen.totals.byPillar.map((p) => ['', p.pillarTitle, p.actionCount, ...screenMoney(p)]),
      ]);
      expect(rubrique('Par nature').length).toBe(
        screen.contrats.reduce((n, c) => n + c.byFundingKind.length, 0) + screen.totals.byFundingKind.length,
      );
      // No line of the territory as a whole any more: every line but the département's names its contract.
      expect(csv.rows.filter((r) => r.Contrat === '' && !r.Territoire.startsWith('Ensemble'))).toEqual([]);
    }
  });
});
