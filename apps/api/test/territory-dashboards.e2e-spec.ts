import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  getCsv,
  gql,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const AMOUNTS = 'requestedCents decidedCents';
const FIGURES = `totals { ${AMOUNTS} } actionCount essActionCount actionsByStatus { status count } overdueBilanCount unsignedConventionCount
  leverage { creditsSpecifiques { ${AMOUNTS} } droitCommun { ${AMOUNTS} } autres { ${AMOUNTS} } }
  byFundingKind { kind actionCount ${AMOUNTS} } byFunderKind { funderKind actionCount ${AMOUNTS} }
  byPillar { pillarTitle actionCount ${AMOUNTS} } trend { exerciseYear actionCount ${AMOUNTS} }`;
const DEPARTEMENT = `query($d: String!, $y: Int) { departementDashboard(departement: $d, exerciseYear: $y) {
  departement exerciseYear territories { tenantId siren name kind ${FIGURES} } totals { ${FIGURES} } } }`;
const FUNDER = `query($y: Int) { funderDashboard(exerciseYear: $y) { exerciseYear
  territories { tenantId siren name organisationId organisationName ${FIGURES} } totals { ${FIGURES} } } }`;
const CONTRAT = `query($c: ID!) { contratDashboard(contratId: $c) { totals { ${AMOUNTS} } leverage { creditsSpecifiques { ${AMOUNTS} } } } }`;

const VITRE = '200039022'; // CA Vitré Communauté (35)
const SAINT_MALO = '243500782'; // CA du Pays de Saint-Malo Agglomération (35)
const money = (requestedCents: number, decidedCents: number) => ({ requestedCents, decidedCents });

/**
 * Three intercommunalités of Ille-et-Vilaine and one of Seine-Saint-Denis, each with hand-counted lines:
 *   Rennes: L'Autre Boutique (seven lines, 264,185 €, created through the API, undecided) and A1 (État P147 1 000 €
 *     decided 800 €, Département droit commun 2 000 € decided 2 000 €; programmée; association).
 *   Vitré: V1 (État P147 3 000 € decided 3 000 €, Département droit commun 1 000 € undecided; à arbitrer; entreprise), 2026.
 *   Saint-Malo: M1 (État P147 5 000 €), which the delegate must never see.
 *   Plaine Commune (93): P1, outside the département.
 * The delegate is délégué du préfet in Rennes, Vitré and Plaine Commune, and a mere funder's representative in
 * Saint-Malo; the Département's officer represents the Département in Rennes and Vitré.
 */
