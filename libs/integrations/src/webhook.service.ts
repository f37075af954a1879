import { randomUUID } from 'node:crypto';

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DeliverWebhookJobData, JOB, JOB_BACKOFF_MS, QUEUE, WEBHOOK_ATTEMPTS, webhookJobId } from '@pilotis/jobs';
import { conflict, InjectConfig, notFound, PilotisConfig, sealWebhookSecret, webhookSecretKeys } from '@pilotis/shared';

import { checkWebhookUrl } from './address-policy';
import { DeliveryState, WebhookDelivery, WebhookSubscription } from './integrations.entities';
import { SubscribeWebhookInput, WebhookDeliveriesFilter, WebhookSubscriptionCreated } from './integrations.inputs';
import { INTEGRATIONS_SQL } from './integrations.sql';
import { newWebhookSecret } from './webhook-signature';

export const WEBHOOK_JOB_OPTIONS = {
  attempts: WEBHOOK_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: 1000,
  removeOnFail: 1000,
} as const;

/** Webhook subscriptions of a tenant, their delivery log and replays. */
@Injectable()
export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @InjectQueue(QUEUE.WEBHOOKS) private readonly queue: Queue<DeliverWebhookJobData>,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  async list(): Promise<WebhookSubscription[]> {
    return (await this.db.repository(WebhookSubscription)).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async subscribe(input: SubscribeWebhookInput): Promise<WebhookSubscriptionCreated> {
    const url = await checkWebhookUrl(input.url.trim(), await this.allowPrivateTargets());
    const secret = newWebhookSecret();
    const id = randomUUID();
    const subscriptions = await this.db.repository(WebhookSubscription);
    await subscriptions.insert({
      id,
      url: url.toString(),
      events: [...input.events].sort(),
      description: input.description?.trim() ?? '',
      // Stored sealed for this row only; the clear secret leaves once, in this answer.
      secret: sealWebhookSecret(secret, { tenantId: this.db.tenant().tenantId, subscriptionId: id }, webhookSecretKeys(this.config)),
      createdBy: this.db.actor().userId,
    });
    const subscription = await subscriptions.findOneOrFail({ id });
    await this.audit.record({
      operation: 'webhook.subscribe',
      entityType: 'WebhookSubscription',
      entityId: id,
      after: { url: subscription.url, events: subscription.events },
    });
    return { subscription, secret };
  }

  async disable(id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscription(id);
    if (subscription.disabledAt) throw conflict('Cet abonnement est déjà désactivé.');
    await (await this.db.repository(WebhookSubscription)).update({ id: subscription.id }, { disabledAt: () => 'now()' });
    const after = await this.subscription(id);
    await this.audit.record({
      operation: 'webhook.disable',
      entityType: 'WebhookSubscription',
      entityId: subscription.id,
      before: { disabledAt: null },
      after: { disabledAt: after.disabledAt },
    });
    return after;
  }

  async deliveries(filter: WebhookDeliveriesFilter): Promise<WebhookDelivery[]> {
    const subscription = await this.subscription(filter.subscriptionId);
    return (await this.db.repository(WebhookDelivery)).find({
      where: { subscriptionId: subscription.id, ...(filter.state ? { state: filter.state } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.first ?? 50,
    });
  }

  /** Sends a delivery again — a failed one, or a succeeded one the receiver lost — with the same body and event id. */
  async replay(id: string): Promise<WebhookDelivery> {
    const { tenantId, siren } = this.db.tenant();
    const deliveries = await this.db.repository(WebhookDelivery);
    const delivery = await deliveries.findOne({ id: id.toLowerCase() });
    if (!delivery) throw notFound('Envoi webhook');
    if (delivery.state === DeliveryState.PENDING) throw conflict('Cet envoi est encore en cours de tentatives.');
    const subscription = await this.subscription(delivery.subscriptionId);
    if (subscription.disabledAt) throw conflict("L'abonnement est désactivé : réactivez-en un autre avant de rejouer.");
    await deliveries.update({ id: delivery.id }, { state: DeliveryState.PENDING, replays: delivery.replays + 1, lastError: null });
    const after = await deliveries.findOneOrFail({ id: delivery.id });
    await this.audit.record({
      operation: 'webhook.replay',
      entityType: 'WebhookDelivery',
      entityId: delivery.id,
      before: { state: delivery.state, replays: delivery.replays },
      after: { state: after.state, replays: after.replays },
    });
    // Enqueued once the replay is committed (the relay's sweep would pick it up anyway).
    await this.db.afterCommit(() =>
      this.queue.add(
        JOB.DELIVER_WEBHOOK,
        { tenantId, siren, deliveryId: after.id },
        { jobId: webhookJobId(after.id, after.replays), ...WEBHOOK_JOB_OPTIONS },
      ),
    );
    return after;
  }

  private async subscription(id: string): Promise<WebhookSubscription> {
    const found = await (await this.db.repository(WebhookSubscription)).findOne({ id: id.toLowerCase() });
    if (!found) throw notFound('Abonnement webhook');
    return found;
  }

  private async allowPrivateTargets(): Promise<boolean> {
    const [row] = await this.db.query<{ allow: boolean }>(INTEGRATIONS_SQL.allowPrivateWebhookTargets, [this.db.tenant().tenantId]);
    return row?.allow ?? false;
  }
}
