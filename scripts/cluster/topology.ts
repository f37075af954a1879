/**
 * Several replicas on one machine, as in production behind a load balancer and a connection pooler:
 * PgBouncer (transaction pooling) in front of PostgreSQL, HAProxy (round robin, readiness checks) in front
 * of the API replicas, and workers. Used by `npm run cluster`, `npm run test:cluster` and
 * `npm run bench:cluster`. The configuration is `deploy/haproxy.cfg` and `deploy/pgbouncer.ini`, filled
 * for free local ports into `dir`. Everything listens on 127.0.0.1 only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, chmodSync, chownSync, closeSync, constants, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';

import { Pool } from 'pg';

import { createOwnerDataSource, ensureRolesAndDatabase } from '@pilotis/schema';
import { defaultWorkerDatabaseUrl, loadConfig, withDatabase } from '@pilotis/shared';

const ROOT = path.join(__dirname, '..', '..');

export interface ClusterOptions {
  /** Owner connection to the (migrated) database, direct to PostgreSQL. */
  ownerUrl: string;
  /** Runtime roles' connections, direct to PostgreSQL: their user, password and database are reused through PgBouncer. */
  appUrl: string;
  workerUrl: string;
  apiReplicas: number;
  workers: number;
  /** Where the filled configuration and the logs go (emptied of earlier files of the same names). */
  dir: string;
  /** Environment of every API and worker (NODE_ENV, JWT_SECRET, REDIS_PREFIX…), over the parent's. */
  env: Record<string, string>;
  /** Server connections per (database, role) in PgBouncer. */
  poolSize?: number;
  /** Also give each API replica a Prometheus port of its own (else METRICS_PORT=off). */
  metrics?: boolean;
}

export interface ApiReplica {
  port: number;
  metricsPort: number | null;
  child: ChildProcess;
}

export interface WorkerReplica {
  healthPort: number;
  child: ChildProcess;
}

