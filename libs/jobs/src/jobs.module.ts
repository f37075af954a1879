import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';

import { PilotisConfig } from '@pilotis/shared';

import { ALL_QUEUES } from './queues';

/** ioredis options for BullMQ from REDIS_URL. */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    password: url.password || undefined,
    db: Number(url.pathname.slice(1) || 0),
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
      exports: [BullModule],
    };
  }
}
