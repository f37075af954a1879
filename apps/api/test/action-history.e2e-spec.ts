import { Role } from '@pilotis/access';
import { appendAuditEvent } from '@pilotis/audit';
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

const HISTORY = `query($id: ID!, $first: Int, $after: String) { action(id: $id) { history(first: $first, after: $after) {
  nodes { id occurredAt actorName operation summary subject comment redacted committeeId conventionId changes { label before after } }
  pageInfo { hasNextPage endCursor } } } }`;

interface Entry {
  id: string;
  actorName: string | null;
  operation: string;
  summary: string;
  subject: string;
  comment: string | null;
  redacted: boolean;
  conventionId: string | null;
  changes: { label: string; before: string | null; after: string | null }[];
}

describe('Action.history: the audit trail of an action and its dependents, in French', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let regionRep: TestUser;
  let cafRep: TestUser;
  let porteurRep: TestUser;
  let plaineChef: TestUser;
  let org: Record<'porteur' | 'region' | 'departement' | 'caf', string>;
  let instructed: string;
  let programmed: string;
  let conventionId: string;

  const as = (user: TestUser) => ({ token: user.token, tenant: SIREN.RENNES });
  const history = async (user: TestUser, id: string, first = 50, after?: string) =>
    ok(await gql(t.app, HISTORY, { id, first, after }, as(user))).action.history as {
      nodes: Entry[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    org = {
      porteur: await addOrganisation(t.owner, rennes.id, 'Archipel Habitat', 'BAILLEUR_SOCIAL'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      departement: await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT'),
      caf: await addOrganisation(t.owner, rennes.id, "CAF d'Ille-et-Vilaine", 'CAF'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    await t.owner.query(`update users set display_name = 'Claire Cheffe' where id = $1`, [chef.id]);
    await t.owner.query(`update users set display_name = 'Régis Région' where id = $1`, [regionRep.id]);
    cafRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.caf }]);
    porteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);

    // An action in instruction, changed through the API: its title, a line added then removed, an avis, a step.
    instructed = (
      await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        ctx,
        org.porteur,
        'EN_INSTRUCTION',
        [{ funderId: org.region, requestedCents: 500_000n }],
        'Jardins partagés',
      )
    ).actionId;
    ok(
      await gql(
        t.app,
        'mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }',
        { input: { id: instructed, title: 'Jardins partagés de Maurepas', totalBudgetCents: 1_200_000 } },
        as(chef),
      ),
    );
    const line = ok(
      await gql(
        t.app,
        'mutation($input: AddFundingLineInput!) { addFundingLine(input: $input) { id } }',
        {
          input: {
            actionId: instructed,
            funderId: org.departement,
            kind: 'DROIT_COMMUN',
            amountRequestedCents: 200_000,
            exerciseYear: 2025,
          },
        },
        as(chef),
      ),
    ).addFundingLine;
    ok(await gql(t.app, 'mutation($id: ID!) { removeFundingLine(id: $id) { id } }', { id: line.id }, as(chef)));
    ok(
      await gql(
        t.app,
        'mutation($i: GiveAvisInput!) { giveAvis(input: $i) { id } }',
        { i: { actionId: instructed, opinion: 'RESERVE', comment: 'Budget de fonctionnement à préciser.' } },
        as(regionRep),
      ),
    );
    ok(
      await gql(
        t.app,
        'mutation($input: TransitionActionInput!) { transitionAction(input: $input) { id } }',
        { input: { id: instructed, to: 'A_ARBITRER', comment: 'Dossier complet, à inscrire au prochain comité.' } },
        as(chef),
      ),
    );

    // A programmed action: its convention drafted and signed by the Région.
    programmed = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'PROGRAMMEE', [
        { funderId: org.region, requestedCents: 500_000n, decidedCents: 400_000n },
      ])
    ).actionId;
    const drafted = ok(
      await gql(t.app, 'mutation($a: ID!) { draftConvention(actionId: $a) { id currentVersion { hash } } }', { a: programmed }, as(chef)),
    ).draftConvention;
    conventionId = drafted.id;
    ok(
      await gql(
        t.app,
        'mutation($input: SignConventionInput!) { signConvention(input: $input) { id } }',
        { input: { conventionId, versionHash: drafted.currentVersion.hash } },
        as(regionRep),
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells who, when, what changed (before and after, in French) and the comment, newest first', async () => {
    const { nodes } = await history(chef, instructed);
    expect(nodes.map((n) => n.operation)).toEqual([
      'action.transition',
      'avis.give',
      'funding_line.remove',
      'funding_line.add',
      'action.update',
    ]);
    const [step, avis, removed, added, update] = nodes;
    expect(step).toMatchObject({
      actorName: 'Claire Cheffe',
      summary: "Changement d'étape",
      subject: 'Action',
      comment: 'Dossier complet, à inscrire au prochain comité.',
      changes: [{ label: 'Étape', before: 'en instruction', after: 'à arbitrer' }],
    });
    expect(avis).toMatchObject({
      actorName: 'Régis Région',
      summary: "Avis d'instruction",
      comment: 'Budget de fonctionnement à préciser.',
    });
    expect(avis.changes).toEqual(
      expect.arrayContaining([
        { label: 'Avis', before: null, after: 'réservé' },
        { label: 'Au nom de', before: null, after: 'Région Bretagne' },
      ]),
    );
    expect(added.subject).toBe("Ligne de financement (Département d'Ille-et-Vilaine, Droit commun 2025)");
    expect(added.changes).toContainEqual({ label: 'Montant demandé', before: null, after: expect.stringMatching(/^2\s000,00\s€$/) });
    expect(removed).toMatchObject({ summary: 'Ligne de financement supprimée', subject: added.subject });
    expect(update.changes).toEqual([
      { label: 'Intitulé', before: 'Jardins partagés', after: 'Jardins partagés de Maurepas' },
      { label: 'Budget total', before: expect.stringMatching(/^264\s185,00\s€$/), after: expect.stringMatching(/^12\s000,00\s€$/) },
    ]);
    // Nothing of a line's ledger (committed, paid) is served, nor raw payloads.
    expect(JSON.stringify(nodes)).not.toMatch(/committed|paid|Engag|Payé/i);
  });

  it("includes the convention's events, with the convention to link to", async () => {
    const { nodes } = await history(chef, programmed);
    expect(nodes.map((n) => n.operation)).toEqual(['convention.sign', 'convention.draft']);
    expect(nodes[0]).toMatchObject({ summary: 'Convention signée par un signataire', conventionId, actorName: 'Régis Région' });
    expect(nodes[0].changes).toEqual(
      expect.arrayContaining([
        { label: 'État', before: 'à signer', after: 'en signature' },
        { label: 'Signataire', before: null, after: 'Région Bretagne' },
      ]),
    );
    expect(nodes[1]).toMatchObject({ summary: 'Convention rédigée', conventionId });
  });

  it('pages by cursor, every event once', async () => {
    const first = await history(chef, instructed, 2);
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await history(chef, instructed, 2, first.pageInfo.endCursor as string);
    const third = await history(chef, instructed, 2, second.pageInfo.endCursor as string);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.nodes, ...second.nodes, ...third.nodes].map((n) => n.id);
    expect(ids).toEqual((await history(chef, instructed)).nodes.map((n) => n.id));
    expect(codeOf(await gql(t.app, HISTORY, { id: instructed, after: 'pas-un-curseur' }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, HISTORY, { id: instructed, first: 500 }, as(chef)))).toBe('BAD_USER_INPUT');
  });

  it("follows the readers' rules: the porteur without the avis, a funder only on what it funds", async () => {
    const porteurView = (await history(porteurRep, instructed)).nodes.map((n) => n.operation);
    expect(porteurView).toEqual(['action.transition', 'funding_line.remove', 'funding_line.add', 'action.update']);
    expect((await history(regionRep, instructed)).nodes).toHaveLength(5);
    expect(codeOf(await gql(t.app, HISTORY, { id: instructed }, as(cafRep)))).toBe('NOT_FOUND');
  });

  it('shows nothing of another territory: not its actions, not its events about the same id', async () => {
    const inPlaine = { token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE };
    expect(codeOf(await gql(t.app, HISTORY, { id: instructed }, inPlaine))).toBe('NOT_FOUND');
    // An event of Plaine Commune that names the Rennes action's id (a forged or colliding id) stays in Plaine.
    await t.owner.transaction(async (m) => {
      await appendAuditEvent(m, plaine.id, {
        operation: 'action.update',
        entityType: 'Action',
        entityId: instructed,
        before: { title: 'Titre de Plaine' },
        after: { title: 'Autre titre de Plaine' },
      });
    });
    const { nodes } = await history(chef, instructed);
    expect(nodes).toHaveLength(5);
    expect(JSON.stringify(nodes)).not.toContain('Plaine');
  });
});
