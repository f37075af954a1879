import { createHash, randomUUID } from 'node:crypto';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  login,
  ok,
  ReceivedMail,
  SIREN,
  smtpConfig,
  startTestApp,
  startTestSmtp,
  TEST_PASSWORD,
  TestApp,
  TestSmtp,
  TestTenant,
} from '@pilotis/test-support';

const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { id email displayName role organisationId status expiresAt sentAt respondedAt }
}`;
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }';
const PREVIEW = 'query($token: String!) { invitationPreview(token: $token) { email tenantName role invitedBy accountReady } }';
const MINE = '{ myInvitations { id role tenant { siren name } invitedBy } }';
const ACCEPT_MINE = 'mutation($id: ID!) { acceptMyInvitation(invitationId: $id) { id } }';
const DECLINE_MINE = 'mutation($id: ID!) { declineMyInvitation(invitationId: $id) { id } }';
const MY_TENANTS = '{ myTenants { role tenant { siren } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
const PASSWORD = 'a brand new passphrase';

/** The token of the invitation link in an e-mail (`…/invitation#jeton=<token>`). */
function tokenIn(mail: ReceivedMail, path = 'invitation'): string {
  const match = new RegExp(`/${path}#jeton=([0-9a-f-]{36}\\.[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}

describe('accounts only their owner controls', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  const asRennes = () => ({ token: rennes.admin.token, tenant: SIREN.RENNES });
  const asPlaine = () => ({ token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE });
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.envelope.to.includes(email));
  const membershipsOf = async (email: string) =>
    (await t.owner.query(
      `select t.siren, m.role, m.revoked_at from memberships m join tenants t on t.id = m.tenant_id join users u on u.id = m.user_id where u.email = $1 order by t.siren`,
      [email],
    )) as { siren: string; role: string; revoked_at: Date | null }[];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtp: smtpConfig(smtp.port), appUrl: 'https://pilotis.test', sessionMaxAgeSeconds: 3600 } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => t.setNow(new Date()));

  it('replays the reported attack: an admin of another territory never gets a token or a membership for the invitee', async () => {
    const email = `new-cdp-${randomUUID().slice(0, 6)}@example.fr`;
    // 1. Rennes invites a new chef de projet.
    const fromRennes = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${rennes.admin.token}`)
      .set('x-tenant', SIREN.RENNES)
      .send({ query: INVITE, variables: { input: { email, displayName: 'Camille', role: 'CHEF_DE_PROJET' } } });
    expect(fromRennes.body.data.inviteMember).toMatchObject({ email, displayName: 'Camille', status: 'PENDING', respondedAt: null });
    // 2. Plaine Commune invites the same address: an invitation is sent — to the address, not to the admin.
    const fromPlaine = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${plaine.admin.token}`)
      .set('x-tenant', SIREN.PLAINE_COMMUNE)
      .send({ query: INVITE, variables: { input: { email, displayName: 'Camille', role: 'AUDITOR' } } });
    expect(fromPlaine.body.data.inviteMember.status).toBe('PENDING');
    // Nothing of any token is in either answer: the schema has no such field and no secret-looking string leaks.
    const mails = await smtp.waitFor(2);
    const tokens = mails.filter((m) => m.envelope.to.includes(email)).map((m) => tokenIn(m));
    expect(tokens).toHaveLength(2);
    for (const answer of [fromRennes.text, fromPlaine.text]) for (const token of tokens) expect(answer).not.toContain(token.split('.')[1]);
    // Every invitation e-mail went to the invitee alone.
    for (const mail of mailsTo(email)) expect(mail.envelope.to).toEqual([email]);
    // 3. The Plaine admin, without a token, cannot accept; they cannot sign in as the person either.
    expect(
      codeOf(await gql(t.app, 'mutation { login(input: {email: "' + email + '", password: "' + PASSWORD + '"}) { accessToken } }')),
    ).toBe('UNAUTHENTICATED');
    expect(await membershipsOf(email)).toEqual([]);

    // The invitee opens Rennes' link and chooses a password: member of Rennes, and of Rennes only.
    const [rennesMail] = mailsTo(email).filter((m) => m.subject.includes('Rennes'));
    const rennesToken = tokenIn(rennesMail);
    const preview = ok(await gql(t.app, PREVIEW, { token: rennesToken })).invitationPreview;
    expect(preview).toMatchObject({ email, role: 'CHEF_DE_PROJET', accountReady: false });
    expect(ok(await gql(t.app, ACCEPT, { input: { token: rennesToken, password: PASSWORD } })).acceptInvitation).toBe(true);
    expect((await membershipsOf(email)).map((m) => [m.siren, m.role])).toEqual([[SIREN.RENNES, 'CHEF_DE_PROJET']]);
    // Accepting one invitation voided every other link of that person: Plaine's now waits for consent.
    const plaineToken = tokens.find((tk) => tk !== rennesToken) as string;
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token: plaineToken, password: 'another password entirely' } }))).toBe(
      'UNAUTHENTICATED',
    );
    const access = await login(t.app, email, PASSWORD);
    const pending = ok(await gql(t.app, MINE, {}, { token: access })).myInvitations;
    expect(pending).toEqual([
      expect.objectContaining({ role: 'AUDITOR', tenant: expect.objectContaining({ siren: SIREN.PLAINE_COMMUNE }) }),
    ]);
    // Pending grants nothing.
    expect(codeOf(await gql(t.app, '{ currentTenant { siren } }', {}, { token: access, tenant: SIREN.PLAINE_COMMUNE }))).toBe('FORBIDDEN');
    // The token is spent: reusing it is refused and changes nothing.
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token: rennesToken, password: 'yet another password' } }))).toBe('UNAUTHENTICATED');
    await login(t.app, email, PASSWORD);
  });

  it('a pre-claimed address gains nothing: another territory’s invitation waits for the owner’s consent, who may decline', async () => {
    const email = `claimed-${randomUUID().slice(0, 6)}@example.fr`;
    // Plaine invites first (the "pre-claim"); the address's owner sets the password from the e-mailed link.
    ok(await gql(t.app, INVITE, { input: { email, displayName: 'Dominique', role: 'AUDITOR' } }, asPlaine()));
    const [first] = mailsTo(email);
    ok(await gql(t.app, ACCEPT, { input: { token: tokenIn(first), password: PASSWORD } }));
    // Rennes invites the same address later: a pending invitation, no membership.
    const invitation = ok(
      await gql(t.app, INVITE, { input: { email, displayName: 'Dominique', role: 'CHEF_DE_PROJET' } }, asRennes()),
    ).inviteMember;
    expect((await membershipsOf(email)).map((m) => m.siren)).toEqual([SIREN.PLAINE_COMMUNE]);
    // Its e-mail tells an account holder to sign in; its link does not let anyone accept for them.
    const second = mailsTo(email)[1];
    expect(second.text).toContain('Vous avez déjà un compte Pilotis');
    const access = await login(t.app, email, PASSWORD);
    ok(await gql(t.app, DECLINE_MINE, { id: invitation.id }, { token: access }));
    expect((await membershipsOf(email)).map((m) => m.siren)).toEqual([SIREN.PLAINE_COMMUNE]);
    const [row] = (await t.owner.query('select status from membership_invitations where id = $1', [invitation.id])) as { status: string }[];
    expect(row.status).toBe('DECLINED');
    expect(
      ok(await gql(t.app, MY_TENANTS, {}, { token: access })).myTenants.map((m: { tenant: { siren: string } }) => m.tenant.siren),
    ).toEqual([SIREN.PLAINE_COMMUNE]);
    // Invited again, this time accepted from the session.
    const again = ok(
      await gql(t.app, INVITE, { input: { email, displayName: 'Dominique', role: 'CHEF_DE_PROJET' } }, asRennes()),
    ).inviteMember;
    expect(codeOf(await gql(t.app, ACCEPT_MINE, { id: again.id }, { token: rennes.admin.token }))).toBe('NOT_FOUND'); // not the admin's to accept
    ok(await gql(t.app, ACCEPT_MINE, { id: again.id }, { token: access }));
    expect((await membershipsOf(email)).map((m) => [m.siren, m.role])).toEqual([
      [SIREN.PLAINE_COMMUNE, 'AUDITOR'],
      [SIREN.RENNES, 'CHEF_DE_PROJET'],
    ]);
    ok(await gql(t.app, '{ currentTenant { siren } }', {}, { token: access, tenant: SIREN.RENNES }));
    expect(codeOf(await gql(t.app, ACCEPT_MINE, { id: again.id }, { token: access }))).toBe('CONFLICT');
  });

  it('the token of a person who has since set a password sets nothing and grants nothing', async () => {
    const email = `later-${randomUUID().slice(0, 6)}@example.fr`;
    ok(await gql(t.app, INVITE, { input: { email, displayName: 'L', role: 'AUDITOR' } }, asRennes()));
    const token = tokenIn(mailsTo(email)[0]);
    // The person sets a password another way (a reset): the invitation's link dies with it.
    ok(await gql(t.app, 'mutation($e: String!) { requestPasswordReset(input: { email: $e }) }', { e: email }));
    const reset = tokenIn(
      (await smtp.waitFor(smtp.messages.length)).filter((m) => m.envelope.to.includes(email)).at(-1) as ReceivedMail,
      'nouveau-mot-de-passe',
    );
    ok(
      await gql(t.app, 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }', {
        input: { token: reset, password: PASSWORD },
      }),
    );
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token, password: 'attacker chosen password' } }))).toBe('UNAUTHENTICATED');
    // Even a link that had survived could not set the password of an account that has one, nor add the territory.
    await t.owner.query('update account_tokens set voided_at = null where id = $1', [token.split('.')[0]]);
    expect(ok(await gql(t.app, PREVIEW, { token })).invitationPreview.accountReady).toBe(true);
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token, password: 'attacker chosen password' } }))).toBe('SIGN_IN_REQUIRED');
    expect(codeOf(await gql(t.app, LOGIN, { input: { email, password: 'attacker chosen password' } }))).toBe('UNAUTHENTICATED');
    await login(t.app, email, PASSWORD);
    expect(await membershipsOf(email)).toEqual([]);
  });

  it('answers the inviting admin the same whether or not the address had an account', async () => {
    const existing = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.AUDITOR }]);
    const fresh = `fresh-${randomUUID().slice(0, 6)}@example.fr`;
    const shape = (i: Record<string, unknown>) => ({ ...i, id: 'x', email: 'x', expiresAt: 'x', sentAt: 'x' });
    const a = await gql(t.app, INVITE, { input: { email: existing.email, displayName: 'Même Nom', role: 'AUDITOR' } }, asRennes());
    const b = await gql(t.app, INVITE, { input: { email: fresh, displayName: 'Même Nom', role: 'AUDITOR' } }, asRennes());
    expect(shape(ok(a).inviteMember)).toEqual(shape(ok(b).inviteMember));
    const list = ok(await gql(t.app, '{ invitations { email displayName status } }', {}, asRennes())).invitations as { email: string }[];
    const seen = list.filter((i) => i.email === existing.email || i.email === fresh).map((i) => ({ ...i, email: 'x' }));
    expect(seen).toEqual([
      { email: 'x', displayName: 'Même Nom', status: 'PENDING' },
      { email: 'x', displayName: 'Même Nom', status: 'PENDING' },
    ]);
  });

  it('keeps tokens 256-bit, hashed, in the link’s fragment, for 7 days; re-sending and cancelling void the earlier links', async () => {
    const email = `weekly-${randomUUID().slice(0, 6)}@example.fr`;
    const invitation = ok(await gql(t.app, INVITE, { input: { email, displayName: 'W', role: 'AUDITOR' } }, asRennes())).inviteMember;
    const first = tokenIn(mailsTo(email)[0]);
    expect(mailsTo(email)[0].text).toContain(`https://pilotis.test/invitation#jeton=${first}`);
    expect(mailsTo(email)[0].text).not.toContain('?jeton');
    const [id, secret] = first.split('.');
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const [row] = (await t.owner.query('select token_hash from account_tokens where id = $1', [id])) as { token_hash: string }[];
    expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const dump = JSON.stringify(await t.owner.query('select * from account_tokens'));
    expect(dump).not.toContain(secret);

    ok(await gql(t.app, 'mutation($id: ID!) { resendInvitation(invitationId: $id) { id } }', { id: invitation.id }, asRennes()));
    const second = tokenIn(mailsTo(email)[1]);
    expect(codeOf(await gql(t.app, PREVIEW, { token: first }))).toBe('UNAUTHENTICATED');
    ok(await gql(t.app, PREVIEW, { token: second }));
    // Expired after 7 days.
    t.setNow(new Date(Date.now() + 7 * 24 * 3600 * 1000 + 60_000));
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token: second, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    t.setNow(new Date());
    ok(await gql(t.app, 'mutation($id: ID!) { cancelInvitation(invitationId: $id) { status } }', { id: invitation.id }, asRennes()));
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token: second, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    expect(await membershipsOf(email)).toEqual([]);
    // Another territory's admin can neither see, re-send nor cancel it.
    expect(
      codeOf(await gql(t.app, 'mutation($id: ID!) { resendInvitation(invitationId: $id) { id } }', { id: invitation.id }, asPlaine())),
    ).toBe('NOT_FOUND');
    const plaineList = ok(await gql(t.app, '{ invitations(includeAnswered: true) { id } }', {}, asPlaine())).invitations as {
      id: string;
    }[];
    expect(plaineList.map((i) => i.id)).not.toContain(invitation.id);
  });

  it('refuses an invitation whose e-mail cannot be sent, recording nothing', async () => {
    const email = `unsent-${randomUUID().slice(0, 6)}@example.fr`;
    smtp.failNext(1, 550);
    const res = await gql(t.app, INVITE, { input: { email, displayName: 'U', role: 'AUDITOR' } }, asRennes());
    expect(codeOf(res)).toBe('MAIL_DELIVERY_FAILED');
    const [n] = (await t.owner.query('select count(*)::int as n from membership_invitations where email = $1', [email])) as { n: number }[];
    expect(n.n).toBe(0);
  });

  it('resets a forgotten password by e-mail, with the same answer for unknown addresses, ending every session', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    const session = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
    // Throttled by wrong guesses…
    for (let i = 0; i < 6; i++) await gql(t.app, LOGIN, { input: { email: user.email, password: 'wrong guess' } });
    expect(codeOf(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe('RATE_LIMITED');
    const REQUEST = 'mutation($e: String!) { requestPasswordReset(input: { email: $e }) }';
    const before = smtp.messages.length;
    expect(ok(await gql(t.app, REQUEST, { e: `nobody-${randomUUID().slice(0, 6)}@example.fr` })).requestPasswordReset).toBe(true);
    expect(ok(await gql(t.app, REQUEST, { e: user.email.toUpperCase() })).requestPasswordReset).toBe(true);
    const [mail] = await smtp.waitFor(before + 1).then((all) => all.slice(before));
    expect(smtp.messages.slice(before).map((m) => m.envelope.to)).toEqual([[user.email]]);
    const token = tokenIn(mail, 'nouveau-mot-de-passe');
    const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
    expect(codeOf(await gql(t.app, RESET, { input: { token, password: 'short' } }))).toBe('BAD_USER_INPUT');
    ok(await gql(t.app, RESET, { input: { token, password: PASSWORD } }));
    expect(codeOf(await gql(t.app, RESET, { input: { token, password: 'a second new password' } }))).toBe('UNAUTHENTICATED');
    // …the account gets back in, and every earlier session is over.
    await login(t.app, user.email, PASSWORD);
    expect(codeOf(await gql(t.app, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, '{ me { id } }', {}, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, '{ currentTenant { siren } }', {}, { token: session.accessToken, tenant: SIREN.RENNES }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('changes a password from the session (current one required) and signs out everywhere', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    const a = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
    const b = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
    const wrong = await gql(
      t.app,
      CHANGE,
      { input: { currentPassword: 'not it at all', newPassword: PASSWORD } },
      { token: a.accessToken },
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions.fields?.[0].field).toBe('currentPassword');
    ok(await gql(t.app, REFRESH, { t: b.refreshToken })); // nothing changed
    ok(await gql(t.app, CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: PASSWORD } }, { token: a.accessToken }));
    expect(codeOf(await gql(t.app, '{ me { id } }', {}, { token: a.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, REFRESH, { t: a.refreshToken }))).toBe('UNAUTHENTICATED');

    const c = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: PASSWORD } })).login;
    const d = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: PASSWORD } })).login;
    ok(await gql(t.app, 'mutation { logoutEverywhere }', {}, { token: c.accessToken }));
    for (const s of [c, d]) {
      expect(codeOf(await gql(t.app, REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(t.app, '{ currentTenant { siren } }', {}, { token: s.accessToken, tenant: SIREN.RENNES }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const [event] = (await t.owner.query(
      `select operation from platform_audit_events where actor_user_id = $1 and operation = 'auth.logout_everywhere'`,
      [user.id],
    )) as unknown[];
    expect(event).toBeDefined();
  });

  it('counts wrong current passwords against the sign-in limits: a stolen access token cannot guess the password', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        codeOf(await gql(t.app, CHANGE, { input: { currentPassword: `guess number ${i}`, newPassword: PASSWORD } }, { token: user.token })),
      );
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    expect(
      codeOf(await gql(t.app, CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: PASSWORD } }, { token: user.token })),
    ).toBe('RATE_LIMITED');
    ok(await gql(t.app, '{ me { id } }', {}, { token: user.token })); // nothing changed
  });

  it('signs out with the refresh token alone, and ends a session at its absolute lifetime however often it rotates', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    const s = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
    expect(ok(await gql(t.app, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: s.refreshToken })).logout).toBe(true);
    expect(codeOf(await gql(t.app, REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');

    const start = Date.now();
    let current = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
    for (const minutes of [20, 40, 59]) {
      t.setNow(new Date(start + minutes * 60_000));
      current = ok(await gql(t.app, REFRESH, { t: current.refreshToken })).refreshSession;
    }
    t.setNow(new Date(start + 61 * 60_000)); // the test app's sessions last one hour
    expect(codeOf(await gql(t.app, REFRESH, { t: current.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('keeps the browser’s refresh token in an HttpOnly, SameSite=Strict cookie scoped to /auth, refused cross-origin', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    const server = t.app.getHttpServer();
    const signIn = await request(server)
      .post('/auth/login')
      .set('origin', 'https://pilotis.test')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: t.config.accessTokenTtlSeconds,
      user: { id: user.id, email: user.email, displayName: expect.any(String) },
    });
    const cookie = (signIn.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^pilotis_refresh=[0-9a-f-]{36}\.[A-Za-z0-9_-]+;/);
    expect(cookie).toContain('Path=/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const pair = cookie.split(';')[0];
    // Another site cannot drive these routes, even with the cookie.
    const forged = await request(server).post('/auth/refresh').set('origin', 'https://evil.example').set('cookie', pair);
    expect([forged.status, forged.body.code]).toEqual([403, 'FORBIDDEN']);
    const crossSite = await request(server).post('/auth/refresh').set('sec-fetch-site', 'cross-site').set('cookie', pair);
    expect(crossSite.status).toBe(403);
    const renewed = await request(server).post('/auth/refresh').set('origin', 'https://pilotis.test').set('cookie', pair);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).toBeUndefined();
    const next = (renewed.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect(next).not.toBe(pair);
    const out = await request(server).post('/auth/logout').set('origin', 'https://pilotis.test').set('cookie', next);
    expect(out.status).toBe(200);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^pilotis_refresh=;/);
    expect((await request(server).post('/auth/refresh').set('origin', 'https://pilotis.test').set('cookie', next)).status).toBe(401);
  });
});
