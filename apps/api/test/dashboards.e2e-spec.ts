import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  centsOf,
  codeOf,
  createTenant,
  createUser,
  getCsv,
  gql,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const AMOUNTS = 'requestedCents decidedCents';
const DASHBOARD = `query($contratId: ID!, $exerciseYear: Int) { contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {
  contratId exerciseYear totals { ${AMOUNTS} }
  cells { pillarTitle funderName kind exerciseYear ${AMOUNTS} }
  actionsByStatus { status count } actionCount essActionCount
  qpvs { code name actionCount ${AMOUNTS} }
  envelopes { funderId exerciseYear kind amountCents }
  overdueBilanCount unsignedConventionCount
  leverage { creditsSpecifiques { ${AMOUNTS} } droitCommun { ${AMOUNTS} } autres { ${AMOUNTS} } }
  trend { exerciseYear actionCount ${AMOUNTS} } } }`;

const money = (requestedCents: number, decidedCents: number) => ({ requestedCents, decidedCents });

/**
 * A small contract whose every figure is computed by hand:
 *   A1 (association, Cohésion sociale, programmée, 2025): État P147 1 000 € decided 1 000 €; Région droit commun 2 000 € / 2 000 €.
 *   A2 (entreprise, Emploi, partiellement programmée, 2025): État P147 500 € / 200 €; CAF droit commun 800 € / 0 €.
 *   A3 (association, Cohésion sociale, à arbitrer, 2026): Région FSE 3 000 €, undecided.
 *   QPV Maurepas: A1 and A2; QPV Blosne: A3.
 */
