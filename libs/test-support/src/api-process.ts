import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

import type { TestApp } from './test-app';

const ROOT = path.join(__dirname, '..', '..', '..');

/** A port nothing listens on at the time of asking (the kernel's choice), for a process the test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real API process (apps/api/src/main.ts, with its signal handling), on the test's database and Redis
 * prefix, listening on `port` of 127.0.0.1. `env` adds to or overrides its environment (SHUTDOWN_…).
 */
export function spawnApi(t: TestApp, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: t.config.databaseUrl,
      APP_DATABASE_URL: t.config.appDatabaseUrl,
      WORKER_DATABASE_URL: t.config.workerDatabaseUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      JWT_SECRET: t.config.jwtSecret,
      WEBHOOK_SECRETS_KEY: t.config.webhookSecretsKey ?? '',
      // Parallel test files would fight over the default metrics port: on only where a test asks.
      METRICS_PORT: 'off',
      ...env,
    },
    stdio: 'ignore',
  });
}
