/**
 * Configuration from the environment, with defaults that work on a developer machine where PostgreSQL
 * (trust auth) and Redis listen on their default local ports. Documented in the README.
 */
export interface PilotisConfig {
  /** NODE_ENV as given, or null when it is not set. */
  nodeEnv: string | null;
  /**
   * True unless NODE_ENV is explicitly `development` or `test`: a server started without NODE_ENV gets the
   * production safeguards (strong JWT secret, Secure cookies) rather than silently running as a dev box.
   */
  production: boolean;
  /** NODE_ENV is explicitly `development`: introspection and GraphiQL (never in test or production). */
  development: boolean;
  /** Owner connection: migrations, database set-up, platform commands. */
  databaseUrl: string;
  /** Runtime connection of the API (and of the worker by default): the `pilotis_app` role, which owns nothing and is under RLS. */
  appDatabaseUrl: string;
  /**
   * WORKER_DATABASE_URL: the worker's connection, a login role of its own (member of `pilotis_worker`,
   * created by `npm run db:setup`); by default APP_DATABASE_URL with the development role
   * `pilotis_worker_app`. The worker holds only the grants its jobs need: it reads tenant data, writes
   * deadlines, notifications, digests, report states, webhook deliveries, outbox events and audit
   * checkpoints, and alone may call the worker's SECURITY DEFINER functions (migration 1764770000000).
   */
  workerDatabaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key (BullMQ queues, rate limits), so that test runs do not collide. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a session, however often its refresh token is rotated. */
  sessionMaxAgeSeconds: number;
  port: number;
  workerHealthPort: number;
  dbPoolSize: number;
  /** Public address of the web application, for links in e-mails. */
  appUrl: string;
  /**
   * The QPV map's optional background (MAP_TILE_URL, MAP_TILE_ATTRIBUTION): an https tile address with
   * {z}, {x} and {y}, and the credit its provider requires. Unset: the map draws the outlines alone, and the
   * CSP's img-src stays 'self'; set: its origin is added to img-src, and nothing else.
   */
  map: { tileUrl: string | null; tileAttribution: string | null };
  /** Outgoing mail (nodemailer). With no SMTP_HOST the demo starts a local capture server (README). */
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string };
  /** Where generated reports are written (one folder per tenant). */
  reportsDir: string;
  /**
   * Reports (README « Intégrité ») — the worker: generations at once per worker process, and at once per
   * territory across every worker process; the API: requests queued or running per person and per
   * territory, requests per person per hour; how long a generated file is kept before it is deleted.
   */
  reportConcurrency: number;
  reportConcurrencyPerTenant: number;
  reportMaxPendingPerUser: number;
  reportMaxPendingPerTenant: number;
  reportMaxPerUserPerHour: number;
  reportRetentionDays: number;
  /**
   * Webhook deliveries (README « Intégrité »): the total deadline of one attempt (connection to last byte),
   * how much of an answer is read (only its status matters), deliveries at once per worker process, and at
   * once per territory across every worker process.
   */
  webhookDeadlineMs: number;
  webhookMaxResponseBytes: number;
  webhookConcurrency: number;
  webhookConcurrencyPerTenant: number;
  /**
   * Addresses (IPs or CIDRs) of the reverse proxies allowed to tell the client's address in
   * `X-Forwarded-For`; empty: the header is ignored and the client is the socket's peer (anyone could
   * otherwise write any address there and dodge the per-address sign-in limit).
   */
  trustedProxies: string[];
  /** A fixed "now" for a process started by a test (ISO instant), else null: the system clock. */
  fixedNow: Date | null;
  /**
   * AUDIT_CHECKPOINT_KEY: the secret that signs (HMAC-SHA256) the audit chain's checkpoints, held by the
   * API and the worker and never stored in the database. Outside development and tests it must be set
   * (`assertSafeServerConfig`); unset there, it is null and checkpoints are neither signed nor checked.
   */
  auditCheckpointKey: string | null;
  /** How often the worker signs each tenant's chain head (AUDIT_CHECKPOINT_EVERY_MS, default one hour). */
  auditCheckpointEveryMs: number;
  /**
   * WEBHOOK_SECRETS_KEY: the key that seals the webhook subscriptions' secrets at rest (AES-256-GCM,
   * `webhook-secrets.ts`), held by the API (which seals a new secret) and the worker (which opens it to
   * sign), never stored in the database. Outside development and tests it must be set
   * (`assertSafeServerConfig`); unset there, it is null and no secret can be sealed or opened.
   */
  webhookSecretsKey: string | null;
  /**
   * WEBHOOK_SECRETS_PREVIOUS_KEYS: former keys, comma-separated, still tried to open a secret after a
   * rotation, until `npm run webhook:rekey` has sealed every secret again under the current key.
   */
  webhookSecretsPreviousKeys: string[];
  /** Documents attached to dossiers, conventions and bilans (README « Documents »). */
  documents: DocumentsConfig;
  /** The least severe level logged (LOG_LEVEL: fatal, error, warn, info, debug, trace or silent; default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Further paths of logged objects to mask (LOG_REDACT, comma-separated, pino's syntax). */
  logRedact: string[];
  /** How the API stops on SIGTERM (README « Arrêt en douceur »). */
  shutdown: ShutdownConfig;
  /**
   * The API's Prometheus endpoint: METRICS_PORT (default 9464; `off` for none) on METRICS_HOST (default
   * 127.0.0.1). The worker serves its metrics beside its health endpoint.
   */
  metrics: { port: number | null; host: string };
}

