import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  login,
  ok,
  ReceivedMail,
  SIREN,
  siretFrom,
  smtpConfig,
  startTestApp,
  startTestSmtp,
  TEST_PASSWORD,
  TestApp,
  TestSmtp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const REQUEST = 'mutation($input: RequestPorteurSignupInput!) { requestPorteurSignup(input: $input) }';
const PREVIEW = 'query($token: String!) { porteurSignupPreview(token: $token) { email tenantName organisationName accountReady } }';
const COMPLETE = `mutation($input: CompletePorteurSignupInput!) {
  completePorteurSignup(input: $input) { email siren tenantName organisationId callId }
}`;
const MY_ORG = '{ myOrganisation { id name kind siret rna legalForm legalFormLabel iae siaeType ptce postalCode city contactPhone } }';
const UPDATE_MINE =
  'mutation($input: OrganisationIdentityInput!) { updateMyOrganisation(input: $input) { id siret rna legalForm iae siaeType ptce postalCode contactPhone } }';
const DECLARE_MINE = 'mutation($input: OrganisationIdentityInput!) { declareMyOrganisation(input: $input) { id siret } }';
const INVITE =
  'mutation($input: InvitePorteurColleagueInput!) { invitePorteurColleague(input: $input) { id email role organisationId status } }';
const COLLEAGUES = '{ myColleagues { role organisationId user { email displayName } } }';
const MY_INVITATIONS = '{ myOrganisationInvitations { id email status } }';
const CANCEL = 'mutation($id: ID!) { cancelPorteurColleagueInvitation(invitationId: $id) { id status } }';
const RESEND = 'mutation($id: ID!) { resendPorteurColleagueInvitation(invitationId: $id) { id status } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }';
const ORGANISATIONS = '{ organisations(first: 100) { nodes { id name } } }';
const PASSWORD = 'un mot de passe tout neuf';

let siretCounter = 0;
const newSiret = (): string => siretFrom(`7${String(Date.now() % 1e9).padStart(9, '0')}${String(++siretCounter).padStart(3, '0')}`);

function tokenIn(mail: ReceivedMail): string {
  const match = /\/inscription\/confirmer#jeton=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no sign-up link in: ${mail.text}`);
  return match[1];
}

/**
 * Porteurs: self sign-up through an e-mailed one-time link (real SMTP server in process), their
 * organisation's identity, their colleagues, and what they see — attacked by a second porteur of the same
 * territory and by one of another territory.
 */
