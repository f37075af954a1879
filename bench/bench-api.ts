/**
 * What every benchmark needs from the API: start it in its own process (production mode, so that the
 * load generator and the server do not share an event loop), wait for /health, and send GraphQL.
 */
import { ChildProcess, spawn } from 'node:child_process';

import { Pool } from 'pg';

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

export async function postGraphql<T>(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLBody<T>> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLBody<T>;
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