export interface Cluster {
  haproxyPort: number;
  /** HAProxy's statistics page (`/stats`, `/stats;csv`). */
  statsPort: number;
  pgbouncerPort: number;
  /** The runtime roles' URLs through PgBouncer. */
  appUrl: string;
  workerUrl: string;
  apis: ApiReplica[];
  workers: WorkerReplica[];
  /** Starts a new worker (after one was killed), on a port of its own. */
  addWorker(): Promise<WorkerReplica>;
  /**
   * Replaces API replica `index` as a deployment does, on the same port (HAProxy's configuration names it):
   * SIGTERM to a running one and wait for its exit (readiness 503, drain, grace), then a new process, ready.
   */
  restartApi(index: number): Promise<void>;
  /** SIGTERM to everything, SIGKILL to what is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A port nothing listens on at the time of asking (the kernel's choice). */
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

/** `{{NAME}}` fields of a template replaced; a field left without a value is an error. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`template field {{${name}}} has no value`);
    return values[name];
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Polls `check` every 200 ms until it answers true, for at most `timeoutMs` (a boot of four node processes takes over a minute on a busy 2-core machine). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const ready = async (port: number): Promise<boolean> => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;

/** The binaries come from Debian's packages (scripts/cluster.sh installs them). */
function binary(name: string): string {
  for (const candidate of [`/usr/sbin/${name}`, `/usr/bin/${name}`]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  throw new Error(`${name} is not installed (npm run cluster installs it: apt-get install -y haproxy pgbouncer)`);
}

/** PgBouncer refuses to run as root: as root, both proxies drop to `nobody`, which must read their files. */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function writePrivate(file: string, text: string, mode = 0o600): void {
  writeFileSync(file, text, { mode });
  chmodSync(file, mode);
  if (asRoot) chownSync(file, NOBODY, NOBODY);
}

/** `postgres://user:pass@host:port/db` moved to another host and port (PgBouncer's). */
function through(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}

function logTo(dir: string, name: string): number {
  return openSync(path.join(dir, `${name}.log`), 'a');
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  mkdirSync(options.dir, { recursive: true, mode: 0o755 });
  chmodSync(options.dir, 0o755);
  const children: ChildProcess[] = [];
  const stop = async (graceMs = 15_000): Promise<void> => {
    const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of alive) child.kill('SIGTERM');
    const timer = setTimeout(() => alive.forEach((c) => c.kill('SIGKILL')), graceMs);
    await Promise.all(alive.map(exited));
    clearTimeout(timer);
  };
  try {
    // ---------------------------------------------------------------- PgBouncer
    const pgbouncerPort = await freePort();
    const pg = new URL(options.ownerUrl);
    const users = [new URL(options.appUrl), new URL(options.workerUrl)];
    const authFile = path.join(options.dir, 'userlist.txt');
    // The runtime roles only: the owner (migrations) connects directly, never through the pooler.
    const quote = (s: string) => `"${decodeURIComponent(s).replace(/"/g, '""')}"`;
    writePrivate(authFile, users.map((u) => `${quote(u.username)} ${quote(u.password)}\n`).join(''));
    const ini = path.join(options.dir, 'pgbouncer.ini');
    writePrivate(
      ini,
      fillTemplate(readFileSync(path.join(ROOT, 'deploy', 'pgbouncer.ini'), 'utf8'), {
        PG_HOST: pg.hostname,
        PG_PORT: pg.port || '5432',
        PGBOUNCER_PORT: String(pgbouncerPort),
        POOL_SIZE: String(options.poolSize ?? 10),
        AUTH_FILE: authFile,
      }),
    );
    const pgbouncerLog = logTo(options.dir, 'pgbouncer');
    const pgbouncer = spawn(binary('pgbouncer'), [...(asRoot ? ['-u', 'nobody'] : []), ini], {
      stdio: ['ignore', pgbouncerLog, pgbouncerLog],
    });
    closeSync(pgbouncerLog);
    children.push(pgbouncer);
    await waitFor('PgBouncer', () => accepts(pgbouncerPort), 20_000);
    const appUrl = through(options.appUrl, pgbouncerPort);
    const workerUrl = through(options.workerUrl, pgbouncerPort);

    // ---------------------------------------------------------------- API replicas and workers
    const common = {
      ...process.env,
      DATABASE_URL: options.ownerUrl,
      APP_DATABASE_URL: appUrl,
      WORKER_DATABASE_URL: workerUrl,
      HOST: '127.0.0.1',
      // HAProxy tells the client's address in X-Forwarded-For: the API believes it from the balancer only.
      TRUSTED_PROXIES: '127.0.0.1',
      // Readiness says 503 for this long before a replica stops listening: longer than HAProxy's
      // fall 3 × inter 1 s, so that it is out of the rotation first.
      SHUTDOWN_DRAIN_SECONDS: '5',
      ...options.env,
    };
    const apis: ApiReplica[] = [];
    let apiStarts = 0;
    const spawnApi = (port: number, metricsPort: number | null): ChildProcess => {
      const log = logTo(options.dir, `api-${++apiStarts}`);
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
        cwd: ROOT,
        env: { ...common, PORT: String(port), METRICS_PORT: metricsPort === null ? 'off' : String(metricsPort) },
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      children.push(child);
      return child;
    };
    for (let i = 0; i < options.apiReplicas; i++) {
      const port = await freePort();
      const metricsPort = options.metrics ? await freePort() : null;
      apis.push({ port, metricsPort, child: spawnApi(port, metricsPort) });
    }
    const restartApi = async (index: number): Promise<void> => {
      const api = apis[index];
      if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGTERM');
        await exited(api.child);
      }
      api.child = spawnApi(api.port, api.metricsPort);
      await waitFor(`API replica ${index + 1} restarted (see ${options.dir}/api-${apiStarts}.log)`, async () => {
        if (api.child.exitCode !== null) throw new Error(`API replica ${index + 1} exited with ${api.child.exitCode}`);
        return ready(api.port);
      });
    };
    let workerCount = 0;
    const addWorker = async (): Promise<WorkerReplica> => {
      const healthPort = await freePort();
      const log = logTo(options.dir, `worker-${++workerCount}`);
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: { ...common, WORKER_HEALTH_PORT: String(healthPort) },
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      children.push(child);
      await waitFor(`worker ${workerCount} (see ${options.dir}/worker-${workerCount}.log)`, async () => {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
        return (await fetch(`http://127.0.0.1:${healthPort}/health`)).ok;
      });
      return { healthPort, child };
    };
    const workers: WorkerReplica[] = [];
    const workersUp = (async () => {
      for (let i = 0; i < options.workers; i++) workers.push(await addWorker());
    })();
    for (const [i, api] of apis.entries()) {
      await waitFor(`API replica ${i + 1} (see ${options.dir}/api-${i + 1}.log)`, async () => {
        if (api.child.exitCode !== null) throw new Error(`API replica ${i + 1} exited with ${api.child.exitCode}`);
        return ready(api.port);
      });
    }
    await workersUp;

    // ---------------------------------------------------------------- HAProxy
    const haproxyPort = await freePort();
    const statsPort = await freePort();
    const cfg = path.join(options.dir, 'haproxy.cfg');
    writePrivate(
      cfg,
      fillTemplate(readFileSync(path.join(ROOT, 'deploy', 'haproxy.cfg'), 'utf8'), {
        HAPROXY_PORT: String(haproxyPort),
        STATS_PORT: String(statsPort),
        GLOBAL_EXTRA: asRoot ? '    user nobody\n    group nogroup' : '',
        SERVERS: apis.map((a, i) => `    server api${i + 1} 127.0.0.1:${a.port}`).join('\n'),
      }),
      0o644,
    );
    const haproxyLog = logTo(options.dir, 'haproxy');
    // -db: in the foreground, so that it stops with us.
    const haproxy = spawn(binary('haproxy'), ['-db', '-f', cfg], { stdio: ['ignore', haproxyLog, haproxyLog] });
    closeSync(haproxyLog);
    children.push(haproxy);
    await waitFor('HAProxy', () => ready(haproxyPort), 20_000);

    return { haproxyPort, statsPort, pgbouncerPort, appUrl, workerUrl, apis, workers, addWorker, restartApi, stop };
  } catch (error) {
    await stop(5000);
    throw error;
  }
}

