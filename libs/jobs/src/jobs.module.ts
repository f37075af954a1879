import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';

import { PilotisConfig } from '@pilotis/shared';

import { QueueMetrics } from './queue-metrics';
import { ALL_QUEUES } from './queues';

/**
 * ioredis options for BullMQ from REDIS_URL: `redis://` or `rediss://` (TLS, checked against the system's
 * certificate authorities — add a private one with NODE_EXTRA_CA_CERTS), with a Redis 6 ACL user name and
 * password when given (`rediss://pilotis:secret@redis.example:6380/0`), and the database number.
 */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${url.protocol}").`);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number(url.pathname.slice(1) || 0),
    ...(url.protocol === 'rediss:' ? { tls: { servername: url.hostname } } : {}),
    // Required by BullMQ for blocking connections: never give up on a command.
    maxRetriesPerRequest: null,
  };
}

/**
 * The queues, for the API (which only enqueues) and the worker (which also processes). Every queue is
 * registered in both so that a producer never names a queue the worker does not consume.
 */
@Module({})
export class JobsModule {
  static forRoot(config: PilotisConfig): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRoot({ prefix: config.redisPrefix, connection: bullConnection(config.redisUrl) }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [QueueMetrics],
      exports: [BullModule],
    };
  }
}
