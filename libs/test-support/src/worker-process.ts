import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
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
      // The API of the test seals webhook secrets with this key (testConfig): the worker opens them with it.
      WEBHOOK_SECRETS_KEY: t.config.webhookSecretsKey ?? '',
      WEBHOOK_SECRETS_PREVIOUS_KEYS: t.config.webhookSecretsPreviousKeys.join(','),
      ...env,
    },
    stdio: 'ignore',
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * How many established TCP connections the process `pid` holds to `port` (Linux: its socket descriptors
 * matched against the kernel's connection tables). A worker asked to stop first drops the connections on
 * which it waits for new jobs, then finishes the jobs in flight: the drop tells a test that the stop request
 * has been taken in, without guessing how long that takes.
 */
export function connectionsTo(pid: number, port: number): number {
  return socketsTo(pid, port).length;
}

/**
 * The local ports of the established TCP connections the process `pid` holds to `port`: which of a
 * server's clients are that process (the test SMTP server records each message's `clientPort`).
 */
export function localPortsTo(pid: number, port: number): Set<number> {
  return new Set(socketsTo(pid, port));
}

/** The local port of each socket descriptor of `pid` connected (ESTABLISHED) to `port`. */
function socketsTo(pid: number, port: number): number[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const localPorts = new Map<string, number>();
  for (const table of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue; // no IPv6 table, or the process is gone
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address rem_address st … inode; 01 is ESTABLISHED.
      if (fields.length > 9 && fields[2].endsWith(`:${hexPort}`) && fields[3] === '01')
        localPorts.set(fields[9], parseInt(fields[1].split(':').pop() as string, 16));
    }
  }
  const found: number[] = [];
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return found;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      const localPort = match ? localPorts.get(match[1]) : undefined;
      if (localPort !== undefined) found.push(localPort);
    } catch {
      // closed meanwhile
    }
  }
  return found;
}
