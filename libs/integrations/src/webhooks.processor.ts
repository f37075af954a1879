import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { DeliverWebhookJobData, JOB, QUEUE } from '@pilotis/jobs';
import { DeliveryOutcome, WebhookSender } from './webhook-sender';

/** Wires webhook jobs to the sender; a RETRY outcome fails the job so that BullMQ backs off and retries. */
@Processor(QUEUE.WEBHOOKS)
export class WebhooksProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhooksProcessor.name);

  constructor(private readonly sender: WebhookSender) {
    super();
  }

  async process(job: Job<DeliverWebhookJobData>): Promise<DeliveryOutcome> {
    if (job.name !== JOB.DELIVER_WEBHOOK) throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QUEUE.WEBHOOKS}`);
    const outcome = await this.sender.deliver(job.data, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
    if (outcome === 'RETRY') throw new Error(`webhook delivery ${job.data.deliveryId} not accepted, will retry`);
    return outcome;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`webhook job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
