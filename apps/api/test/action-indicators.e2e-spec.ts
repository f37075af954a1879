import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  gql,
  type GqlResponse,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const INDICATORS = 'indicators { id actionId position label target unit }';
const CREATE = `mutation($input: CreateActionInput!) { createAction(input: $input) { id title ${INDICATORS} } }`;
const UPDATE = `mutation($input: UpdateActionInput!) { updateAction(input: $input) { id title ${INDICATORS} } }`;
const GET = `query($id: ID!) { action(id: $id) { id ${INDICATORS} } }`;
const LIST = `query { actions(first: 50) { nodes { id ${INDICATORS} } } }`;
const HISTORY = `query($id: ID!) { action(id: $id) { history(first: 20) { nodes { operation changes { label before after } } } } }`;
const DRAFT = 'mutation($actionId: ID!) { draftConvention(actionId: $actionId) { id currentVersion { id number hash } } }';
const AMEND = 'mutation($input: AmendConventionInput!) { amendConvention(input: $input) { id currentVersion { id number hash } } }';

interface Indicator {
  label: string;
  target: number;
  unit: string;
}

const YOUTH = { label: 'Jeunes accompagnés vers l’emploi', target: 40, unit: 'personnes' };
const EXITS = { label: 'Sorties positives', target: 62.5, unit: '%' };
const WORKSHOPS = { label: 'Ateliers collectifs', target: 12, unit: '' };

const fieldsOf = (res: GqlResponse): string[] => (res.errors?.[0].extensions.fields ?? []).map((f) => `${f.field}:${f.reason}`);
const shown = (list: { label: string; target: number; unit: string }[]): Indicator[] =>
  list.map(({ label, target, unit }) => ({ label, target, unit }));

/**
 * Indicators of an action's objectives, through GraphQL over HTTP on the real database: written with the
 * dossier (create, whole-list replacement on update) while it is editable, validated, audited, isolated
 * per tenant (API and row-level security), and printed by the conventions drafted afterwards.
 */