/**
 * On SIGTERM the API first says it is not ready (`/health/ready` 503) and keeps serving for `drainSeconds`,
 * so that a load balancer checking readiness takes it out of rotation before it stops listening; then it
 * stops accepting connections and gives the requests in flight `graceSeconds` to finish, then closes its
 * pools. A second signal skips what is left of the drain.
 */
export interface ShutdownConfig {
  drainSeconds: number;
  graceSeconds: number;
}

/**
 * Where the files of documents are kept and what is accepted. DOCUMENTS_STORAGE picks the store:
 * `filesystem` (default: one folder, DOCUMENTS_DIR) or `s3` (any S3-compatible service: DOCUMENTS_S3_*).
 * DOCUMENTS_MAX_BYTES bounds one file (default 10 MiB).
 */
export interface DocumentsConfig {
  maxBytes: number;
  /** Files one person may upload in an hour, in a territory (DOCUMENTS_UPLOADS_PER_HOUR, default 60). */
  uploadsPerHour: number;
  storage: 'filesystem' | 's3';
  dir: string;
  s3: DocumentsS3Config;
  /**
   * The ClamAV daemon every uploaded file is sent to before it is stored (DOCUMENTS_CLAMD, `host:port`);
   * null: files are not scanned. When set, an unreachable daemon refuses the upload (fail closed).
   */
  clamd: { host: string; port: number; timeoutMs: number } | null;
}

export interface DocumentsS3Config {
  /** The service's address (MinIO, Garage, Scaleway, OVHcloud…); null: AWS's own, from the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Null: the SDK's default chain (environment, instance role…). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** `bucket` in the path rather than the host name: what most S3-compatible services need. */
  forcePathStyle: boolean;
  /** Prefix of every key in the bucket (a bucket shared with other data). */
  prefix: string;
}

export const DEV_JWT_SECRET = 'pilotis-dev-secret-change-me-in-production-0123456789';
export const MIN_JWT_SECRET_LENGTH = 32;
/** The development key of audit checkpoints: published here, so refused outside development and tests. */
export const DEV_AUDIT_CHECKPOINT_KEY = 'pilotis-dev-audit-checkpoint-key-change-me-0123456789';
export const MIN_AUDIT_CHECKPOINT_KEY_LENGTH = 32;
/** The development key of webhook secrets: published here, so refused outside development and tests. */
export const DEV_WEBHOOK_SECRETS_KEY = 'pilotis-dev-webhook-secrets-key-change-me-0123456789';
export const MIN_WEBHOOK_SECRETS_KEY_LENGTH = 32;

