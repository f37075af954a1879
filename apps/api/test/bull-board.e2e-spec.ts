import request from 'supertest';
import { Role } from '@pilotis/access';
import { ALL_QUEUES } from '@pilotis/jobs';
import { startTestApp, TestApp } from './support/test-app';
import { createTenant, createUser, SIREN, TestTenant, TestUser } from './support/fixtures';

const BOARD = '/admin/queues';

describe('Bull Board at /admin/queues: platform admins only', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let chef: TestUser;
  let platformAdmin: TestUser;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, t.owner, SIREN.RENNES);
    chef = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.CHEF_DE_PROJET }]);
    platformAdmin = await createUser(t.app, t.owner);
    await t.owner.query('update users set platform_admin = true where id = $1', [platformAdmin.id]);
  });
  afterAll(() => t?.close());

  it('refuses a request without a token or with an invalid one (401)', async () => {
    for (const path of [BOARD, `${BOARD}/`, `${BOARD}/api/queues`, `${BOARD}/queue/notifications`, `${BOARD}/static/favicon-32x32.png`]) {
      const res = await http().get(path);
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    expect((await http().get(`${BOARD}/api/queues`).set('authorization', 'Bearer not.a.jwt')).status).toBe(401);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', 'pilotis_queues=not.a.jwt')).status).toBe(401);
    // A browser gets a page that says how to sign in.
    const page = await http().get(`${BOARD}/`).set('accept', 'text/html');
    expect(page.status).toBe(401);
    expect(page.text).toContain(`${BOARD}/login?token=`);
    // Mutating API routes are guarded too.
    expect((await http().put(`${BOARD}/api/queues/pause`)).status).toBe(401);
  });

  it('refuses tenant users, whatever their role (403)', async () => {
    for (const user of [tenant.admin, chef]) {
      const res = await http().get(`${BOARD}/api/queues`).set('authorization', `Bearer ${user.token}`);
      expect(res.status).toBe(403);
      const html = await http().get(`${BOARD}/`).set('authorization', `Bearer ${user.token}`);
      expect(html.status).toBe(403);
    }
  });

  it('lets a platform admin in with a Bearer token, and lists every queue', async () => {
    const html = await http().get(`${BOARD}/`).set('authorization', `Bearer ${platformAdmin.token}`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain(BOARD);

    const api = await http().get(`${BOARD}/api/queues`).set('authorization', `Bearer ${platformAdmin.token}`);
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual([...ALL_QUEUES].sort());
  });

  it('refuses a platform admin who sends X-Tenant: the board is in no tenant (403)', async () => {
    const res = await http()
      .get(`${BOARD}/api/queues`)
      .set('authorization', `Bearer ${platformAdmin.token}`)
      .set('x-tenant', SIREN.RENNES);
    expect(res.status).toBe(403);
  });

  it('lets a browser in through /login, which sets a short-lived HttpOnly SameSite=Strict cookie', async () => {
    const login = await http().get(`${BOARD}/login`).query({ token: platformAdmin.token });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(`${BOARD}/`);
    expect(login.headers['cache-control']).toBe('no-store');
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    expect(setCookie).toHaveLength(1);
    const [pair, ...attributes] = setCookie[0].split(';').map((s) => s.trim());
    expect(pair).toBe(`pilotis_queues=${platformAdmin.token}`);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', `Path=${BOARD}`]));
    const maxAge = Number(attributes.find((a) => a.startsWith('Max-Age='))?.slice('Max-Age='.length));
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(t.config.accessTokenTtlSeconds);

    const html = await http().get(`${BOARD}/`).set('cookie', pair).set('accept', 'text/html');
    expect(html.status).toBe(200);
    const api = await http().get(`${BOARD}/api/queues`).set('cookie', pair);
    expect(api.status).toBe(200);
    expect((api.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());
  });

  it('gives no cookie to anyone else, and checks the cookie on every request', async () => {
    const noToken = await http().get(`${BOARD}/login`);
    expect(noToken.status).toBe(401);
    const bad = await http().get(`${BOARD}/login`).query({ token: 'x.y.z' });
    expect(bad.status).toBe(401);
    const chefLogin = await http().get(`${BOARD}/login`).query({ token: chef.token });
    expect(chefLogin.status).toBe(403);
    for (const res of [noToken, bad, chefLogin]) expect(res.headers['set-cookie']).toBeUndefined();

    // A chef de projet who forges the cookie by hand gets no further.
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', `pilotis_queues=${chef.token}`)).status).toBe(403);

    // The flag is read on each request: an admin who loses it is out at once, cookie or not.
    const demoted = await createUser(t.app, t.owner);
    await t.owner.query('update users set platform_admin = true where id = $1', [demoted.id]);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', `pilotis_queues=${demoted.token}`)).status).toBe(200);
    await t.owner.query('update users set platform_admin = false where id = $1', [demoted.id]);
    expect((await http().get(`${BOARD}/api/queues`).set('cookie', `pilotis_queues=${demoted.token}`)).status).toBe(403);
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
});
