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

/**
 * Members who act for one partner organisation see only what concerns it: a porteur's representative its
 * own actions, a funder's representative the actions it is asked to fund; neither sees others' envelopes
 * or the committees their organisation does not sit on.
 */
describe('organisation-bound roles', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let porteurRep: TestUser;
  let funderRep: TestUser;
  let own: string;
  let other: string;
  let contratId: string;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, rennes.id);
    contratId = ctx.contratId;
    const porteur = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    const otherPorteur = await addOrganisation(t.owner, rennes.id, 'Élan Créateur', 'CAE');
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    const etat = await addOrganisation(t.owner, rennes.id, 'État', 'ETAT');
    own = (await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_INSTRUCTION', [{ funderId: etat, requestedCents: 100000n }]))
      .actionId;
    other = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, otherPorteur, 'EN_INSTRUCTION', [
        { funderId: region, requestedCents: 200000n },
      ])
    ).actionId;
    await t.owner.query(
      `insert into envelopes (tenant_id, id, contrat_id, funder_id, exercise_year, kind, amount_cents) values ($1, gen_random_uuid(), $2, $3, 2025, 'DROIT_COMMUN', 1000000)`,
      [rennes.id, contratId, region],
    );
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (user: TestUser) => ({ token: user.token, tenant: SIREN.RENNES });

  it("shows a porteur's representative only the actions its organisation carries", async () => {
    const list = ok(await gql(t.app, '{ actions(first: 50) { nodes { id } } }', {}, as(porteurRep)));
    expect(list.actions.nodes).toEqual([{ id: own }]);
    expect(codeOf(await gql(t.app, 'query($id: ID!) { action(id: $id) { id } }', { id: other }, as(porteurRep)))).toBe('NOT_FOUND');
    expect(ok(await gql(t.app, 'query($c: ID!) { envelopes(contratId: $c) { id } }', { c: contratId }, as(porteurRep))).envelopes).toEqual(
      [],
    );
    expect(
      ok(await gql(t.app, 'query($c: ID!) { committees(contratId: $c) { id } }', { c: contratId }, as(porteurRep))).committees,
    ).toEqual([]);
  });

  it("shows a funder's representative only the actions it is asked to fund, and its own envelopes", async () => {
    const list = ok(await gql(t.app, '{ actions(first: 50) { nodes { id } } }', {}, as(funderRep)));
    expect(list.actions.nodes).toEqual([{ id: other }]);
    expect(
      ok(await gql(t.app, 'query($c: ID!) { envelopes(contratId: $c) { amountCents } }', { c: contratId }, as(funderRep))).envelopes,
    ).toEqual([{ amountCents: 1000000 }]);
  });

  it('refuses a porteur representative without an organisation at invitation', async () => {
    const res = await gql(
      t.app,
      'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }',
      { i: { email: 'porteur@example.fr', displayName: 'P', role: 'PORTEUR_REPRESENTATIVE' } },
      { token: rennes.admin.token, tenant: SIREN.RENNES },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields?.[0].field).toBe('organisationId');
  });
});