/** The NODE_ENV values under which a server may run with development defaults. */
const NON_PRODUCTION_ENVS = ['development', 'test'];

/**
 * Reads the environment. It refuses nothing: command-line scripts that only need the database (migrations,
 * set-up, tenant commands) run without NODE_ENV or JWT_SECRET. The servers call `assertSafeServerConfig`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PilotisConfig {
  const nodeEnv = env.NODE_ENV ? env.NODE_ENV : null;
  return {
    nodeEnv,
    production: !NON_PRODUCTION_ENVS.includes(nodeEnv ?? ''),
    development: nodeEnv === 'development',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pilotis',
    appDatabaseUrl: env.APP_DATABASE_URL ?? 'postgres://pilotis_app:pilotis_app@127.0.0.1:5432/pilotis',
    workerDatabaseUrl:
      env.WORKER_DATABASE_URL ??
      defaultWorkerDatabaseUrl(env.APP_DATABASE_URL ?? 'postgres://pilotis_app:pilotis_app@127.0.0.1:5432/pilotis'),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: redisHashTag(env.REDIS_PREFIX ?? 'pilotis'),
    jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
    accessTokenTtlSeconds: Number(env.ACCESS_TOKEN_TTL_SECONDS ?? 900),
    refreshTokenTtlSeconds: Number(env.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600),
    sessionMaxAgeSeconds: Number(env.SESSION_MAX_AGE_SECONDS ?? 30 * 24 * 3600),
    port: Number(env.PORT ?? 3000),
    workerHealthPort: Number(env.WORKER_HEALTH_PORT ?? 3001),
    dbPoolSize: Number(env.DB_POOL_SIZE ?? 10),
    // The API serves the web application itself (same origin), so its links default to the API's address.
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
    map: mapConfig(env),
    smtp: {
      host: env.SMTP_HOST ?? '127.0.0.1',
      port: Number(env.SMTP_PORT ?? 1025),
      secure: env.SMTP_SECURE === 'true',
      user: env.SMTP_USER ?? null,
      password: env.SMTP_PASSWORD ?? null,
      from: env.MAIL_FROM ?? 'pilotis@localhost',
    },
    reportsDir: env.REPORTS_DIR ?? 'var/reports',
    reportConcurrency: wholeNumber(env, 'REPORT_CONCURRENCY', 2),
    reportConcurrencyPerTenant: wholeNumber(env, 'REPORT_CONCURRENCY_PER_TENANT', 1),
    reportMaxPendingPerUser: wholeNumber(env, 'REPORT_MAX_PENDING_PER_USER', 3),
    reportMaxPendingPerTenant: wholeNumber(env, 'REPORT_MAX_PENDING_PER_TENANT', 10),
    reportMaxPerUserPerHour: wholeNumber(env, 'REPORT_MAX_PER_USER_PER_HOUR', 20),
    reportRetentionDays: wholeNumber(env, 'REPORT_RETENTION_DAYS', 30),
    webhookDeadlineMs: wholeNumber(env, 'WEBHOOK_DEADLINE_MS', 10_000),
    webhookMaxResponseBytes: wholeNumber(env, 'WEBHOOK_MAX_RESPONSE_BYTES', 64 * 1024),
    webhookConcurrency: wholeNumber(env, 'WEBHOOK_CONCURRENCY', 8),
    webhookConcurrencyPerTenant: wholeNumber(env, 'WEBHOOK_CONCURRENCY_PER_TENANT', 2),
    trustedProxies: (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    fixedNow: env.PILOTIS_NOW ? new Date(env.PILOTIS_NOW) : null,
    auditCheckpointKey: env.AUDIT_CHECKPOINT_KEY || (NON_PRODUCTION_ENVS.includes(nodeEnv ?? '') ? DEV_AUDIT_CHECKPOINT_KEY : null),
    auditCheckpointEveryMs: Number(env.AUDIT_CHECKPOINT_EVERY_MS ?? 3_600_000),
    webhookSecretsKey: env.WEBHOOK_SECRETS_KEY || (NON_PRODUCTION_ENVS.includes(nodeEnv ?? '') ? DEV_WEBHOOK_SECRETS_KEY : null),
    webhookSecretsPreviousKeys: (env.WEBHOOK_SECRETS_PREVIOUS_KEYS ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    documents: documentsConfig(env),
    logLevel: logLevel(env.LOG_LEVEL),
    logRedact: (env.LOG_REDACT ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    metrics: {
      port: (env.METRICS_PORT ?? '').trim() === 'off' ? null : wholeNumber(env, 'METRICS_PORT', 9464, 0),
      host: env.METRICS_HOST?.trim() || '127.0.0.1',
    },
    shutdown: {
      drainSeconds: wholeNumber(env, 'SHUTDOWN_DRAIN_SECONDS', 0, 0),
      graceSeconds: wholeNumber(env, 'SHUTDOWN_GRACE_SECONDS', 25),
    },
  };
}

/** MAP_TILE_URL must be https (or http on localhost), carry {z}, {x} and {y}, and no credentials. */
function mapConfig(env: NodeJS.ProcessEnv): PilotisConfig['map'] {
  const tileUrl = env.MAP_TILE_URL?.trim() || null;
  if (tileUrl) {
    let url: URL;
    try {
      url = new URL(tileUrl.replace(/[{}]/g, ''));
    } catch {
      throw new Error(`MAP_TILE_URL is not an address (got "${tileUrl}").`);
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new Error('MAP_TILE_URL must be an https address.');
    if (url.username || url.password) throw new Error('MAP_TILE_URL must not carry credentials.');
    if (!['{z}', '{x}', '{y}'].every((p) => tileUrl.includes(p))) throw new Error('MAP_TILE_URL must contain {z}, {x} and {y}.');
    if ((tileUrl.match(/\{[^}]*\}/g) ?? []).some((p) => !['{z}', '{x}', '{y}'].includes(p))) {
      throw new Error('MAP_TILE_URL may only use {z}, {x} and {y} (one host: no {s} sub-domains).');
    }
    if (/[\s'";]/.test(tileUrl)) throw new Error('MAP_TILE_URL must not contain spaces, quotes or semicolons.');
  }
  return { tileUrl, tileAttribution: tileUrl ? env.MAP_TILE_ATTRIBUTION?.trim() || null : null };
}

function documentsConfig(env: NodeJS.ProcessEnv): DocumentsConfig {
  const storage = env.DOCUMENTS_STORAGE?.trim() || 'filesystem';
  if (storage !== 'filesystem' && storage !== 's3') {
    throw new Error(`DOCUMENTS_STORAGE must be "filesystem" or "s3" (got "${storage}").`);
  }
  if (storage === 's3' && !env.DOCUMENTS_S3_BUCKET) throw new Error('DOCUMENTS_STORAGE=s3 needs DOCUMENTS_S3_BUCKET.');
  const endpoint = env.DOCUMENTS_S3_ENDPOINT?.trim() || null;
  const clamd = env.DOCUMENTS_CLAMD?.trim() || null;
  const clamdAddress = clamd ? /^([^:\s]+):(\d{1,5})$/.exec(clamd) : null;
  if (clamd && !clamdAddress) throw new Error(`DOCUMENTS_CLAMD must be host:port (got "${clamd}").`);
  return {
    clamd: clamdAddress
      ? { host: clamdAddress[1], port: Number(clamdAddress[2]), timeoutMs: wholeNumber(env, 'DOCUMENTS_CLAMD_TIMEOUT_MS', 30_000) }
      : null,
    maxBytes: wholeNumber(env, 'DOCUMENTS_MAX_BYTES', 10 * 1024 * 1024),
    uploadsPerHour: wholeNumber(env, 'DOCUMENTS_UPLOADS_PER_HOUR', 60),
    storage,
    dir: env.DOCUMENTS_DIR ?? 'var/documents',
    s3: {
      endpoint,
      bucket: env.DOCUMENTS_S3_BUCKET ?? '',
      region: env.DOCUMENTS_S3_REGION ?? 'us-east-1',
      accessKeyId: env.DOCUMENTS_S3_ACCESS_KEY_ID || null,
      secretAccessKey: env.DOCUMENTS_S3_SECRET_ACCESS_KEY || null,
      // An S3-compatible service usually serves buckets by path; AWS by host name.
      forcePathStyle: env.DOCUMENTS_S3_FORCE_PATH_STYLE ? env.DOCUMENTS_S3_FORCE_PATH_STYLE === 'true' : endpoint !== null,
      prefix: env.DOCUMENTS_S3_PREFIX ?? '',
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function logLevel(raw: string | undefined): PilotisConfig['logLevel'] {
  const level = (raw ?? '').trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}").`);
  return level as PilotisConfig['logLevel'];
}

/**
 * The prefix of every Redis key, as a Redis Cluster hash tag (`{pilotis}`): a BullMQ queue's scripts touch
 * several keys at once, which Redis Cluster accepts only when they hash to the same slot — and only the part
 * between braces is hashed. A prefix that already holds a tag is kept as it is.
 */
export function redisHashTag(prefix: string): string {
  return /\{[^{}]+\}/.test(prefix) ? prefix : `{${prefix}}`;
}

/**
 * A limit or duration from the environment: a whole number of at least 1, or the default when unset. A
 * malformed value is refused loudly (a typo must not silently become NaN, i.e. no limit or no deadline).
 */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}").`);
  return value;
}

/**
 * Called at the boot of the API (createApp) and of the worker (startWorker), which sign or verify access
 * tokens and audit checkpoints and seal or open webhook secrets: outside an explicit NODE_ENV=development
 * or test (an unset NODE_ENV counts as production), the published development JWT secret or a short one
 * would let anyone forge tokens, a missing, published or short AUDIT_CHECKPOINT_KEY would let whoever
 * rewrites the audit chain sign it again, and a missing, published or short WEBHOOK_SECRETS_KEY would
 * leave the webhook secrets readable by whoever reads the database, so they refuse to start.
 */
export function assertSafeServerConfig(
  config: Pick<PilotisConfig, 'nodeEnv' | 'jwtSecret' | 'auditCheckpointKey' | 'webhookSecretsKey'>,
): void {
  if (NON_PRODUCTION_ENVS.includes(config.nodeEnv ?? '')) return;
  const where = `while NODE_ENV is ${config.nodeEnv === null ? 'not set (treated as production)' : `"${config.nodeEnv}"`}`;
  const problem =
    config.jwtSecret === DEV_JWT_SECRET
      ? 'is the development secret'
      : config.jwtSecret.length < MIN_JWT_SECRET_LENGTH
        ? `is shorter than ${MIN_JWT_SECRET_LENGTH} characters`
        : null;
  if (problem !== null) {
    throw new Error(
      `Refusing to start: JWT_SECRET ${problem} ${where}. ` +
        `Set JWT_SECRET to a random secret of at least ${MIN_JWT_SECRET_LENGTH} characters, or NODE_ENV=development on a developer machine.`,
    );
  }
  const auditKeyProblem = keyProblem(config.auditCheckpointKey, DEV_AUDIT_CHECKPOINT_KEY, MIN_AUDIT_CHECKPOINT_KEY_LENGTH);
  if (auditKeyProblem !== null) {
    throw new Error(
      `Refusing to start: AUDIT_CHECKPOINT_KEY ${auditKeyProblem} ${where}. ` +
        `Set it to a random secret of at least ${MIN_AUDIT_CHECKPOINT_KEY_LENGTH} characters, kept outside the database (it signs the audit chain's checkpoints).`,
    );
  }
  const webhookKeyProblem = webhookSecretsKeyProblem(config);
  if (webhookKeyProblem !== null) {
    throw new Error(
      `Refusing to start: WEBHOOK_SECRETS_KEY ${webhookKeyProblem} ${where}. ` +
        `Set it to a random secret of at least ${MIN_WEBHOOK_SECRETS_KEY_LENGTH} characters, kept outside the database (it seals the webhook secrets stored there).`,
    );
  }
}

/**
 * What is wrong with WEBHOOK_SECRETS_KEY, or null: the boot check's rule, also applied by the migration
 * that seals the secrets stored in clear before it (it must not seal them under a key the servers refuse).
 */
export function webhookSecretsKeyProblem(config: Pick<PilotisConfig, 'nodeEnv' | 'webhookSecretsKey'>): string | null {
  if (NON_PRODUCTION_ENVS.includes(config.nodeEnv ?? '')) {
    return config.webhookSecretsKey ? null : 'is not set';
  }
  return keyProblem(config.webhookSecretsKey, DEV_WEBHOOK_SECRETS_KEY, MIN_WEBHOOK_SECRETS_KEY_LENGTH);
}

/** Missing, the published development key, or too short: the same three faults for every server key. */
function keyProblem(key: string | null, developmentKey: string, minLength: number): string | null {
  if (key === null || key === '') return 'is not set';
  if (key === developmentKey) return 'is the development key';
  if (key.length < minLength) return `is shorter than ${minLength} characters`;
  return null;
}

/** The development login role of the worker, and its password (refused in production). */
export const DEV_WORKER_ROLE = 'pilotis_worker_app';

/** APP_DATABASE_URL with the worker's development role: the default of WORKER_DATABASE_URL. */
export function defaultWorkerDatabaseUrl(appDatabaseUrl: string): string {
  const url = new URL(appDatabaseUrl);
  url.username = DEV_WORKER_ROLE;
  url.password = DEV_WORKER_ROLE;
  return url.toString();
}

/**
 * Called at the worker's boot: its connection must be a role of its own. The API's role may not call the
 * worker's functions (the list of tenants, the outbox claim, the due digests, reports and deliveries), so a
 * worker sharing it would fail at its first scan; and outside development and tests the development
 * password of the default role is refused like the development JWT secret.
 */
export function assertSafeWorkerConfig(config: Pick<PilotisConfig, 'nodeEnv' | 'appDatabaseUrl' | 'workerDatabaseUrl'>): void {
  const worker = new URL(config.workerDatabaseUrl);
  const app = new URL(config.appDatabaseUrl);
  if (decodeURIComponent(worker.username) === decodeURIComponent(app.username)) {
    throw new Error(
      `Refusing to start: WORKER_DATABASE_URL uses the API's role "${decodeURIComponent(app.username)}". ` +
        'Give the worker a login role of its own, member of pilotis_worker (npm run db:setup creates it from WORKER_DATABASE_URL).',
    );
  }
  if (NON_PRODUCTION_ENVS.includes(config.nodeEnv ?? '')) return;
  if (decodeURIComponent(worker.password) === DEV_WORKER_ROLE) {
    throw new Error(
      'Refusing to start: WORKER_DATABASE_URL has the development password. Set WORKER_DATABASE_URL to the worker role of this deployment.',
    );
  }
}

/** Replaces the database name of a connection URL (tests clone one database per jest worker). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
