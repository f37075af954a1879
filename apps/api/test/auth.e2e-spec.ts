import { createHmac } from 'node:crypto';

import request from 'supertest';

import { Role } from '@pilotis/access';
import { LoginRateLimiter } from '@pilotis/auth';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  ok,
  SIREN,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  TestTenant,
} from '@pilotis/test-support';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresIn user { email } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

function jwt(header: object, payload: object, secret: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('sign-in, sessions and tenants', () => {
  let t: TestApp;
  let rennes: TestTenant;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs an admin in and lists their tenants; the access token lives ACCESS_TOKEN_TTL_SECONDS', async () => {
    const login = ok(await gql(t.app, LOGIN, { input: { email: rennes.admin.email.toUpperCase(), password: TEST_PASSWORD } }));
    expect(login.login.expiresIn).toBe(t.config.accessTokenTtlSeconds);
    const [, payload] = login.login.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'pilotis', aud: 'pilotis-api', sub: rennes.admin.id });
    expect(claims.exp - claims.iat).toBe(t.config.accessTokenTtlSeconds);

    const res = await gql(
      t.app,
      '{ me { email } myTenants { role tenant { siren name kind departements } } }',
      {},
      { token: rennes.admin.token },
    );
    expect(ok(res)).toEqual({
      me: { email: rennes.admin.email },
      myTenants: [
        { role: 'TENANT_ADMIN', tenant: { siren: SIREN.RENNES, name: 'Rennes Métropole', kind: 'METROPOLE', departements: ['35'] } },
      ],
    });
    const [audit] = (await t.owner.query(
      `select count(*)::int as n from platform_audit_events where operation = 'auth.login' and actor_user_id = $1`,
      [rennes.admin.id],
    )) as { n: number }[];
    expect(audit.n).toBeGreaterThanOrEqual(2);
  });

  it('lists both tenants of a person who belongs to two', async () => {
    const plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const user = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.DELEGUE_PREFET },
      { tenantId: plaine.id, role: Role.AUDITOR },
    ]);
    const res = ok(await gql(t.app, '{ myTenants { role tenant { siren } } }', {}, { token: user.token }));
    expect(res.myTenants).toEqual([
      { role: 'AUDITOR', tenant: { siren: SIREN.PLAINE_COMMUNE } },
      { role: 'DELEGUE_PREFET', tenant: { siren: SIREN.RENNES } },
    ]);
  });

  it('refuses a wrong password or an unknown e-mail with the same UNAUTHENTICATED, and audits the failure', async () => {
    const wrong = await gql(t.app, LOGIN, { input: { email: rennes.admin.email, password: 'not the password' } });
    const unknown = await gql(t.app, LOGIN, { input: { email: 'nobody@example.fr', password: 'x' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const [audit] = (await t.owner.query(`select count(*)::int as n from platform_audit_events where operation = 'auth.login_failed'`)) as {
      n: number;
    }[];
    expect(audit.n).toBe(2);
  });

  it('rejects malformed sign-in input with BAD_USER_INPUT naming the field', async () => {
    const res = await gql(t.app, LOGIN, { input: { email: 'not-an-email', password: 'x' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['email']);
  });

  it('rate-limits failed sign-ins per e-mail: past 5 failures even the right password is refused', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await gql(t.app, LOGIN, { input: { email: user.email, password: `wrong-${i}` } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts each attempt before checking the password: of 20 concurrent wrong guesses for one e-mail, exactly 5 are checked', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql(t.app, LOGIN, { input: { email: user.email, password: `guess-${i}` } })),
    );
    const codes = guesses.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(LoginRateLimiter.PER_EMAIL);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20 - LoginRateLimiter.PER_EMAIL);
    for (const refused of guesses.filter((g) => codeOf(g) === 'RATE_LIMITED')) {
      expect(refused.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Only the checked ones are failures in the audit trail.
    const [audit] = (await t.owner.query(
      `select count(*)::int as n from platform_audit_events where operation = 'auth.login_failed' and details->>'email' = $1`,
      [user.email],
    )) as { n: number }[];
    expect(audit.n).toBe(LoginRateLimiter.PER_EMAIL);
    // The account stays locked for the window, whatever the password.
    const right = await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('forgets the failures of an e-mail when its owner signs in', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    const wrong = (i: number) => gql(t.app, LOGIN, { input: { email: user.email, password: `typo-${i}` } });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LoginRateLimiter.PER_EMAIL - 1; i++) expect(codeOf(await wrong(i))).toBe('UNAUTHENTICATED');
      // 4 + 4 failures in all, more than the limit: each success started the count again.
      ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }));
    }
  });

  it('rotates refresh tokens; reusing a rotated one revokes the whole family', async () => {
    const first = ok(await gql(t.app, LOGIN, { input: { email: rennes.admin.email, password: TEST_PASSWORD } })).login;
    const second = ok(await gql(t.app, REFRESH, { t: first.refreshToken })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    ok(await gql(t.app, '{ me { email } }', {}, { token: second.accessToken }));

    const reuse = await gql(t.app, REFRESH, { t: first.refreshToken });
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    // The thief's reuse also kills the legitimate holder's newer token: both must sign in again.
    expect(codeOf(await gql(t.app, REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
    const [audit] = (await t.owner.query(
      `select count(*)::int as n from platform_audit_events where operation = 'auth.refresh_reuse'`,
    )) as { n: number }[];
    expect(audit.n).toBe(1);
  });

  it('logs out: the session can no longer be refreshed', async () => {
    const session = ok(await gql(t.app, LOGIN, { input: { email: rennes.admin.email, password: TEST_PASSWORD } })).login;
    expect(
      ok(
        await gql(t.app, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken }, { token: session.accessToken }),
      ).logout,
    ).toBe(true);
    expect(codeOf(await gql(t.app, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(t.app, REFRESH, { t: 'garbage' }))).toBe('UNAUTHENTICATED');
  });

  describe('tokens in a response body are for scripts and integrations, never for a browser page', () => {
    // What a browser adds by itself to a page's request (fetch metadata, Origin), one at a time.
    const BROWSER_HEADERS: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-mode': 'cors' },
      { origin: 'http://localhost:3000' },
      { origin: 'https://evil.example' },
    ];
    const sessions = async (userId: string) =>
      ((await t.owner.query('select count(*)::int as n from refresh_tokens where user_id = $1', [userId])) as { n: number }[])[0].n;

    it.each(BROWSER_HEADERS)(
      'refuses login and refreshSession to a request carrying %j, with BROWSER_MUST_USE_SESSION',
      async (headers) => {
        const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
        const script = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
        const before = await sessions(user.id);

        const login = await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }, { headers });
        expect(codeOf(login)).toBe('BROWSER_MUST_USE_SESSION');
        expect(login.data).toBeNull();
        expect(login.errors?.[0].message).toBe(
          'Dans un navigateur, la session passe par les routes POST /auth/login, /auth/refresh et /auth/logout (jeton de renouvellement en cookie HttpOnly) : les mutations login et refreshSession, qui rendent le jeton dans la réponse, sont réservées aux scripts et intégrations.',
        );
        expect(login.errors?.[0].extensions).toMatchObject({ browserHeaders: Object.keys(headers) });
        const refresh = await gql(t.app, REFRESH, { t: script.refreshToken }, { headers });
        expect(codeOf(refresh)).toBe('BROWSER_MUST_USE_SESSION');
        expect(refresh.data).toBeNull();
        // Nothing was opened nor rotated: the script's token still renews its session.
        expect(await sessions(user.id)).toBe(before);
        const renewed = ok(await gql(t.app, REFRESH, { t: script.refreshToken })).refreshSession;
        expect(renewed.refreshToken).toEqual(expect.any(String));
        expect(renewed.refreshToken).not.toBe(script.refreshToken);
      },
    );

    it('keeps giving a script (no browser header) its tokens, and a browser its session through /auth/login', async () => {
      const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
      const script = ok(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login;
      expect(script).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), user: { email: user.email } });
      const renewed = ok(await gql(t.app, REFRESH, { t: script.refreshToken })).refreshSession;
      ok(await gql(t.app, '{ me { email } }', {}, { token: renewed.accessToken }));
      // Logging out takes a token and gives none back: allowed everywhere, so that a token can always be revoked.
      expect(
        ok(
          await gql(
            t.app,
            'mutation($t: String!) { logout(refreshToken: $t) }',
            { t: renewed.refreshToken },
            { headers: { origin: 'http://localhost:3000' } },
          ),
        ).logout,
      ).toBe(true);
      expect(codeOf(await gql(t.app, REFRESH, { t: renewed.refreshToken }))).toBe('UNAUTHENTICATED');

      const browser = await request(t.app.getHttpServer())
        .post('/auth/login')
        .set('sec-fetch-site', 'same-origin')
        .set('sec-fetch-mode', 'cors')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(browser.status).toBe(200);
      expect(browser.body.refreshToken).toBeUndefined();
      expect((browser.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^pilotis_refresh=.*HttpOnly/);
    });
  });

  it('accepts only HS256 tokens of the right issuer and audience, unexpired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: rennes.admin.id, email: rennes.admin.email, iat: now, exp: now + 600 };
    const secret = t.config.jwtSecret;
    const cases = {
      none: `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'pilotis', aud: 'pilotis-api' })).toString('base64url')}.`,
      wrongIssuer: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'evil', aud: 'pilotis-api' }, secret),
      wrongAudience: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'pilotis', aud: 'other' }, secret),
      expired: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'pilotis', aud: 'pilotis-api', exp: now - 10 }, secret),
      wrongKey: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'pilotis', aud: 'pilotis-api' }, 'another-secret-another-secret-0000'),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await gql(t.app, '{ me { email } }', {}, { token });
      expect([name, codeOf(res)]).toEqual([name, 'UNAUTHENTICATED']);
    }
    const good = jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'pilotis', aud: 'pilotis-api' }, secret);
    expect(ok(await gql(t.app, '{ me { email } }', {}, { token: good })).me.email).toBe(rennes.admin.email);
  });

  it("expires an access token by the API's clock, the one that issued it; a fresh session works on that clock", async () => {
    const issuedAt = Date.now();
    t.setNow(new Date(issuedAt));
    try {
      const session = ok(await gql(t.app, LOGIN, { input: { email: rennes.admin.email, password: TEST_PASSWORD } })).login;
      // One second before its end the token still works, from its end on it does not (nobody waits 15 minutes).
      t.setNow(new Date(issuedAt + (session.expiresIn - 1) * 1000));
      ok(await gql(t.app, '{ me { email } }', {}, { token: session.accessToken }));
      t.setNow(new Date(issuedAt + session.expiresIn * 1000));
      expect(codeOf(await gql(t.app, '{ me { email } }', {}, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
      // The refresh token still lives: the renewed access token is issued at, and valid on, the moved clock.
      const renewed = ok(await gql(t.app, REFRESH, { t: session.refreshToken })).refreshSession;
      expect(ok(await gql(t.app, '{ me { email } }', {}, { token: renewed.accessToken })).me.email).toBe(rennes.admin.email);
    } finally {
      t.resetClock();
    }
  });

  it('refuses a disabled account at sign-in and on tenant operations', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    await t.owner.query('update users set disabled_at = now() where id = $1', [user.id]);
    expect(codeOf(await gql(t.app, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe('UNAUTHENTICATED');
    // A disabled account's access tokens are dead at once: its session is over, whatever the tenant.
    expect(codeOf(await gql(t.app, '{ currentTenant { siren } }', {}, { token: user.token, tenant: SIREN.RENNES }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf(await gql(t.app, '{ me { id } }', {}, { token: user.token }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tenant operation without a token', async () => {
    const res = await gql(t.app, '{ currentTenant { siren } }', {}, { tenant: SIREN.RENNES });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});

/** Wrong passwords for as many distinct (unknown) e-mails, all at once, each with its own headers. */
async function spray(t: TestApp, count: number, headers: (i: number) => Record<string, string>): Promise<GqlResponse[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      gql(t.app, LOGIN, { input: { email: `spray-${tag}-${i}@example.fr`, password: 'guess' } }, { headers: headers(i) }),
    ),
  );
}

const count = (responses: GqlResponse[], code: string) => responses.filter((r) => codeOf(r) === code).length;

// Each block has its own application, hence its own Redis prefix: the per-address budget starts full.
describe('sign-in limit per client address, with no trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops concurrent guesses across many e-mails at PER_IP, ignoring a forged X-Forwarded-For', async () => {
    const extra = 6;
    // Every guess claims a different address: were the header believed, none would reach the limit.
    const responses = await spray(t, LoginRateLimiter.PER_IP + extra, (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }));
    expect(count(responses, 'UNAUTHENTICATED')).toBe(LoginRateLimiter.PER_IP);
    expect(count(responses, 'RATE_LIMITED')).toBe(extra);
    // The address recorded is the peer's, not the claimed one.
    const ips = (await t.owner.query(`select distinct ip from platform_audit_events where operation = 'auth.login_failed'`)) as {
      ip: string;
    }[];
    expect(ips.map((r) => r.ip)).not.toContain('203.0.113.1');
    expect(ips).toHaveLength(1);
  });
});

describe('sign-in limit per client address, behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustedProxies: ['127.0.0.1'] } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts per forwarded client address when the request comes through the proxy', async () => {
    const extra = 6;
    // Each client behind the proxy has its own budget: nobody is refused.
    const spread = await spray(t, LoginRateLimiter.PER_IP + extra, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(count(spread, 'UNAUTHENTICATED')).toBe(LoginRateLimiter.PER_IP + extra);
    const [audit] = (await t.owner.query(
      `select count(distinct ip)::int as n from platform_audit_events where operation = 'auth.login_failed' and ip like '198.51.100.%'`,
    )) as {
      n: number;
    }[];
    expect(audit.n).toBe(LoginRateLimiter.PER_IP + extra);

    // One client behind the proxy is still limited.
    const one = await spray(t, LoginRateLimiter.PER_IP + extra, () => ({ 'x-forwarded-for': '192.0.2.7' }));
    expect(count(one, 'UNAUTHENTICATED')).toBe(LoginRateLimiter.PER_IP);
    expect(count(one, 'RATE_LIMITED')).toBe(extra);
  });
});