describe('dashboards across territories', () => {
  let t: TestApp;
  const tenants: Record<string, TestTenant> = {};
  const orgs: Record<string, Record<string, string>> = {};
  let delegate: TestUser;
  let departementRep: TestUser;
  let rennesChef: TestUser;
  let rennesContrat: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow('2026-11-26T10:00:00Z');
    for (const [key, siren] of [
      ['rennes', SIREN.RENNES],
      ['vitre', VITRE],
      ['malo', SAINT_MALO],
      ['plaine', SIREN.PLAINE_COMMUNE],
    ] as const) {
      tenants[key] = await createTenant(t.app, t.owner, siren);
      const id = tenants[key].id;
      orgs[key] = {
        etat: await addOrganisation(t.owner, id, 'Préfecture (État)', 'ETAT'),
        departement: await addOrganisation(t.owner, id, `Département (${key})`, 'DEPARTEMENT'),
        metropole: await addOrganisation(t.owner, id, 'Intercommunalité', 'EPCI'),
        region: await addOrganisation(t.owner, id, 'Région', 'REGION'),
        asso: await addOrganisation(t.owner, id, "L'Autre Boutique", 'ASSOCIATION'),
        entreprise: await addOrganisation(t.owner, id, 'Entreprise', 'ENTREPRISE'),
      };
    }
    const ctx = Object.fromEntries(await Promise.all(Object.entries(tenants).map(async ([k, v]) => [k, await addContrat(t.owner, v.id)])));
    rennesContrat = ctx.rennes.contratId;
    const o = orgs;
    await addAction(t.owner, tenants.rennes.id, SIREN.RENNES, ctx.rennes, o.rennes.asso, 'PROGRAMMEE', [
      { funderId: o.rennes.etat, requestedCents: 100_000n, decidedCents: 80_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
      { funderId: o.rennes.departement, requestedCents: 200_000n, decidedCents: 200_000n, kind: 'DROIT_COMMUN' },
    ]);
    const v1 = await addAction(t.owner, tenants.vitre.id, VITRE, ctx.vitre, o.vitre.entreprise, 'A_ARBITRER', [
      { funderId: o.vitre.etat, requestedCents: 300_000n, decidedCents: 300_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
      { funderId: o.vitre.departement, requestedCents: 100_000n, kind: 'DROIT_COMMUN' },
    ]);
    await t.owner.query('update funding_lines set exercise_year = 2026 where action_id = $1', [v1.actionId]);
    await addAction(t.owner, tenants.malo.id, SAINT_MALO, ctx.malo, o.malo.asso, 'A_ARBITRER', [
      { funderId: o.malo.etat, requestedCents: 500_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);
    await addAction(t.owner, tenants.plaine.id, SIREN.PLAINE_COMMUNE, ctx.plaine, o.plaine.asso, 'A_ARBITRER', [
      { funderId: o.plaine.etat, requestedCents: 700_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);

    // L'Autre Boutique: created through the API as a chef de projet would, 264,185 € over seven lines.
    rennesChef = await createUser(t.app, t.owner, [{ tenantId: tenants.rennes.id, role: Role.CHEF_DE_PROJET }]);
    const r = o.rennes;
    const blosne = await insertRow(t.owner, 'qpvs', {
      tenant_id: tenants.rennes.id,
      code: 'QN03502M',
      name: 'Le Blosne',
      communes: ['35238'],
      generation: 'G2024',
    });
    await t.owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [
      tenants.rennes.id,
      rennesContrat,
      blosne,
    ]);
    ok(
      await gql(
        t.app,
        'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
        {
          input: {
            contratId: rennesContrat,
            pillarId: ctx.rennes.pillarId,
            porteurId: r.asso,
            title: "L'Autre Boutique – boutique et traiteur solidaires des producteurs locaux",
            startDate: '2025-01-01',
            endDate: '2025-12-31',
            totalBudgetCents: 26_418_500,
            qpvIds: [blosne],
            fundingLines: [
              { funderId: r.asso, kind: 'AUTRE', amountRequestedCents: 2_000_000, exerciseYear: 2025 },
              { funderId: r.etat, kind: 'DROIT_COMMUN', amountRequestedCents: 16_060_200, exerciseYear: 2025 },
              { funderId: r.region, kind: 'DROIT_COMMUN', amountRequestedCents: 1_826_700, exerciseYear: 2025 },
              { funderId: r.departement, kind: 'DROIT_COMMUN', amountRequestedCents: 4_581_600, exerciseYear: 2025 },
              { funderId: r.metropole, kind: 'DROIT_COMMUN', amountRequestedCents: 1_800_000, exerciseYear: 2025 },
              { funderId: r.metropole, kind: 'AUTRE', amountRequestedCents: 75_000, exerciseYear: 2025 },
              { funderId: r.etat, kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 75_000, exerciseYear: 2025 },
            ],
          },
        },
        { token: rennesChef.token, tenant: SIREN.RENNES },
      ),
    );

    delegate = await createUser(t.app, t.owner, [
      { tenantId: tenants.rennes.id, role: Role.DELEGUE_PREFET },
      { tenantId: tenants.vitre.id, role: Role.DELEGUE_PREFET },
      { tenantId: tenants.plaine.id, role: Role.DELEGUE_PREFET },
      { tenantId: tenants.malo.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: o.malo.etat },
    ]);
    departementRep = await createUser(t.app, t.owner, [
      { tenantId: tenants.rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: o.rennes.departement },
      { tenantId: tenants.vitre.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: o.vitre.departement },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const departement = async (d: string, caller: TestUser, y?: number) =>
    ok(await gql(t.app, DEPARTEMENT, { d, y }, { token: caller.token })).departementDashboard;

  it("checks L'Autre Boutique's financing plan through the contract dashboard: 264,185 €", async () => {
    const d = ok(await gql(t.app, CONTRAT, { c: rennesContrat }, { token: rennesChef.token, tenant: SIREN.RENNES })).contratDashboard;
    // 264,185 € plus A1's 3,000 €; P147: the État's 750 € half of the 1,500 € politique de la ville, plus A1's 1,000 €.
    expect(d.totals).toEqual(money(26_418_500 + 300_000, 280_000));
    expect(d.leverage.creditsSpecifiques).toEqual(money(75_000 + 100_000, 80_000));
  });

  it('gives a délégué du préfet exactly the territories of the département where it is a member with a figures role, one line each, with totals', async () => {
    const d = await departement('35', delegate);
    // Saint-Malo is in the département, but the delegate only represents a funder there; Plaine Commune is in 93.
    expect(d.territories.map((x: { siren: string }) => x.siren)).toEqual([VITRE, SIREN.RENNES]); // by name: « CA Vitré Communauté », « Rennes Métropole »
    const byName = Object.fromEntries(d.territories.map((x: { siren: string }) => [x.siren, x]));
    const rennes = byName[SIREN.RENNES];
    const vitre = byName[VITRE];
    expect(rennes).toMatchObject({
      name: 'Rennes Métropole',
      kind: 'METROPOLE',
      totals: money(26_718_500, 280_000),
      actionCount: 2,
      essActionCount: 2,
    });
    expect(rennes.actionsByStatus).toEqual([
      { status: 'BROUILLON', count: 1 },
      { status: 'PROGRAMMEE', count: 1 },
    ]);
    expect(rennes.leverage).toEqual({
      creditsSpecifiques: money(175_000, 80_000),
      droitCommun: money(24_468_500, 200_000),
      autres: money(2_075_000, 0),
    });
    expect(vitre).toMatchObject({ totals: money(400_000, 300_000), actionCount: 1, essActionCount: 0 });
    expect(vitre.trend).toEqual([{ exerciseYear: 2026, actionCount: 1, ...money(400_000, 300_000) }]);
    expect(vitre.byFunderKind).toEqual([
      { funderKind: 'DEPARTEMENT', actionCount: 1, ...money(100_000, 0) },
      { funderKind: 'ETAT', actionCount: 1, ...money(300_000, 300_000) },
    ]);
    // Totals are the sum of the two lines, nothing of Saint-Malo (5,000 €) or Plaine Commune (7,000 €).
    expect(d.totals).toMatchObject({ totals: money(27_118_500, 580_000), actionCount: 3, essActionCount: 2 });
    expect(d.totals.leverage.creditsSpecifiques).toEqual(money(475_000, 380_000));
    expect(d.totals.byPillar).toEqual([{ pillarTitle: 'Cohésion sociale', actionCount: 3, ...money(27_118_500, 580_000) }]);
    expect(d.totals.trend).toEqual([
      { exerciseYear: 2025, actionCount: 2, ...money(26_718_500, 280_000) },
      { exerciseYear: 2026, actionCount: 1, ...money(400_000, 300_000) },
    ]);
    expect(d.totals.actionsByStatus).toEqual([
      { status: 'A_ARBITRER', count: 1 },
      { status: 'BROUILLON', count: 1 },
      { status: 'PROGRAMMEE', count: 1 },
    ]);
    // One exercise: only Vitré's 2026 lines count, Rennes stays listed with zeros.
    const y2026 = await departement('35', delegate, 2026);
    expect(y2026.totals.totals).toEqual(money(400_000, 300_000));
    expect(y2026.territories.find((x: { siren: string }) => x.siren === SIREN.RENNES)).toMatchObject({
      totals: money(0, 0),
      actionCount: 0,
    });
    // In Seine-Saint-Denis, only Plaine Commune.
    expect((await departement('93', delegate)).territories.map((x: { siren: string }) => x.siren)).toEqual([SIREN.PLAINE_COMMUNE]);
  });

  it('writes each consolidated read into the audit trail of each territory read, and of no other', async () => {
    const before = await t.owner.query(
      `select tenant_id, count(*)::int as n from audit_events where operation = 'dashboard.departement_read' group by tenant_id`,
    );
    const count = (rows: { tenant_id: string; n: number }[], id: string) => rows.find((r) => r.tenant_id === id)?.n ?? 0;
    await departement('35', delegate, 2025);
    const after = await t.owner.query(
      `select tenant_id, count(*)::int as n from audit_events where operation = 'dashboard.departement_read' group by tenant_id`,
    );
    expect(count(after, tenants.rennes.id) - count(before, tenants.rennes.id)).toBe(1);
    expect(count(after, tenants.vitre.id) - count(before, tenants.vitre.id)).toBe(1);
    expect(count(after, tenants.malo.id)).toBe(0);
    expect(count(after, tenants.plaine.id) - count(before, tenants.plaine.id)).toBe(0);
    const [event] = await t.owner.query(
      `select actor_user_id, entity_id, after from audit_events where tenant_id = $1 and operation = 'dashboard.departement_read' order by seq desc limit 1`,
      [tenants.vitre.id],
    );
    expect(event).toMatchObject({
      actor_user_id: delegate.id,
      entity_id: tenants.vitre.id,
      after: { departement: '35', exerciseYear: 2025, territories: 2, channel: 'screen' },
    });
  });

  it('shows nothing of a territory without a membership, nor of a revoked one, and no more to a funder representative', async () => {
    // The chef de projet of Rennes alone: only Rennes.
    expect((await departement('35', rennesChef)).territories.map((x: { siren: string }) => x.siren)).toEqual([SIREN.RENNES]);
    // The Département's officer is a funder representative everywhere: no territory's whole figures.
    const d = await departement('35', departementRep);
    expect(d).toMatchObject({ territories: [], totals: { totals: money(0, 0), actionCount: 0 } });
    // A revoked membership counts no more.
    const other = await createUser(t.app, t.owner, [
      { tenantId: tenants.rennes.id, role: Role.DELEGUE_PREFET },
      { tenantId: tenants.vitre.id, role: Role.DELEGUE_PREFET },
    ]);
    await t.owner.query('update memberships set revoked_at = now() where user_id = $1 and tenant_id = $2', [other.id, tenants.vitre.id]);
    expect((await departement('35', other)).territories.map((x: { siren: string }) => x.siren)).toEqual([SIREN.RENNES]);
  });

  it("gives a funder's representative its own organisation's lines in each territory where it is a member", async () => {
    const f = ok(await gql(t.app, FUNDER, {}, { token: departementRep.token })).funderDashboard;
    expect(f.territories.map((x: { siren: string; organisationName: string }) => [x.siren, x.organisationName])).toEqual([
      [VITRE, 'Département (vitre)'],
      [SIREN.RENNES, 'Département (rennes)'],
    ]);
    const rennes = f.territories.find((x: { siren: string }) => x.siren === SIREN.RENNES);
    // A1's 2,000 € and L'Autre Boutique's 45,816 €: the Région's, the État's and the others' lines are not its own.
    expect(rennes).toMatchObject({ organisationId: orgs.rennes.departement, totals: money(4_781_600, 200_000), actionCount: 2 });
    expect(rennes.byFunderKind).toEqual([{ funderKind: 'DEPARTEMENT', actionCount: 2, ...money(4_781_600, 200_000) }]);
    expect(f.totals.totals).toEqual(money(4_881_600, 200_000));
    expect(f.totals.byFundingKind).toEqual([{ kind: 'DROIT_COMMUN', actionCount: 3, ...money(4_881_600, 200_000) }]);
    const y2026 = ok(await gql(t.app, FUNDER, { y: 2026 }, { token: departementRep.token })).funderDashboard;
    expect(y2026.totals.totals).toEqual(money(100_000, 0));
    // The delegate represents the État in Saint-Malo only: its 5,000 €, and nothing of the territories it reads as a delegate.
    const asFunder = ok(await gql(t.app, FUNDER, {}, { token: delegate.token })).funderDashboard;
    expect(asFunder.territories.map((x: { siren: string }) => x.siren)).toEqual([SAINT_MALO]);
    expect(asFunder.totals.totals).toEqual(money(500_000, 0));
  });

  it('exports the consolidation and the funder view as CSV with the same filters, audited like the queries', async () => {
    // One event per territory read, each saying the figures left as a file.
    const audited = async (operation = 'dashboard.departement_read') =>
      (
        await t.owner.query(`select count(*)::int as n from audit_events where operation = $1 and after->>'channel' = 'csv'`, [operation])
      )[0].n;
    const before = await audited();
    const dep = await getCsv(t.app, '/dashboards/departement.csv', { departement: '35', exerciseYear: 2025 }, { token: delegate.token });
    expect(dep.status).toBe(200);
    expect(dep.headers['content-disposition']).toContain('consolidation-departement-35-2025.csv');
    expect(await audited()).toBe(before + 2);
    const totals = dep.rows.filter((r) => r.Rubrique === 'Total');
    expect(totals.map((r) => [r.Territoire, r.SIREN, r.Exercice, r.Nombre, r['Demandé (€)'], r['Décidé (€)']])).toEqual([
      ['CA Vitré Communauté', VITRE, '2025', '0', '0,00', '0,00'],
      ['Rennes Métropole', SIREN.RENNES, '2025', '2', '267185,00', '2800,00'],
      ['Ensemble du département 35', '', '2025', '2', '267185,00', '2800,00'],
    ]);
    // Nothing of Saint-Malo or Plaine Commune in any row.
    expect(dep.rows.some((r) => r.SIREN === SAINT_MALO || r.SIREN === SIREN.PLAINE_COMMUNE)).toBe(false);
    expect(
      dep.rows
        .filter((r) => r.Rubrique === 'Par type de financeur' && r.Territoire === 'Rennes Métropole')
        .map((r) => r['Type de financeur']),
    ).toEqual(['Association', 'Département', 'Intercommunalité (EPCI ou EPT)', 'État (préfecture, ministères)', 'Région']);
    const funderBefore = await audited('dashboard.funder_read');
    const funder = await getCsv(t.app, '/dashboards/financeur.csv', {}, { token: departementRep.token });
    expect(await audited('dashboard.funder_read')).toBe(funderBefore + 2);
    expect(funder.rows.filter((r) => r.Rubrique === 'Total').map((r) => [r.Territoire, r.Financeur, r['Demandé (€)']])).toEqual([
      ['CA Vitré Communauté', 'Département (vitre)', '1000,00'],
      ['Rennes Métropole', 'Département (rennes)', '47816,00'],
      ['Ensemble des territoires', '', '48816,00'],
    ]);
    expect(await getCsv(t.app, '/dashboards/departement.csv', { departement: '20' }, { token: delegate.token })).toMatchObject({
      status: 400,
      error: { code: 'BAD_USER_INPUT' },
    });
    expect(await getCsv(t.app, '/dashboards/departement.csv', { departement: '35' })).toMatchObject({
      status: 401,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a bad département or exercise and an anonymous caller, with a code', async () => {
    expect(codeOf(await gql(t.app, DEPARTEMENT, { d: '20' }, { token: delegate.token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, DEPARTEMENT, { d: '35', y: 1999 }, { token: delegate.token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, DEPARTEMENT, { d: '35' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, FUNDER, {}))).toBe('UNAUTHENTICATED');
  });
});