/**
 * A database of its own for a test or a benchmark, dropped and migrated anew with the owner's direct
 * connection, with the runtime roles (the API's and the worker's development roles).
 */
export async function freshDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string; workerUrl: string }> {
  const config = loadConfig();
  const ownerUrl = withDatabase(config.databaseUrl, name);
  const appUrl = withDatabase(config.appDatabaseUrl, name);
  const workerUrl = withDatabase(defaultWorkerDatabaseUrl(config.appDatabaseUrl), name);
  const admin = new Pool({ connectionString: config.databaseUrl, max: 1 });
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await ensureRolesAndDatabase(ownerUrl, appUrl, workerUrl);
  const ds = createOwnerDataSource(ownerUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  return { ownerUrl, appUrl, workerUrl };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new Pool({ connectionString: loadConfig().databaseUrl, max: 1 });
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** The backend's counters from HAProxy's CSV statistics: retries, redispatches, connection and response errors. */
export async function balancerCounters(
  statsPort: number,
): Promise<{ retries: number; redispatches: number; connectionErrors: number; responseErrors: number }> {
  const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const [header, ...rows] = csv.trim().split('\n');
  const names = header.replace(/^# /, '').split(',');
  const backend = rows.map((r) => r.split(',')).find((r) => r[0] === 'api_replicas' && r[1] === 'BACKEND');
  const field = (name: string) => Number(backend?.[names.indexOf(name)] || 0);
  return { retries: field('wretr'), redispatches: field('wredis'), connectionErrors: field('econ'), responseErrors: field('eresp') };
}