describe('porteurs: sign-up, organisation, colleagues, isolation', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.envelope.to.includes(email));
  const waitMailTo = async (email: string, count = 1): Promise<ReceivedMail> => {
    for (;;) {
      const mails = mailsTo(email);
      if (mails.length >= count) return mails[count - 1];
      await smtp.waitFor(smtp.messages.length + 1);
    }
  };
  const signupInput = (email: string, siret: string, extra: Record<string, unknown> = {}) => ({
    territorySiren: SIREN.RENNES,
    email,
    displayName: 'Awa Diallo',
    organisationName: 'Régie de quartier Test',
    organisationKind: 'REGIE_DE_QUARTIER',
    siret,
    consent: true,
    ...extra,
  });
  /** Signs up a new porteur end to end; returns its session and organisation. */
  async function signUp(email: string, siret: string, name = 'Régie de quartier Test') {
    ok(await gql(t.app, REQUEST, { input: signupInput(email, siret, { organisationName: name }) }));
    const mail = await waitMailTo(email);
    const result = ok(await gql(t.app, COMPLETE, { input: { token: tokenIn(mail), password: PASSWORD } })).completePorteurSignup;
    const token = await login(t.app, email, PASSWORD);
    return { token, organisationId: result.organisationId as string, caller: { token, tenant: SIREN.RENNES } };
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtp: smtpConfig(smtp.port), appUrl: 'https://pilotis.test' } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => t.setNow(new Date()));
  afterEach(() => t.resetClock());

  it('signs up through the e-mailed link: account, organisation and porteur membership; the link works once', async () => {
    const email = `porteur-${randomUUID().slice(0, 6)}@example.fr`;
    const siret = newSiret();
    const callId = randomUUID();
    expect(ok(await gql(t.app, REQUEST, { input: signupInput(email, siret, { callId }) })).requestPorteurSignup).toBe(true);
    const mail = await waitMailTo(email);
    expect(mail.envelope.to).toEqual([email]);
    expect(mail.subject).toContain('Rennes');
    const token = tokenIn(mail);
    // Nothing exists in the territory before the link is opened.
    expect(await t.owner.query('select 1 from organisations where siret = $1', [siret])).toEqual([]);
    const preview = ok(await gql(t.app, PREVIEW, { token })).porteurSignupPreview;
    expect(preview).toMatchObject({ email, organisationName: 'Régie de quartier Test', accountReady: false });
    const result = ok(await gql(t.app, COMPLETE, { input: { token, password: PASSWORD } })).completePorteurSignup;
    expect(result).toMatchObject({ email, siren: SIREN.RENNES, callId });
    // Replay: the token is spent.
    expect(codeOf(await gql(t.app, COMPLETE, { input: { token, password: 'encore un autre mot de passe' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, PREVIEW, { token }))).toBe('UNAUTHENTICATED');
    const access = await login(t.app, email, PASSWORD);
    const tenants = ok(
      await gql(t.app, '{ myTenants { role organisationId tenant { siren } permissions } }', {}, { token: access }),
    ).myTenants;
    expect(tenants).toEqual([
      expect.objectContaining({ role: 'PORTEUR_REPRESENTATIVE', organisationId: result.organisationId, tenant: { siren: SIREN.RENNES } }),
    ]);
    expect(tenants[0].permissions).toContain('MANAGE_OWN_ORGANISATION');
    const mine = ok(await gql(t.app, MY_ORG, {}, { token: access, tenant: SIREN.RENNES })).myOrganisation;
    expect(mine).toMatchObject({ id: result.organisationId, kind: 'REGIE_DE_QUARTIER', siret });
    const [audit] = (await t.owner.query(
      `select count(*)::int as n from audit_events where tenant_id = $1 and operation in ('porteur_signup.request', 'porteur_signup.complete', 'membership.join', 'organisation.create') and (after->>'siret' = $2 or after->>'email' = $3 or after->>'organisationId' = $4)`,
      [rennes.id, siret, email, result.organisationId],
    )) as { n: number }[];
    expect(audit.n).toBeGreaterThanOrEqual(3);
  });

  it('answers the same whether or not the address has an account; an account holder confirms with its current password', async () => {
    const existing = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.AUDITOR }]);
    const fresh = `fresh-${randomUUID().slice(0, 6)}@example.fr`;
    const a = await gql(t.app, REQUEST, { input: signupInput(existing.email, newSiret()) });
    const b = await gql(t.app, REQUEST, { input: signupInput(fresh, newSiret()) });
    expect(a).toEqual(b);
    const mail = await waitMailTo(existing.email);
    expect(mail.text).toContain('mot de passe actuel');
    const token = tokenIn(mail);
    expect(ok(await gql(t.app, PREVIEW, { token })).porteurSignupPreview.accountReady).toBe(true);
    // Whoever holds the link without the password gets nothing, and the link stays usable for the owner.
    expect(codeOf(await gql(t.app, COMPLETE, { input: { token, password: 'pas le bon mot de passe' } }))).toBe('BAD_USER_INPUT');
    expect(
      await t.owner.query('select 1 from memberships m join users u on u.id = m.user_id where u.email = $1 and m.tenant_id = $2', [
        existing.email,
        rennes.id,
      ]),
    ).toEqual([]);
    const done = ok(await gql(t.app, COMPLETE, { input: { token, password: TEST_PASSWORD } })).completePorteurSignup;
    expect(done.siren).toBe(SIREN.RENNES);
    // The password did not change and the other territory's membership is intact.
    const access = await login(t.app, existing.email, TEST_PASSWORD);
    const roles = ok(await gql(t.app, '{ myTenants { role tenant { siren } } }', {}, { token: access })).myTenants.map((m: any) => [
      m.tenant.siren,
      m.role,
    ]);
    expect(roles.sort()).toEqual(
      [
        [SIREN.PLAINE_COMMUNE, 'AUDITOR'],
        [SIREN.RENNES, 'PORTEUR_REPRESENTATIVE'],
      ].sort(),
    );
  });

  it('refuses an expired link, and an organisation the territory already knows without saying who represents it', async () => {
    const email = `late-${randomUUID().slice(0, 6)}@example.fr`;
    ok(await gql(t.app, REQUEST, { input: signupInput(email, newSiret()) }));
    const token = tokenIn(await waitMailTo(email));
    t.setNow(new Date(Date.now() + 25 * 3600 * 1000));
    expect(codeOf(await gql(t.app, COMPLETE, { input: { token, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    t.resetClock();

    const first = `first-${randomUUID().slice(0, 6)}@example.fr`;
    const siret = newSiret();
    await signUp(first, siret, 'Ateliers partagés');
    const second = `second-${randomUUID().slice(0, 6)}@example.fr`;
    ok(await gql(t.app, REQUEST, { input: signupInput(second, siret) }));
    const secondToken = tokenIn(await waitMailTo(second));
    const refused = await gql(t.app, COMPLETE, { input: { token: secondToken, password: PASSWORD } });
    expect(codeOf(refused)).toBe('ORGANISATION_ALREADY_REGISTERED');
    expect(JSON.stringify(refused.errors)).not.toContain(first);
    expect(JSON.stringify(refused.errors)).not.toContain('Ateliers partagés');
    // Nothing was written: no account password, no membership, the organisation is still one.
    expect(await t.owner.query('select 1 from users where email = $1 and password_hash is not null', [second])).toEqual([]);
    expect((await t.owner.query('select count(*)::int as n from organisations where siret = $1', [siret]))[0].n).toBe(1);

    // A partner the chef de projet registered (no account) is not claimed by a sign-up either.
    const known = newSiret();
    await t.owner.query(
      `insert into organisations (tenant_id, id, name, kind, siret) values ($1, gen_random_uuid(), 'Centre social', 'ASSOCIATION', $2)`,
      [rennes.id, known],
    );
    const third = `third-${randomUUID().slice(0, 6)}@example.fr`;
    ok(await gql(t.app, REQUEST, { input: signupInput(third, known) }));
    expect(codeOf(await gql(t.app, COMPLETE, { input: { token: tokenIn(await waitMailTo(third)), password: PASSWORD } }))).toBe(
      'ORGANISATION_ALREADY_REGISTERED',
    );
  });

  it('validates the form with stable codes and changes nothing', async () => {
    const email = `bad-${randomUUID().slice(0, 6)}@example.fr`;
    const fields = async (input: Record<string, unknown>) => {
      const res = await gql(t.app, REQUEST, { input });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      return (res.errors?.[0]?.extensions.fields ?? []).map((f: any) => f.field);
    };
    expect(await fields(signupInput(email, '12345678901234'))).toContain('siret');
    expect(await fields(signupInput(email, newSiret(), { consent: false }))).toContain('consent');
    expect(await fields(signupInput(email, newSiret(), { organisationKind: 'REGION' }))).toContain('organisationKind');
    expect(await fields(signupInput(email, newSiret(), { territorySiren: '123456782' }))).toContain('territorySiren');
    expect(await t.owner.query('select 1 from users where email = $1', [email])).toEqual([]);
  });

  it('limits sign-up requests per address, whatever the address', async () => {
    const email = `flood-${randomUUID().slice(0, 6)}@example.fr`;
    for (let i = 0; i < 3; i++) ok(await gql(t.app, REQUEST, { input: signupInput(email, newSiret()) }));
    expect(codeOf(await gql(t.app, REQUEST, { input: signupInput(email, newSiret()) }))).toBe('RATE_LIMITED');
  });

  it('keeps the organisation identity checked; the SIRET is locked once set', async () => {
    const { caller } = await signUp(`id-${randomUUID().slice(0, 6)}@example.fr`, newSiret());
    const updated = ok(
      await gql(
        t.app,
        UPDATE_MINE,
        {
          input: {
            rna: 'w351234567',
            legalForm: '9220',
            iae: true,
            siaeType: 'ACI',
            ptce: true,
            postalCode: '35200',
            contactPhone: '02 99 00 00 00',
          },
        },
        caller,
      ),
    ).updateMyOrganisation;
    expect(updated).toMatchObject({
      rna: 'W351234567',
      legalForm: '9220',
      iae: true,
      siaeType: 'ACI',
      ptce: true,
      postalCode: '35200',
      contactPhone: '0299000000',
    });
    expect(ok(await gql(t.app, MY_ORG, {}, caller)).myOrganisation.legalFormLabel).toBe('Association déclarée');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ rna: 'X12' }, 'BAD_USER_INPUT', 'rna'],
      [{ legalForm: '1234' }, 'BAD_USER_INPUT', 'legalForm'],
      [{ postalCode: '352' }, 'BAD_USER_INPUT', 'postalCode'],
      [{ contactPhone: '12' }, 'BAD_USER_INPUT', 'contactPhone'],
      [{ iae: false, siaeType: 'EI' }, 'BAD_USER_INPUT', 'siaeType'],
      [{ kind: 'ETAT' }, 'BAD_USER_INPUT', 'kind'],
      [{ siret: newSiret() }, 'SIRET_LOCKED', 'siret'],
    ];
    for (const [input, code, field] of refusals) {
      const res = await gql(t.app, UPDATE_MINE, { input }, caller);
      expect([codeOf(res), res.errors?.[0]?.extensions.fields?.[0]?.field]).toEqual([code, field]);
    }
    expect(ok(await gql(t.app, MY_ORG, {}, caller)).myOrganisation).toMatchObject({ rna: 'W351234567', iae: true, siaeType: 'ACI' });
    // A representative of an organisation without SIRET declares it once.
    const bare = await addOrganisation(t.owner, rennes.id, 'Association sans SIRET', 'ASSOCIATION');
    const rep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: bare }]);
    const asRep = { token: rep.token, tenant: SIREN.RENNES };
    expect(codeOf(await gql(t.app, DECLARE_MINE, { input: {} }, asRep))).toBe('BAD_USER_INPUT');
    const siret = newSiret();
    expect(ok(await gql(t.app, DECLARE_MINE, { input: { siret } }, asRep)).declareMyOrganisation.siret).toBe(siret);
    expect(codeOf(await gql(t.app, DECLARE_MINE, { input: { siret: newSiret() } }, asRep))).toBe('SIRET_LOCKED');
    // Nobody else has the permission.
    expect(codeOf(await gql(t.app, MY_ORG, {}, { token: rennes.admin.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');
  });

  it('shares the space with invited colleagues, without telling anything about other organisations’ members', async () => {
    const a = await signUp(`a-${randomUUID().slice(0, 6)}@example.fr`, newSiret(), 'Organisation A');
    const b = await signUp(`b-${randomUUID().slice(0, 6)}@example.fr`, newSiret(), 'Organisation B');
    const colleague = `colleague-${randomUUID().slice(0, 6)}@example.fr`;
    const invitation = ok(await gql(t.app, INVITE, { input: { email: colleague, displayName: 'Jo' } }, a.caller)).invitePorteurColleague;
    expect(invitation).toMatchObject({
      email: colleague,
      role: 'PORTEUR_REPRESENTATIVE',
      organisationId: a.organisationId,
      status: 'PENDING',
    });
    expect(ok(await gql(t.app, MY_INVITATIONS, {}, a.caller)).myOrganisationInvitations.map((i: any) => i.email)).toEqual([colleague]);
    // B neither sees, re-sends nor cancels A's invitation.
    expect(ok(await gql(t.app, MY_INVITATIONS, {}, b.caller)).myOrganisationInvitations).toEqual([]);
    expect(codeOf(await gql(t.app, CANCEL, { id: invitation.id }, b.caller))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, RESEND, { id: invitation.id }, b.caller))).toBe('NOT_FOUND');
    ok(await gql(t.app, RESEND, { id: invitation.id }, a.caller));
    const mail = await waitMailTo(colleague, 2);
    const link = /\/invitation#jeton=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    ok(await gql(t.app, ACCEPT, { input: { token: link, password: PASSWORD } }));
    const colleagues = ok(await gql(t.app, COLLEAGUES, {}, a.caller)).myColleagues;
    expect(colleagues.map((c: any) => c.user.email).sort()).toHaveLength(2);
    expect(colleagues.every((c: any) => c.organisationId === a.organisationId && c.role === 'PORTEUR_REPRESENTATIVE')).toBe(true);
    const asColleague = { token: await login(t.app, colleague, PASSWORD), tenant: SIREN.RENNES };
    expect(ok(await gql(t.app, MY_ORG, {}, asColleague)).myOrganisation.id).toBe(a.organisationId);
    // Inviting a colleague again: ALREADY_MEMBER. Inviting B's representative: the same answer as anyone.
    expect(codeOf(await gql(t.app, INVITE, { input: { email: colleague, displayName: 'Jo' } }, a.caller))).toBe('ALREADY_MEMBER');
    const bEmail = ok(await gql(t.app, COLLEAGUES, {}, b.caller)).myColleagues[0].user.email;
    const toB = ok(await gql(t.app, INVITE, { input: { email: bEmail, displayName: 'X' } }, a.caller)).invitePorteurColleague;
    const toNobody = ok(
      await gql(t.app, INVITE, { input: { email: `nobody-${randomUUID().slice(0, 6)}@example.fr`, displayName: 'X' } }, a.caller),
    ).invitePorteurColleague;
    expect(Object.keys(toB)).toEqual(Object.keys(toNobody));
    expect([toB.status, toB.role, toB.organisationId]).toEqual([toNobody.status, toNobody.role, toNobody.organisationId]);
    // B's representative still represents B only.
    expect(ok(await gql(t.app, MY_ORG, {}, b.caller)).myOrganisation.id).toBe(b.organisationId);
    ok(await gql(t.app, CANCEL, { id: toB.id }, a.caller));
    // An address A has invited and B invites too: B gets its own invitation, as for anyone — nothing tells
    // B that someone invited this address here. Inviting it twice from one organisation is a conflict.
    const both = `both-${randomUUID().slice(0, 6)}@example.fr`;
    const fromA = ok(await gql(t.app, INVITE, { input: { email: both, displayName: 'X' } }, a.caller)).invitePorteurColleague;
    const fromB = ok(await gql(t.app, INVITE, { input: { email: both, displayName: 'X' } }, b.caller)).invitePorteurColleague;
    expect([fromA.status, fromB.status, fromB.organisationId]).toEqual(['PENDING', 'PENDING', b.organisationId]);
    expect(codeOf(await gql(t.app, INVITE, { input: { email: both, displayName: 'X' } }, b.caller))).toBe('CONFLICT');
    expect(ok(await gql(t.app, MY_INVITATIONS, {}, b.caller)).myOrganisationInvitations.map((i: any) => i.id)).toEqual([fromB.id]);
    // Other roles do not have these operations.
    expect(
      codeOf(
        await gql(
          t.app,
          INVITE,
          { input: { email: 'x@example.fr', displayName: 'X' } },
          { token: rennes.admin.token, tenant: SIREN.RENNES },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('shows a porteur its own organisation, its actions and their funders only — not a second porteur’s, not another territory’s', async () => {
    const a = await signUp(`see-a-${randomUUID().slice(0, 6)}@example.fr`, newSiret(), 'Porteur A');
    const b = await signUp(`see-b-${randomUUID().slice(0, 6)}@example.fr`, newSiret(), 'Porteur B');
    const ctx = await addContrat(t.owner, rennes.id);
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    const caf = await addOrganisation(t.owner, rennes.id, "Caisse d'allocations familiales", 'CAF');
    const actionA = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, a.organisationId, 'EN_INSTRUCTION', [
        { funderId: region, requestedCents: 100000n },
      ])
    ).actionId;
    const actionB = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, b.organisationId, 'EN_INSTRUCTION', [
        { funderId: caf, requestedCents: 100000n },
      ])
    ).actionId;
    const names = ok(await gql(t.app, ORGANISATIONS, {}, a.caller)).organisations.nodes.map((o: any) => o.id);
    expect(names.sort()).toEqual([a.organisationId, region].sort());
    expect(codeOf(await gql(t.app, 'query($id: ID!) { organisation(id: $id) { id } }', { id: b.organisationId }, a.caller))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql(t.app, 'query($id: ID!) { organisation(id: $id) { id } }', { id: caf }, a.caller))).toBe('NOT_FOUND');
    const actions = ok(
      await gql(t.app, `query($c: ID!) { actions(filter: { contratId: $c }, first: 50) { nodes { id } } }`, { c: ctx.contratId }, a.caller),
    ).actions.nodes;
    expect(actions.map((x: any) => x.id)).toEqual([actionA]);
    expect(codeOf(await gql(t.app, 'query($id: ID!) { action(id: $id) { id } }', { id: actionB }, a.caller))).toBe('NOT_FOUND');
    // The chef de projet still sees every partner.
    const cdp = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    const all = ok(await gql(t.app, ORGANISATIONS, {}, { token: cdp.token, tenant: SIREN.RENNES })).organisations.nodes.map(
      (o: any) => o.id,
    );
    expect(all).toEqual(expect.arrayContaining([a.organisationId, b.organisationId, region, caf]));
    // Another territory: the porteur's session does not open it.
    expect(codeOf(await gql(t.app, ORGANISATIONS, {}, { token: a.token, tenant: SIREN.PLAINE_COMMUNE }))).toBe('FORBIDDEN');
    const plainePorteur: TestUser = await createUser(t.app, t.owner, [
      {
        tenantId: plaine.id,
        role: Role.PORTEUR_REPRESENTATIVE,
        organisationId: await addOrganisation(t.owner, plaine.id, 'Asso Plaine', 'ASSOCIATION'),
      },
    ]);
    const fromPlaine = { token: plainePorteur.token, tenant: SIREN.PLAINE_COMMUNE };
    expect(ok(await gql(t.app, ORGANISATIONS, {}, fromPlaine)).organisations.nodes.map((o: any) => o.name)).toEqual(['Asso Plaine']);
    expect(codeOf(await gql(t.app, 'query($id: ID!) { action(id: $id) { id } }', { id: actionA }, fromPlaine))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, ORGANISATIONS, {}, { token: plainePorteur.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');
  });
});
