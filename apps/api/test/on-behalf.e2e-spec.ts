import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
  type Caller,
  codeOf,
  createTenant,
  createUser,
  gql,
  insertRow,
  ok,
  readPdf,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitUntil,
} from '@pilotis/test-support';

/**
 * « Pour le compte de » (issue 15, item 2): a chef de projet, an admin, or the délégué du préfet for the
 * State's organisations, records on a mandate the vote in committee and the convention signature of an
 * organisation that has no account. The rules of the represented organisation's own vote apply; an
 * organisation with an account is refused (ORGANISATION_HAS_ACCOUNT); the mandate (author and a MANDAT
 * document of that committee or convention) is required; the procès-verbal and the convention say so.
 * Every test opens its own committee: they do not depend on one another's order.
 */

const VOTE_FIELDS = `id decision amountCents comment organisationId castBy
  onBehalf { recordedBy recordedByName mandateAuthor mandateDocumentId mandateDocument { id kind ownerKind } }`;
const ON_BEHALF = `mutation($input: CastVoteOnBehalfInput!) { castVoteOnBehalf(input: $input) { ${VOTE_FIELDS} } }`;
const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { ${VOTE_FIELDS} } }`;
const SET_ENVELOPE = `mutation($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`;
const SET_MEMBERS = `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }`;
const ADD_ITEMS = `mutation($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { agendaItems { id actionId } } }`;
const OPEN = `mutation($committeeId: ID!) { openVote(committeeId: $committeeId) { id } }`;
const CLOSE = `mutation($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }`;
const AGENDA = `query($id: ID!) { committee(id: $id) { documents { id kind } agendaItems { id lines { fundingLineId funderId decision votedAmountCents
  funderHasAccount viewerMayRecordOnBehalf viewerOnBehalfRefusal viewerOnBehalfRefusalCode onBehalf { recordedByName mandateAuthor } } } } }`;
const ORGANISATIONS = `query { organisations(first: 50) { nodes { id name hasAccount } } }`;
const CONVENTION = `query($id: ID!) { convention(id: $id) { id status signedCount signatoryCount currentVersion { hash
  signatories { organisationId viewerMaySignOnBehalf viewerSignOnBehalfRefusalCode }
  signatures { organisationId signedByUserId hash onBehalf { signerName signerQuality recordedByName mandateAuthor mandateDocument { id kind } } } } } }`;
const SIGN_ON_BEHALF = `mutation($input: SignConventionOnBehalfInput!) { signConventionOnBehalf(input: $input) { id status signedCount } }`;
const SIGN = `mutation($input: SignConventionInput!) { signConvention(input: $input) { id status signedCount } }`;
const REPORT = `id state failureReason`;
const REQUEST = `mutation($input: RequestReportInput!) { requestReport(input: $input) { ${REPORT} } }`;
const GET_REPORT = `query($id: ID!) { report(id: $id) { ${REPORT} } }`;

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const MANDATOR = 'Mme Claire Martin, directrice';

interface Session {
  committee: string;
  item: string;
  /** The action's lines by funder name. */
  line: Record<string, string>;
  actionId: string;
}

describe('pour le compte de', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let ctx: { contratId: string; pillarId: string };
  let chef: TestUser;
  let delegue: TestUser;
  let regionRep: TestUser;
  const org: Record<string, string> = {};

  const as = (u: TestUser, tenant: string = SIREN.RENNES): Caller => ({ token: u.token, tenant });

  /** A mandate scan uploaded through the documents' mandate route. */
  async function mandate(user: TestUser, owner: 'committees' | 'conventions', id: string, tenant: string = SIREN.RENNES): Promise<string> {
    const res = await request(t.app.getHttpServer())
      .post(`/documents/mandates/${owner}/${id}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', tenant)
      .attach('file', pdf('mandat'), 'mandat.pdf');
    expect([res.status, res.body.kind]).toEqual([201, 'MANDAT']);
    return res.body.id as string;
  }

  /** A funders' committee whose members are `members` (voting), with one action of `funders`' lines, its vote open unless `open` is false. */
  async function session(funders: string[], options: { porteur?: string; members?: string[]; open?: boolean } = {}): Promise<Session> {
    const { actionId, lineIds } = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      org[options.porteur ?? 'Les Petits Débrouillards'],
      'A_ARBITRER',
      funders.map((f) => ({ funderId: org[f], requestedCents: 1_000_000n, kind: 'DROIT_COMMUN' })),
    );
    const committee = ok(
      await gql(
        t.app,
        SCHEDULE,
        {
          input: {
            contratId: ctx.contratId,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité des financeurs',
            scheduledAt: '2025-03-12T14:00:00Z',
            quorum: 1,
          },
        },
        as(chef),
      ),
    ).scheduleCommittee.id as string;
    const members = (options.members ?? funders).map((f) => ({ organisationId: org[f], voting: true }));
    ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: committee, members } }, as(chef)));
    const [item] = ok(await gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds: [actionId] }, as(chef))).addAgendaItems.agendaItems;
    if (options.open !== false) ok(await gql(t.app, OPEN, { committeeId: committee }, as(chef)));
    return { committee, item: item.id, line: Object.fromEntries(funders.map((f, i) => [f, lineIds[i]])), actionId };
  }

  const onBehalf = (user: TestUser, s: Session, funder: string, extra: Record<string, unknown>) =>
    gql(
      t.app,
      ON_BEHALF,
      { input: { agendaItemId: s.item, fundingLineId: s.line[funder], decision: 'GRANT', amountCents: 600_000, ...extra } },
      as(user),
    );
  const voteCount = async () => (await t.owner.query('select count(*)::int as n from votes'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: { reportsDir: await mkdtemp(path.join(tmpdir(), 'pilotis-on-behalf-')) } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ctx = await addContrat(t.owner, rennes.id);
    for (const [name, kind] of [
      ['Archipel Habitat', 'BAILLEUR_SOCIAL'],
      ['Région Bretagne', 'REGION'],
      ["Préfecture d'Ille-et-Vilaine", 'ETAT'],
      ['Ville de Rennes', 'COMMUNE'],
      ['Espacil Habitat', 'BAILLEUR_SOCIAL'],
      ['Les Petits Débrouillards', 'ASSOCIATION'],
    ]) {
      org[name] = await addOrganisation(t.owner, rennes.id, name, kind);
    }
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }], 'chef.projet@example.fr');
    delegue = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET }], 'delegue.prefet@example.fr');
    regionRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org['Région Bretagne'] },
    ]);
    for (const funder of ['Archipel Habitat', 'Région Bretagne', "Préfecture d'Ille-et-Vilaine", 'Ville de Rennes', 'Espacil Habitat']) {
      ok(
        await gql(
          t.app,
          SET_ENVELOPE,
          {
            input: { contratId: ctx.contratId, funderId: org[funder], exerciseYear: 2025, kind: 'DROIT_COMMUN', amountCents: 100_000_000 },
          },
          as(chef),
        ),
      );
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it("records Archipel Habitat's vote for it, on its mandate, audited apart, and the agenda serves who may do it", async () => {
    const s = await session(['Archipel Habitat', 'Région Bretagne']);
    const document = await mandate(chef, 'committees', s.committee);

    const before = ok(await gql(t.app, AGENDA, { id: s.committee }, as(chef))).committee;
    const lines = before.agendaItems[0].lines as Record<string, unknown>[];
    expect(lines.find((l) => l.funderId === org['Archipel Habitat'])).toMatchObject({
      funderHasAccount: false,
      viewerMayRecordOnBehalf: true,
      viewerOnBehalfRefusalCode: null,
    });
    expect(lines.find((l) => l.funderId === org['Région Bretagne'])).toMatchObject({
      funderHasAccount: true,
      viewerMayRecordOnBehalf: false,
      viewerOnBehalfRefusalCode: 'ORGANISATION_HAS_ACCOUNT',
    });
    expect(before.documents).toEqual([{ id: document, kind: 'MANDAT' }]);
    const organisations = ok(await gql(t.app, ORGANISATIONS, {}, as(chef))).organisations.nodes as { name: string; hasAccount: boolean }[];
    expect(organisations.find((o) => o.name === 'Archipel Habitat')?.hasAccount).toBe(false);
    expect(organisations.find((o) => o.name === 'Région Bretagne')?.hasAccount).toBe(true);

    const vote = ok(
      await onBehalf(chef, s, 'Archipel Habitat', { comment: 'Accord du conseil', mandateAuthor: MANDATOR, mandateDocumentId: document }),
    ).castVoteOnBehalf;
    expect(vote).toMatchObject({
      decision: 'GRANT',
      amountCents: 600_000,
      organisationId: org['Archipel Habitat'],
      castBy: chef.id,
      onBehalf: {
        recordedBy: chef.id,
        recordedByName: 'chef.projet',
        mandateAuthor: MANDATOR,
        mandateDocumentId: document,
        mandateDocument: { id: document, kind: 'MANDAT', ownerKind: 'COMMITTEE' },
      },
    });
    const [row] = await t.owner.query('select on_behalf, mandate_author, mandate_document_id, cast_by from votes where id = $1', [vote.id]);
    expect(row).toEqual({ on_behalf: true, mandate_author: MANDATOR, mandate_document_id: document, cast_by: chef.id });
    const audit = await auditOf(t.owner, vote.id);
    expect(audit.map((a) => a.operation)).toEqual(['vote.cast_on_behalf']);
    expect(audit[0].actor_user_id).toBe(chef.id);
    expect(audit[0].after).toMatchObject({ onBehalf: true, mandateAuthor: MANDATOR, mandateDocumentId: document, castBy: chef.id });

    const after = ok(await gql(t.app, AGENDA, { id: s.committee }, as(chef))).committee.agendaItems[0].lines as Record<string, unknown>[];
    expect(after.find((l) => l.funderId === org['Archipel Habitat'])).toMatchObject({
      decision: 'GRANT',
      onBehalf: { recordedByName: 'chef.projet', mandateAuthor: MANDATOR },
    });
  });

  it('refuses, changing nothing: an organisation with an account, the wrong role, a missing or foreign mandate, a closed vote, a conflict', async () => {
    const s = await session(['Archipel Habitat', 'Région Bretagne', "Préfecture d'Ille-et-Vilaine"]);
    const document = await mandate(chef, 'committees', s.committee);
    const valid = { mandateAuthor: MANDATOR, mandateDocumentId: document };
    const count = await voteCount();

    // The Région has an account: its representative votes.
    expect(codeOf(await onBehalf(chef, s, 'Région Bretagne', valid))).toBe('ORGANISATION_HAS_ACCOUNT');
    // The délégué records for the State only; a funder's representative not at all.
    expect(codeOf(await onBehalf(delegue, s, 'Archipel Habitat', valid))).toBe('FORBIDDEN');
    expect(codeOf(await onBehalf(regionRep, s, 'Archipel Habitat', valid))).toBe('FORBIDDEN');
    const delegueView = ok(await gql(t.app, AGENDA, { id: s.committee }, as(delegue))).committee.agendaItems[0].lines as Record<
      string,
      unknown
    >[];
    expect(delegueView.find((l) => l.funderId === org['Archipel Habitat'])?.viewerOnBehalfRefusalCode).toBe('FORBIDDEN');
    expect(delegueView.find((l) => l.funderId === org["Préfecture d'Ille-et-Vilaine"])?.viewerMayRecordOnBehalf).toBe(true);
    // The mandate is required: its author and its scan.
    for (const [extra, field] of [
      [{ mandateDocumentId: document }, 'mandateAuthor'],
      [{ mandateAuthor: '  ', mandateDocumentId: document }, 'mandateAuthor'],
      [{ mandateAuthor: MANDATOR }, 'mandateDocumentId'],
    ] as const) {
      const res = await onBehalf(chef, s, 'Archipel Habitat', extra);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.[0].field).toBe(field);
    }
    // A mandate of another committee, of another territory, or a piece that is not a mandate.
    const other = await session(['Archipel Habitat'], { open: false });
    const otherMandate = await mandate(chef, 'committees', other.committee);
    const plaineCtx = await addContrat(t.owner, plaine.id);
    const plaineCommittee = await insertRow(t.owner, 'committees', {
      tenant_id: plaine.id,
      kind: 'COMITE_DES_FINANCEURS',
      contrat_id: plaineCtx.contratId,
      title: 'Comité de Plaine Commune',
      scheduled_at: '2025-03-12T14:00:00Z',
    });
    const plaineMandate = await mandate(plaine.admin, 'committees', plaineCommittee, SIREN.PLAINE_COMMUNE);
    const statutes = await request(t.app.getHttpServer())
      .post(`/documents/actions/${s.actionId}`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .field('kind', 'STATUTS')
      .attach('file', pdf('statuts'), 'statuts.pdf');
    expect(statutes.status).toBe(201);
    for (const foreign of [otherMandate, plaineMandate, statutes.body.id as string]) {
      const res = await onBehalf(chef, s, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: foreign });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.[0].reason).toBe('not_a_mandate_of_this_committee');
    }
    // The vote is not open on a planned committee.
    const planned = await mandate(chef, 'committees', other.committee);
    expect(codeOf(await onBehalf(chef, other, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: planned }))).toBe(
      'COMMITTEE_LOCKED',
    );
    // The rules of the represented organisation's own vote: amount, membership, porteur.
    expect(codeOf(await onBehalf(chef, s, 'Archipel Habitat', { ...valid, amountCents: 2_000_000 }))).toBe('BAD_USER_INPUT');
    const outsider = await session(['Ville de Rennes', 'Archipel Habitat'], { members: ['Archipel Habitat'] });
    const outsiderMandate = await mandate(chef, 'committees', outsider.committee);
    expect(codeOf(await onBehalf(chef, outsider, 'Ville de Rennes', { mandateAuthor: MANDATOR, mandateDocumentId: outsiderMandate }))).toBe(
      'NOT_A_MEMBER',
    );
    const carried = await session(['Archipel Habitat'], { porteur: 'Archipel Habitat' });
    const carriedMandate = await mandate(chef, 'committees', carried.committee);
    const conflict = await onBehalf(chef, carried, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: carriedMandate });
    expect(codeOf(conflict)).toBe('CONFLICT_OF_INTEREST');
    expect(conflict.errors?.[0].message).toContain('Cette organisation porte cette action');
    expect(await voteCount()).toBe(count);

    // The délégué records the State's vote.
    const state = ok(await onBehalf(delegue, s, "Préfecture d'Ille-et-Vilaine", { ...valid, decision: 'REFUSE', amountCents: null }));
    expect(state.castVoteOnBehalf).toMatchObject({ decision: 'REFUSE', onBehalf: { recordedByName: 'delegue.prefet' } });
  });

  it("keeps a committee's pieces as the committee: mandates brought by whoever records on behalf, the rest by who prepares it", async () => {
    const s = await session(['Archipel Habitat', 'Région Bretagne']);
    const post = (user: TestUser, route: string, kind: string | null) => {
      let req = request(t.app.getHttpServer()).post(route).set('authorization', `Bearer ${user.token}`).set('x-tenant', SIREN.RENNES);
      if (kind) req = req.field('kind', kind);
      return req.attach('file', pdf('pièce'), 'piece.pdf');
    };
    // The délégué brings a mandate (RECORD_ON_BEHALF), but edits nothing: not through the committee's own route.
    expect((await post(delegue, `/documents/mandates/committees/${s.committee}`, null)).status).toBe(201);
    expect((await post(delegue, `/documents/committees/${s.committee}`, 'MANDAT')).status).toBe(403);
    // The mandate route takes mandates only; a funder's representative brings none.
    const autre = await post(chef, `/documents/mandates/committees/${s.committee}`, 'AUTRE');
    expect([autre.status, autre.body.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect((await post(regionRep, `/documents/mandates/committees/${s.committee}`, null)).status).toBe(403);
    // A mandate has no place in an action's dossier; the chef de projet attaches any committee piece.
    expect((await post(chef, `/documents/mandates/actions/${s.actionId}`, null)).status).toBe(404);
    expect((await post(chef, `/documents/committees/${s.committee}`, 'AUTRE')).status).toBe(201);
    // Readable as the committee is: a member's representative sees them, another territory's admin does not.
    const view = ok(
      await gql(
        t.app,
        `query($id: ID!) { committee(id: $id) { viewerMayAttachDocuments documents { kind } } }`,
        { id: s.committee },
        as(regionRep),
      ),
    );
    expect(view.committee).toEqual({ viewerMayAttachDocuments: false, documents: [{ kind: 'MANDAT' }, { kind: 'AUTRE' }] });
    const [piece] = await t.owner.query(`select id from documents where committee_id = $1 and kind = 'AUTRE'`, [s.committee]);
    const foreign = await request(t.app.getHttpServer())
      .get(`/documents/${piece.id}`)
      .set('authorization', `Bearer ${plaine.admin.token}`)
      .set('x-tenant', SIREN.PLAINE_COMMUNE);
    expect(foreign.status).toBe(404);
  });

  it('refuses to delete a document that is the mandate of a vote, with a clear CONFLICT', async () => {
    const s = await session(['Archipel Habitat']);
    const document = await mandate(chef, 'committees', s.committee);
    ok(await onBehalf(chef, s, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: document }));
    const res = await request(t.app.getHttpServer())
      .delete(`/documents/${document}`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES);
    expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
    expect(res.body.message).toContain('mandat');
    expect((await t.owner.query('select count(*)::int as n from documents where id = $1', [document]))[0].n).toBe(1);
    // The screen is told beforehand: the mandate offers no deletion.
    const listed = ok(
      await gql(t.app, `query($id: ID!) { committee(id: $id) { documents { id viewerMayDelete } } }`, { id: s.committee }, as(chef)),
    );
    expect(listed.committee.documents).toEqual([{ id: document, viewerMayDelete: false }]);
  });

  it('answers CONFLICT, not NOT_FOUND, when a vote cites the mandate between the check and the deletion', async () => {
    const s = await session(['Archipel Habitat']);
    const first = await mandate(chef, 'committees', s.committee);
    ok(await onBehalf(chef, s, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: first }));
    const second = await mandate(chef, 'committees', s.committee);
    // Another transaction makes the vote cite the second mandate and stays open: the deletion's own check
    // sees no use, then its DELETE waits on the row the foreign key locked, and fails once that commits.
    const other = t.owner.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query('update votes set mandate_document_id = $1 where mandate_document_id = $2', [second, first]);
      const answered = request(t.app.getHttpServer())
        .delete(`/documents/${second}`)
        .set('authorization', `Bearer ${chef.token}`)
        .set('x-tenant', SIREN.RENNES)
        .then((res) => res);
      await waitUntil(
        async () =>
          (
            await t.owner.query(
              `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'delete from%documents%'`,
            )
          ).length > 0,
        'the deletion waits on the cited row',
        { timeoutMs: WAIT_CEILING_MS },
      );
      await other.commitTransaction();
      const res = await answered;
      expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
      expect(res.body.message).toContain('encore utilisé');
    } finally {
      await other.release();
    }
    expect((await t.owner.query('select count(*)::int as n from documents where id = $1', [second]))[0].n).toBe(1);
  });

  it("lets the organisation's own representative replace the vote once it has an account: on-behalf fields cleared, history audited", async () => {
    const espacil = await addOrganisation(t.owner, rennes.id, `Néotoa ${Date.now()}`, 'BAILLEUR_SOCIAL');
    org.Néotoa = espacil;
    ok(
      await gql(
        t.app,
        SET_ENVELOPE,
        { input: { contratId: ctx.contratId, funderId: espacil, exerciseYear: 2025, kind: 'DROIT_COMMUN', amountCents: 100_000_000 } },
        as(chef),
      ),
    );
    const s = await session(['Néotoa']);
    const document = await mandate(chef, 'committees', s.committee);
    const recorded = ok(await onBehalf(chef, s, 'Néotoa', { mandateAuthor: MANDATOR, mandateDocumentId: document })).castVoteOnBehalf;

    const rep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: espacil }]);
    const line = (
      ok(await gql(t.app, AGENDA, { id: s.committee }, as(chef))).committee.agendaItems[0].lines as Record<string, unknown>[]
    )[0];
    expect(line).toMatchObject({ funderHasAccount: true, viewerOnBehalfRefusalCode: 'ORGANISATION_HAS_ACCOUNT' });
    expect(codeOf(await onBehalf(chef, s, 'Néotoa', { mandateAuthor: MANDATOR, mandateDocumentId: document }))).toBe(
      'ORGANISATION_HAS_ACCOUNT',
    );

    const own = ok(
      await gql(
        t.app,
        VOTE,
        { input: { agendaItemId: s.item, fundingLineId: s.line['Néotoa'], decision: 'GRANT', amountCents: 400_000 } },
        as(rep),
      ),
    ).castVote;
    expect(own).toMatchObject({ id: recorded.id, amountCents: 400_000, castBy: rep.id, onBehalf: null });
    const [row] = await t.owner.query('select on_behalf, mandate_author, mandate_document_id from votes where id = $1', [recorded.id]);
    expect(row).toEqual({ on_behalf: false, mandate_author: null, mandate_document_id: null });
    const audit = await auditOf(t.owner, recorded.id);
    expect(audit.map((a) => a.operation)).toEqual(['vote.cast_on_behalf', 'vote.change']);
    expect(audit[1].before).toMatchObject({ onBehalf: true, mandateAuthor: MANDATOR, mandateDocumentId: document });
    expect(audit[1].after).toMatchObject({ onBehalf: false, mandateAuthor: null, mandateDocumentId: null, castBy: rep.id });
  });

  it('prints the mention in the procès-verbal, and records convention signatures for signatories without an account', async () => {
    const s = await session(['Archipel Habitat', 'Région Bretagne', "Préfecture d'Ille-et-Vilaine"]);
    const document = await mandate(chef, 'committees', s.committee);
    ok(await onBehalf(chef, s, 'Archipel Habitat', { mandateAuthor: MANDATOR, mandateDocumentId: document }));
    ok(await onBehalf(delegue, s, "Préfecture d'Ille-et-Vilaine", { mandateAuthor: 'M. le Préfet', mandateDocumentId: document }));
    ok(
      await gql(
        t.app,
        VOTE,
        { input: { agendaItemId: s.item, fundingLineId: s.line['Région Bretagne'], decision: 'GRANT', amountCents: 500_000 } },
        as(regionRep),
      ),
    );
    expect(ok(await gql(t.app, CLOSE, { committeeId: s.committee }, as(chef))).closeCommittee.status).toBe('CLOS');

    // The procès-verbal, generated by the worker.
    const requested = ok(
      await gql(t.app, REQUEST, { input: { kind: 'COMMITTEE_MINUTES', committeeId: s.committee } }, as(chef)),
    ).requestReport;
    const deadline = Date.now() + WAIT_CEILING_MS;
    let report = requested;
    while (report.state !== 'DONE' && report.state !== 'FAILED') {
      if (Date.now() > deadline) throw new Error(`report still ${report.state}`);
      await new Promise((r) => setTimeout(r, 100));
      report = ok(await gql(t.app, GET_REPORT, { id: requested.id }, as(chef))).report;
    }
    expect([report.state, report.failureReason]).toEqual(['DONE', null]);
    const minutes = await request(t.app.getHttpServer())
      .get(`/reports/${report.id}/download`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(minutes.status).toBe(200);
    const text = (await readPdf(minutes.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Vote enregistré pour le compte d'Archipel Habitat par chef.projet sur mandat de ${MANDATOR}.`);
    expect(text).toContain("Vote enregistré pour le compte de Préfecture d'Ille-et-Vilaine par delegue.prefet sur mandat de M. le Préfet.");
    expect(text).not.toContain('pour le compte de Région Bretagne');

    // The convention the close drafted: the porteur, Archipel and the State have no account.
    const [{ id: conventionId }] = await t.owner.query('select id from conventions where action_id = $1', [s.actionId]);
    let convention = ok(await gql(t.app, CONVENTION, { id: conventionId }, as(chef))).convention;
    const hash = convention.currentVersion.hash as string;
    const signatory = (o: string) =>
      (convention.currentVersion.signatories as Record<string, unknown>[]).find((x) => x.organisationId === org[o]);
    expect(signatory('Archipel Habitat')).toMatchObject({ viewerMaySignOnBehalf: true });
    expect(signatory('Les Petits Débrouillards')).toMatchObject({ viewerMaySignOnBehalf: true });
    expect(signatory('Région Bretagne')).toMatchObject({ viewerSignOnBehalfRefusalCode: 'ORGANISATION_HAS_ACCOUNT' });

    const conventionMandate = await mandate(chef, 'conventions', conventionId);
    const sign = (user: TestUser, o: string, extra: Record<string, unknown> = {}) =>
      gql(
        t.app,
        SIGN_ON_BEHALF,
        {
          input: {
            conventionId,
            versionHash: hash,
            organisationId: org[o],
            signerName: 'Claire Martin',
            signerQuality: 'directrice générale',
            mandateAuthor: MANDATOR,
            mandateDocumentId: conventionMandate,
            ...extra,
          },
        },
        as(user),
      );
    const before = await t.owner.query('select count(*)::int as n from convention_signatures');
    expect(codeOf(await sign(chef, 'Région Bretagne'))).toBe('ORGANISATION_HAS_ACCOUNT');
    expect(codeOf(await sign(delegue, 'Archipel Habitat'))).toBe('FORBIDDEN');
    expect(codeOf(await sign(chef, 'Archipel Habitat', { mandateDocumentId: document }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await sign(chef, 'Archipel Habitat', { signerQuality: null }))).toBe('BAD_USER_INPUT');
    expect(await t.owner.query('select count(*)::int as n from convention_signatures')).toEqual(before);

    expect(ok(await sign(chef, 'Archipel Habitat')).signConventionOnBehalf.signedCount).toBe(1);
    expect(codeOf(await sign(chef, 'Archipel Habitat'))).toBe('ALREADY_SIGNED');
    // The served rule says the same, per signatory and per viewer: signed, still to sign, not the délégué's to record.
    convention = ok(await gql(t.app, CONVENTION, { id: conventionId }, as(chef))).convention;
    expect(signatory('Archipel Habitat')).toMatchObject({ viewerMaySignOnBehalf: false, viewerSignOnBehalfRefusalCode: 'ALREADY_SIGNED' });
    expect(signatory('Les Petits Débrouillards')).toMatchObject({ viewerMaySignOnBehalf: true, viewerSignOnBehalfRefusalCode: null });
    convention = ok(await gql(t.app, CONVENTION, { id: conventionId }, as(delegue))).convention;
    expect(signatory('Les Petits Débrouillards')).toMatchObject({
      viewerMaySignOnBehalf: false,
      viewerSignOnBehalfRefusalCode: 'FORBIDDEN',
    });
    ok(await sign(chef, 'Les Petits Débrouillards', { signerName: 'Paul Durand', signerQuality: 'président' }));
    ok(
      await sign(delegue, "Préfecture d'Ille-et-Vilaine", {
        signerName: 'Jean Préfet',
        signerQuality: 'préfet',
        mandateAuthor: 'M. le Préfet',
      }),
    );
    expect(ok(await gql(t.app, SIGN, { input: { conventionId, versionHash: hash } }, as(regionRep))).signConvention).toMatchObject({
      status: 'SIGNEE',
      signedCount: 4,
    });

    convention = ok(await gql(t.app, CONVENTION, { id: conventionId }, as(chef))).convention;
    const signatures = convention.currentVersion.signatures as Record<string, any>[];
    expect(signatures.every((g) => g.hash === hash)).toBe(true);
    expect(signatures.find((g) => g.organisationId === org['Archipel Habitat'])).toMatchObject({
      signedByUserId: chef.id,
      onBehalf: {
        signerName: 'Claire Martin',
        signerQuality: 'directrice générale',
        recordedByName: 'chef.projet',
        mandateAuthor: MANDATOR,
        mandateDocument: { id: conventionMandate, kind: 'MANDAT' },
      },
    });
    expect(signatures.find((g) => g.organisationId === org['Région Bretagne'])?.onBehalf).toBeNull();
    const audit = await t.owner.query(
      `select operation, after from audit_events where entity_id = $1 and operation like 'convention.sign%' order by seq`,
      [conventionId],
    );
    expect(audit.map((a: { operation: string }) => a.operation)).toEqual([
      'convention.sign_on_behalf',
      'convention.sign_on_behalf',
      'convention.sign_on_behalf',
      'convention.sign',
    ]);
    expect(audit[0].after).toMatchObject({
      organisationId: org['Archipel Habitat'],
      hash,
      onBehalf: { recordedBy: chef.id, signerName: 'Claire Martin', mandateAuthor: MANDATOR, mandateDocumentId: conventionMandate },
    });

    // The convention's PDF says it.
    const file = await request(t.app.getHttpServer())
      .get(`/reports/conventions/${conventionId}/pdf`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const conventionText = (await readPdf(file.body as Buffer)).text.replace(/\s+/g, ' ');
    const archipelMention = `pour le compte d'Archipel Habitat, en qualité de directrice générale, sur mandat de ${MANDATOR} ; enregistré par chef.projet`;
    // The signatures page (a page footer may fall inside a paragraph in the extracted text: the porteur's line is whole).
    expect(conventionText).toContain('Signé par Paul Durand le ');
    expect(conventionText).toContain(
      `, pour le compte des Petits Débrouillards, en qualité de président, sur mandat de ${MANDATOR} ; enregistré par chef.projet.`,
    );
    expect(conventionText).toContain(`Signataire : Claire Martin, ${archipelMention}`);
    expect(conventionText).toContain('Signataire : Paul Durand, pour le compte des Petits Débrouillards, en qualité de président');
    expect(conventionText).not.toContain('pour le compte de Région Bretagne');
  });
});
