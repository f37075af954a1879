/**
 * `npm run cluster` (after scripts/cluster.sh has installed HAProxy and PgBouncer and migrated the database
 * with the owner's direct connection): PgBouncer, 2 API replicas and 2 workers through it, HAProxy in front;
 * prints the addresses and stops everything on Ctrl-C. CLUSTER_API_REPLICAS and CLUSTER_WORKERS change the
 * counts; the configuration and the logs are in tmp/cluster/.
 */
import path from 'node:path';

import { loadConfig } from '@pilotis/shared';

import { startCluster } from './topology';

async function main(): Promise<void> {
  const config = loadConfig();
  const dir = path.join(__dirname, '..', '..', 'tmp', 'cluster');
  const cluster = await startCluster({
    ownerUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    workerUrl: config.workerDatabaseUrl,
    apiReplicas: Number(process.env.CLUSTER_API_REPLICAS ?? 2),
    workers: Number(process.env.CLUSTER_WORKERS ?? 2),
    dir,
    metrics: true,
    // A developer machine, as `npm run demo`: the development secrets are accepted. Every replica must
    // share JWT_SECRET (a token signed by one is checked by the other) and REDIS_PREFIX (queues, limits).
    env: { NODE_ENV: process.env.NODE_ENV ?? 'development' },
  });
  const lines = [
    '',
    'Pilotis runs as a cluster (Ctrl-C stops it all).',
    `  Load balancer (HAProxy)  : http://127.0.0.1:${cluster.haproxyPort}/   GraphQL: http://127.0.0.1:${cluster.haproxyPort}/graphql`,
    `  Pooler (PgBouncer)       : postgres://…@127.0.0.1:${cluster.pgbouncerPort}/${new URL(config.databaseUrl).pathname.slice(1)} (transaction pooling)`,
    `  HAProxy statistics       : http://127.0.0.1:${cluster.statsPort}/stats`,
    ...cluster.apis.map(
      (a, i) =>
        `  API replica ${i + 1}          : http://127.0.0.1:${a.port}/health/ready   metrics: http://127.0.0.1:${a.metricsPort}/metrics`,
    ),
    ...cluster.workers.map((w, i) => `  Worker ${i + 1}               : http://127.0.0.1:${w.healthPort}/health   (metrics beside it)`),
    `  Configuration and logs   : ${dir}/`,
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
