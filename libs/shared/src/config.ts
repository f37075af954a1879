/**
 * Configuration from the environment, with defaults that work on a developer machine where PostgreSQL
 * (trust auth) and Redis listen on their default local ports. Documented in the README.
 */
export interface PilotisConfig {
  nodeEnv: string;
  production: boolean;
  /** Owner connection: migrations, database set-up, platform commands. */
  databaseUrl: string;
  /** Runtime connection of the API and worker: the `pilotis_app` role, which owns nothing and is under RLS. */
  appDatabaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key (BullMQ queues, rate limits), so that test runs do not collide. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  port: number;
  workerHealthPort: number;
  dbPoolSize: number;
}

const DEV_JWT_SECRET = 'pilotis-dev-secret-change-me-in-production-0123456789';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PilotisConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const jwtSecret = env.JWT_SECRET ?? DEV_JWT_SECRET;
  if (production && (jwtSecret === DEV_JWT_SECRET || jwtSecret.length < 32)) {
    throw new Error('JWT_SECRET must be set to a secret of at least 32 characters in production.');
  }
  return {
    nodeEnv,
    production,
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pilotis',
    appDatabaseUrl: env.APP_DATABASE_URL ?? 'postgres://pilotis_app:pilotis_app@127.0.0.1:5432/pilotis',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'pilotis',
    jwtSecret,
    accessTokenTtlSeconds: Number(env.ACCESS_TOKEN_TTL_SECONDS ?? 900),
    refreshTokenTtlSeconds: Number(env.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600),
    port: Number(env.PORT ?? 3000),
    workerHealthPort: Number(env.WORKER_HEALTH_PORT ?? 3001),
    dbPoolSize: Number(env.DB_POOL_SIZE ?? 10),
  };
}

/** Replaces the database name of a connection URL (tests clone one database per jest worker). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
