import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DeliverWebhookJobData, JOB, QUEUE, WEBHOOK_ATTEMPTS, webhookJobId, JOB_BACKOFF_MS } from '@pilotis/jobs';
import { conflict, notFound } from '@pilotis/shared';
import { checkWebhookUrl } from './address-policy';
import { DeliveryState, WebhookDelivery, WebhookSubscription } from './integrations.entities';
import { SubscribeWebhookInput, WebhookDeliveriesFilter, WebhookSubscriptionCreated } from './integrations.inputs';
import { newWebhookSecret } from './webhook-signature';

export const WEBHOOK_JOB_OPTIONS = { attempts: WEBHOOK_ATTEMPTS, backoff: { type: 'exponential', delay: JOB_BACKOFF_MS }, removeOnComplete: 1000, removeOnFail: 1000 } as const;

/** Webhook subscriptions of a tenant, their delivery log and replays. */
@Injectable()
export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @InjectQueue(QUEUE.WEBHOOKS) private readonly queue: Queue<DeliverWebhookJobData>,
  ) {}

  async list(): Promise<WebhookSubscription[]> {
    return (await this.db.manager()).find(WebhookSubscription, { where: { tenantId: this.db.tenant().tenantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async subscribe(input: SubscribeWebhookInput): Promise<WebhookSubscriptionCreated> {
    const { tenantId } = this.db.tenant();
    const url = await checkWebhookUrl(input.url.trim(), await this.allowPrivateTargets());
    const secret = newWebhookSecret();
    const id = randomUUID();
    const manager = await this.db.manager();
    await manager.insert(WebhookSubscription, {
      tenantId,
      id,
      url: url.toString(),
      events: [...input.events].sort(),
      description: input.description?.trim() ?? '',
      secret,
      createdBy: this.db.actor().userId,
    });
    const subscription = await manager.findOneOrFail(WebhookSubscription, { where: { tenantId, id } });
    await this.audit.record({ operation: 'webhook.subscribe', entityType: 'WebhookSubscription', entityId: id, after: { url: subscription.url, events: subscription.events } });
    return { subscription, secret };
  }

  async disable(id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscription(id);
    if (subscription.disabledAt) throw conflict('Cet abonnement est déjà désactivé.');
    await this.db.query('update webhook_subscriptions set disabled_at = now() where tenant_id = $1 and id = $2', [subscription.tenantId, subscription.id]);
    const after = await this.subscription(id);
    await this.audit.record({ operation: 'webhook.disable', entityType: 'WebhookSubscription', entityId: subscription.id, before: { disabledAt: null }, after: { disabledAt: after.disabledAt } });
    return after;
  }

  async deliveries(filter: WebhookDeliveriesFilter): Promise<WebhookDelivery[]> {
    const subscription = await this.subscription(filter.subscriptionId);
    const qb = (await this.db.manager())
      .createQueryBuilder(WebhookDelivery, 'd')
      .where('d.tenantId = :tenantId and d.subscriptionId = :subscriptionId', { tenantId: subscription.tenantId, subscriptionId: subscription.id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .take(filter.first ?? 50);
    if (filter.state) qb.andWhere('d.state = :state', { state: filter.state });
    return qb.getMany();
  }

  /** Sends a delivery again — a failed one, or a succeeded one the receiver lost — with the same body and event id. */
  async replay(id: string): Promise<WebhookDelivery> {
    const { tenantId, siren } = this.db.tenant();
    const manager = await this.db.manager();
    const delivery = await manager.findOne(WebhookDelivery, { where: { tenantId, id: id.toLowerCase() } });
    if (!delivery) throw notFound('Envoi webhook');
    if (delivery.state === DeliveryState.PENDING) throw conflict('Cet envoi est encore en cours de tentatives.');
    const subscription = await this.subscription(delivery.subscriptionId);
    if (subscription.disabledAt) throw conflict("L'abonnement est désactivé : réactivez-en un autre avant de rejouer.");
    await manager.update(WebhookDelivery, { tenantId, id: delivery.id }, { state: DeliveryState.PENDING, replays: delivery.replays + 1, lastError: null });
    const after = await manager.findOneOrFail(WebhookDelivery, { where: { tenantId, id: delivery.id } });
    await this.audit.record({ operation: 'webhook.replay', entityType: 'WebhookDelivery', entityId: delivery.id, before: { state: delivery.state, replays: delivery.replays }, after: { state: after.state, replays: after.replays } });
    // Enqueued once the replay is committed (the relay's sweep would pick it up anyway).
    await this.db.afterCommit(() => this.queue.add(JOB.DELIVER_WEBHOOK, { tenantId, siren, deliveryId: after.id }, { jobId: webhookJobId(after.id, after.replays), ...WEBHOOK_JOB_OPTIONS }));
    return after;
  }

  private async subscription(id: string): Promise<WebhookSubscription> {
    const found = await (await this.db.manager()).findOne(WebhookSubscription, { where: { tenantId: this.db.tenant().tenantId, id: id.toLowerCase() } });
    if (!found) throw notFound('Abonnement webhook');
    return found;
  }

  private async allowPrivateTargets(): Promise<boolean> {
    const [row] = await this.db.query<{ allow: boolean }>('select allow_private_webhook_targets as allow from tenant_settings where tenant_id = $1', [this.db.tenant().tenantId]);
    return row?.allow ?? false;
  }
}
