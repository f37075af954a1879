/**
 * What every benchmark needs from the API: start it in its own process (production mode, so that the
 * load generator and the server do not share an event loop), wait for /health, and send GraphQL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';

import { Pool, PoolClient } from 'pg';

import { createOwnerDataSource, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';

export interface GraphQLBody<T> {
  data?: T;
  errors?: unknown[];
}

export function startApi(ownerUrl: string, appUrl: string, port: number): Promise<ChildProcess> {
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API while a benchmark loads it.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      AUDIT_CHECKPOINT_KEY: 'bench-checkpoint-key-bench-checkpoint-key-01',
      WEBHOOK_SECRETS_KEY: 'bench-webhook-secrets-key-bench-webhook-key-01',
      DATABASE_URL: ownerUrl,
      APP_DATABASE_URL: appUrl,
      PORT: String(port),
      REDIS_PREFIX: 'pilotis-bench',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async (): Promise<void> => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) return resolve(child);
      } catch {
        // not up yet
      }
      if (Date.now() - started > 60_000) return reject(new Error('API did not start'));
      setTimeout(() => void poll(), 300);
    };
    void poll();
  });
}

/**
 * A GraphQL request as a script sends it: plain `node:http`, not `fetch`, whose browser-like
 * `Sec-Fetch-Mode` header makes the API treat the caller as a browser (refresh tokens stay in cookies, and
 * `login` answers BROWSER_MUST_USE_SESSION).
 */
export function postGraphql<T>(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLBody<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLBody<T>);
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A benchmark's own database, dropped and migrated anew: the owner's URL (seeding) and the runtime role's
 * (what the API and the raw baselines use).
 */
export async function freshBenchDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string }> {
  const config = loadConfig();
  const ownerUrl = withDatabase(config.databaseUrl, name);
  const appUrl = withDatabase(config.appDatabaseUrl, name);
  const admin = new Pool({ connectionString: config.databaseUrl });
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await ensureRolesAndDatabase(ownerUrl, appUrl);
  const ds = createOwnerDataSource(ownerUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  return { ownerUrl, appUrl };
}

/** Throughput and latency of a scenario, as every benchmark prints them. */
export interface RawFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * The raw-SQL baseline of a benchmark: `work` in a loop on `connections` clients for `seconds`, each time
 * in the API's tenant-transaction pattern (BEGIN; set_config of the user; the membership lookup that sets
 * the tenant of `siren`; the work; COMMIT). `work` answers false for a wrong result (counted as an error).
 */
export async function rawTenantLoop(options: {
  appUrl: string;
  userId: string;
  siren: string;
  connections: number;
  seconds: number;
  work: (client: PoolClient, tenantId: string) => Promise<boolean>;
}): Promise<RawFigures> {
  const pool = new Pool({ connectionString: options.appUrl, max: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const loop = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.user_id', $1, true), set_config('app.tenant_id', '', true)`, [options.userId]);
        const { rows } = await client.query(
          `select m.tenant_id, set_config('app.tenant_id', m.tenant_id::text, true)
             from memberships m join tenants t on t.id = m.tenant_id join users u on u.id = m.user_id and u.disabled_at is null
            where t.siren = $1 and m.user_id = $2 and m.revoked_at is null`,
          [options.siren, options.userId],
        );
        if (!(await options.work(client, rows[0].tenant_id as string))) errors++;
        await client.query('commit');
      } catch (error) {
        if (errors++ === 0) console.error((error as Error).message);
        await client.query('rollback').catch(() => undefined);
      } finally {
        client.release();
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { rps: latencies.length / options.seconds, p50: pct(50), p99: pct(99), errors };
}
