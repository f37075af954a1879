import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { TestApp } from './test-app';

const ROOT = path.join(__dirname, '..', '..', '..');

/**
 * The real worker process (apps/worker/src/main.ts), on the test's database, Redis prefix and SMTP server.
 * `env` adds to or overrides its environment (DIGEST_MAX_JOBS…).
 */
export function spawnWorker(t: TestApp, smtpPort: number, now: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      APP_DATABASE_URL: t.config.appDatabaseUrl,
      WORKER_DATABASE_URL: t.config.workerDatabaseUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      WORKER_HEALTH_PORT: '0',
      PILOTIS_NOW: now,
      WORKER_LOCK_MS: '2000',
      JOB_BACKOFF_MS: '100',
      OUTBOX_RELAY_MS: '200',
      // Pending digests are checked against their jobs a second after they were opened, not a minute.
      DIGEST_SWEEP_AFTER_SECONDS: '1',
      ...env,
    },
    stdio: 'ignore',
  });
}

export const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

