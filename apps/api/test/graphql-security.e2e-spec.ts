import request from 'supertest';

import { createApp } from '@pilotis/api-server';
import { codeOf, createTenant, gql, SIREN, startTestApp, TestApp, TestTenant } from '@pilotis/test-support';

describe('GraphQL hardening', () => {
  let t: TestApp;
  let rennes: TestTenant;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses batched HTTP requests', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body ?? res.text)).not.toContain('"__typename":"Query"');
  });

  it('limits aliases, depth and tokens, with a code and a French message', async () => {
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { email }`).join(' ')} }`;
    const res = await gql(t.app, aliases, {}, { token: rennes.admin.token, tenant: SIREN.RENNES });
    expect(res.status).toBe(400);
    expect(res.data).toBeNull();
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toBe('Requête GraphQL invalide.');

    const tokens = `{ me { ${'email '.repeat(2500)} } }`;
    const tooLong = await gql(t.app, tokens);
    expect(tooLong.status).toBe(400);
    expect(codeOf(tooLong)).toBe('GRAPHQL_PARSE_FAILED');
    // Depth and cost are checked on a schema with recursion in libs/api-server/src/graphql/armor.spec.ts.
  });

  it('answers malformed requests with client errors, never a 500', async () => {
    const syntax = await gql(t.app, '{ me { ');
    expect(syntax.status).toBe(400);
    expect(codeOf(syntax)).toBe('GRAPHQL_PARSE_FAILED');
    expect(syntax.errors?.[0].message).toBe('Requête GraphQL illisible.');
    expect(codeOf(await gql(t.app, '{ noSuchField }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVar = await gql(t.app, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: 42 });
    expect(codeOf(badVar)).toBe('BAD_USER_INPUT');
    const garbage = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(garbage.status).toBe(400);
  });

  it('offers introspection and GraphiQL only with NODE_ENV=development', async () => {
    const introspect = (app: typeof t.app) =>
      request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __schema { queryType { name } } }' });
    const graphiql = (app: typeof t.app) => request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    // This app runs with NODE_ENV=test: the production surface.
    const testRes = await introspect(t.app);
    expect(testRes.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(testRes.body.data).toBeUndefined();
    expect((await graphiql(t.app)).text).not.toContain('graphiql');

    const production = await createApp({
      config: { ...t.config, nodeEnv: 'production', production: true, development: false, jwtSecret: 'p'.repeat(48) },
      logger: ['error'],
    });
    try {
      expect((await introspect(production)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await graphiql(production)).text).not.toContain('graphiql');
    } finally {
      await production.close();
    }

    const development = await createApp({
      config: { ...t.config, nodeEnv: 'development', production: false, development: true },
      logger: ['error'],
    });
    try {
      expect((await introspect(development)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const page = await graphiql(development);
      expect(page.status).toBe(200);
      expect(page.text.toLowerCase()).toContain('graphiql');
    } finally {
      await development.close();
    }
  });

  it('refuses to boot outside development and test with the development JWT secret', async () => {
    await expect(
      createApp({ config: { ...t.config, nodeEnv: null, production: true, development: false }, logger: false }),
    ).rejects.toThrow(/JWT_SECRET is the development secret while NODE_ENV is not set/);
  });

  it('answers the probes without a session: live, ready (PostgreSQL and Redis), and /health as readiness', async () => {
    const live = await request(t.app.getHttpServer()).get('/health/live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
    for (const route of ['/health/ready', '/health']) {
      const res = await request(t.app.getHttpServer()).get(route);
      expect([res.status, res.body, res.headers['cache-control']]).toEqual([
        200,
        { status: 'ok', database: 'ok', redis: 'ok' },
        'no-store',
      ]);
    }
  });
});
