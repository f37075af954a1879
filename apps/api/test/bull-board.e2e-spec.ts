import { createHash } from 'node:crypto';

import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import request from 'supertest';

import { Role } from '@pilotis/access';
import { createApp } from '@pilotis/api-server';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@pilotis/auth';
import { ALL_QUEUES } from '@pilotis/jobs';
import { Clock } from '@pilotis/shared';
import {
  createTenant,
  createUser,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const BOARD = '/admin/queues';

describe('Bull Board at /admin/queues: platform admins only, read-only, signed in with a one-time code', () => {
  let t: TestApp;
  let redis: Redis;
  let tenant: TestTenant;
  let chef: TestUser;
  let platformAdmin: TestUser;
  const http = () => request(t.app.getHttpServer());

  /** A one-time code for `token` (POST /admin/queues/code). */
  const codeFor = async (token: string): Promise<string> => {
    const res = await http().post(`${BOARD}/code`).set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.expiresInSeconds).toBe(60);
    return res.body.code as string;
  };
  const login = (code: string) => http().post(`${BOARD}/login`).type('form').send({ code });
  /** The `name=value` pair of the board's cookie set by a login response. */
  const sessionOf = (res: request.Response): string => {
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie).toHaveLength(1);
    return setCookie[0].split(';')[0];
  };

  beforeAll(async () => {
    t = await startTestApp({ config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    redis = new Redis(t.config.redisUrl);
    tenant = await createTenant(t.app, t.owner, SIREN.RENNES);
    chef = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.CHEF_DE_PROJET }]);
    platformAdmin = await createUser(t.app, t.owner);
    await t.owner.query('update users set platform_admin = true where id = $1', [platformAdmin.id]);
  });
  afterEach(() => t.app.get(Clock).reset());
  afterAll(async () => {
    await redis?.quit();
    await t?.close();
  });

  it('refuses a request without credentials or with invalid ones (401)', async () => {
    for (const path of [BOARD, `${BOARD}/`, `${BOARD}/api/queues`, `${BOARD}/queue/notifications`, `${BOARD}/static/favicon-32x32.png`]) {
      const res = await http().get(path);
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    expect((await http().get(`${BOARD}/api/queues`).set('authorization', 'Bearer not.a.jwt')).status).toBe(401);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', 'pilotis_queues=made-up')).status).toBe(401);
    // The access token itself is no board session.
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', `pilotis_queues=${platformAdmin.token}`)).status).toBe(401);
    // A browser gets a page that says where to sign in.
    const page = await http().get(`${BOARD}/`).set('accept', 'text/html');
    expect(page.status).toBe(401);
    expect(page.text).toContain('Files de tâches');
    expect((await http().put(`${BOARD}/api/queues/pause`)).status).toBe(401);
  });

  it('refuses tenant users, whatever their role (403), a code included', async () => {
    for (const user of [tenant.admin, chef]) {
      expect((await http().get(`${BOARD}/api/queues`).set('authorization', `Bearer ${user.token}`)).status).toBe(403);
      expect((await http().get(`${BOARD}/`).set('authorization', `Bearer ${user.token}`)).status).toBe(403);
      const code = await http().post(`${BOARD}/code`).set('authorization', `Bearer ${user.token}`);
      expect(code.status).toBe(403);
      expect(code.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await http().post(`${BOARD}/code`)).status).toBe(401);
    expect((await http().post(`${BOARD}/code`).set('authorization', 'Bearer x.y.z')).status).toBe(401);
  });

  it('lets a platform admin in with a Bearer token (scripts), and lists every queue', async () => {
    const html = await http().get(`${BOARD}/`).set('authorization', `Bearer ${platformAdmin.token}`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    const api = await http().get(`${BOARD}/api/queues`).set('authorization', `Bearer ${platformAdmin.token}`);
    expect(api.status).toBe(200);
    const queues = api.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());
    // The UI shows no action button.
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('refuses a platform admin who sends X-Tenant: the board is in no tenant (403)', async () => {
    const res = await http().get(`${BOARD}/api/queues`).set('authorization', `Bearer ${platformAdmin.token}`).set('x-tenant', SIREN.RENNES);
    expect(res.status).toBe(403);
    const code = await http().post(`${BOARD}/code`).set('authorization', `Bearer ${platformAdmin.token}`).set('x-tenant', SIREN.RENNES);
    expect(code.status).toBe(403);
  });

  it('exchanges a code, once, for a board session cookie: HttpOnly, SameSite=Strict, path /admin/queues, 15 min', async () => {
    const code = await codeFor(platformAdmin.token);
    // Only the code's SHA-256 is in Redis, under the configured prefix.
    const key = `${t.config.redisPrefix}:queue-board:code:${createHash('sha256').update(code).digest('hex')}`;
    expect(await redis.exists(key)).toBe(1);
    expect(await redis.ttl(key)).toBeLessThanOrEqual(60);
    expect(Buffer.from(code, 'base64url')).toHaveLength(32);

    const res = await login(code);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(BOARD);
    expect(res.headers['cache-control']).toBe('no-store');
    const [cookie] = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const [pair, ...attributes] = cookie.split(';').map((s) => s.trim());
    expect(pair).toMatch(/^pilotis_queues=[\w-]{43}$/);
    expect(pair).not.toContain(platformAdmin.token);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', `Path=${BOARD}`, 'Max-Age=900']));
    // NODE_ENV=test: no Secure flag, so that plain-http test servers work (production sets it: below).
    expect(attributes).not.toContain('Secure');
    expect(await redis.exists(key)).toBe(0);

    const html = await http().get(BOARD).set('cookie', pair).set('accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    const api = await http().get(`${BOARD}/api/queues`).set('cookie', pair);
    expect(api.status).toBe(200);
    expect((api.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());

    // The same code a second time: refused, no cookie.
    const again = await login(code);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'QUEUE_BOARD_CODE_INVALID' });
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a code after its 60 seconds, or once its key is gone', async () => {
    const clock = t.app.get(Clock);
    clock.set('2030-01-01T10:00:00Z');
    const late = await codeFor(platformAdmin.token);
    clock.set('2030-01-01T10:01:00.001Z');
    expect((await login(late)).status).toBe(401);

    clock.set('2030-01-01T10:00:00Z');
    const inTime = await codeFor(platformAdmin.token);
    clock.set('2030-01-01T10:00:59Z');
    expect((await login(inTime)).status).toBe(303);

    // Redis' own expiry (the key deleted) refuses it just the same.
    clock.reset();
    const expired = await codeFor(platformAdmin.token);
    await redis.del(`${t.config.redisPrefix}:queue-board:code:${createHash('sha256').update(expired).digest('hex')}`);
    expect((await login(expired)).status).toBe(401);
  });

  it('ends the board session after 15 minutes', async () => {
    const clock = t.app.get(Clock);
    clock.set('2030-01-01T10:00:00Z');
    const pair = sessionOf(await login(await codeFor(platformAdmin.token)));
    clock.set('2030-01-01T10:14:59Z');
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', pair)).status).toBe(200);
    clock.set('2030-01-01T10:15:00.001Z');
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', pair)).status).toBe(401);
  });

  it('never takes a token or a code from the query string', async () => {
    // The former way in: no cookie, whatever the token.
    const old = await http().get(`${BOARD}/login`).query({ token: platformAdmin.token });
    expect(old.status).toBe(405);
    expect(old.headers['set-cookie']).toBeUndefined();
    expect((await http().post(`${BOARD}/login`).query({ token: platformAdmin.token })).status).toBe(400);

    // A code put in the URL is refused and burnt: it no longer works in a proper form either.
    const code = await codeFor(platformAdmin.token);
    const inUrl = await http().post(`${BOARD}/login`).query({ code }).type('form').send({ code });
    expect(inUrl.status).toBe(400);
    expect(inUrl.body).toMatchObject({ code: 'QUEUE_BOARD_CODE_IN_URL' });
    expect(inUrl.headers['set-cookie']).toBeUndefined();
    expect((await login(code)).status).toBe(401);

    // Nor as JSON: a form, as a browser posts it.
    const asJson = await http()
      .post(`${BOARD}/login`)
      .send({ code: await codeFor(platformAdmin.token) });
    expect(asJson.status).toBe(401);
    // Bearer tokens on the board's GET routes stay for scripts, but not in the query string.
    expect((await http().get(`${BOARD}/api/queues`).query({ token: platformAdmin.token })).status).toBe(401);
  });

  it('is read-only, even for a platform admin: mutating API routes answer 403', async () => {
    const pair = sessionOf(await login(await codeFor(platformAdmin.token)));
    const routes: [string, string][] = [
      ['put', `${BOARD}/api/queues/pause`],
      ['put', `${BOARD}/api/queues/resume`],
      ['put', `${BOARD}/api/queues/notifications/retry/failed`],
      ['put', `${BOARD}/api/queues/notifications/clean/completed`],
      ['put', `${BOARD}/api/queues/notifications/obliterate`],
      ['post', `${BOARD}/api/queues/notifications/add`],
      ['patch', `${BOARD}/api/queues/notifications/some-job/update-data`],
      // Not a route of the board: refused all the same, not a 404.
      ['delete', `${BOARD}/api/queues/notifications`],
      ['post', `${BOARD}/api/anything`],
    ];
    for (const [method, path] of routes) {
      for (const auth of [{ cookie: pair }, { authorization: `Bearer ${platformAdmin.token}` }]) {
        const res = await http()[method as 'put'](path).set(auth);
        expect([method, path, res.status]).toEqual([method, path, 403]);
        expect(res.body).toMatchObject({ code: 'QUEUE_BOARD_READ_ONLY' });
      }
    }
  });

  it('gives no session to anyone else, and re-checks the user on every request', async () => {
    expect((await login('')).status).toBe(401);
    expect((await login('not-a-code')).status).toBe(401);

    const demoted = await createUser(t.app, t.owner);
    await t.owner.query('update users set platform_admin = true where id = $1', [demoted.id]);
    const pair = sessionOf(await login(await codeFor(demoted.token)));
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', pair)).status).toBe(200);
    await t.owner.query('update users set platform_admin = false where id = $1', [demoted.id]);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', pair)).status).toBe(403);

    // A code issued before the flag was removed no longer opens a session.
    await t.owner.query('update users set platform_admin = true where id = $1', [demoted.id]);
    const code = await codeFor(demoted.token);
    await t.owner.query('update users set platform_admin = false, disabled_at = now() where id = $1', [demoted.id]);
    const late = await login(code);
    expect(late.status).toBe(401);
    expect(late.headers['set-cookie']).toBeUndefined();
    await t.owner.query('update users set platform_admin = true where id = $1', [demoted.id]);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', pair)).status).toBe(401);
  });

  it('leaves the rest of the API as it was', async () => {
    expect((await http().get('/health')).status).toBe(200);
    const me = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${platformAdmin.token}`)
      .send({ query: '{ me { email platformAdmin } }' });
    expect(me.body.data?.me).toEqual({ email: platformAdmin.email, platformAdmin: true });
  });

  // Last: passport's JWT strategy is process-wide, so the second app's secret replaces the first one's.
  it('marks the cookie Secure outside development and test', async () => {
    // Production refuses the test's development secret (config.spec.ts): sign with a strong one.
    const secret = 's'.repeat(48);
    const app = await createApp({
      config: { ...t.config, nodeEnv: 'production', production: true, development: false, jwtSecret: secret },
      logger: ['error'],
    });
    try {
      const token = await new JwtService().signAsync(
        { sub: platformAdmin.id },
        { secret, algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: 60 },
      );
      const code = await request(app.getHttpServer()).post(`${BOARD}/code`).set('authorization', `Bearer ${token}`);
      expect(code.status).toBe(200);
      const res = await request(app.getHttpServer())
        .post(`${BOARD}/login`)
        .type('form')
        .send({ code: code.body.code as string });
      expect(res.status).toBe(303);
      expect(String(res.headers['set-cookie'])).toContain('; Secure');
    } finally {
      await app.close();
    }
  });
});
