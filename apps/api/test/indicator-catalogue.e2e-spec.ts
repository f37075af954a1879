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
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const FIELDS = 'id code label unit aggregation weightDefinitionId pillar';
const LIST = `query { indicatorDefinitions { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateIndicatorDefinitionInput!) { createIndicatorDefinition(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateIndicatorDefinitionInput!) { updateIndicatorDefinition(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteIndicatorDefinition(id: $id) }`;
const CREATE_ACTION = `mutation($input: CreateActionInput!) { createAction(input: $input) { id indicators { label definitionId } } }`;

describe('the territory’s catalogue of indicators', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let porteurRep: TestUser;
  let funderRep: TestUser;
  let plaineChef: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let porteurId: string;
  let qpvId: string;

  const as = (u: TestUser, tenant: string = SIREN.RENNES) => ({ token: u.token, tenant });
  const catalogue = async (u: TestUser = chef, tenant: string = SIREN.RENNES) =>
    ok(await gql(t.app, LIST, {}, as(u, tenant))).indicatorDefinitions as {
      id: string;
      code: string;
      aggregation: string;
      weightDefinitionId: string | null;
    }[];
  const rows = (tenantId: string) => t.owner.query('select * from indicator_definitions where tenant_id = $1 order by code', [tenantId]);

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ctx = await addContrat(t.owner, rennes.id);
    porteurId = await addOrganisation(t.owner, rennes.id, 'Association Bouge ton Blosne', 'ASSOCIATION');
    const regionId = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    qpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03501M',
      name: 'Maurepas',
      communes: ['35238'],
      generation: 'G2024',
    });
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteurId }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: regionId }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
  });

  afterAll(() => t.close());

  it('is seeded for each new territory with the default set, rates weighted by the number of beneficiaries', async () => {
    const list = await catalogue();
    expect(list.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        'BENEFICIAIRES',
        'BENEFICIAIRES_QPV',
        'PART_FEMMES',
        'SORTIES_POSITIVES',
        'EMPLOIS_ESS',
        'HEURES_INSERTION',
        'JEUNES_ACCOMPAGNES',
      ]),
    );
    const byCode = new Map(list.map((d) => [d.code, d]));
    expect(byCode.get('PART_FEMMES')).toMatchObject({
      aggregation: 'WEIGHTED_AVERAGE',
      weightDefinitionId: byCode.get('BENEFICIAIRES')!.id,
    });
    expect(byCode.get('HEURES_INSERTION')).toMatchObject({ aggregation: 'SUM', weightDefinitionId: null });
    // Each territory has its own rows; the porteur and funder read the catalogue too.
    const plaineList = await catalogue(plaineChef, SIREN.PLAINE_COMMUNE);
    expect(plaineList.map((d) => d.code)).toEqual(list.map((d) => d.code));
    expect(plaineList.some((d) => list.some((r) => r.id === d.id))).toBe(false);
    expect((await catalogue(porteurRep)).length).toBe(list.length);
    // Seeding again (the migration runs it for every existing territory) adds nothing.
    expect(await t.owner.query('select seed_indicator_catalogue($1) as added', [rennes.id])).toEqual([{ added: 0 }]);
    // The runtime role cannot run it.
    await expect(t.runtime.query('select seed_indicator_catalogue($1)', [rennes.id])).rejects.toThrow(/permission denied/);
  });

  it('the chef de projet adds, changes and removes an indicator, audited; bad input is refused and changes nothing', async () => {
    const weight = (await catalogue()).find((d) => d.code === 'JEUNES_ACCOMPAGNES')!;
    const created = ok(
      await gql(
        t.app,
        CREATE,
        {
          input: {
            code: 'taux_diplome',
            label: 'Taux de diplômés',
            unit: '%',
            aggregation: 'WEIGHTED_AVERAGE',
            weightDefinitionId: weight.id,
            pillar: 'Jeunesse',
          },
        },
        as(chef),
      ),
    ).createIndicatorDefinition;
    expect(created).toMatchObject({
      code: 'TAUX_DIPLOME',
      aggregation: 'WEIGHTED_AVERAGE',
      weightDefinitionId: weight.id,
      pillar: 'Jeunesse',
    });
    const before = await rows(rennes.id);

    const refused = [
      await gql(t.app, CREATE, { input: { code: 'TAUX_DIPLOME', label: 'Doublon', aggregation: 'SUM' } }, as(chef)),
      await gql(t.app, CREATE, { input: { code: '1X', label: 'Code', aggregation: 'SUM' } }, as(chef)),
      await gql(t.app, CREATE, { input: { code: 'SANS_POIDS', label: 'Taux', aggregation: 'WEIGHTED_AVERAGE' } }, as(chef)),
      await gql(
        t.app,
        CREATE,
        { input: { code: 'POIDS_INUTILE', label: 'Somme', aggregation: 'SUM', weightDefinitionId: weight.id } },
        as(chef),
      ),
      await gql(t.app, CREATE, { input: { code: 'VIDE', label: '   ', aggregation: 'SUM' } }, as(chef)),
      await gql(t.app, UPDATE, { input: { id: created.id, weightDefinitionId: created.id } }, as(chef)),
    ];
    expect(refused.map(codeOf)).toEqual([
      'CONFLICT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    // A weight from another territory does not exist here.
    const plaineWeight = (await catalogue(plaineChef, SIREN.PLAINE_COMMUNE)).find((d) => d.code === 'BENEFICIAIRES')!;
    const foreign = await gql(t.app, UPDATE, { input: { id: created.id, weightDefinitionId: plaineWeight.id } }, as(chef));
    expect(foreign.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'weightDefinitionId', reason: 'not_found' })]);
    // Wrong role, another territory.
    expect(codeOf(await gql(t.app, CREATE, { input: { code: 'X_PORTEUR', label: 'x', aggregation: 'SUM' } }, as(porteurRep)))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(t.app, DELETE, { id: created.id }, as(funderRep)))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.app, UPDATE, { input: { id: created.id, label: 'pirate' } }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql(t.app, DELETE, { id: created.id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(await rows(rennes.id)).toEqual(before);

    const updated = ok(
      await gql(t.app, UPDATE, { input: { id: created.id, label: 'Taux de réussite au diplôme', aggregation: 'AVERAGE' } }, as(chef)),
    ).updateIndicatorDefinition;
    expect(updated).toMatchObject({ label: 'Taux de réussite au diplôme', aggregation: 'AVERAGE', weightDefinitionId: null });
    expect(ok(await gql(t.app, DELETE, { id: created.id }, as(chef))).deleteIndicatorDefinition).toBe(true);
    expect((await catalogue()).some((d) => d.id === created.id)).toBe(false);
    expect((await auditOf(t.owner, created.id)).map((e) => e.operation)).toEqual([
      'indicator.create',
      'indicator.update',
      'indicator.delete',
    ]);
  });

  it('an action’s target links to the catalogue; an indicator in use (target or weight) is kept: INDICATOR_IN_USE', async () => {
    const list = await catalogue();
    const hours = list.find((d) => d.code === 'HEURES_INSERTION')!;
    const plaineHours = (await catalogue(plaineChef, SIREN.PLAINE_COMMUNE)).find((d) => d.code === 'HEURES_INSERTION')!;
    const input = (definitionId: string) => ({
      contratId: ctx.contratId,
      pillarId: ctx.pillarId,
      porteurId,
      title: 'Chantier d’insertion',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      totalBudgetCents: 1_000_000,
      qpvIds: [qpvId],
      indicators: [{ label: 'Heures d’insertion', target: 1200, unit: 'heures', definitionId }],
    });
    const foreign = await gql(t.app, CREATE_ACTION, { input: input(plaineHours.id) }, as(chef));
    expect(foreign.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'indicators.0.definitionId', reason: 'not_found' }),
    ]);
    const action = ok(await gql(t.app, CREATE_ACTION, { input: input(hours.id) }, as(chef))).createAction;
    expect(action.indicators).toEqual([{ label: 'Heures d’insertion', definitionId: hours.id }]);

    const before = await rows(rennes.id);
    const used = await gql(t.app, DELETE, { id: hours.id }, as(chef));
    expect(codeOf(used)).toBe('INDICATOR_IN_USE');
    expect(used.errors?.[0].message).toMatch(/HEURES_INSERTION est utilisé/);
    const weight = list.find((d) => d.code === 'BENEFICIAIRES')!;
    expect(codeOf(await gql(t.app, DELETE, { id: weight.id }, as(chef)))).toBe('INDICATOR_IN_USE');
    expect(await rows(rennes.id)).toEqual(before);
  });

  it('keeps territories apart in PostgreSQL too', async () => {
    await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      const seen: { n: number }[] = await m.query('select count(*)::int as n from indicator_definitions where tenant_id = $1', [rennes.id]);
      expect(seen).toEqual([{ n: 0 }]);
      await expect(
        m.query(
          `insert into indicator_definitions (tenant_id, id, code, label, aggregation) values ($1, gen_random_uuid(), 'PIRATE', 'x', 'SUM')`,
          [rennes.id],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
