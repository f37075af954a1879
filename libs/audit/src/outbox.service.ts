import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '@pilotis/db';
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
    await this.db.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, $2, $3, $4::jsonb)`, [
      this.db.tenant().tenantId,
      id,
      topic,
      JSON.stringify(snapshot(payload)),
    ]);
    return id;
  }
}
