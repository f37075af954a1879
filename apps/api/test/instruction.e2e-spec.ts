import { Client } from 'pg';

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
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const AVIS = 'id actionId authorUserId organisationId opinion comment createdAt updatedAt';
const GIVE = `mutation($input: GiveAvisInput!) { giveAvis(input: $input) { ${AVIS} } }`;
const LIST = `query($actionId: ID!) { avis(actionId: $actionId) { ${AVIS} } }`;
const ACTION_AVIS = `query($id: ID!) { action(id: $id) { id avis { opinion organisationId } } }`;
const ACTIONS_AVIS = `{ actions(first: 50) { nodes { id avis { opinion } } } }`;

describe('instruction: avis', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let region: TestUser;
  let caf: TestUser;
  let auditor: TestUser;
  let porteurUser: TestUser;
  let org: { region: string; caf: string; etat: string; porteur: string };
  let inInstruction: string;
  let deposee: string;
  let notFundedByCaf: string;
  let plaineAction: string;

  const as = (user: TestUser) => ({ token: user.token, tenant: SIREN.RENNES });
  const avisRows = (actionId: string) =>
    t.owner.query('select author_user_id, organisation_id, opinion, comment from avis where action_id = $1 order by author_user_id', [
      actionId,
    ]);

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    org = {
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      caf: await addOrganisation(t.owner, rennes.id, "CAF d'Ille-et-Vilaine", 'CAF'),
      etat: await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'),
      porteur: await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION'),
    };
    inInstruction = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'EN_INSTRUCTION', [
        { funderId: org.region, requestedCents: 1_000_000n },
        { funderId: org.caf, requestedCents: 500_000n },
      ])
    ).actionId;
    deposee = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'DEPOSEE', [{ funderId: org.region, requestedCents: 1_000n }])
    ).actionId;
    notFundedByCaf = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'EN_INSTRUCTION', [
        { funderId: org.etat, requestedCents: 1_000n },
      ])
    ).actionId;
    const plaineCtx = await addContrat(t.owner, plaine.id);
    const plaineOrg = await addOrganisation(t.owner, plaine.id, 'PTCE Resto Passerelle', 'ASSOCIATION');
    plaineAction = (
      await addAction(t.owner, plaine.id, SIREN.PLAINE_COMMUNE, plaineCtx, plaineOrg, 'EN_INSTRUCTION', [
        { funderId: plaineOrg, requestedCents: 9_000_000n },
      ])
    ).actionId;

    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    region = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    caf = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.caf }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    porteurUser = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a funder’s avis with its organisation, and a chef de projet’s without one', async () => {
    const given = ok(await gql(t.app, GIVE, { input: { actionId: inInstruction, opinion: 'FAVORABLE' } }, as(region))).giveAvis;
    expect(given).toMatchObject({
      actionId: inInstruction,
      authorUserId: region.id,
      organisationId: org.region,
      opinion: 'FAVORABLE',
      comment: '',
    });
    const chefAvis = ok(
      await gql(t.app, GIVE, { input: { actionId: inInstruction, opinion: 'RESERVE', comment: 'Budget à préciser.' } }, as(chef)),
    ).giveAvis;
    expect(chefAvis).toMatchObject({ organisationId: null, opinion: 'RESERVE', comment: 'Budget à préciser.' });
    const [audit] = await auditOf(t.owner, given.id);
    expect(audit).toMatchObject({ operation: 'avis.give', before: null, actor_user_id: region.id });
    expect(audit.after).toMatchObject({ opinion: 'FAVORABLE', organisationId: org.region });
  });

  it('replaces the author’s avis when given again, audited with before and after', async () => {
    const first = ok(await gql(t.app, LIST, { actionId: inInstruction }, as(chef))).avis.find(
      (a: { authorUserId: string }) => a.authorUserId === region.id,
    );
    const again = ok(
      await gql(
        t.app,
        GIVE,
        { input: { actionId: inInstruction, opinion: 'DEFAVORABLE', comment: 'Doublon avec une action existante.' } },
        as(region),
      ),
    ).giveAvis;
    expect(again.id).toBe(first.id);
    expect(again.opinion).toBe('DEFAVORABLE');
    const rows = await avisRows(inInstruction);
    expect(rows).toHaveLength(2);
    const audits = await auditOf(t.owner, again.id);
    expect(audits.map((a) => a.operation)).toEqual(['avis.give', 'avis.give']);
    expect(audits[1].before).toMatchObject({ opinion: 'FAVORABLE' });
    expect(audits[1].after).toMatchObject({ opinion: 'DEFAVORABLE', comment: 'Doublon avec une action existante.' });
  });

  it('refuses each invalid avis with its code and changes nothing', async () => {
    const before = await avisRows(inInstruction);
    const beforeAudit = await t.owner.query('select count(*)::int as n from audit_events');
    const cases: [TestUser, Record<string, unknown>, string][] = [
      [chef, { actionId: inInstruction, opinion: 'RESERVE' }, 'BAD_USER_INPUT'],
      [chef, { actionId: inInstruction, opinion: 'DEFAVORABLE', comment: '   ' }, 'BAD_USER_INPUT'],
      [chef, { actionId: inInstruction, opinion: 'FAVORABLE', comment: 'x'.repeat(5001) }, 'BAD_USER_INPUT'],
      [chef, { actionId: deposee, opinion: 'FAVORABLE' }, 'NOT_IN_INSTRUCTION'],
      [caf, { actionId: notFundedByCaf, opinion: 'FAVORABLE' }, 'NOT_FOUND'],
      [chef, { actionId: plaineAction, opinion: 'FAVORABLE' }, 'NOT_FOUND'],
      [auditor, { actionId: inInstruction, opinion: 'FAVORABLE' }, 'FORBIDDEN'],
      [porteurUser, { actionId: inInstruction, opinion: 'FAVORABLE' }, 'FORBIDDEN'],
    ];
    for (const [user, input, code] of cases) {
      const res = await gql(t.app, GIVE, { input }, as(user));
      expect([input, codeOf(res)]).toEqual([input, code]);
    }
    const reserve = await gql(t.app, GIVE, { input: { actionId: inInstruction, opinion: 'RESERVE' } }, as(chef));
    expect(reserve.errors?.[0].extensions.fields?.[0]).toMatchObject({ field: 'comment', reason: 'required' });
    expect(await avisRows(inInstruction)).toEqual(before);
    expect(await avisRows(deposee)).toEqual([]);
    expect(await t.owner.query('select count(*)::int as n from audit_events')).toEqual(beforeAudit);
  });

  it('accepts exactly 5,000 characters', async () => {
    const res = await gql(t.app, GIVE, { input: { actionId: inInstruction, opinion: 'FAVORABLE', comment: 'é'.repeat(5000) } }, as(caf));
    expect(ok(res).giveAvis.comment).toHaveLength(5000);
  });

  it('lists avis with the visibility of actions', async () => {
    expect(ok(await gql(t.app, LIST, { actionId: inInstruction }, as(auditor))).avis).toHaveLength(3);
    expect(ok(await gql(t.app, LIST, { actionId: inInstruction }, as(caf))).avis).toHaveLength(3);
    expect(codeOf(await gql(t.app, LIST, { actionId: notFundedByCaf }, as(caf)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, LIST, { actionId: plaineAction }, as(chef)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, LIST, { actionId: inInstruction }, as(porteurUser)))).toBe('NOT_FOUND');
  });

  it('exposes avis on Action, one query for a whole page', async () => {
    const one = ok(await gql(t.app, ACTION_AVIS, { id: inInstruction }, as(chef))).action;
    expect(one.avis.map((a: { opinion: string }) => a.opinion).sort()).toEqual(['DEFAVORABLE', 'FAVORABLE', 'RESERVE']);
    const page = ok(await gql(t.app, ACTIONS_AVIS, {}, as(chef))).actions.nodes as { id: string; avis: unknown[] }[];
    expect(page.find((a) => a.id === inInstruction)?.avis).toHaveLength(3);
    expect(page.find((a) => a.id === deposee)?.avis).toEqual([]);
    // Avis on a page of actions cost one statement more than the page without them, however many actions.
    const plain = await statementsOf(t, '{ actions(first: 50) { nodes { id } } }', as(chef));
    const withAvis = await statementsOf(t, ACTIONS_AVIS, as(chef));
    expect(withAvis - plain).toBe(1);
  });

  it('keeps another tenant’s avis out of reach, even through RLS', async () => {
    await t.owner.query(
      `insert into avis (tenant_id, id, action_id, author_user_id, opinion) values ($1, gen_random_uuid(), $2, $3, 'FAVORABLE')`,
      [plaine.id, plaineAction, plaine.admin.id],
    );
    const leaked = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
      return m.query('select count(*)::int as n from avis where tenant_id = $1', [plaine.id]);
    });
    expect(leaked).toEqual([{ n: 0 }]);
  });
});

/** The SQL statements the API sends to PostgreSQL for one request (the API runs in this process). */
async function statementsOf(t: TestApp, query: string, caller: { token: string; tenant: string }): Promise<number> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    ok(await gql(t.app, query, {}, caller));
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
