import request from 'supertest';
import { codeOf, gql } from './support/graphql';
import { startTestApp, TestApp } from './support/test-app';
import { createTenant, SIREN, TestTenant } from './support/fixtures';
import { createApp } from '../src/app.factory';

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
    // Depth and cost are checked on a schema with recursion in apps/api/src/graphql/armor.spec.ts.
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

  it('turns introspection and GraphiQL off in production', async () => {
    const app = await createApp({ config: { ...t.config, production: true, nodeEnv: 'production' }, logger: ['error'] });
    try {
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __schema { queryType { name } } }' });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.data).toBeUndefined();
    } finally {
      await app.close();
    }
    const dev = await gql(t.app, '{ __schema { queryType { name } } }');
    expect(dev.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('answers the health check', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });
});
