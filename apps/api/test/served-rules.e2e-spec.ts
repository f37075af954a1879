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
 * The API serves its rules so that no client keeps a copy: the caller's permissions, the role matrix, the
 * steps an action may take by hand and whether it may still be edited, and whether the caller may vote on an
 * agenda item (or why not). Each answer is checked against what the guarded operation itself then does.
 */

const MY_TENANTS = '{ myTenants { role permissions tenant { siren } } }';
const ROLE_RULES = '{ roleRules { role permissions organisationBound } }';
const ACTION = 'query($id: ID!) { action(id: $id) { id status allowedTransitions editable stepsDecidedElsewhere } }';
const TRANSITION = 'mutation($input: TransitionActionInput!) { transitionAction(input: $input) { id status } }';
const SCHEDULE = `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`;
const SET_MEMBERS = `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }`;
const ADD_ITEMS = `mutation($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { agendaItems { id actionId } } }`;
const OPEN = `mutation($committeeId: ID!) { openVote(committeeId: $committeeId) { id } }`;
const DECLARE = `mutation($agendaItemId: ID!, $reason: String!) { declareConflictOfInterest(agendaItemId: $agendaItemId, reason: $reason) }`;
const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id decision } }`;
const VIEWER = `query($id: ID!) { committee(id: $id) { agendaItems { id viewerMayVote viewerVoteRefusal viewerVoteRefusalCode } } }`;

interface ViewerItem {
  id: string;
  viewerMayVote: boolean;
  viewerVoteRefusal: string | null;
  viewerVoteRefusalCode: string | null;
}

describe('rules served by the API', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let ctx: { contratId: string; pillarId: string };
  let region: string;
  let ville: string;
  let caf: string;
  let asso: string;
  let chef: TestUser;
  let regionRep: TestUser;
  let villeRep: TestUser;
  let cafRep: TestUser;
  let porteurRep: TestUser;
  let delegue: TestUser;
  let auditor: TestUser;

  const as = (u: TestUser) => ({ token: u.token, tenant: SIREN.RENNES });
  const votesCount = async (): Promise<number> =>
    (await t.owner.query('select count(*)::int as n from votes where tenant_id = $1', [rennes.id]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    ctx = await addContrat(t.owner, rennes.id);
    region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    ville = await addOrganisation(t.owner, rennes.id, 'Ville de Rennes', 'COMMUNE');
    caf = await addOrganisation(t.owner, rennes.id, 'Caisse d’allocations familiales', 'CAF');
    asso = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    villeRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: ville }]);
    cafRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: caf }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: asso }]);
    delegue = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('permissions', () => {
    it("serves each member's permissions in the territory, from the role matrix", async () => {
      const permissionsOf = async (u: TestUser) => ok(await gql(t.app, MY_TENANTS, {}, { token: u.token })).myTenants[0].permissions;
      expect(await permissionsOf(chef)).toEqual([
        'READ',
        'READ_TENANT_FIGURES',
        'MANAGE_PARTNERS',
        'MANAGE_ACTIONS',
        'GIVE_AVIS',
        'MANAGE_COMMITTEES',
        'RECORD_ON_BEHALF',
        'RECORD_FINANCE',
        'MANAGE_CALLS',
        'EXPORT_DAUPHIN',
        'FILE_BILAN',
      ]);
      expect(await permissionsOf(regionRep)).toEqual(['READ', 'GIVE_AVIS', 'VOTE', 'SIGN', 'RECORD_FINANCE']);
      expect(await permissionsOf(porteurRep)).toEqual(['READ', 'SIGN', 'MANAGE_OWN_ORGANISATION', 'FILE_DOSSIER', 'FILE_BILAN']);
      expect(await permissionsOf(auditor)).toEqual(['READ', 'READ_AUDIT', 'READ_TENANT_FIGURES']);
      const admin = await permissionsOf(rennes.admin);
      expect(admin).toContain('MANAGE_MEMBERS');
      expect(admin).toContain('MANAGE_CALLS');
      expect(admin).not.toContain('VOTE');
      expect(admin).not.toContain('SIGN');
    });

    it('serves the role matrix to the administrator, and refuses it to a chef de projet', async () => {
      const rules = ok(await gql(t.app, ROLE_RULES, {}, as(rennes.admin))).roleRules as {
        role: string;
        permissions: string[];
        organisationBound: boolean;
      }[];
      expect(rules.map((r) => r.role).sort()).toEqual(Object.values(Role).sort());
      expect(
        rules
          .filter((r) => r.organisationBound)
          .map((r) => r.role)
          .sort(),
      ).toEqual(['FUNDER_REPRESENTATIVE', 'PORTEUR_REPRESENTATIVE']);
      expect(rules.find((r) => r.role === 'DELEGUE_PREFET')?.permissions).toEqual([
        'READ',
        'READ_TENANT_FIGURES',
        'GIVE_AVIS',
        'VOTE',
        'SIGN',
        'RECORD_ON_BEHALF',
        'EXPORT_DAUPHIN',
      ]);
      expect(codeOf(await gql(t.app, ROLE_RULES, {}, as(chef)))).toBe('FORBIDDEN');
    });
  });

  describe('actions: allowed transitions and editable', () => {
    const read = async (u: TestUser, id: string) =>
      ok(await gql(t.app, ACTION, { id }, as(u))).action as {
        status: string;
        allowedTransitions: string[];
        editable: boolean;
        stepsDecidedElsewhere: boolean;
      };

    it('offers the chef de projet the manual steps of each status, and nothing to a funder or a porteur', async () => {
      const lines = [{ funderId: region, requestedCents: 1_000_000n }];
      const draft = (await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'BROUILLON', lines)).actionId;
      const arbitrating = (await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'A_ARBITRER', lines)).actionId;
      const running = (await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'EN_COURS', lines)).actionId;
      const refused = (await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'REFUSEE', lines)).actionId;

      expect(await read(chef, draft)).toEqual({
        id: draft,
        status: 'BROUILLON',
        allowedTransitions: ['DEPOSEE', 'ABANDONNEE'],
        editable: true,
        stepsDecidedElsewhere: false,
      });
      // A committee's close decides programmée / refusée: never offered by hand.
      expect(await read(chef, arbitrating)).toEqual({
        id: arbitrating,
        status: 'A_ARBITRER',
        allowedTransitions: ['EN_INSTRUCTION', 'ABANDONNEE'],
        editable: false,
        stepsDecidedElsewhere: true,
      });
      expect(await read(chef, running)).toEqual({
        id: running,
        status: 'EN_COURS',
        allowedTransitions: ['BILAN_ATTENDU', 'ABANDONNEE'],
        editable: false,
        stepsDecidedElsewhere: false,
      });
      expect(await read(chef, refused)).toEqual({
        id: refused,
        status: 'REFUSEE',
        allowedTransitions: [],
        editable: false,
        stepsDecidedElsewhere: true,
      });
      expect(await read(rennes.admin, draft)).toMatchObject({ allowedTransitions: ['DEPOSEE', 'ABANDONNEE'], editable: true });

      // The funder and the porteur see the draft, but may neither move it nor edit it.
      for (const who of [regionRep, porteurRep, auditor]) {
        expect(await read(who, draft)).toMatchObject({ status: 'BROUILLON', allowedTransitions: [], editable: false });
        const refusal = await gql(t.app, TRANSITION, { input: { id: draft, to: 'ABANDONNEE' } }, as(who));
        expect(codeOf(refusal)).toBe('FORBIDDEN');
      }
      expect((await read(chef, draft)).status).toBe('BROUILLON');
    });

    it('every step it offers is one the transition accepts, and the answer follows the new status', async () => {
      const running = (
        await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'EN_COURS', [{ funderId: region, requestedCents: 500_000n }])
      ).actionId;
      const offered = (await read(chef, running)).allowedTransitions;
      expect(offered[0]).toBe('BILAN_ATTENDU');
      expect(ok(await gql(t.app, TRANSITION, { input: { id: running, to: offered[0] } }, as(chef))).transitionAction.status).toBe(
        'BILAN_ATTENDU',
      );
      expect(await read(chef, running)).toMatchObject({
        status: 'BILAN_ATTENDU',
        allowedTransitions: ['SOLDEE', 'ABANDONNEE'],
        editable: false,
      });
    });
  });

  describe('committees: what the caller may do now, and the action an open committee holds', () => {
    const RULES = `query($id: ID!) { committee(id: $id) { status viewerMayEdit viewerMayOpenVote openVoteRefusal viewerMayClose votersWhoVoted quorumReached } }`;
    const HELD = `query($id: ID!) { action(id: $id) { openCommitteeId } }`;
    const CLOSE = `mutation($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { status } }`;
    const rules = async (u: TestUser, id: string) => ok(await gql(t.app, RULES, { id }, as(u))).committee;
    const held = async (actionId: string) => ok(await gql(t.app, HELD, { id: actionId }, as(chef))).action.openCommitteeId;

    it('follows a comité des financeurs from planned to closed, each answer matching what the mutation then does', async () => {
      const onAgenda = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'A_ARBITRER', [
        { funderId: region, requestedCents: 500_000n },
        { funderId: ville, requestedCents: 500_000n },
      ]);
      const waiting = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'A_ARBITRER', [
        { funderId: ville, requestedCents: 100_000n },
      ]);
      const input = {
        contratId: ctx.contratId,
        kind: 'COMITE_DES_FINANCEURS',
        title: 'Comité de juin',
        scheduledAt: '2025-06-12T14:00:00Z',
        quorum: 2,
      };
      const id = ok(await gql(t.app, SCHEDULE, { input }, as(chef))).scheduleCommittee.id as string;

      // Planned, no member: the chef de projet edits; the vote cannot open, for the reason openVote gives.
      const empty = await rules(chef, id);
      expect(empty).toEqual({
        status: 'PLANIFIE',
        viewerMayEdit: true,
        viewerMayOpenVote: false,
        openVoteRefusal: "Le comité n'a aucun membre votant : le vote ne peut pas s'ouvrir.",
        viewerMayClose: false,
        votersWhoVoted: 0,
        quorumReached: false,
      });
      const refused = await gql(t.app, OPEN, { committeeId: id }, as(chef));
      expect([codeOf(refused), refused.errors?.[0].message]).toEqual(['CONFLICT', empty.openVoteRefusal]);

      const members = [
        { organisationId: region, voting: true },
        { organisationId: ville, voting: true },
      ];
      ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: id, members } }, as(chef)));
      // A member funder sees the committee, and may do none of it.
      expect(await rules(regionRep, id)).toMatchObject({
        viewerMayEdit: false,
        viewerMayOpenVote: false,
        viewerMayClose: false,
        votersWhoVoted: null,
        quorumReached: null,
      });
      expect((await rules(chef, id)).openVoteRefusal).toBe("L'ordre du jour est vide : le vote ne peut pas s'ouvrir.");
      ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: id, members, quorum: 3 } }, as(chef)));
      ok(await gql(t.app, ADD_ITEMS, { committeeId: id, actionIds: [onAgenda.actionId] }, as(chef)));
      const quorumTooHigh = await rules(chef, id);
      expect(quorumTooHigh).toMatchObject({
        viewerMayOpenVote: false,
        openVoteRefusal: 'Le quorum (3) dépasse le nombre de membres votants (2).',
      });
      expect((await gql(t.app, OPEN, { committeeId: id }, as(chef))).errors?.[0].message).toBe(quorumTooHigh.openVoteRefusal);
      ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: id, members, quorum: 2 } }, as(chef)));
      expect(await rules(chef, id)).toMatchObject({ viewerMayEdit: true, viewerMayOpenVote: true, openVoteRefusal: null });
      expect([await held(onAgenda.actionId), await held(waiting.actionId)]).toEqual([id, null]);

      // Vote open: nothing to edit any more (the mutations say COMMITTEE_LOCKED), the close is offered.
      ok(await gql(t.app, OPEN, { committeeId: id }, as(chef)));
      expect(await rules(chef, id)).toEqual({
        status: 'VOTE_OUVERT',
        viewerMayEdit: false,
        viewerMayOpenVote: false,
        openVoteRefusal: null,
        viewerMayClose: true,
        votersWhoVoted: 0,
        quorumReached: false,
      });
      expect(codeOf(await gql(t.app, SET_MEMBERS, { input: { committeeId: id, members } }, as(chef)))).toBe('COMMITTEE_LOCKED');
      expect(await rules(regionRep, id)).toMatchObject({ viewerMayClose: false, votersWhoVoted: null });

      // The count the close compares with the quorum.
      const [item] = ok(await gql(t.app, VIEWER, { id }, as(chef))).committee.agendaItems as ViewerItem[];
      ok(
        await gql(
          t.app,
          VOTE,
          { input: { agendaItemId: item.id, fundingLineId: onAgenda.lineIds[0], decision: 'ABSTAIN' } },
          as(regionRep),
        ),
      );
      expect(await rules(chef, id)).toMatchObject({ votersWhoVoted: 1, quorumReached: false });
      ok(
        await gql(t.app, VOTE, { input: { agendaItemId: item.id, fundingLineId: onAgenda.lineIds[1], decision: 'ABSTAIN' } }, as(villeRep)),
      );
      expect(await rules(chef, id)).toMatchObject({ votersWhoVoted: 2, quorumReached: true });

      // Closed with quorum, as quorumReached said; the action waits for no committee any more.
      expect(ok(await gql(t.app, CLOSE, { committeeId: id }, as(chef))).closeCommittee.status).toBe('CLOS');
      expect(await rules(regionRep, id)).toMatchObject({ status: 'CLOS', viewerMayClose: false, votersWhoVoted: 2, quorumReached: true });
      expect(await held(onAgenda.actionId)).toBeNull();
    });
  });

  describe('agenda items: viewerMayVote and viewerVoteRefusal', () => {
    let committee: string;
    /** Porteur: the association; lines of the Région, the Ville and the CAF. The Région declared a conflict. */
    let declaredItem: string;
    /** Porteur: the Ville; lines of the Région and the Ville. */
    let villeItem: string;
    /** Porteur: the association; a line of the Ville only. */
    let villeOnlyItem: string;
    const lineOf = new Map<string, string>();

    const viewer = async (u: TestUser): Promise<Map<string, ViewerItem>> => {
      const items = ok(await gql(t.app, VIEWER, { id: committee }, as(u))).committee.agendaItems as ViewerItem[];
      return new Map(items.map((i) => [i.id, i]));
    };
    const castAbstain = (u: TestUser, item: string, line: string) =>
      gql(t.app, VOTE, { input: { agendaItemId: item, fundingLineId: line, decision: 'ABSTAIN' } }, as(u));

    beforeAll(async () => {
      const a1 = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'A_ARBITRER', [
        { funderId: region, requestedCents: 1_000_000n },
        { funderId: ville, requestedCents: 1_000_000n },
        { funderId: caf, requestedCents: 1_000_000n },
      ]);
      const a2 = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, ville, 'A_ARBITRER', [
        { funderId: region, requestedCents: 1_000_000n },
        { funderId: ville, requestedCents: 1_000_000n },
      ]);
      const a3 = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'A_ARBITRER', [
        { funderId: ville, requestedCents: 1_000_000n },
      ]);
      lineOf
        .set(`${a1.actionId}|region`, a1.lineIds[0])
        .set(`${a1.actionId}|ville`, a1.lineIds[1])
        .set(`${a1.actionId}|caf`, a1.lineIds[2]);
      lineOf.set(`${a2.actionId}|region`, a2.lineIds[0]).set(`${a2.actionId}|ville`, a2.lineIds[1]);
      lineOf.set(`${a3.actionId}|ville`, a3.lineIds[0]);
      committee = ok(
        await gql(
          t.app,
          SCHEDULE,
          {
            input: {
              contratId: ctx.contratId,
              kind: 'COMITE_DES_FINANCEURS',
              title: 'Comité de mars',
              scheduledAt: '2025-03-12T14:00:00Z',
              quorum: 1,
            },
          },
          as(chef),
        ),
      ).scheduleCommittee.id;
      ok(
        await gql(
          t.app,
          SET_MEMBERS,
          {
            input: {
              committeeId: committee,
              members: [
                { organisationId: region, voting: true },
                { organisationId: ville, voting: true },
                { organisationId: caf, voting: false },
              ],
            },
          },
          as(chef),
        ),
      );
      const added = ok(
        await gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds: [a1.actionId, a2.actionId, a3.actionId] }, as(chef)),
      ).addAgendaItems.agendaItems as {
        id: string;
        actionId: string;
      }[];
      const itemOf = new Map(added.map((i) => [i.actionId, i.id]));
      declaredItem = itemOf.get(a1.actionId) as string;
      villeItem = itemOf.get(a2.actionId) as string;
      villeOnlyItem = itemOf.get(a3.actionId) as string;
      for (const [item, action] of [
        [declaredItem, a1.actionId],
        [villeItem, a2.actionId],
        [villeOnlyItem, a3.actionId],
      ]) {
        for (const who of ['region', 'ville', 'caf']) {
          const line = lineOf.get(`${action}|${who}`);
          if (line) lineOf.set(`${item}|${who}`, line);
        }
      }
      ok(await gql(t.app, DECLARE, { agendaItemId: declaredItem, reason: 'La Région siège au conseil de l’association.' }, as(regionRep)));
    });

    it('before the vote opens: the conflicts are told, the rest waits for the vote (COMMITTEE_LOCKED), as castVote says', async () => {
      const region = await viewer(regionRep);
      expect(region.get(declaredItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'CONFLICT_OF_INTEREST',
        viewerVoteRefusal: "Votre organisation a déclaré un conflit d'intérêts sur ce point : elle ne vote pas.",
      });
      expect(region.get(villeItem)).toMatchObject({ viewerMayVote: false, viewerVoteRefusalCode: 'COMMITTEE_LOCKED' });
      expect(region.get(villeItem)?.viewerVoteRefusal).toMatch(/vote/i);

      const before = await votesCount();
      expect(codeOf(await castAbstain(regionRep, villeItem, lineOf.get(`${villeItem}|region`) as string))).toBe('COMMITTEE_LOCKED');
      expect(codeOf(await castAbstain(regionRep, declaredItem, lineOf.get(`${declaredItem}|region`) as string))).toBe(
        'CONFLICT_OF_INTEREST',
      );
      expect(await votesCount()).toBe(before);
    });

    it('vote open: true for the voting funders on their own lines; the reason otherwise, the same refusal castVote gives', async () => {
      ok(await gql(t.app, OPEN, { committeeId: committee }, as(chef)));
      const before = await votesCount();

      // The Région: its conflict on the first item, a vote on the second, no line on the third.
      const region = await viewer(regionRep);
      expect(region.get(declaredItem)).toMatchObject({ viewerMayVote: false, viewerVoteRefusalCode: 'CONFLICT_OF_INTEREST' });
      expect(region.get(villeItem)).toEqual({ id: villeItem, viewerMayVote: true, viewerVoteRefusal: null, viewerVoteRefusalCode: null });
      expect(region.get(villeOnlyItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'FORBIDDEN',
        viewerVoteRefusal: "Votre organisation n'a pas de ligne sur ce point : rien à décider.",
      });
      expect(codeOf(await castAbstain(regionRep, declaredItem, lineOf.get(`${declaredItem}|region`) as string))).toBe(
        'CONFLICT_OF_INTEREST',
      );
      expect(codeOf(await castAbstain(regionRep, villeOnlyItem, lineOf.get(`${villeOnlyItem}|ville`) as string))).toBe('FORBIDDEN');

      // The Ville carries the second action: a conflict of interest, whatever its line.
      const villeView = await viewer(villeRep);
      expect(villeView.get(villeItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'CONFLICT_OF_INTEREST',
        viewerVoteRefusal: 'Votre organisation porte cette action : elle ne vote pas sur celle-ci.',
      });
      expect(villeView.get(declaredItem)?.viewerMayVote).toBe(true);
      expect(villeView.get(villeOnlyItem)?.viewerMayVote).toBe(true);
      expect(codeOf(await castAbstain(villeRep, villeItem, lineOf.get(`${villeItem}|ville`) as string))).toBe('CONFLICT_OF_INTEREST');

      // The CAF sits without a vote.
      expect((await viewer(cafRep)).get(declaredItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'NOT_A_MEMBER',
        viewerVoteRefusal: "Votre organisation n'est pas membre votant de ce comité.",
      });
      expect(codeOf(await castAbstain(cafRep, declaredItem, lineOf.get(`${declaredItem}|caf`) as string))).toBe('NOT_A_MEMBER');

      // A délégué du préfet named for no organisation, and a chef de projet, who does not vote at all.
      expect((await viewer(delegue)).get(villeItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'NOT_A_MEMBER',
        viewerVoteRefusal: 'Votre adhésion ne représente aucune organisation : vous ne pouvez pas voter.',
      });
      expect(codeOf(await castAbstain(delegue, villeItem, lineOf.get(`${villeItem}|region`) as string))).toBe('NOT_A_MEMBER');
      expect((await viewer(chef)).get(villeItem)).toMatchObject({
        viewerMayVote: false,
        viewerVoteRefusalCode: 'FORBIDDEN',
        viewerVoteRefusal: 'Votre rôle ne permet pas de voter.',
      });
      expect(codeOf(await castAbstain(chef, villeItem, lineOf.get(`${villeItem}|region`) as string))).toBe('FORBIDDEN');
      expect(await votesCount()).toBe(before);

      // Where the field says yes, the vote goes through.
      ok(await castAbstain(regionRep, villeItem, lineOf.get(`${villeItem}|region`) as string));
      ok(await castAbstain(villeRep, declaredItem, lineOf.get(`${declaredItem}|ville`) as string));
      expect(await votesCount()).toBe(before + 2);
    });
  });
});
