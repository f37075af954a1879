import '@pilotis/test-support/web-dist-fixture';

import request from 'supertest';

import { createApp } from '@pilotis/api-server';
import { startTestApp, TestApp } from '@pilotis/test-support';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The policy's directives, whatever the spacing around the semicolons. */
const directives = (policy: string | undefined): string[] => (policy ?? '').split(';').map((d) => d.trim());

/** The headers every response carries (helmet, registered in createApp). */
function expectSecurityHeaders(res: request.Response, what: string): void {
  expect([what, directives(res.headers['content-security-policy'])]).toEqual([what, directives(CSP)]);
  expect([what, res.headers['x-frame-options']]).toEqual([what, 'DENY']);
  expect([what, res.headers['x-content-type-options']]).toEqual([what, 'nosniff']);
  expect([what, res.headers['referrer-policy']]).toEqual([what, 'no-referrer']);
}

describe('security headers on every response', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    // Behind a trusted proxy (loopback here), so that X-Forwarded-Proto says whether the client used https.
    t = await startTestApp({ config: { trustedProxies: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } });
  });
  afterAll(() => t?.close());

  it('sends them on /graphql, the web app (index, client routes, assets), /health, errors and 404s', async () => {
    const responses: [string, request.Response][] = [
      ['POST /graphql', await http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' })],
      ['POST /graphql (error)', await http().post('/graphql').set('content-type', 'application/json').send({ query: '{ nope' })],
      ['GET /graphql (html)', await http().get('/graphql').set('accept', 'text/html')],
      ['GET /', await http().get('/')],
      ['GET /connexion', await http().get('/connexion')],
      ['GET /health', await http().get('/health')],
      ['GET /admin/queues/nope/nope (404)', await http().get('/admin/queues/nope/nope')],
      ['POST /nowhere (404)', await http().post('/nowhere')],
    ];
    const index = responses.find(([what]) => what === 'GET /')![1];
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(asset).toBeDefined();
    responses.push(['GET asset', await http().get(asset!)]);
    for (const [what, res] of responses) expectSecurityHeaders(res, what);
    expect(responses.find(([what]) => what === 'GET /health')![1].status).toBe(200);
  });

  it('sends HSTS only for requests that came over https', async () => {
    expect((await http().get('/health')).headers['strict-transport-security']).toBeUndefined();
    const https = await http().get('/health').set('x-forwarded-proto', 'https');
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('relaxes the policy for Bull Board only, and keeps frame-ancestors there', async () => {
    const board = await http().get('/admin/queues/');
    expect(board.status).toBe(401);
    expect(directives(board.headers['content-security-policy'])).toEqual(
      expect.arrayContaining(["style-src 'self' 'unsafe-inline'", "script-src 'self'", "base-uri 'self'", "frame-ancestors 'none'"]),
    );
    expect(board.headers['x-frame-options']).toBe('DENY');
  });

  it('relaxes it for GraphiQL in development only', async () => {
    const dev = await createApp({
      config: { ...t.config, nodeEnv: 'development', production: false, development: true },
      logger: ['error'],
    });
    try {
      const page = await request(dev.getHttpServer()).get('/graphql').set('accept', 'text/html');
      expect(directives(page.headers['content-security-policy'])).toEqual(
        expect.arrayContaining(["script-src 'self' 'unsafe-inline' https://unpkg.com", "frame-ancestors 'none'"]),
      );
      // POST /graphql keeps the strict policy, in development too.
      const post = await request(dev.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expectSecurityHeaders(post, 'POST /graphql (development)');
    } finally {
      await dev.close();
    }
  });
});
