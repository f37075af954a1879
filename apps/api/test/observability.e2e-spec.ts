import { ChildProcess } from 'node:child_process';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';

import pino from 'pino';
import request from 'supertest';

import { maskSecrets, pinoOptions } from '@pilotis/shared';
import {
  createTenant,
  exited,
  freePort,
  gql,
  login,
  ok,
  SIREN,
  spawnApi,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  TestTenant,
  waitUntil,
} from '@pilotis/test-support';

/** Every JSON line written to a stream, parsed. */
function capture(): { stream: PassThrough; lines: () => Record<string, any>[]; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}

const CREATE = `mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;

describe('observability: JSON logs and Prometheus metrics', () => {
  const log = capture();
  let t: TestApp;
  let rennes: TestTenant;

  beforeAll(async () => {
    t = await startTestApp({ logStream: log.stream });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
  });
  afterAll(async () => t?.close());

  /** The request line of the response that carried this request id. */
  const lineOf = (requestId: string) => log.lines().find((line) => line.req?.id === requestId && line.responseTime !== undefined);

  it('writes one JSON line per request: request id, territory, user, operation, outcome and duration', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${rennes.admin.token}`)
      .set('x-tenant', rennes.siren)
      .set('x-request-id', 'lb-abcdef123456')
      .send({ query: 'query Contracts { contrats { id } }' });
    expect(res.status).toBe(200);
    // The load balancer's id is kept and sent back, so that its log and ours can be joined.
    expect(res.headers['x-request-id']).toBe('lb-abcdef123456');
    await waitUntil(() => lineOf('lb-abcdef123456') !== undefined, 'the request line');
    const line = lineOf('lb-abcdef123456')!;
    expect(line).toMatchObject({
      level: 'info',
      service: 'api',
      tenant: rennes.siren,
      userId: rennes.admin.id,
      operation: 'Contracts',
      operationType: 'query',
      outcome: 'ok',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(typeof line.responseTime).toBe('number');
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('names the error codes of a refused operation, and makes a request id when none is given', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${rennes.admin.token}`)
      .set('x-tenant', rennes.siren)
      .send({ query: CREATE, variables: { input: { kind: 'ASSOCIATION', name: 'Sans SIRET valide', siret: '12345678901234' } } });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitUntil(() => lineOf(id) !== undefined, 'the request line');
    expect(lineOf(id)).toMatchObject({ operation: 'CreatePartner', operationType: 'mutation', outcome: 'BAD_USER_INPUT' });
  });

  it('warns once when X-Forwarded-For comes from a peer outside TRUSTED_PROXIES (limits would count the proxy)', async () => {
    expect(t.config.trustedProxies).toEqual([]);
    for (let i = 0; i < 2; i++) {
      await request(t.app.getHttpServer()).get('/health/live').set('x-forwarded-for', '203.0.113.7').expect(200);
    }
    const warnings = () => log.lines().filter((line) => line.level === 'warn' && String(line.msg).includes('TRUSTED_PROXIES'));
    await waitUntil(() => warnings().length > 0, 'the warning');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0].msg).toContain('not in TRUSTED_PROXIES');
  });

  it('keeps passwords, tokens and e-mail addresses out of the log', async () => {
    const email = rennes.admin.email;
    const token = await login(t.app, email);
    // A sign-in carries the password and the e-mail in its variables; the answer carries a token.
    const answer = await gql(t.app, 'mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password: TEST_PASSWORD },
    });
    const issued = (ok(answer) as { login: { accessToken: string } }).login.accessToken;
    // A failed sign-in with the e-mail in the client's query text itself.
    await gql(t.app, `mutation { login(input: { email: "${email}", password: "wrong-${TEST_PASSWORD}" }) { accessToken } }`);
    await request(t.app.getHttpServer())
      .get('/graphql?query=%7B__typename%7D&token=secret-in-the-query')
      .set('authorization', `Bearer ${token}`)
      .set('cookie', 'pilotis_refresh=very-secret-cookie')
      .set('apollo-require-preflight', 'true');
    await waitUntil(() => log.lines().filter((line) => line.operation === 'SignIn').length > 0, 'the sign-in line');
    const text = log.text();
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(token);
    expect(text).not.toContain(issued);
    expect(text).not.toContain(email);
    expect(text).not.toContain('very-secret-cookie');
    expect(text).not.toContain('secret-in-the-query');
    // The lines are there all the same: the masking hides values, not events.
    expect(log.lines().some((line) => line.req?.path === '/graphql' && line.req?.method === 'GET')).toBe(true);
  });

  it('masks the paths named by LOG_REDACT and secrets inside messages (the same options as the processes)', () => {
    const out = capture();
    const logger = pino(pinoOptions({ level: 'info', redact: ['*.iban', 'payload.telephone'] }, 'worker'), out.stream);
    logger.info(
      { payload: { iban: 'FR7630006000011234567890189', telephone: '0601020304', password: 'hunter2', montant: 1200 } },
      'envoi à marie.dupont@example.fr avec Bearer abc.def.ghi',
    );
    const [line] = out.lines();
    expect(line.payload).toEqual({ iban: '[redacted]', telephone: '[redacted]', password: '[redacted]', montant: 1200 });
    expect(line.msg).toBe('envoi à [email redacted] avec Bearer [redacted]');
    expect(line.service).toBe('worker');
    expect(maskSecrets('lien https://x/invitation#0b7d4c1e-8f8a-4f4e-9a3b-2c7b1f0e9d11.AbCdEfGhIjKlMnOpQrStUvWx')).toBe(
      'lien https://x/invitation#[token redacted]',
    );
  });
});

describe('the API process serves Prometheus metrics on a port of its own', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let api: ChildProcess | undefined;
  let port: number;
  let metricsPort: number;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    [port, metricsPort] = [await freePort(), await freePort()];
    api = spawnApi(t, port, { METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' });
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
      'the API process',
    );
  });
  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exited(api);
    }
    await t?.close();
  });

  const graphql = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rennes.admin.token}`, 'x-tenant': rennes.siren },
      body: JSON.stringify({ query, variables }),
    }).then((res) => res.json() as Promise<any>);

  it('counts operations by name, errors by code, routes, the pool and the queues', async () => {
    expect((await graphql('query MyProfile { me { email } }')).data.me.email).toBe(rennes.admin.email);
    const refused = await graphql(CREATE, { input: { kind: 'ASSOCIATION', name: 'X', siret: '12345678901234' } });
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const sample = (pattern: RegExp) => text.split('\n').find((line) => pattern.test(line));

    expect(sample(/^pilotis_graphql_operation_duration_seconds_count\{operation="MyProfile",type="query",outcome="ok"\} 1$/)).toBeDefined();
    expect(
      sample(/^pilotis_graphql_operation_duration_seconds_count\{operation="CreatePartner",type="mutation",outcome="error"\} 1$/),
    ).toBeDefined();
    expect(sample(/^pilotis_graphql_errors_total\{code="BAD_USER_INPUT",operation="CreatePartner"\} 1$/)).toBeDefined();
    expect(sample(/^pilotis_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [2-9]/)).toBeDefined();
    expect(sample(/^pilotis_http_request_duration_seconds_count\{method="GET",route="\/health\/ready",status="200"\} \d+/)).toBeDefined();
    expect(sample(/^pilotis_db_pool_connections\{pool="main",state="total"\} [1-9]/)).toBeDefined();
    expect(sample(/^pilotis_db_pool_connections\{pool="main",state="waiting"\} 0$/)).toBeDefined();
    expect(sample(/^pilotis_db_pool_acquire_seconds_count [1-9]/)).toBeDefined();
    expect(sample(/^pilotis_queue_jobs\{queue="[a-z-]+",state="failed"\} \d+$/)).toBeDefined();
    expect(sample(/^pilotis_process_resident_memory_bytes \d+/)).toBeDefined();
  });

  it('is not served on the public port', async () => {
    // Not found, or the web application's page when it is built (its routes answer every other GET): never the figures.
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect([404, 200]).toContain(res.status);
    expect(res.headers.get('content-type')).not.toContain('text/plain');
    expect(await res.text()).not.toMatch(/pilotis_|# HELP|# TYPE/);
  });
});

