import Redis from 'ioredis';
import { Client } from 'pg';

import { loadConfig, withDatabase } from '@pilotis/shared';

/** Drops what the run left behind: per-file databases of crashed files and the run's Redis keys. */
async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  const run = process.env.PILOTIS_TEST_RUN ?? 'local';
  const client = new Client({ connectionString: withDatabase(config.databaseUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `pilotis_t_${run}_%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(config.redisUrl);
  try {
    const keys = await redis.keys(`pilotis-test:${run}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

globalTeardown().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
