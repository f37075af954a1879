import {
  assertSafeServerConfig,
  assertSafeWorkerConfig,
  DEV_AUDIT_CHECKPOINT_KEY,
  DEV_JWT_SECRET,
  DEV_WEBHOOK_SECRETS_KEY,
  loadConfig,
  webhookSecretsKeyProblem,
} from './config';

const STRONG = 'k'.repeat(32);
const KEY = 'c'.repeat(32);
const WEBHOOK_KEY = 'w'.repeat(32);

describe('loadConfig and assertSafeServerConfig', () => {
  it('reads NODE_ENV without refusing anything, so that database-only scripts run without it', () => {
    const unset = loadConfig({});
    expect(unset).toMatchObject({ nodeEnv: null, production: true, development: false, jwtSecret: DEV_JWT_SECRET });
    expect(loadConfig({ NODE_ENV: '' }).nodeEnv).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, development: false });
    expect(loadConfig({ NODE_ENV: 'staging' })).toMatchObject({ production: true, development: false });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ production: false, development: false });
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ production: false, development: true });
  });

  it('gives access tokens 15 minutes and refresh tokens 30 days unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 30 * 24 * 3600 });
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '300' }).accessTokenTtlSeconds).toBe(300);
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
    ['any other value', 'staging'],
  ])('refuses the development secret and short secrets when NODE_ENV is %s', (_label, nodeEnv) => {
    const env = nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv };
    expect(() => assertSafeServerConfig(loadConfig(env))).toThrow(/JWT_SECRET is the development secret/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, JWT_SECRET: 'k'.repeat(31) }))).toThrow(
      /JWT_SECRET is shorter than 32 characters/,
    );
    expect(() =>
      assertSafeServerConfig(loadConfig({ ...env, JWT_SECRET: STRONG, AUDIT_CHECKPOINT_KEY: KEY, WEBHOOK_SECRETS_KEY: WEBHOOK_KEY })),
    ).not.toThrow();
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
  ])('requires a strong AUDIT_CHECKPOINT_KEY when NODE_ENV is %s', (_label, nodeEnv) => {
    const env = { JWT_SECRET: STRONG, WEBHOOK_SECRETS_KEY: WEBHOOK_KEY, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }) };
    expect(loadConfig(env).auditCheckpointKey).toBeNull();
    expect(() => assertSafeServerConfig(loadConfig(env))).toThrow(/AUDIT_CHECKPOINT_KEY is not set/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, AUDIT_CHECKPOINT_KEY: '' }))).toThrow(/AUDIT_CHECKPOINT_KEY is not set/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, AUDIT_CHECKPOINT_KEY: DEV_AUDIT_CHECKPOINT_KEY }))).toThrow(
      /AUDIT_CHECKPOINT_KEY is the development key/,
    );
    expect(() => assertSafeServerConfig(loadConfig({ ...env, AUDIT_CHECKPOINT_KEY: 'c'.repeat(31) }))).toThrow(
      /AUDIT_CHECKPOINT_KEY is shorter than 32 characters/,
    );
    expect(loadConfig({ ...env, AUDIT_CHECKPOINT_KEY: KEY }).auditCheckpointKey).toBe(KEY);
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
  ])('requires a strong WEBHOOK_SECRETS_KEY when NODE_ENV is %s, in the API and in the worker', (_label, nodeEnv) => {
    const env = { JWT_SECRET: STRONG, AUDIT_CHECKPOINT_KEY: KEY, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }) };
    expect(loadConfig(env).webhookSecretsKey).toBeNull();
    expect(() => assertSafeServerConfig(loadConfig(env))).toThrow(/WEBHOOK_SECRETS_KEY is not set/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: '' }))).toThrow(/WEBHOOK_SECRETS_KEY is not set/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: DEV_WEBHOOK_SECRETS_KEY }))).toThrow(
      /WEBHOOK_SECRETS_KEY is the development key/,
    );
    expect(() => assertSafeServerConfig(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: 'w'.repeat(31) }))).toThrow(
      /WEBHOOK_SECRETS_KEY is shorter than 32 characters/,
    );
    expect(webhookSecretsKeyProblem(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: 'w'.repeat(31) }))).toBe('is shorter than 32 characters');
    expect(webhookSecretsKeyProblem(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: WEBHOOK_KEY }))).toBeNull();
    expect(loadConfig({ ...env, WEBHOOK_SECRETS_KEY: WEBHOOK_KEY }).webhookSecretsKey).toBe(WEBHOOK_KEY);
  });

  it('reads the antivirus daemon as host:port, with a timeout, and refuses anything else by name', () => {
    expect(loadConfig({}).documents.clamd).toBeNull();
    expect(loadConfig({ DOCUMENTS_CLAMD: 'clamav:3310' }).documents.clamd).toEqual({ host: 'clamav', port: 3310, timeoutMs: 30_000 });
    expect(loadConfig({ DOCUMENTS_CLAMD: '127.0.0.1:3310', DOCUMENTS_CLAMD_TIMEOUT_MS: '5000' }).documents.clamd?.timeoutMs).toBe(5000);
    expect(() => loadConfig({ DOCUMENTS_CLAMD: 'clamav' })).toThrow(/DOCUMENTS_CLAMD must be host:port/);
  });

  it('reads the previous webhook secret keys, comma-separated', () => {
    expect(loadConfig({}).webhookSecretsPreviousKeys).toEqual([]);
    expect(loadConfig({ WEBHOOK_SECRETS_PREVIOUS_KEYS: ` ${'a'.repeat(32)} ,, ${'b'.repeat(32)}` }).webhookSecretsPreviousKeys).toEqual([
      'a'.repeat(32),
      'b'.repeat(32),
    ]);
  });

  it('names the missing NODE_ENV in the message', () => {
    expect(() => assertSafeServerConfig(loadConfig({}))).toThrow(/NODE_ENV is not set \(treated as production\)/);
  });

  it.each(['development', 'test'])('lets NODE_ENV=%s run with the development secret', (nodeEnv) => {
    expect(() => assertSafeServerConfig(loadConfig({ NODE_ENV: nodeEnv }))).not.toThrow();
    expect(() => assertSafeServerConfig(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: 'short' }))).not.toThrow();
    expect(loadConfig({ NODE_ENV: nodeEnv }).auditCheckpointKey).toBe(DEV_AUDIT_CHECKPOINT_KEY);
    expect(loadConfig({ NODE_ENV: nodeEnv }).webhookSecretsKey).toBe(DEV_WEBHOOK_SECRETS_KEY);
    expect(webhookSecretsKeyProblem(loadConfig({ NODE_ENV: nodeEnv }))).toBeNull();
  });
});

