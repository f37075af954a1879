import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';

import { appendAuditEvent } from './audit-chain.sql';
import { AUDIT_HISTORY_SQL, AuditHistoryEvent, AuditHistoryRow, AuditSubject, toHistoryEvent } from './audit-history';

export interface AuditRecord {
  /** What happened, `context.verb`: `action.create`, `action.transition`, `membership.revoke`… */
  operation: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Keys that name a secret or a hash of one. Callers pass explicit objects of the fields that matter; this is
 * the net under them: an entity passed whole, with a relation that carries a user, still cannot write a
 * password hash into an append-only trail or an outgoing message.
 */
const SECRET_KEYS = new Set([
  'password',
  'passwordhash',
  'password_hash',
  'secret',
  'secrethash',
  'secret_hash',
  'tokenhash',
  'token_hash',
]);

/** Makes a snapshot JSON-safe (bigint cents become strings, dates ISO strings), without secrets. */
export function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (SECRET_KEYS.has(key.toLowerCase())) return undefined;
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  );
}

/**
 * Writes audit events inside the caller's transaction: if the change rolls back, so does its trace, and a
 * change cannot commit without it. Tenant events are hash-chained per tenant (see `audit-chain.ts`).
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  async record(event: AuditRecord): Promise<void> {
    // Plain SQL (two statements): this runs on every mutation and needs none of the ORM's machinery.
    await appendAuditEvent(this.db, this.db.tenant().tenantId, {
      actorUserId: this.db.maybeActor()?.userId ?? null,
      operation: event.operation,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      before: snapshot(event.before),
      after: snapshot(event.after),
      requestId: this.db.requestId() ?? null,
    });
  }

  /**
   * The history of some objects of the caller's tenant, newest first: the events of the given operations
   * only (the caller chooses what its readers may see), `first + 1` of them below the rank `beforeSeq`
   * (the extra one tells whether a page follows). The caller has already checked that the reader may see
   * the objects; the tenant is the request's, never an argument.
   */
  async history(
    subjects: readonly AuditSubject[],
    operations: readonly string[],
    page: { first: number; beforeSeq: number | null },
  ): Promise<AuditHistoryEvent[]> {
    const types = subjects.flatMap((s) => s.ids.map(() => s.entityType));
    const ids = subjects.flatMap((s) => s.ids.map((id) => id.toLowerCase()));
    if (ids.length === 0 || operations.length === 0) return [];
    const rows = await this.db.query<AuditHistoryRow>(AUDIT_HISTORY_SQL, [
      this.db.tenant().tenantId,
      types,
      ids,
      operations,
      page.beforeSeq,
      page.first + 1,
    ]);
    return rows.map(toHistoryEvent);
  }

  /** Events with no tenant: sign-in, sign-out, refresh-token reuse, tenant creation. */
  async recordPlatform(
    operation: string,
    details: Record<string, unknown>,
    actorUserId?: string | null,
    ip?: string | null,
  ): Promise<void> {
    await this.db.query(`insert into platform_audit_events (id, actor_user_id, operation, details, ip) values ($1, $2, $3, $4, $5)`, [
      randomUUID(),
      actorUserId ?? this.db.maybeActor()?.userId ?? null,
      operation,
      JSON.stringify(snapshot(details)),
      ip ?? null,
    ]);
  }
}
