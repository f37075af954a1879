import { Role } from '@pilotis/access';
import { codeOf, createTenant, createUser, gql, ok, SIREN, startTestApp, TestApp, TestTenant, TestUser } from '@pilotis/test-support';

/**
 * The whole story of issue 3 through the public API only, as its users live it: a chef de projet records
 * and instructs three dossiers, funders give their avis, the comité des financeurs meets, four funders each
 * decide their own line, the committee closes into a programmed, a partly programmed and a refused action,
 * the convention of the programmed one is signed by the porteur and every funder, and the action is
 * conventionnée — with an audit trail whose chain verifies.
 */
describe('from dossier to signed convention', () => {
  let t: TestApp;
  let rennes: TestTenant;
  const orgs: Record<string, string> = {};
  const reps: Record<string, TestUser> = {};
  let chef: TestUser;

  const as = (user: TestUser | TestTenant['admin']) => ({ token: user.token, tenant: SIREN.RENNES });
  const asAdmin = () => as(rennes.admin);

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs end to end', async () => {
    // --- The tenant admin sets up partners, a QPV and the contract.
    for (const [key, name, kind] of [
      ['porteur', "L'Autre Boutique", 'ASSOCIATION'],
      ['etat', "Préfecture d'Ille-et-Vilaine", 'ETAT'],
      ['region', 'Région Bretagne', 'REGION'],
      ['departement', "Département d'Ille-et-Vilaine", 'DEPARTEMENT'],
      ['caf', "CAF d'Ille-et-Vilaine", 'CAF'],
    ]) {
      const res = ok(
        await gql(
          t.app,
          'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
          { i: { name, kind } },
          asAdmin(),
        ),
      );
      orgs[key] = res.createOrganisation.id;
    }
    const qpv = ok(
      await gql(
        t.app,
        'mutation($i: CreateQpvInput!) { createQpv(input: $i) { id } }',
        { i: { code: 'QN03501M', name: 'Maurepas', communes: ['35238'] } },
        asAdmin(),
      ),
    ).createQpv.id;
    const contrat = ok(
      await gql(
        t.app,
        'mutation($i: CreateContratInput!) { createContrat(input: $i) { id pillars { id title } } }',
        {
          i: { title: 'Engagements Quartiers 2030', startYear: 2024, endYear: 2030, qpvIds: [qpv], signatoryIds: [orgs.etat, orgs.region] },
        },
        asAdmin(),
      ),
    ).createContrat;
    expect(contrat.pillars.map((p: { title: string }) => p.title)).toEqual([
      'Cohésion sociale',
      'Cadre de vie et renouvellement urbain',
      'Développement économique et emploi',
    ]);

    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    reps.etat = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET, organisationId: orgs.etat }]);
    for (const key of ['region', 'departement', 'caf']) {
      reps[key] = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: orgs[key] }]);
    }
    reps.porteur = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: orgs.porteur },
    ]);

    // --- The chef de projet records three dossiers with the same four-funder plan.
    const plan = [
      { funderId: orgs.etat, kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1_000_000, exerciseYear: 2025 },
      { funderId: orgs.region, kind: 'DROIT_COMMUN', amountRequestedCents: 500_000, exerciseYear: 2025 },
      { funderId: orgs.departement, kind: 'DROIT_COMMUN', amountRequestedCents: 300_000, exerciseYear: 2025 },
      { funderId: orgs.caf, kind: 'DROIT_COMMUN', amountRequestedCents: 200_000, exerciseYear: 2025 },
    ];
    const actions: { id: string; reference: string; fundingLines: { id: string; funderId: string; amountRequestedCents: number }[] }[] = [];
    for (const title of ['Ressourcerie solidaire', 'Atelier vélo', 'Café des parents']) {
      const created = ok(
        await gql(
          t.app,
          'mutation($i: CreateActionInput!) { createAction(input: $i) { id reference fundingLines { id funderId amountRequestedCents } } }',
          {
            i: {
              contratId: contrat.id,
              pillarId: contrat.pillars[2].id,
              porteurId: orgs.porteur,
              title,
              startDate: '2025-01-01',
              endDate: '2025-12-31',
              totalBudgetCents: 2_000_000,
              qpvIds: [qpv],
              fundingLines: plan,
            },
          },
          as(chef),
        ),
      ).createAction;
      expect(created.reference).toMatch(/^PIL-243500139-\d{4}$/);
      actions.push(created);
    }
    const transition = async (id: string, to: string) =>
      ok(await gql(t.app, 'mutation($i: TransitionActionInput!) { transitionAction(input: $i) { status } }', { i: { id, to } }, as(chef)))
        .transitionAction.status;
    for (const a of actions) {
      expect(await transition(a.id, 'DEPOSEE')).toBe('DEPOSEE');
      expect(await transition(a.id, 'EN_INSTRUCTION')).toBe('EN_INSTRUCTION');
    }

    // --- Instruction: avis of a funder and of the chef de projet, then to arbitration.
    const avis = 'mutation($i: GiveAvisInput!) { giveAvis(input: $i) { opinion } }';
    ok(await gql(t.app, avis, { i: { actionId: actions[0].id, opinion: 'FAVORABLE' } }, as(reps.region)));
    ok(
      await gql(
        t.app,
        avis,
        { i: { actionId: actions[1].id, opinion: 'RESERVE', comment: 'Budget de fonctionnement à préciser.' } },
        as(chef),
      ),
    );
    for (const a of actions) expect(await transition(a.id, 'A_ARBITRER')).toBe('A_ARBITRER');

    // --- Envelopes, then the comité des financeurs.
    for (const line of plan) {
      ok(
        await gql(
          t.app,
          'mutation($i: SetEnvelopeInput!) { setEnvelope(input: $i) { remainingCents } }',
          { i: { contratId: contrat.id, funderId: line.funderId, exerciseYear: 2025, kind: line.kind, amountCents: 10_000_000 } },
          as(chef),
        ),
      );
    }
    const committee = ok(
      await gql(
        t.app,
        'mutation($i: ScheduleCommitteeInput!) { scheduleCommittee(input: $i) { id status } }',
        {
          i: {
            contratId: contrat.id,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité des financeurs de mars',
            scheduledAt: '2026-03-12T09:00:00.000Z',
            place: 'Hôtel de Rennes Métropole',
          },
        },
        as(chef),
      ),
    ).scheduleCommittee.id;
    ok(
      await gql(
        t.app,
        'mutation($i: SetCommitteeMembersInput!) { setCommitteeMembers(input: $i) { id } }',
        {
          i: {
            committeeId: committee,
            quorum: 3,
            members: ['etat', 'region', 'departement', 'caf'].map((k) => ({ organisationId: orgs[k], voting: true })),
          },
        },
        as(chef),
      ),
    );
    ok(
      await gql(
        t.app,
        'mutation($c: ID!, $a: [ID!]!) { addAgendaItems(committeeId: $c, actionIds: $a) { id } }',
        { c: committee, a: actions.map((a) => a.id) },
        as(chef),
      ),
    );
    const opened = ok(
      await gql(
        t.app,
        'mutation($c: ID!) { openVote(committeeId: $c) { status agendaItems { id actionId } } }',
        { c: committee },
        as(chef),
      ),
    ).openVote;
    expect(opened.status).toBe('VOTE_OUVERT');
    const itemOf = new Map<string, string>(opened.agendaItems.map((i: { id: string; actionId: string }) => [i.actionId, i.id]));

    // --- Four funders decide, each on its own line: all grant the first action, only the État grants half
    //     of the second, everyone refuses the third.
    const keyOf: Record<string, string> = Object.fromEntries(Object.entries(orgs).map(([k, v]) => [v, k]));
    const vote = 'mutation($i: CastVoteInput!) { castVote(input: $i) { decision } }';
    const votes: Promise<unknown>[] = [];
    for (const [index, action] of actions.entries()) {
      for (const line of action.fundingLines) {
        const rep = reps[keyOf[line.funderId]];
        const grant = index === 0 || (index === 1 && keyOf[line.funderId] === 'etat');
        const amountCents = index === 0 ? line.amountRequestedCents : line.amountRequestedCents / 2;
        votes.push(
          gql(
            t.app,
            vote,
            {
              i: {
                agendaItemId: itemOf.get(action.id),
                fundingLineId: line.id,
                decision: grant ? 'GRANT' : 'REFUSE',
                amountCents: grant ? amountCents : undefined,
              },
            },
            as(rep),
          ).then(ok),
        );
      }
    }
    await Promise.all(votes);
    // A funder cannot vote on another funder's line.
    const foreignLine = actions[0].fundingLines.find((l) => l.funderId === orgs.caf);
    expect(
      codeOf(
        await gql(
          t.app,
          vote,
          { i: { agendaItemId: itemOf.get(actions[0].id), fundingLineId: foreignLine?.id, decision: 'REFUSE' } },
          as(reps.region),
        ),
      ),
    ).toBe('FORBIDDEN');

    const closed = ok(
      await gql(t.app, 'mutation($c: ID!) { closeCommittee(committeeId: $c) { status } }', { c: committee }, as(chef)),
    ).closeCommittee;
    expect(closed.status).toBe('CLOS');
    const statuses = await Promise.all(
      actions.map(
        async (a) =>
          ok(await gql(t.app, 'query($id: ID!) { action(id: $id) { status fundingLines { decidedAmountCents } } }', { id: a.id }, as(chef)))
            .action,
      ),
    );
    expect(statuses.map((s) => s.status)).toEqual(['PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE', 'REFUSEE']);
    expect(
      statuses[1].fundingLines.map((l: { decidedAmountCents: number }) => l.decidedAmountCents).sort((x: number, y: number) => x - y),
    ).toEqual([0, 0, 0, 500_000]);

    // --- The convention of the programmed action: porteur + four funders sign; "k of n"; conventionnée.
    const conventionQuery =
      'query($a: ID!) { conventions(filter: { actionId: $a }) { nodes { id status signedCount signatoryCount currentVersion { hash } } } }';
    const [convention] = ok(await gql(t.app, conventionQuery, { a: actions[0].id }, as(chef))).conventions.nodes;
    expect(convention).toMatchObject({ signedCount: 0, signatoryCount: 5 });
    const sign = 'mutation($i: SignConventionInput!) { signConvention(input: $i) { status signedCount signatoryCount } }';
    const signers = ['porteur', 'etat', 'region', 'departement', 'caf'];
    for (const [i, key] of signers.entries()) {
      const signed = ok(
        await gql(t.app, sign, { i: { conventionId: convention.id, versionHash: convention.currentVersion.hash } }, as(reps[key])),
      ).signConvention;
      expect(signed).toMatchObject({ signedCount: i + 1, signatoryCount: 5 });
    }
    const [done] = ok(await gql(t.app, conventionQuery, { a: actions[0].id }, as(chef))).conventions.nodes;
    expect(done.status).toBe('SIGNEE');
    expect(ok(await gql(t.app, 'query($id: ID!) { action(id: $id) { status } }', { id: actions[0].id }, as(chef))).action.status).toBe(
      'CONVENTIONNEE',
    );
    // The partly programmed action's convention has two signatories: the porteur and the État.
    const [partial] = ok(await gql(t.app, conventionQuery, { a: actions[1].id }, as(chef))).conventions.nodes;
    expect(partial.signatoryCount).toBe(2);
    expect(ok(await gql(t.app, conventionQuery, { a: actions[2].id }, as(chef))).conventions.nodes).toEqual([]);

    const [outbox] = await t.owner.query(`select payload from outbox_events where tenant_id = $1 and topic = 'convention.signed'`, [
      rennes.id,
    ]);
    expect(outbox.payload).toMatchObject({
      conventionId: convention.id,
      actionId: actions[0].id,
      hash: convention.currentVersion.hash,
      signatoryCount: 5,
    });

    // --- Every step is in an audit chain that verifies.
    const report = ok(await gql(t.app, '{ verifyAuditChain { valid checked } }', {}, asAdmin())).verifyAuditChain;
    expect(report.valid).toBe(true);
    expect(report.checked).toBeGreaterThan(40);
  });
});