describe('limits and durations of the worker and of report requests', () => {
  it('has defaults, reads whole numbers, and refuses a malformed value by name', () => {
    expect(loadConfig({})).toMatchObject({
      webhookDeadlineMs: 10_000,
      webhookMaxResponseBytes: 65_536,
      webhookConcurrency: 8,
      webhookConcurrencyPerTenant: 2,
      reportConcurrency: 2,
      reportConcurrencyPerTenant: 1,
      reportMaxPendingPerUser: 3,
      reportMaxPendingPerTenant: 10,
      reportMaxPerUserPerHour: 20,
      reportRetentionDays: 30,
    });
    expect(loadConfig({ WEBHOOK_DEADLINE_MS: '2500', REPORT_RETENTION_DAYS: ' 7 ', WEBHOOK_CONCURRENCY: '' })).toMatchObject({
      webhookDeadlineMs: 2500,
      reportRetentionDays: 7,
      webhookConcurrency: 8,
    });
    for (const bad of ['0', '-1', '2.5', 'ten', '1e400']) {
      expect(() => loadConfig({ WEBHOOK_CONCURRENCY_PER_TENANT: bad })).toThrow(
        `WEBHOOK_CONCURRENCY_PER_TENANT must be a whole number of at least 1 (got "${bad}")`,
      );
    }
  });

  it("refuses a worker that shares the API's role, and the worker's development password outside development", () => {
    const app = 'postgres://pilotis_app:secret@db:5432/pilotis';
    expect(loadConfig({ APP_DATABASE_URL: app }).workerDatabaseUrl).toBe(
      'postgres://pilotis_worker_app:pilotis_worker_app@db:5432/pilotis',
    );
    expect(() => assertSafeWorkerConfig(loadConfig({ NODE_ENV: 'test', APP_DATABASE_URL: app, WORKER_DATABASE_URL: app }))).toThrow(
      /WORKER_DATABASE_URL uses the API's role "pilotis_app"/,
    );
    expect(() => assertSafeWorkerConfig(loadConfig({ NODE_ENV: 'development', APP_DATABASE_URL: app }))).not.toThrow();
    expect(() => assertSafeWorkerConfig(loadConfig({ NODE_ENV: 'production', APP_DATABASE_URL: app }))).toThrow(/development password/);
    const worker = 'postgres://pilotis_worker_prod:other@db:5432/pilotis';
    expect(() =>
      assertSafeWorkerConfig(loadConfig({ NODE_ENV: 'production', APP_DATABASE_URL: app, WORKER_DATABASE_URL: worker })),
    ).not.toThrow();
  });
});
