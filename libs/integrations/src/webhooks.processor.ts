import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

import { DeliverWebhookJobData, JOB, JOB_LOCK_MS, QUEUE, runInTenantSlot, TenantSlots } from '@pilotis/jobs';
import { InjectConfig, METRICS, PilotisConfig } from '@pilotis/shared';

import { DeliveryOutcome, WebhookSender } from './webhook-sender';

/**
 * Wires webhook jobs to the sender; a RETRY outcome fails the job so that BullMQ backs off and retries.
 *
 * Fairness between tenants: the queue is shared, served by WEBHOOK_CONCURRENCY deliveries at once in each
 * worker process, and each tenant holds at most WEBHOOK_CONCURRENCY_PER_TENANT of them across all processes
 * (a Redis lease per running delivery, `TenantSlots`). A delivery whose tenant is at its limit goes back to
 * the queue a moment later without spending an attempt. With the total deadline of each attempt, a tenant
 * whose receiver trickles or hangs ties up at most its own slots, for at most the deadline each time; the
 * other tenants' deliveries go through the remaining slots.
 */
@Processor(QUEUE.WEBHOOKS)
export class WebhooksProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhooksProcessor.name);
  private readonly slots: TenantSlots;

  constructor(
    private readonly sender: WebhookSender,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {
    super();
    this.slots = new TenantSlots({
      redisUrl: config.redisUrl,
      key: `${config.redisPrefix}:tenant-slots:${QUEUE.WEBHOOKS}`,
      limit: config.webhookConcurrencyPerTenant,
      // A live delivery renews its lease; a crashed worker's lease runs out as its jobs' locks do.
      leaseMs: Math.max(JOB_LOCK_MS, 1000),
    });
  }

  onApplicationBootstrap(): void {
    // The decorator's options are fixed at import; the configuration is known only now.
    this.worker.concurrency = this.config.webhookConcurrency;
    if (this.config.webhookConcurrencyPerTenant >= this.config.webhookConcurrency) {
      this.logger.warn(
        `WEBHOOK_CONCURRENCY_PER_TENANT (${this.config.webhookConcurrencyPerTenant}) is not below WEBHOOK_CONCURRENCY (${this.config.webhookConcurrency}): one tenant's slow receiver can occupy every delivery slot of this worker.`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // In-flight deliveries release their slots as they finish: the connection goes last.
    await this.worker.close();
    await this.slots.close();
  }

  async process(job: Job<DeliverWebhookJobData>, token?: string): Promise<DeliveryOutcome> {
    if (job.name !== JOB.DELIVER_WEBHOOK) throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QUEUE.WEBHOOKS}`);
    // A slot frees within a deadline at most: look again after about a quarter of one.
    return runInTenantSlot(this.slots, job, token, Math.max(200, this.config.webhookDeadlineMs / 4), async () => {
      const outcome = await this.sender.deliver(job.data, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      METRICS.webhookDeliveries.inc({ outcome });
      if (outcome === 'RETRY') throw new Error(`webhook delivery ${job.data.deliveryId} not accepted, will retry`);
      return outcome;
    });
  }

  /** An error of the worker itself (a lost job lock, Redis gone): logged, never an unhandled 'error' event. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`webhook job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
