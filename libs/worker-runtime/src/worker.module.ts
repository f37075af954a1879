import { InjectQueue } from '@nestjs/bullmq';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ClsModule } from 'nestjs-cls';

import { AuditModule } from '@pilotis/audit';
import { DbModule } from '@pilotis/db';
import { DeadlinesWorkerModule } from '@pilotis/deadlines';
import { DocumentsWorkerModule } from '@pilotis/documents';
import { IntegrationsWorkerModule } from '@pilotis/integrations';
import { JobsModule } from '@pilotis/jobs';
import { ReportsWorkerModule } from '@pilotis/reports';
import { dataSourceOptions } from '@pilotis/schema';
import { ConfigModule, PILOTIS_CONFIG, PilotisConfig } from '@pilotis/shared';

import { AuditCheckpointJob } from './audit-checkpoint-job';
import { OutboxRelay } from './outbox-relay';
import { JOB, QUEUE } from './queues';
import { SystemProcessor } from './system.processor';
import { WorkerHealth } from './worker-health';

export const HEALTH_EVERY_MS = 30_000;
/** The outbox relay's pace: how soon a change reaches the deadlines. */
export const RELAY_EVERY_MS = Number(process.env.OUTBOX_RELAY_MS ?? 2_000);
/** Schedulers live in Redis: re-declared this often so that a flushed Redis gets them back. */
const SCHEDULERS_REFRESH_MS = 60_000;

/**
 * At boot: warns when Redis may evict keys (BullMQ needs `noeviction`, or jobs vanish under memory
 * pressure) and schedules the recurring health job (a scheduler is idempotent: one per id).
 */
@Injectable()
class WorkerBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private refresh?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUE.SYSTEM) private readonly system: Queue,
    @InjectQueue(QUEUE.DEADLINES) private readonly deadlines: Queue,
    @InjectQueue(QUEUE.REPORTS) private readonly reports: Queue,
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
    await this.declareSchedulers();
    // A worker starting after downtime catches up at once rather than at the next 6:00 (harmless when
    // nothing is due: every scan is idempotent).
    await this.deadlines.add(JOB.SCAN_ALL, { runId: `boot-${Date.now()}` }, { removeOnComplete: true, removeOnFail: 100 });
    this.refresh = setInterval(() => {
      this.declareSchedulers().catch((error: Error) => this.logger.warn(`could not re-declare the schedulers: ${error.message}`));
    }, SCHEDULERS_REFRESH_MS);
    this.refresh.unref();
  }

  onApplicationShutdown(): void {
    if (this.refresh) clearInterval(this.refresh);
  }

  /** Idempotent: one scheduler per id. */
  private async declareSchedulers(): Promise<void> {
    await this.system.upsertJobScheduler(
      'health-every-30s',
      { every: HEALTH_EVERY_MS },
      { name: JOB.HEALTH, data: { requestedAt: 'scheduler' } },
    );
    await this.system.upsertJobScheduler(
      'outbox-relay',
      { every: RELAY_EVERY_MS },
      { name: JOB.OUTBOX_RELAY, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    // Signed checkpoints of every tenant's audit chain (AUDIT_CHECKPOINT_EVERY_MS, hourly by default).
    await this.system.upsertJobScheduler(
      'audit-checkpoints',
      { every: this.config.auditCheckpointEveryMs },
      { name: JOB.AUDIT_CHECKPOINTS, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    // Every night at 3:40, Paris time: the document store's files that no document names are removed.
    await this.system.upsertJobScheduler(
      'daily-document-sweep',
      { pattern: '40 3 * * *', tz: 'Europe/Paris' },
      { name: JOB.SWEEP_DOCUMENTS, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    // Every morning at 6:00, Paris time: each tenant's scan (deadlines, reminders, digests).
    await this.deadlines.upsertJobScheduler(
      'daily-deadline-scan',
      { pattern: '0 6 * * *', tz: 'Europe/Paris' },
      { name: JOB.SCAN_ALL, data: {} },
    );
    // Every hour: the files of reports past their retention are deleted (the download refuses them already).
    await this.reports.upsertJobScheduler(
      'hourly-report-expiry',
      { pattern: '17 * * * *', tz: 'Europe/Paris' },
      { name: JOB.EXPIRE_REPORTS, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: PilotisConfig, logging?: DynamicModule): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ...(logging ? [logging] : []),
        ClsModule.forRoot({ global: true }),
        DbModule.forRoot(dataSourceOptions(config.workerDatabaseUrl, { poolSize: 5 })),
        AuditModule,
        JobsModule.forRoot(config),
        DeadlinesWorkerModule,
        ReportsWorkerModule,
        IntegrationsWorkerModule,
        DocumentsWorkerModule,
      ],
      providers: [WorkerHealth, OutboxRelay, AuditCheckpointJob, SystemProcessor, WorkerBootstrap],
    };
  }
}
