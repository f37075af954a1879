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
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

/**
 * Committee members come from the contract's funders (an envelope on the contract, or a line of one of its
 * actions past the draft, the porteur's own contribution aside) and its signatories; the API refuses anyone
 * else and serves the list. Each kind of committee of a contract may have a saved default membership, which
 * a new committee of that kind on that contract starts with, within its own tenant only.
 */

const SCHEDULE = `mutation($input: ScheduleCommitteeInput!) {
  scheduleCommittee(input: $input) { id kind membersFromDefault members { organisationId voting } } }`;
const SET_MEMBERS = `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id members { organisationId voting } } }`;
const CANDIDATES = `query($id: ID!) { committee(id: $id) { id memberCandidates { organisationId name kind funder signatory } } }`;
const DEFAULT = `query($id: ID!) { committee(id: $id) { id membersFromDefault
  defaultMembership { contratId kind sourceCommitteeId savedAt members { organisationId voting } } } }`;
const SAVE_DEFAULT = `mutation($committeeId: ID!) { saveCommitteeMembersAsDefault(committeeId: $committeeId) {
  contratId kind sourceCommitteeId members { organisationId voting } } }`;

describe('committee members: the contract’s funders and signatories, and a default membership per kind', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let contratA: { contratId: string; pillarId: string };
  let contratB: { contratId: string; pillarId: string };
  let plaineContrat: { contratId: string; pillarId: string };
  const org: Record<string, string> = {};
  let plaineRegion: string;
  let chef: TestUser;
  let plaineChef: TestUser;
  let regionRep: TestUser;
  let auditor: TestUser;

  const as = (u: TestUser, siren: string = SIREN.RENNES) => ({ token: u.token, tenant: siren });

  async function schedule(contratId: string, kind = 'COMITE_DE_PILOTAGE', caller = chef, siren: string = SIREN.RENNES) {
    return ok(
      await gql(
        t.app,
        SCHEDULE,
        { input: { contratId, kind, title: `Comité ${kind}`, scheduledAt: '2026-06-12T12:00:00Z', quorum: 1 } },
        as(caller, siren),
      ),
    ).scheduleCommittee as {
      id: string;
      kind: string;
      membersFromDefault: boolean;
      members: { organisationId: string; voting: boolean }[];
    };
  }

  const setMembers = (committeeId: string, members: { organisationId: string; voting?: boolean }[], caller = chef) =>
    gql(t.app, SET_MEMBERS, { input: { committeeId, members } }, as(caller));

  const sign = (tenantId: string, contratId: string, organisationId: string) =>
    t.owner.query('insert into contrat_signatories (tenant_id, contrat_id, organisation_id) values ($1, $2, $3)', [
      tenantId,
      contratId,
      organisationId,
    ]);
  const rows = (sql: string, params: unknown[]) => t.owner.query(sql, params);
  const membersOf = (committeeId: string) =>
    rows('select organisation_id, voting from committee_members where committee_id = $1 order by organisation_id', [committeeId]);
  const defaultsOf = (tenantId: string) =>
    rows(
      `select d.contrat_id, d.kind, d.source_committee_id, m.organisation_id, m.voting from committee_defaults d
         left join committee_default_members m on m.tenant_id = d.tenant_id and m.contrat_id = d.contrat_id and m.kind = d.kind
        where d.tenant_id = $1 order by d.contrat_id, d.kind, m.organisation_id`,
      [tenantId],
    );
  /** A contract of its own for a test that saves defaults: the État and the Région sign it, the CAF has an envelope on it. */
  async function freshContrat(): Promise<string> {
    const { contratId } = await addContrat(t.owner, rennes.id);
    for (const key of ['etat', 'region']) {
      await sign(rennes.id, contratId, org[key]);
    }
    await insertRow(t.owner, 'envelopes', {
      tenant_id: rennes.id,
      contrat_id: contratId,
      funder_id: org.caf,
      exercise_year: 2026,
      kind: 'DROIT_COMMUN',
      amount_cents: '5000000',
    });
    return contratId;
  }
  const sorted = <T extends { organisationId: string }>(list: T[]): T[] =>
    [...list].sort((a, b) => a.organisationId.localeCompare(b.organisationId));

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    contratA = await addContrat(t.owner, rennes.id);
    contratB = await addContrat(t.owner, rennes.id);
    plaineContrat = await addContrat(t.owner, plaine.id);
    const orgs: [string, string, string][] = [
      ['etat', "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'],
      ['region', 'Région Bretagne', 'REGION'],
      ['caf', "CAF d'Ille-et-Vilaine", 'CAF'],
      ['ville', 'Ville de Rennes', 'COMMUNE'],
      ['bdt', 'Banque des Territoires', 'BANQUE_DES_TERRITOIRES'],
      ['departement', "Département d'Ille-et-Vilaine", 'DEPARTEMENT'],
      ['asso', "L'Autre Boutique", 'ASSOCIATION'],
    ];
    for (const [key, name, kind] of orgs) org[key] = await addOrganisation(t.owner, rennes.id, name, kind);
    plaineRegion = await addOrganisation(t.owner, plaine.id, 'Région Île-de-France', 'REGION');
    // Contract A: the État and the Région sign it; the Région funds an action waiting for arbitration; the CAF
    // set an envelope aside for it; the Ville appears only on a draft; the porteur brings its own funds to its
    // own action; the Banque des Territoires funds an action of contract B only; the Département, nothing.
    for (const key of ['etat', 'region']) {
      await sign(rennes.id, contratA.contratId, org[key]);
    }
    const lines = (...funders: string[]) => funders.map((funderId) => ({ funderId, requestedCents: 100_000n, kind: 'DROIT_COMMUN' }));
    await addAction(t.owner, rennes.id, SIREN.RENNES, contratA, org.asso, 'A_ARBITRER', lines(org.region, org.asso));
    await addAction(t.owner, rennes.id, SIREN.RENNES, contratA, org.asso, 'BROUILLON', lines(org.ville), 'Jardins partagés');
    await addAction(t.owner, rennes.id, SIREN.RENNES, contratB, org.asso, 'A_ARBITRER', lines(org.bdt), 'Épicerie solidaire');
    await insertRow(t.owner, 'envelopes', {
      tenant_id: rennes.id,
      contrat_id: contratA.contratId,
      funder_id: org.caf,
      exercise_year: 2026,
      kind: 'DROIT_COMMUN',
      amount_cents: '5000000',
    });
    await sign(plaine.id, plaineContrat.contratId, plaineRegion);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the candidates: the contract’s funders and signatories, by name, to those who manage committees', async () => {
    const onA = await schedule(contratA.contratId);
    const onB = await schedule(contratB.contratId);
    const candidates = ok(await gql(t.app, CANDIDATES, { id: onA.id }, as(chef))).committee.memberCandidates;
    expect(candidates).toEqual([
      { organisationId: org.caf, name: "CAF d'Ille-et-Vilaine", kind: 'CAF', funder: true, signatory: false },
      { organisationId: org.etat, name: "Préfecture d'Ille-et-Vilaine (État)", kind: 'ETAT', funder: false, signatory: true },
      { organisationId: org.region, name: 'Région Bretagne', kind: 'REGION', funder: true, signatory: true },
    ]);
    expect(ok(await gql(t.app, CANDIDATES, { id: onB.id }, as(chef))).committee.memberCandidates).toEqual([
      { organisationId: org.bdt, name: 'Banque des Territoires', kind: 'BANQUE_DES_TERRITOIRES', funder: true, signatory: false },
    ]);
    // An auditor reads the committee, not the contract's funders.
    expect(ok(await gql(t.app, CANDIDATES, { id: onA.id }, as(auditor))).committee.memberCandidates).toBeNull();
  });

  it('refuses a porteur and any organisation that neither funds nor signs the contract, with its code and French message, changing nothing', async () => {
    const committee = await schedule(contratA.contratId, 'COMITE_DES_FINANCEURS');
    ok(await setMembers(committee.id, [{ organisationId: org.region, voting: true }]));
    const auditBefore = (await auditOf(t.owner, committee.id)).length;
    // The porteur (its own contribution does not make it a funder), a funder of another contract, a funder
    // of a draft only, a partner that does nothing for the contract.
    for (const refused of ['asso', 'bdt', 'ville', 'departement']) {
      const res = await setMembers(committee.id, [
        { organisationId: org.etat, voting: true },
        { organisationId: org[refused], voting: false },
      ]);
      expect(codeOf(res)).toBe('NOT_A_COMMITTEE_CANDIDATE');
      expect(res.errors?.[0].message).toMatch(/^Cette organisation n’est ni financeur ni signataire du contrat de ce comité : « .+ »\./);
      expect(res.errors?.[0].extensions).toMatchObject({
        fields: [{ field: 'members.1.organisationId', reason: 'not_a_candidate' }],
        organisationIds: [org[refused]],
      });
    }
    const both = await setMembers(committee.id, [
      { organisationId: org.asso, voting: false },
      { organisationId: org.departement, voting: false },
    ]);
    expect(both.errors?.[0].message).toMatch(
      /^Ces organisations ne sont ni financeur ni signataire .*« L'Autre Boutique », « Département d'Ille-et-Vilaine »/,
    );
    expect(await membersOf(committee.id)).toEqual([{ organisation_id: org.region, voting: true }]);
    expect((await auditOf(t.owner, committee.id)).length).toBe(auditBefore);

    // The vote is stated for each member: no default gives one.
    const implicit = await setMembers(committee.id, [{ organisationId: org.etat }]);
    expect(codeOf(implicit)).toBe('BAD_USER_INPUT');
    expect(await membersOf(committee.id)).toEqual([{ organisation_id: org.region, voting: true }]);

    // Funders (line, envelope) and signatories are accepted, each with its own vote.
    const accepted = ok(
      await setMembers(committee.id, [
        { organisationId: org.etat, voting: false },
        { organisationId: org.caf, voting: true },
        { organisationId: org.region, voting: true },
      ]),
    ).setCommitteeMembers;
    expect(sorted(accepted.members)).toEqual(
      sorted([
        { organisationId: org.etat, voting: false },
        { organisationId: org.caf, voting: true },
        { organisationId: org.region, voting: true },
      ]),
    );
  });

  it('saves the membership as the default of its kind on its contract, audited; a new committee of that kind there starts with it, and is edited from there', async () => {
    const contrat = await freshContrat();
    const source = await schedule(contrat, 'COMITE_TECHNIQUE');
    expect(source).toMatchObject({ membersFromDefault: false, members: [] });
    ok(
      await setMembers(source.id, [
        { organisationId: org.etat, voting: true },
        { organisationId: org.caf, voting: false },
      ]),
    );
    // Only who manages committees saves a default.
    for (const u of [regionRep, auditor]) {
      expect(codeOf(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(u)))).toBe('FORBIDDEN');
    }
    expect((await defaultsOf(rennes.id)).filter((d: { contrat_id: string }) => d.contrat_id === contrat)).toEqual([]);

    const saved = ok(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(chef))).saveCommitteeMembersAsDefault;
    const expected = sorted([
      { organisationId: org.etat, voting: true },
      { organisationId: org.caf, voting: false },
    ]);
    expect(saved).toEqual({ contratId: contrat, kind: 'COMITE_TECHNIQUE', sourceCommitteeId: source.id, members: expected });
    const [event] = (await auditOf(t.owner, source.id)).filter((e) => e.operation === 'committee.default_members');
    expect(event).toMatchObject({
      tenant_id: rennes.id,
      entity_type: 'Committee',
      actor_user_id: chef.id,
      before: { contratId: contrat, kind: 'COMITE_TECHNIQUE', members: [] },
      after: { contratId: contrat, kind: 'COMITE_TECHNIQUE', members: expected },
    });

    // A new comité technique of contract A starts with it; other kinds and other contracts do not.
    const next = await schedule(contrat, 'COMITE_TECHNIQUE');
    expect(next.membersFromDefault).toBe(true);
    expect(sorted(next.members)).toEqual(expected);
    const [scheduled] = (await auditOf(t.owner, next.id)).filter((e) => e.operation === 'committee.schedule');
    expect(sorted(scheduled.after.members)).toEqual(expected);
    const page = ok(await gql(t.app, DEFAULT, { id: next.id }, as(chef))).committee;
    expect(page).toMatchObject({ membersFromDefault: true, defaultMembership: { sourceCommitteeId: source.id, members: expected } });
    for (const other of [await schedule(contrat, 'COMITE_DE_PILOTAGE'), await schedule(contratB.contratId, 'COMITE_TECHNIQUE')]) {
      expect(other).toMatchObject({ membersFromDefault: false, members: [] });
    }
    // The prefilled membership is the committee's own: edited without touching the default.
    ok(await setMembers(next.id, [{ organisationId: org.region, voting: true }]));
    expect(sorted(ok(await gql(t.app, DEFAULT, { id: source.id }, as(chef))).committee.defaultMembership.members)).toEqual(expected);

    // Saving again replaces it (the audit keeps what it replaced); an empty membership removes it.
    ok(await gql(t.app, SAVE_DEFAULT, { committeeId: next.id }, as(chef)));
    const replaced = (await auditOf(t.owner, next.id)).filter((e) => e.operation === 'committee.default_members');
    expect(replaced).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ members: expected }),
        after: expect.objectContaining({ members: [{ organisationId: org.region, voting: true }] }),
      }),
    ]);
    expect((await schedule(contrat, 'COMITE_TECHNIQUE')).members).toEqual([{ organisationId: org.region, voting: true }]);
    const emptied = await schedule(contrat, 'COMITE_TECHNIQUE');
    ok(await setMembers(emptied.id, []));
    expect(ok(await gql(t.app, SAVE_DEFAULT, { committeeId: emptied.id }, as(chef))).saveCommitteeMembersAsDefault).toBeNull();
    expect((await defaultsOf(rennes.id)).filter((d: { contrat_id: string }) => d.contrat_id === contrat)).toEqual([]);
    expect(await schedule(contrat, 'COMITE_TECHNIQUE')).toMatchObject({ membersFromDefault: false, members: [] });
  });

  it('keeps the quorum with the default: a committee planned without one starts with it, at most its voting members', async () => {
    const contrat = await freshContrat();
    const source = await schedule(contrat, 'COMITE_DES_FINANCEURS');
    ok(
      await gql(
        t.app,
        SET_MEMBERS,
        {
          input: {
            committeeId: source.id,
            members: [
              { organisationId: org.region, voting: true },
              { organisationId: org.caf, voting: true },
            ],
            quorum: 2,
          },
        },
        as(chef),
      ),
    );
    const saved = ok(
      await gql(t.app, 'mutation($c: ID!) { saveCommitteeMembersAsDefault(committeeId: $c) { quorum } }', { c: source.id }, as(chef)),
    ).saveCommitteeMembersAsDefault;
    expect(saved).toEqual({ quorum: 2 });
    const [event] = (await auditOf(t.owner, source.id)).filter((e) => e.operation === 'committee.default_members');
    expect(event.after).toMatchObject({ quorum: 2 });

    const plan = async (quorum?: number) =>
      ok(
        await gql(
          t.app,
          'mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id quorum membersFromDefault } }',
          {
            input: {
              contratId: contrat,
              kind: 'COMITE_DES_FINANCEURS',
              title: 'Comité des financeurs',
              scheduledAt: '2026-09-12T12:00:00Z',
              ...(quorum === undefined ? {} : { quorum }),
            },
          },
          as(chef),
        ),
      ).scheduleCommittee;
    // Without a quorum of its own, the default's; one asked for wins.
    expect(await plan()).toMatchObject({ quorum: 2, membersFromDefault: true });
    const withOne = await plan(1);
    expect(withOne).toMatchObject({ quorum: 1, membersFromDefault: true });
    // Saving it as the default replaces the quorum too, and the trail keeps the one it replaced.
    ok(await gql(t.app, 'mutation($c: ID!) { saveCommitteeMembersAsDefault(committeeId: $c) { quorum } }', { c: withOne.id }, as(chef)));
    const [replaced] = (await auditOf(t.owner, withOne.id)).filter((e) => e.operation === 'committee.default_members');
    expect([replaced.before.quorum, replaced.after.quorum]).toEqual([2, 1]);
    ok(await gql(t.app, 'mutation($c: ID!) { saveCommitteeMembersAsDefault(committeeId: $c) { quorum } }', { c: source.id }, as(chef)));
    // A member left out (the CAF no longer funds the contract) cannot leave a quorum nobody can reach.
    await t.owner.query('delete from envelopes where tenant_id = $1 and contrat_id = $2 and funder_id = $3', [rennes.id, contrat, org.caf]);
    expect(await plan()).toMatchObject({ quorum: 1, membersFromDefault: true });
  });

  it('leaves out of a new committee a default member that no longer funds nor signs the contract, and says so in the audit', async () => {
    const contrat = await freshContrat();
    const source = await schedule(contrat, 'COMITE_DES_FINANCEURS');
    ok(
      await setMembers(source.id, [
        { organisationId: org.region, voting: true },
        { organisationId: org.caf, voting: true },
      ]),
    );
    ok(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(chef)));
    await t.owner.query('delete from envelopes where tenant_id = $1 and contrat_id = $2 and funder_id = $3', [rennes.id, contrat, org.caf]);
    const next = await schedule(contrat, 'COMITE_DES_FINANCEURS');
    expect(next).toMatchObject({ membersFromDefault: true, members: [{ organisationId: org.region, voting: true }] });
    const [scheduled] = (await auditOf(t.owner, next.id)).filter((e) => e.operation === 'committee.schedule');
    expect(scheduled.after.defaultMembersLeftOut).toEqual([org.caf]);
    // Saving a membership that holds a member who is no longer a candidate is refused too, and changes nothing.
    const before = await defaultsOf(rennes.id);
    expect(codeOf(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(chef)))).toBe('NOT_A_COMMITTEE_CANDIDATE');
    expect(await defaultsOf(rennes.id)).toEqual(before);
  });

  it('keeps defaults within their tenant: another territory neither saves from nor applies a default of this one', async () => {
    const contrat = await freshContrat();
    const source = await schedule(contrat, 'COMITE_DE_PILOTAGE');
    ok(await setMembers(source.id, [{ organisationId: org.etat, voting: true }]));
    ok(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(chef)));
    const before = await defaultsOf(rennes.id);

    // Plaine Commune's chef de projet cannot reach Rennes' committee, nor schedule on Rennes' contract.
    expect(codeOf(await gql(t.app, SAVE_DEFAULT, { committeeId: source.id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(
      codeOf(
        await gql(
          t.app,
          SCHEDULE,
          { input: { contratId: contrat, kind: 'COMITE_DE_PILOTAGE', title: 'Intrus', scheduledAt: '2026-06-12T12:00:00Z' } },
          as(plaineChef, SIREN.PLAINE_COMMUNE),
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // Its own committees of the same kind start empty until it saves a default of its own, which Rennes never sees.
    const plaineCopil = await schedule(plaineContrat.contratId, 'COMITE_DE_PILOTAGE', plaineChef, SIREN.PLAINE_COMMUNE);
    expect(plaineCopil).toMatchObject({ membersFromDefault: false, members: [] });
    ok(
      await gql(
        t.app,
        SET_MEMBERS,
        { input: { committeeId: plaineCopil.id, members: [{ organisationId: plaineRegion, voting: true }] } },
        as(plaineChef, SIREN.PLAINE_COMMUNE),
      ),
    );
    // Rennes' organisations are unknown there.
    expect(
      codeOf(
        await gql(
          t.app,
          SET_MEMBERS,
          { input: { committeeId: plaineCopil.id, members: [{ organisationId: org.etat, voting: true }] } },
          as(plaineChef, SIREN.PLAINE_COMMUNE),
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(await gql(t.app, SAVE_DEFAULT, { committeeId: plaineCopil.id }, as(plaineChef, SIREN.PLAINE_COMMUNE)));
    expect(await defaultsOf(rennes.id)).toEqual(before);
    expect((await schedule(contrat, 'COMITE_DE_PILOTAGE')).members).toEqual([{ organisationId: org.etat, voting: true }]);
    expect((await schedule(plaineContrat.contratId, 'COMITE_DE_PILOTAGE', plaineChef, SIREN.PLAINE_COMMUNE)).members).toEqual([
      { organisationId: plaineRegion, voting: true },
    ]);

    // Row-level security: under Plaine Commune's tenant, the runtime role sees none of Rennes' defaults.
    const seen = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      return m.query('select tenant_id from committee_default_members union all select tenant_id from committee_defaults');
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r: { tenant_id: string }) => r.tenant_id === plaine.id)).toBe(true);
  });
});