describe('contract dashboard', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  let funderRep: TestUser;
  let contratId: string;
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const as = (u: TestUser) => ({ token: u.token, tenant: SIREN.RENNES });
  const dashboard = async (exerciseYear?: number, caller = chef) =>
    ok(await gql(t.app, DASHBOARD, { contratId, exerciseYear }, as(caller))).contratDashboard;

  beforeAll(async () => {
    t = await startTestApp({ config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, rennes.id);
    contratId = ctx.contratId;
    const emploi = randomUUID();
    await t.owner.query(
      `insert into pillars (tenant_id, id, contrat_id, kind, title, position) values ($1, $2, $3, 'PILIER', 'Emploi', 2)`,
      [rennes.id, emploi, contratId],
    );
    for (const [key, name, kind] of [
      ['etat', "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'],
      ['region', 'Région Bretagne', 'REGION'],
      ['caf', "CAF d'Ille-et-Vilaine", 'CAF'],
      ['asso', 'Association Bouge ton Blosne', 'ASSOCIATION'],
      ['entreprise', 'Entreprise Bâtir', 'ENTREPRISE'],
    ]) {
      org[key] = await addOrganisation(t.owner, rennes.id, name, kind);
    }
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    ids.a1 = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.asso, 'PROGRAMMEE', [
        { funderId: org.etat, requestedCents: 100_000n, decidedCents: 100_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
        { funderId: org.region, requestedCents: 200_000n, decidedCents: 200_000n, kind: 'DROIT_COMMUN' },
      ])
    ).actionId;
    ids.a2 = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, { contratId, pillarId: emploi }, org.entreprise, 'PARTIELLEMENT_PROGRAMMEE', [
        { funderId: org.etat, requestedCents: 50_000n, decidedCents: 20_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
        { funderId: org.caf, requestedCents: 80_000n, decidedCents: 0n, kind: 'DROIT_COMMUN' },
      ])
    ).actionId;
    ids.a3 = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.asso, 'A_ARBITRER', [
        { funderId: org.region, requestedCents: 300_000n, kind: 'FSE' },
      ])
    ).actionId;
    await t.owner.query('update funding_lines set exercise_year = 2026 where action_id = $1', [ids.a3]);
    for (const [code, name, actions] of [
      ['QN03501M', 'Maurepas', [ids.a1, ids.a2]],
      ['QN03502M', 'Le Blosne', [ids.a3]],
    ] as const) {
      const qpv = randomUUID();
      await t.owner.query(
        `insert into qpvs (tenant_id, id, code, name, communes, generation) values ($1, $2, $3, $4, '{35238}', 'G2024')`,
        [rennes.id, qpv, code, name],
      );
      for (const a of actions)
        await t.owner.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [rennes.id, a, qpv]);
    }
    // A1's bilan is overdue, A2's was received; A1's convention is drafted, not signed.
    await t.owner.query(
      `insert into deadlines (tenant_id, id, kind, key, label, due_date, action_id, exercise_year, met_at)
       values ($1, gen_random_uuid(), 'BILAN', 'BILAN:a1', 'Bilan 2025 A1', '2026-06-30', $2, 2025, null),
              ($1, gen_random_uuid(), 'BILAN', 'BILAN:a2', 'Bilan 2025 A2', '2026-06-30', $3, 2025, now())`,
      [rennes.id, ids.a1, ids.a2],
    );
    t.setNow('2026-11-26T10:00:00Z');
    ok(await gql(t.app, `mutation($a: ID!) { draftConvention(actionId: $a) { id } }`, { a: ids.a1 }, as(chef)));
    ok(
      await gql(
        t.app,
        `mutation($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id } }`,
        { input: { contratId, funderId: org.etat, exerciseYear: 2025, kind: 'CREDITS_SPECIFIQUES_P147', amountCents: 500_000 } },
        as(chef),
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every figure of the whole contract, as computed by hand', async () => {
    const d = await dashboard();
    expect(d).toMatchObject({
      contratId,
      exerciseYear: null,
      totals: money(730_000, 320_000),
      actionCount: 3,
      essActionCount: 2,
      overdueBilanCount: 1,
      unsignedConventionCount: 1,
    });
    expect(d.actionsByStatus).toEqual([
      { status: 'A_ARBITRER', count: 1 },
      { status: 'PARTIELLEMENT_PROGRAMMEE', count: 1 },
      { status: 'PROGRAMMEE', count: 1 },
    ]);
    expect(d.leverage).toEqual({
      creditsSpecifiques: money(150_000, 120_000),
      droitCommun: money(280_000, 200_000),
      autres: money(300_000, 0),
    });
    expect(d.qpvs).toEqual([
      { code: 'QN03501M', name: 'Maurepas', actionCount: 2, ...money(430_000, 320_000) },
      { code: 'QN03502M', name: 'Le Blosne', actionCount: 1, ...money(300_000, 0) },
    ]);
    expect(d.trend).toEqual([
      { exerciseYear: 2025, actionCount: 2, ...money(430_000, 320_000) },
      { exerciseYear: 2026, actionCount: 1, ...money(300_000, 0) },
    ]);
    expect(d.envelopes).toEqual([{ funderId: org.etat, exerciseYear: 2025, kind: 'CREDITS_SPECIFIQUES_P147', amountCents: 500_000 }]);
    // The cross table sums to the totals.
    const sum = d.cells.reduce((s: number, c: { requestedCents: number }) => s + c.requestedCents, 0);
    expect(sum).toBe(730_000);
  });

  it('restricts every figure to one exercise, the trend aside', async () => {
    const d = await dashboard(2025);
    expect(d).toMatchObject({
      exerciseYear: 2025,
      totals: money(430_000, 320_000),
      actionCount: 2,
      essActionCount: 1,
      overdueBilanCount: 1,
    });
    expect(d.cells).toEqual([
      {
        pillarTitle: 'Cohésion sociale',
        funderName: "Préfecture d'Ille-et-Vilaine (État)",
        kind: 'CREDITS_SPECIFIQUES_P147',
        exerciseYear: 2025,
        ...money(100_000, 100_000),
      },
      {
        pillarTitle: 'Cohésion sociale',
        funderName: 'Région Bretagne',
        kind: 'DROIT_COMMUN',
        exerciseYear: 2025,
        ...money(200_000, 200_000),
      },
      { pillarTitle: 'Emploi', funderName: "CAF d'Ille-et-Vilaine", kind: 'DROIT_COMMUN', exerciseYear: 2025, ...money(80_000, 0) },
      {
        pillarTitle: 'Emploi',
        funderName: "Préfecture d'Ille-et-Vilaine (État)",
        kind: 'CREDITS_SPECIFIQUES_P147',
        exerciseYear: 2025,
        ...money(50_000, 20_000),
      },
    ]);
    expect(d.leverage.autres).toEqual(money(0, 0));
    expect(d.trend).toHaveLength(2);
    expect((await dashboard(2031)).totals).toEqual(money(0, 0));
  });

  it('exports every figure as CSV with the same filters, and refuses what the query refuses', async () => {
    const csv = (query: Record<string, string | number | undefined>, caller = chef) =>
      getCsv(t.app, '/dashboards/contrat.csv', query, as(caller));
    const [{ n: tracedBefore }] = await t.owner.query(
      `select count(*)::int as n from audit_events where operation = 'dashboard.contrat_export'`,
    );
    const all = await csv({ contratId });
    expect(all.status).toBe(200);
    expect(all.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(all.headers['content-disposition']).toContain(`tableau-de-bord-${SIREN.RENNES}.csv`);
    // The file that left the platform is on the trail: who, which contract, which exercise.
    const exportsTraced = async (): Promise<unknown[]> =>
      (
        await t.owner.query(
          `select actor_user_id, entity_id, after from audit_events where operation = 'dashboard.contrat_export' order by seq`,
        )
      ).slice(tracedBefore);
    expect(await exportsTraced()).toEqual([
      { actor_user_id: chef.id, entity_id: rennes.id, after: { format: 'csv', contratId, exerciseYear: null } },
    ]);
    const d = await dashboard();
    const of = (rubrique: string) => all.rows.filter((r) => r.Rubrique === rubrique);
    expect(of('Total')).toEqual([
      expect.objectContaining({
        Territoire: 'Rennes Métropole',
        SIREN: SIREN.RENNES,
        Nombre: '3',
        'Demandé (€)': '7300,00',
        'Décidé (€)': '3200,00',
      }),
    ]);
    // One row per figure of the screen: cells, statuses, QPVs, envelopes, the year trend.
    expect(of('Pilier × financeur × nature × exercice')).toHaveLength(d.cells.length);
    expect(of('Pilier × financeur × nature × exercice').reduce((n, r) => n + centsOf(r['Demandé (€)']), 0)).toBe(730_000);
    expect(of('Actions par état').map((r) => [r['État'], r.Nombre])).toEqual([
      ['à arbitrer', '1'],
      ['partiellement programmée', '1'],
      ['programmée', '1'],
    ]);
    expect(of("Actions portées par l'ESS")[0].Nombre).toBe('2');
    expect(of('Par QPV').map((r) => [r.QPV, r.Nombre, r['Demandé (€)'], r['Décidé (€)']])).toEqual([
      ['QN03501M Maurepas', '2', '4300,00', '3200,00'],
      ['QN03502M Le Blosne', '1', '3000,00', '0,00'],
    ]);
    expect(of('Enveloppe')).toEqual([
      expect.objectContaining({
        Financeur: "Préfecture d'Ille-et-Vilaine (État)",
        Nature: 'Crédits spécifiques (P147)',
        Exercice: '2025',
        'Enveloppe (€)': '5000,00',
      }),
    ]);
    expect(of('Bilans en retard')[0].Nombre).toBe('1');
    expect(of('Conventions non signées')[0].Nombre).toBe('1');
    expect(of('Effet levier').map((r) => [r.Nature, r['Demandé (€)'], r['Décidé (€)']])).toEqual([
      ['Crédits spécifiques (P147)', '1500,00', '1200,00'],
      ['Droit commun', '2800,00', '2000,00'],
      ['Autres fonds', '3000,00', '0,00'],
    ]);
    expect(of('Évolution').map((r) => [r.Exercice, r.Nombre, r['Demandé (€)']])).toEqual([
      ['2025', '2', '4300,00'],
      ['2026', '1', '3000,00'],
    ]);
    // The exercise filter is the query's.
    const y2025 = await csv({ contratId, exerciseYear: 2025 });
    expect(y2025.rows.find((r) => r.Rubrique === 'Total')).toMatchObject({ Exercice: '2025', Nombre: '2', 'Demandé (€)': '4300,00' });
    expect(y2025.rows.filter((r) => r.Rubrique === 'Pilier × financeur × nature × exercice')).toHaveLength(4);
    // Refused like the query: codes and HTTP statuses.
    expect(await csv({ contratId, exerciseYear: 1999 })).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT' } });
    expect(await csv({ contratId: 'pas-un-uuid' })).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT' } });
    expect(await csv({ contratId, autre: 'x' })).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT' } });
    expect(await csv({ contratId: randomUUID() })).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(await csv({ contratId }, funderRep)).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
    expect(await getCsv(t.app, '/dashboards/contrat.csv', { contratId })).toMatchObject({
      status: 401,
      error: { code: 'UNAUTHENTICATED' },
    });
    // Refused exports sent nothing and left no trace: the two served files, one event each.
    expect(await exportsTraced()).toEqual([
      expect.objectContaining({ after: { format: 'csv', contratId, exerciseYear: null } }),
      expect.objectContaining({ after: { format: 'csv', contratId, exerciseYear: 2025 } }),
    ]);
  });

  it("refuses a funder's representative, another tenant's contract and a bad exercise, with a code", async () => {
    expect(codeOf(await gql(t.app, DASHBOARD, { contratId }, as(funderRep)))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.app, DASHBOARD, { contratId, exerciseYear: 1999 }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, DASHBOARD, { contratId: 'pas-un-uuid' }, as(chef)))).toBe('BAD_USER_INPUT');
    const plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    // Rennes' contract does not exist in Plaine Commune; and Rennes is not Plaine's to ask for.
    expect(codeOf(await gql(t.app, DASHBOARD, { contratId }, { token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, DASHBOARD, { contratId }, { token: plaineChef.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');
  });
  it('adds the committed and paid amounts once finance systems record them, in every figure and export', async () => {
    const lines = await t.owner.query('select id, funder_id from funding_lines where action_id = $1', [ids.a1]);
    const line = (funder: string) => lines.find((l: { funder_id: string }) => l.funder_id === funder).id;
    const record = async (mutation: string, input: Record<string, unknown>) => ok(await gql(t.app, mutation, { input }, as(chef)));
    const COMMIT = 'mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id } }';
    const PAY = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }';
    await record(COMMIT, { fundingLineId: line(org.etat), reference: 'EJ-ETAT-1', committedOn: '2025-03-01', amountCents: 60_000 });
    await record(PAY, { fundingLineId: line(org.etat), reference: 'MD-ETAT-1', paidOn: '2025-04-01', amountCents: 25_000 });
    await record(COMMIT, { fundingLineId: line(org.region), reference: 'EJ-REG-1', committedOn: '2025-03-01', amountCents: 200_000 });
    await record(PAY, { fundingLineId: line(org.region), reference: 'MD-REG-1', paidOn: '2025-04-01', amountCents: 200_000 });
    const FOUR = 'requestedCents decidedCents committedCents paidCents';
    const d = ok(
      await gql(
        t.app,
        `query($c: ID!) { contratDashboard(contratId: $c) { totals { ${FOUR} } cells { funderName kind ${FOUR} } qpvs { code ${FOUR} }
          leverage { creditsSpecifiques { ${FOUR} } droitCommun { ${FOUR} } } trend { exerciseYear ${FOUR} } } }`,
        { c: contratId },
        as(chef),
      ),
    ).contratDashboard;
    expect(d.totals).toEqual({ requestedCents: 730_000, decidedCents: 320_000, committedCents: 260_000, paidCents: 225_000 });
    expect(d.leverage.creditsSpecifiques).toEqual({
      requestedCents: 150_000,
      decidedCents: 120_000,
      committedCents: 60_000,
      paidCents: 25_000,
    });
    expect(d.qpvs.find((q: { code: string }) => q.code === 'QN03501M')).toMatchObject({ committedCents: 260_000, paidCents: 225_000 });
    expect(d.trend.find((y: { exerciseYear: number }) => y.exerciseYear === 2025)).toMatchObject({
      committedCents: 260_000,
      paidCents: 225_000,
    });
    expect(d.cells.filter((c: { paidCents: number }) => c.paidCents > 0)).toHaveLength(2);
    // The consolidation and the exports carry them too.
    const dep = ok(
      await gql(t.app, `query { departementDashboard(departement: "35") { totals { totals { ${FOUR} } } } }`, {}, { token: chef.token }),
    ).departementDashboard;
    expect(dep.totals.totals).toEqual({ requestedCents: 730_000, decidedCents: 320_000, committedCents: 260_000, paidCents: 225_000 });
    const csv = await getCsv(t.app, '/dashboards/contrat.csv', { contratId }, as(chef));
    expect(csv.rows.find((r) => r.Rubrique === 'Total')).toMatchObject({ 'Engagé (€)': '2600,00', 'Payé (€)': '2250,00' });
  });
});
