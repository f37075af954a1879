import { isRedactionMarker } from './audit-chain';

/** The events of one kind of object: its entity type and the ids of the objects. */
export interface AuditSubject {
  entityType: string;
  ids: readonly string[];
}

/** One event of an object's history, as the history reads it: with its author's name, its payloads. */
export interface AuditHistoryEvent {
  id: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  /** The author's display name; null for an event without author (the system, a job). */
  actorName: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  /** null when the payloads were redacted (the event stays, its content is gone). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redacted: boolean;
}

/**
 * The events of some objects of the tenant $1, newest first: the objects are the pairs of the arrays $2
 * (entity types) and $3 (ids), which meet the (tenant, entity type, entity id) index; $4 the operations
 * kept, $5 the rank to start below (keyset: `seq` is unique and increasing per tenant), $6 the limit. The
 * author's name comes from `users`, a platform table the runtime role reads.
 */
export const AUDIT_HISTORY_SQL = `select e.id, e.seq, e.occurred_at, e.actor_user_id, u.display_name as actor_name,
         e.operation, e.entity_type, e.entity_id, e.before, e.after
    from audit_events e
    join unnest($2::text[], $3::uuid[]) s(entity_type, entity_id) on s.entity_type = e.entity_type and s.entity_id = e.entity_id
    left join users u on u.id = e.actor_user_id
   where e.tenant_id = $1 and e.operation = any($4::text[]) and ($5::bigint is null or e.seq < $5::bigint)
   order by e.seq desc
   limit $6`;

export interface AuditHistoryRow {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  operation: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

const payload = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !isRedactionMarker(value)
    ? (value as Record<string, unknown>)
    : null;

export function toHistoryEvent(row: AuditHistoryRow): AuditHistoryEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    operation: row.operation,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: payload(row.before),
    after: payload(row.after),
    redacted: isRedactionMarker(row.before) || isRedactionMarker(row.after),
  };
}
