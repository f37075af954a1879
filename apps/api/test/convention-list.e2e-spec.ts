import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const LIST = `query($filter: ConventionFilter, $first: Int, $after: String) {
  conventions(filter: $filter, first: $first, after: $after) { nodes { id actionId status } pageInfo { hasNextPage endCursor } } }`;
const DRAFT = 'mutation($actionId: ID!) { draftConvention(actionId: $actionId) { id currentVersion { hash } } }';
const SIGN = 'mutation($input: SignConventionInput!) { signConvention(input: $input) { id status } }';

interface Node {
  id: string;
  actionId: string;
  status: string;
}

describe('conventions: filters and paging (server-side)', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let regionRep: TestUser;
  let departementRep: TestUser;
  let plaineChef: TestUser;
  let org: Record<'archipel' | 'relais' | 'region' | 'departement', string>;
  /** action id → convention id and hash, in the order the actions were created (their numbers). */
  const conventions: { actionId: string; id: string; hash: string }[] = [];
  let contrat2Action: string;
  let year2026Action: string;

  const as = (user: TestUser) => ({ token: user.token, tenant: SIREN.RENNES });
  const list = async (user: TestUser, filter: Record<string, unknown> = {}, first = 100, after?: string) =>
    ok(await gql(t.app, LIST, { filter, first, after }, as(user))).conventions as {
      nodes: Node[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  const actionsOf = async (user: TestUser, filter: Record<string, unknown>) => (await list(user, filter)).nodes.map((n) => n.actionId);

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    const ctx2 = await addContrat(t.owner, rennes.id);
    org = {
      archipel: await addOrganisation(t.owner, rennes.id, 'Archipel Habitat', 'BAILLEUR_SOCIAL'),
      relais: await addOrganisation(t.owner, rennes.id, 'Le Relais 50% Solidaire', 'ASSOCIATION'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      departement: await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    departementRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.departement },
    ]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);

    // Five programmed actions: the Région funds all of them, the Département the first two only.
    const specs: { porteur: string; title: string; departement: boolean; ctx: typeof ctx }[] = [
      { porteur: org.archipel, title: 'Jardins partagés de Maurepas', departement: true, ctx },
      { porteur: org.relais, title: 'Ressourcerie du Blosne', departement: true, ctx },
      { porteur: org.archipel, title: 'Médiation de pied d’immeuble', departement: false, ctx },
      { porteur: org.relais, title: 'Atelier vélo', departement: false, ctx: ctx2 },
      { porteur: org.archipel, title: 'Chantier éducatif', departement: false, ctx },
    ];
    for (const spec of specs) {
      const { actionId } = await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        spec.ctx,
        spec.porteur,
        'PROGRAMMEE',
        [
          { funderId: org.region, requestedCents: 500_000n, decidedCents: 500_000n },
          ...(spec.departement ? [{ funderId: org.departement, requestedCents: 200_000n, decidedCents: 200_000n }] : []),
        ],
        spec.title,
      );
      const c = ok(await gql(t.app, DRAFT, { actionId }, as(chef))).draftConvention;
      conventions.push({ actionId, id: c.id, hash: c.currentVersion.hash });
    }
    contrat2Action = conventions[3].actionId;
    // The last action's Région line is on 2026 (the fixtures put every line on 2025).
    year2026Action = conventions[4].actionId;
    await t.owner.query('update funding_lines set exercise_year = 2026 where action_id = $1', [year2026Action]);
    // The Région signs the first convention: it is then « en signature » and no longer awaits the Région.
    ok(await gql(t.app, SIGN, { input: { conventionId: conventions[0].id, versionHash: conventions[0].hash } }, as(regionRep)));
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages by cursor in action order, every convention once', async () => {
    const seen: Node[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await list(chef, {}, 2, after);
      pages += 1;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor as string;
    }
    expect(pages).toBe(3);
    expect(seen.map((n) => n.actionId)).toEqual(conventions.map((c) => c.actionId));
  });

  it('filters by status, contract, funder, exercise (one line for both) and action', async () => {
    expect(await actionsOf(chef, { status: ['EN_SIGNATURE'] })).toEqual([conventions[0].actionId]);
    expect(await actionsOf(chef, { status: ['BROUILLON', 'EN_SIGNATURE'] })).toHaveLength(5);
    expect(await actionsOf(chef, { status: ['SIGNEE'] })).toEqual([]);
    expect(await actionsOf(chef, { contratId: (await contratOf(contrat2Action)).toUpperCase() })).toEqual([contrat2Action]);
    expect(await actionsOf(chef, { funderId: org.departement })).toEqual([conventions[0].actionId, conventions[1].actionId]);
    expect(await actionsOf(chef, { exerciseYear: 2026 })).toEqual([year2026Action]);
    expect(await actionsOf(chef, { funderId: org.departement, exerciseYear: 2026 })).toEqual([]);
    expect(await actionsOf(chef, { funderId: org.region, exerciseYear: 2026 })).toEqual([year2026Action]);
    expect(await actionsOf(chef, { actionId: conventions[2].actionId })).toEqual([conventions[2].actionId]);
  });

  it('searches the action title and reference and the porteur name, case and accents as typed, LIKE wildcards literal', async () => {
    expect(await actionsOf(chef, { search: 'RESSOURCERIE' })).toEqual([conventions[1].actionId]);
    const [{ reference }] = await t.owner.query('select reference from actions where id = $1', [conventions[2].actionId]);
    expect(await actionsOf(chef, { search: reference.toLowerCase() })).toEqual([conventions[2].actionId]);
    expect(await actionsOf(chef, { search: 'archipel' })).toEqual([conventions[0], conventions[2], conventions[4]].map((c) => c.actionId));
    expect(await actionsOf(chef, { search: '50%' })).toEqual([conventions[1].actionId, conventions[3].actionId]);
    expect(await actionsOf(chef, { search: '_' })).toEqual([]);
    expect(await actionsOf(chef, { search: 'relais', status: ['EN_SIGNATURE'] })).toEqual([]);
  });

  it('lists what awaits the signature of my organisation, and the rest', async () => {
    const awaiting = await actionsOf(regionRep, { awaitingMySignature: true });
    expect(awaiting).toEqual(conventions.slice(1).map((c) => c.actionId));
    expect(await actionsOf(regionRep, { awaitingMySignature: false })).toEqual([conventions[0].actionId]);
    // A role without an organisation has nothing to sign.
    expect(await actionsOf(chef, { awaitingMySignature: true })).toEqual([]);
    expect(await actionsOf(chef, { awaitingMySignature: false })).toHaveLength(5);
  });

  it("keeps the funder's visibility rule under every filter", async () => {
    expect(await actionsOf(departementRep, {})).toEqual([conventions[0].actionId, conventions[1].actionId]);
    expect(await actionsOf(departementRep, { search: 'archipel' })).toEqual([conventions[0].actionId]);
    expect(await actionsOf(departementRep, { funderId: org.region })).toEqual([conventions[0].actionId, conventions[1].actionId]);
  });

  it('shows nothing of another territory, whatever the filter', async () => {
    const inPlaine = { token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE };
    for (const filter of [{}, { actionId: conventions[0].actionId }, { funderId: org.region }, { search: 'archipel' }]) {
      expect(ok(await gql(t.app, LIST, { filter }, inPlaine)).conventions.nodes).toEqual([]);
    }
  });

  it('refuses bad input with stable codes', async () => {
    for (const variables of [
      { filter: { status: ['PERDUE'] } },
      { filter: { funderId: 'pas-un-uuid' } },
      { filter: { search: 'x'.repeat(201) } },
      { first: 101 },
      { first: 0 },
    ]) {
      expect(codeOf(await gql(t.app, LIST, variables, as(chef)))).toBe('BAD_USER_INPUT');
    }
    const res = await gql(t.app, LIST, { after: Buffer.from('["x"]').toString('base64url') }, as(chef));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  const contratOf = async (actionId: string): Promise<string> =>
    (await t.owner.query('select contrat_id from actions where id = $1', [actionId]))[0].contrat_id;
});
