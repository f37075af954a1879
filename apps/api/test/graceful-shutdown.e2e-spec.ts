import { ChildProcess } from 'node:child_process';
import http from 'node:http';

import { exited, freePort, spawnApi, startTestApp, TestApp, waitUntil } from '@pilotis/test-support';

interface Answer {
  status: number;
  body: string;
}

/** One GET on a fresh connection: its answer, or the connection error's code (ECONNREFUSED…). */
function get(port: number, route: string): Promise<Answer | string> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: route, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/**
 * A GraphQL request whose body the test sends in two halves: between them, the request is in flight on the
 * server (its handler waits for the rest), for as long as the test wants — no delay decides anything.
 * `received` settles when the server has taken the request in: its headers carry `Expect: 100-continue`,
 * which Node's server answers as it hands the request to the application, before the body is sent.
 */
function slowRequest(port: number): { received: Promise<void>; finish: () => void; answer: Promise<Answer | string> } {
  const body = JSON.stringify({ query: '{ __typename }' });
  const half = Math.floor(body.length / 2);
  let request!: http.ClientRequest;
  let taken!: () => void;
  const received = new Promise<void>((resolve) => (taken = resolve));
  const answer = new Promise<Answer | string>((resolve) => {
    request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'apollo-require-preflight': 'true',
          expect: '100-continue',
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.on('continue', () => {
      request.write(body.slice(0, half));
      taken();
    });
    request.flushHeaders();
  });
  return { received, finish: () => request.end(body.slice(half)), answer };
}

const statusOf = async (port: number, route: string): Promise<number | string> => {
  const answer = await get(port, route);
  return typeof answer === 'string' ? answer : answer.status;
};

describe('the API process stopped by a signal (rolling restart, orchestrator stop)', () => {
  let t: TestApp;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterEach(async () => {
    if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    if (api) await exited(api);
    api = undefined;
  });

  afterAll(async () => {
    await t?.close();
  });

  const start = async (env: Record<string, string>): Promise<number> => {
    const port = await freePort();
    api = spawnApi(t, port, env);
    await waitUntil(async () => (await statusOf(port, '/health/ready')) === 200, 'the API to be ready');
    return port;
  };

  it('turns not-ready at once, keeps serving while it drains, then finishes the request in flight and exits 0', async () => {
    // A drain far longer than any test: only the second signal ends it.
    const port = await start({ SHUTDOWN_DRAIN_SECONDS: '600', SHUTDOWN_GRACE_SECONDS: '600' });
    expect(await get(port, '/health/ready')).toEqual({ status: 200, body: JSON.stringify({ status: 'ok', database: 'ok', redis: 'ok' }) });
    const inFlight = slowRequest(port);
    await inFlight.received;

    api!.kill('SIGTERM');
    // Draining: the load balancer's check sees 503 while the replica still answers everything else.
    await waitUntil(async () => (await statusOf(port, '/health/ready')) === 503, 'readiness to turn 503 after SIGTERM');
    expect(await get(port, '/health/ready')).toEqual({
      status: 503,
      body: JSON.stringify({ status: 'stopping', database: 'ok', redis: 'ok' }),
    });
    expect(await statusOf(port, '/health/live')).toBe(200);
    expect(api!.exitCode).toBeNull();

    // The second signal ends the drain: the process stops listening, the request in flight is kept.
    api!.kill('SIGTERM');
    await waitUntil(async () => (await statusOf(port, '/health/live')) === 'ECONNREFUSED', 'the listener to close');
    expect(api!.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer).toEqual({ status: 200, body: expect.stringContaining('"__typename":"Query"') });
    await exited(api!);
    expect(api!.exitCode).toBe(0);
  });

  it('cuts a request still in flight once the grace period is over, then closes its pools and exits 0', async () => {
    const port = await start({ SHUTDOWN_GRACE_SECONDS: '1' });
    const stuck = slowRequest(port);
    await stuck.received;
    api!.kill('SIGTERM');
    // The body never comes: past the grace the connection is cut rather than holding the stop for ever.
    expect(await stuck.answer).toBe('ECONNRESET');
    await exited(api!);
    // Exit code 0 is given only after `app.close()` resolved: the PostgreSQL pool and the queues closed.
    expect(api!.exitCode).toBe(0);
  });
});