describe('action indicators', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let funderRep: TestUser;
  let plaineChef: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let qpvId: string;
  let porteurId: string;
  let regionId: string;

  const as = (u: TestUser, tenant: string = SIREN.RENNES) => ({ token: u.token, tenant });
  const create = (indicators: unknown, user = chef) =>
    gql(
      t.app,
      CREATE,
      {
        input: {
          contratId: ctx.contratId,
          pillarId: ctx.pillarId,
          porteurId,
          title: 'Coopérative jeunesse de services',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
          totalBudgetCents: 1_000_000,
          qpvIds: [qpvId],
          indicators,
        },
      },
      as(user),
    );
  const update = (input: Record<string, unknown>, user = chef, tenant: string = SIREN.RENNES) =>
    gql(t.app, UPDATE, { input }, as(user, tenant));
  /** The indicators of the action as the owner reads them, in order: what a refused write must leave as it was. */
  const stored = async (actionId: string): Promise<Indicator[]> =>
    (
      (await t.owner.query('select label, target::float8 as target, unit from action_indicators where action_id = $1 order by position', [
        actionId,
      ])) as Indicator[]
    ).map((r) => ({ ...r }));
  /** A fresh editable action of Rennes with the given indicators, created through the API. */
  const editableWith = async (indicators: Indicator[]): Promise<string> => ok(await create(indicators)).createAction.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ctx = await addContrat(t.owner, rennes.id);
    qpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03501M',
      name: 'Maurepas',
      communes: ['35238'],
      generation: 'G2024',
    });
    porteurId = await addOrganisation(t.owner, rennes.id, 'Association Bouge ton Blosne', 'ASSOCIATION');
    regionId = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: regionId }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates an action with its indicators, reads them back in order (one, the list), and audits them', async () => {
    const created = ok(await create([YOUTH, { ...EXITS, unit: ' % ' }, { label: WORKSHOPS.label, target: 12 }])).createAction;
    expect(created.indicators.map((i: { position: number }) => i.position)).toEqual([1, 2, 3]);
    expect(shown(created.indicators)).toEqual([YOUTH, EXITS, WORKSHOPS]);
    expect(created.indicators.every((i: { actionId: string }) => i.actionId === created.id)).toBe(true);

    expect(shown(ok(await gql(t.app, GET, { id: created.id }, as(chef))).action.indicators)).toEqual([YOUTH, EXITS, WORKSHOPS]);
    // The list batches every action's indicators: each action gets its own, in its own order.
    const other = await editableWith([WORKSHOPS]);
    const nodes = ok(await gql(t.app, LIST, {}, as(chef))).actions.nodes as { id: string; indicators: Indicator[] }[];
    expect(shown(nodes.find((n) => n.id === created.id)!.indicators)).toEqual([YOUTH, EXITS, WORKSHOPS]);
    expect(shown(nodes.find((n) => n.id === other)!.indicators)).toEqual([WORKSHOPS]);

    const [event] = (await auditOf(t.owner, created.id)).filter((e) => e.operation === 'action.create');
    expect(event.after.indicators).toEqual([YOUTH, EXITS, WORKSHOPS]);
  });

  it('replaces the whole list on update (order as given), leaves it alone when absent, empties it with []', async () => {
    const id = await editableWith([YOUTH, EXITS]);
    const replaced = ok(await update({ id, indicators: [WORKSHOPS, { ...YOUTH, target: 45 }] })).updateAction;
    expect(shown(replaced.indicators)).toEqual([WORKSHOPS, { ...YOUTH, target: 45 }]);
    expect(replaced.indicators.map((i: { position: number }) => i.position)).toEqual([1, 2]);

    expect(shown(ok(await update({ id, title: 'Nouveau titre' })).updateAction.indicators)).toEqual([WORKSHOPS, { ...YOUTH, target: 45 }]);
    expect(ok(await update({ id, indicators: [] })).updateAction.indicators).toEqual([]);
    expect(await stored(id)).toEqual([]);

    const updates = (await auditOf(t.owner, id)).filter((e) => e.operation === 'action.update');
    expect(updates[0].before.indicators).toEqual([YOUTH, EXITS]);
    expect(updates[0].after.indicators).toEqual([WORKSHOPS, { ...YOUTH, target: 45 }]);
    expect(updates[2].after.indicators).toEqual([]);

    // The action's history shows the change in French.
    const history = ok(await gql(t.app, HISTORY, { id }, as(chef))).action.history.nodes as {
      operation: string;
      changes: { label: string; before: string | null; after: string | null }[];
    }[];
    const changes = history.flatMap((n) => n.changes.filter((c) => c.label === 'Indicateurs de suivi'));
    expect(changes).toContainEqual({
      label: 'Indicateurs de suivi',
      before: 'Jeunes accompagnés vers l’emploi : 40 personnes ; Sorties positives : 62,5 %',
      after: 'Ateliers collectifs : 12 ; Jeunes accompagnés vers l’emploi : 45 personnes',
    });
  });

  it('refuses invalid indicators with BAD_USER_INPUT and the field paths, and changes nothing', async () => {
    const id = await editableWith([YOUTH]);
    const cases: [unknown[], string[]][] = [
      [[{ label: '   ', target: 1 }], ['indicators.0.label:required']],
      [[YOUTH, { ...EXITS, label: ' jeunes accompagnés   vers l’EMPLOI ' }], ['indicators.1.label:duplicate']],
      [[{ ...EXITS, target: -1 }], ['indicators.0.target:min']],
      [[{ ...EXITS, target: 62.555 }], ['indicators.0.target:isNumber']],
      [[{ ...EXITS, label: 'x'.repeat(201) }], ['indicators.0.label:maxLength']],
      [[{ ...EXITS, unit: 'u'.repeat(41) }], ['indicators.0.unit:maxLength']],
      [Array.from({ length: 21 }, (_, i) => ({ label: `Indicateur ${i}`, target: i })), ['indicators:arrayMaxSize']],
    ];
    for (const [indicators, fields] of cases) {
      const res = await update({ id, title: 'Titre refusé', indicators });
      expect({ code: codeOf(res), fields: fieldsOf(res) }).toEqual({ code: 'BAD_USER_INPUT', fields });
      expect(res.errors?.[0].message).toBeTruthy();
    }
    expect(await stored(id)).toEqual([YOUTH]);
    const [{ title }] = (await t.owner.query('select title from actions where id = $1', [id])) as { title: string }[];
    expect(title).toBe('Coopérative jeunesse de services');
    expect((await auditOf(t.owner, id)).filter((e) => e.operation === 'action.update')).toEqual([]);

    // On creation too: nothing is created.
    const before = (await t.owner.query('select count(*)::int as n from actions')) as { n: number }[];
    const refused = await create([YOUTH, { ...YOUTH }]);
    expect({ code: codeOf(refused), fields: fieldsOf(refused) }).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['indicators.1.label:duplicate'],
    });
    expect(await t.owner.query('select count(*)::int as n from actions')).toEqual(before);
  });

  it('refuses to change the indicators of an action no longer editable (CONFLICT), like the rest of its dossier', async () => {
    const id = await editableWith([YOUTH]);
    await t.owner.query(`update actions set status = 'A_ARBITRER' where id = $1`, [id]);
    const res = await update({ id, indicators: [EXITS] });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await stored(id)).toEqual([YOUTH]);
  });

  it("lets a funder's representative read the indicators of an action it funds, never write them (FORBIDDEN)", async () => {
    const id = await editableWith([YOUTH]);
    await insertRow(t.owner, 'funding_lines', {
      tenant_id: rennes.id,
      action_id: id,
      funder_id: regionId,
      kind: 'DROIT_COMMUN',
      amount_requested_cents: '100000',
      exercise_year: 2025,
    });
    expect(shown(ok(await gql(t.app, GET, { id }, as(funderRep))).action.indicators)).toEqual([YOUTH]);
    expect(codeOf(await update({ id, indicators: [EXITS] }, funderRep))).toBe('FORBIDDEN');
    expect(codeOf(await create([EXITS], funderRep))).toBe('FORBIDDEN');
    expect(await stored(id)).toEqual([YOUTH]);
  });

  it('keeps them from another tenant: NOT_FOUND through the API, refused by row-level security in SQL', async () => {
    const id = await editableWith([YOUTH]);
    expect(codeOf(await gql(t.app, GET, { id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await update({ id, indicators: [EXITS] }, plaineChef, SIREN.PLAINE_COMMUNE))).toBe('NOT_FOUND');
    expect(await stored(id)).toEqual([YOUTH]);

    const runner = t.runtime.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      // Plaine Commune sees none of Rennes' indicators, and cannot change them.
      expect(await runner.query('select count(*)::int as n from action_indicators')).toEqual([{ n: 0 }]);
      const updated = (await runner.query(`update action_indicators set target = 0 where action_id = $1`, [id])) as [unknown[], number];
      expect(updated[1]).toBe(0);
      // Nor write one under Rennes' tenant id on Rennes' action.
      await expect(
        runner.query(
          `insert into action_indicators (tenant_id, id, action_id, position, label, target, unit) values ($1, $2, $3, 9, 'intrus', 1, '')`,
          [rennes.id, randomUUID(), id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
    expect(await stored(id)).toEqual([YOUTH]);
  });

  it('prints them in article 2 of a convention drafted afterwards; a version drafted before keeps its text', async () => {
    const id = await editableWith([YOUTH, EXITS, WORKSHOPS]);
    await insertRow(t.owner, 'funding_lines', {
      tenant_id: rennes.id,
      action_id: id,
      funder_id: regionId,
      kind: 'DROIT_COMMUN',
      amount_requested_cents: '500000',
      exercise_year: 2025,
      decided_amount_cents: '500000',
      decided_at: new Date(),
    });
    await t.owner.query(`update actions set status = 'PROGRAMMEE' where id = $1`, [id]);
    const convention = ok(await gql(t.app, DRAFT, { actionId: id }, as(chef))).draftConvention;
    const [version] = (await t.owner.query('select text, hash from convention_versions where id = $1', [convention.currentVersion.id])) as {
      text: string;
      hash: string;
    }[];
    expect(version.hash).toBe(convention.currentVersion.hash);
    const article2 = version.text.slice(version.text.indexOf('Article 2 – Objectifs'), version.text.indexOf('Article 3 –'));
    expect(article2).toContain(
      'Indicateurs de suivi :\n- Jeunes accompagnés vers l’emploi : 40 personnes\n- Sorties positives : 62,5 %\n- Ateliers collectifs : 12\n',
    );
  });

  it('says that no indicator was set, and an avenant drafted after they appear prints them while the first version keeps its text', async () => {
    const { actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteurId, 'PROGRAMMEE', [
      { funderId: regionId, requestedCents: 300_000n, decidedCents: 300_000n },
    ]);
    const convention = ok(await gql(t.app, DRAFT, { actionId }, as(chef))).draftConvention;
    const textOf = async (versionId: string) =>
      ((await t.owner.query('select text from convention_versions where id = $1', [versionId])) as { text: string }[])[0].text;
    const first = await textOf(convention.currentVersion.id);
    expect(first).toContain("Aucun indicateur de suivi n'a été fixé pour cette action.");
    expect(first).not.toContain('Indicateurs de suivi :');

    // Indicators that appear later (written here as the owner: the API refuses them on a decided action).
    await insertRow(t.owner, 'action_indicators', {
      tenant_id: rennes.id,
      action_id: actionId,
      position: 1,
      label: 'Familles reçues',
      target: '150',
      unit: '',
    });
    const amended = ok(
      await gql(t.app, AMEND, { input: { conventionId: convention.id, reason: 'Indicateurs de suivi précisés' } }, as(chef)),
    ).amendConvention;
    expect(amended.currentVersion.number).toBe(2);
    expect(await textOf(amended.currentVersion.id)).toContain('Indicateurs de suivi :\n- Familles reçues : 150\n');
    expect(await textOf(convention.currentVersion.id)).toBe(first);
    const [{ hash }] = (await t.owner.query('select hash from convention_versions where id = $1', [convention.currentVersion.id])) as {
      hash: string;
    }[];
    expect(hash).toBe(convention.currentVersion.hash);
  });
});
