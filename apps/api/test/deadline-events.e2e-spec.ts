import { Role } from '@pilotis/access';
import {
  addAction,
  addOrganisation,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitUntil,
} from '@pilotis/test-support';

const DEADLINES = `query($filter: DeadlineFilter) {
  deadlines(filter: $filter, first: 100) { nodes { kind state actionId committeeId contratId } } }`;

interface D {
  kind: string;
  state: string;
  actionId: string | null;
  committeeId: string | null;
  contratId: string | null;
}

/**
 * Changes that move deadlines reach them through the outbox at once, not at the next morning's scan: a new
 * contract (its end), a committee scheduled (its agenda freeze and vote), a convention drafted by hand (its
 * signatures), an action abandoned by hand (no bilan owed). The worker runs with the app and only its boot scan has run: whatever appears or goes
 * afterwards came from the change's event.
 */
describe('deadlines follow the changes that move them, without waiting for the daily scan', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  let region: string;
  let porteur: string;

  const as = { token: '', tenant: SIREN.RENNES };
  const list = async (filter: Record<string, unknown>): Promise<D[]> =>
    ok(await gql(t.app, DEADLINES, { filter }, { ...as, token: chef.token })).deadlines.nodes;
  const until = (description: string, condition: () => Promise<boolean>) =>
    waitUntil(condition, description, { timeoutMs: WAIT_CEILING_MS });

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    porteur = await addOrganisation(t.owner, rennes.id, 'Régie de quartier de Maurepas', 'REGIE_DE_QUARTIER');
  });
  afterAll(async () => {
    await t.close();
  });

  const createContrat = async (title: string): Promise<{ id: string; pillarId: string }> => {
    const admin = { token: rennes.admin.token, tenant: SIREN.RENNES };
    const c = ok(
      await gql(
        t.app,
        `mutation($input: CreateContratInput!) { createContrat(input: $input) { id pillars { id } } }`,
        { input: { title, startYear: 2024, endYear: 2030 } },
        admin,
      ),
    ).createContrat as { id: string; pillars: { id: string }[] };
    return { id: c.id, pillarId: c.pillars[0].id };
  };

  it('gives a new contract its end as a deadline', async () => {
    const contrat = await createContrat('Engagements Quartiers 2030');
    await until('the contract’s end is a deadline', async () =>
      (await list({ contratId: contrat.id })).some((d) => d.kind === 'CONTRAT_END'),
    );
    expect((await list({ contratId: contrat.id })).map((d) => d.kind)).toEqual(['CONTRAT_END']);
  });

  it('gives a scheduled committee its agenda freeze and its vote', async () => {
    const contrat = await createContrat('Contrat de ville – comités');
    const committeeId = ok(
      await gql(
        t.app,
        `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`,
        {
          input: {
            contratId: contrat.id,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité de printemps',
            scheduledAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
            quorum: 1,
          },
        },
        { ...as, token: chef.token },
      ),
    ).scheduleCommittee.id as string;
    await until('the committee’s deadlines', async () => {
      const kinds = (await list({ committeeId })).map((d) => d.kind).sort();
      return kinds.includes('AGENDA_FREEZE') && kinds.includes('COMMITTEE_VOTE');
    });
    expect((await list({ committeeId })).map((d) => d.kind).sort()).toEqual(['AGENDA_FREEZE', 'COMMITTEE_VOTE']);
  });

  it('asks for the signatures of a convention drafted by hand', async () => {
    const contrat = await createContrat('Contrat de ville – conventions');
    const { actionId } = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      { contratId: contrat.id, pillarId: contrat.pillarId },
      porteur,
      'PROGRAMMEE',
      [{ funderId: region, requestedCents: 300_000n, decidedCents: 300_000n }],
      'Convention rédigée à la main',
    );
    ok(
      await gql(
        t.app,
        `mutation($actionId: ID!) { draftConvention(actionId: $actionId) { id } }`,
        { actionId },
        { ...as, token: chef.token },
      ),
    );
    await until('the convention’s signatures are deadlines', async () =>
      (await list({ actionId })).some((d) => d.kind === 'CONVENTION_SIGNATURE'),
    );
    expect((await list({ actionId })).filter((d) => d.kind === 'CONVENTION_SIGNATURE').length).toBeGreaterThan(0);
  });

  it('closes the bilan an action abandoned by hand no longer owes', async () => {
    const contrat = await createContrat('Contrat de ville – actions');
    const { actionId } = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      { contratId: contrat.id, pillarId: contrat.pillarId },
      porteur,
      'EN_COURS',
      [{ funderId: region, requestedCents: 500_000n, decidedCents: 500_000n }],
    );
    // Its bilan appears with the next event of the territory (a comment-free step of another action would
    // do; a contract's change is one).
    ok(
      await gql(
        t.app,
        `mutation($input: UpdateContratInput!) { updateContrat(input: $input) { id } }`,
        { input: { id: contrat.id, title: 'Contrat de ville – actions (2024–2030)' } },
        { token: rennes.admin.token, tenant: SIREN.RENNES },
      ),
    );
    const owed = async () => (await list({ actionId })).filter((d) => d.kind === 'BILAN' && d.state !== 'MET');
    await until('the action owes its bilan', async () => (await owed()).length > 0);
    ok(
      await gql(
        t.app,
        `mutation($input: TransitionActionInput!) { transitionAction(input: $input) { status } }`,
        { input: { id: actionId, to: 'ABANDONNEE', comment: 'Le porteur renonce.' } },
        { ...as, token: chef.token },
      ),
    );
    await until('the abandoned action owes no bilan', async () => (await owed()).length === 0);
    expect(await owed()).toEqual([]);
  });
});
