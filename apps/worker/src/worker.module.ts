import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { JobsModule } from '@pilotis/jobs';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ClsModule } from 'nestjs-cls';
import { ConfigModule, PILOTIS_CONFIG, PilotisConfig } from '@pilotis/shared';
import { DbModule } from '@pilotis/db';
import { dataSourceOptions } from '@pilotis/schema';
import { AuditModule } from '@pilotis/audit';
import { QUEUE, JOB } from './queues';
import { SystemProcessor } from './system.processor';
import { WorkerHealth } from './worker-health';

export const HEALTH_EVERY_MS = 30_000;

/**
 * At boot: warns when Redis may evict keys (BullMQ needs `noeviction`, or jobs vanish under memory
 * pressure) and schedules the recurring health job (a scheduler is idempotent: one per id).
 */
@Injectable()
class WorkerBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    @InjectQueue(QUEUE.SYSTEM) private readonly system: Queue,
    @Inject(PILOTIS_CONFIG) private readonly config: PilotisConfig,
    private readonly health: WorkerHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
      this.health.redisEvictionPolicy = policy;
      if (policy !== 'noeviction') {
        this.logger.warn(`Redis maxmemory-policy is "${policy}": set it to "noeviction" or queued jobs may be evicted.`);
      }
    } catch {
      this.logger.warn('Could not read Redis maxmemory-policy (CONFIG GET refused).');
    } finally {
      redis.disconnect();
    }
    await this.system.upsertJobScheduler('health-every-30s', { every: HEALTH_EVERY_MS }, { name: JOB.HEALTH, data: { requestedAt: 'scheduler' } });
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: PilotisConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClsModule.forRoot({ global: true }),
        DbModule.forRoot(dataSourceOptions(config.appDatabaseUrl, { poolSize: 5 })),
        AuditModule,
        JobsModule.forRoot(config),
      ],
      providers: [WorkerHealth, SystemProcessor, WorkerBootstrap],
    };
  }
}