describe('OpenTelemetry tracing, switched on by environment variables', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let api: ChildProcess | undefined;
  let port: number;
  let collector: Server;
  const bodies: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    // An OTLP/HTTP receiver in this process: it keeps what the API exports.
    collector = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces') bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    port = await freePort();
    api = spawnApi(t, port, {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
      'the API process',
    );
  });
  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exited(api);
    }
    await new Promise<void>((resolve) => collector?.close(() => resolve()));
    await t?.close();
  });

  interface Span {
    traceId: string;
    spanId: string;
    parentSpanId?: string;
    name: string;
    attributes: { key: string; value: { stringValue?: string } }[];
  }
  const spans = (): Span[] =>
    bodies.flatMap(
      (body) =>
        (JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] }).resourceSpans.flatMap((r) =>
          r.scopeSpans.flatMap((s) => s.spans),
        ) ?? [],
    );

  it('exports one trace per request: the HTTP span, the GraphQL operation and its SQL, without literal values', async () => {
    // Through supertest, not fetch: a browser-like client (Sec-Fetch-*) must sign in through /auth/login.
    const answer = (
      await request(`http://127.0.0.1:${port}`)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({
          query: `mutation TracedSignIn { login(input: { email: "${rennes.admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`,
        })
    ).body as { data: { login: { accessToken: string } } };
    expect(answer).toEqual({ data: { login: { accessToken: expect.any(String) } } });

    const server = () =>
      spans().find((span) => span.attributes.some((a) => a.key === 'http.route' || a.key === 'url.path') && /POST/.test(span.name));
    await waitUntil(() => {
      const root = server();
      return root !== undefined && spans().some((span) => span.traceId === root.traceId && span.name.startsWith('pg'));
    }, 'the exported trace');
    const root = server()!;
    const trace = spans().filter((span) => span.traceId === root.traceId);
    expect(trace.some((span) => /graphql|TracedSignIn/i.test(span.name))).toBe(true);
    expect(trace.filter((span) => span.name.startsWith('pg')).length).toBeGreaterThan(0);
    // Spans are no side door around the log's masking: no password, no e-mail, no token.
    const exported = bodies.join('\n');
    // (Booleans: on failure, the exported text would drown the report.)
    expect({ password: exported.includes(TEST_PASSWORD), email: exported.includes(rennes.admin.email) }).toEqual({
      password: false,
      email: false,
    });
    expect(exported.includes(answer.data.login.accessToken)).toBe(false);
  });

  it('leaves probes untraced', async () => {
    await fetch(`http://127.0.0.1:${port}/health/live`);
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: 'query AfterProbe { __typename }' }),
    });
    await waitUntil(
      () => spans().some((span) => span.attributes.some((a) => a.value.stringValue === 'AfterProbe') || /AfterProbe/.test(span.name)),
      'the next trace',
    );
    expect(spans().some((span) => span.attributes.some((a) => /\/health/.test(a.value.stringValue ?? '')))).toBe(false);
  });
});
