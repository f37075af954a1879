import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

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
    await this.publishAll(topic, 'select $1::uuid as id, $2::jsonb as payload', [id, JSON.stringify(snapshot(payload))]);
    return id;
  }

  /**
   * Many messages of one topic at once, written set-based (a 50,000-row import is one statement):
   * `source` is a SELECT of `id` (uuid) and `payload` (jsonb), numbering its own parameters from $1.
   *
   * A topic that webhooks subscribe to also gets, in the same statement, one delivery per active
   * subscription: each exists if and only if its event does, and exactly once; the worker sends them. The
   * body is fixed now, so that every attempt and every replay sends (and signs) the same bytes.
   */
  async publishAll(topic: string, source: string, params: unknown[]): Promise<void> {
    const scope = this.db.tenant();
    const event = WEBHOOK_EVENT_OF_TOPIC.get(topic);
    // The statement's own parameters come first ($1 tenant, $2 topic, then $3 event and $4 siren when
    // there are deliveries to write); `source`'s are shifted after them.
    const insert = (shift: number) =>
      `insert into outbox_events (tenant_id, id, topic, payload) select $1, e.id, $2, e.payload
         from (${source.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`)}) e`;
    if (!event) {
      await this.db.query(insert(2), [scope.tenantId, topic, ...params]);
      return;
    }
    await this.db.query(
      `with o as (${insert(4)} returning id, payload)
       insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, body)
       select $1, gen_random_uuid(), s.id, o.id, $3,
              jsonb_build_object('id', o.id, 'type', $2::text, 'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                 'tenant', jsonb_build_object('siren', $4::text), 'data', o.payload)::text
         from o cross join webhook_subscriptions s
        where s.tenant_id = $1 and s.disabled_at is null and $3 = any(s.events)`,
      [scope.tenantId, topic, event, scope.siren, ...params],
    );
  }
}
