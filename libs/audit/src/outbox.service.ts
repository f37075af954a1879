import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '@pilotis/db';
import { WEBHOOK_EVENT_OF_TOPIC } from '@pilotis/shared';
import { snapshot } from './audit.service';

/**
 * Writes messages to the transactional outbox, in the caller's transaction: the message exists if and
 * only if the change commits. The worker relays them (at least once: consumers must be idempotent, keyed
 * by the message id).
 */
@Injectable()
export class OutboxService {
  constructor(private readonly db: Db) {}

  /** `topic`: `context.event`, e.g. `comite.closed`. Returns the message id. */
  async publish(topic: string, payload: unknown): Promise<string> {
    const id = randomUUID();
    const scope = this.db.tenant();
    const data = snapshot(payload);
    await this.db.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, $2, $3, $4::jsonb)`, [scope.tenantId, id, topic, JSON.stringify(data)]);
    const event = WEBHOOK_EVENT_OF_TOPIC.get(topic);
    if (event) {
      // One delivery per active subscription, in this very transaction: each exists if and only if the
      // event does, and exactly once. The worker sends them. The body is fixed now, so that every attempt
      // and every replay sends (and signs) the same bytes.
      const body = JSON.stringify({ id, type: topic, occurredAt: new Date().toISOString(), tenant: { siren: scope.siren }, data });
      await this.db.query(
        `insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, body)
         select $1, gen_random_uuid(), s.id, $2, $3, $4 from webhook_subscriptions s
          where s.tenant_id = $1 and s.disabled_at is null and $3 = any(s.events)`,
        [scope.tenantId, id, event, body],
      );
    }
    return id;
  }
}
