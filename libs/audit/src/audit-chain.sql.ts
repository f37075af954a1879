import { randomUUID } from 'node:crypto';
import { CANONICAL_TIME_SQL, ChainReport, ChainVerifier, GENESIS_HASH, hashEvent, StoredChainedEvent } from './audit-chain';

/**
 * Anything that runs SQL in the caller's transaction and resolves to the rows (TypeORM's contract): an
 * EntityManager, a QueryRunner, `Db`. (A raw `pg` client resolves to a result: wrap it, `.rows`.)
 */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface AuditAppend {
  actorUserId?: string | null;
  operation: string;
  entityType: string;
  entityId?: string | null;
  /** JSON-safe values (see `snapshot`). */
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export interface AppendedAuditEvent {
  id: string;
  seq: number;
  hash: string;
  occurredAt: string;
}

/**
 * Appends one chained event to a tenant's audit trail, in the caller's transaction. The one
 * implementation, used by `AuditService.record`, tenant provisioning and the demo seed.
 *
 * The upsert on `audit_chain_heads` takes the tenant's head row lock, held until the caller's transaction
 * ends: concurrent writers of one tenant queue there (and only there), so each one reads the head its
 * predecessor committed and the chain cannot fork; a rolled-back transaction leaves the head untouched, so
 * there is no gap. Other tenants have other rows and never wait. The instant is taken from the database
 * under the lock (monotonic with `seq` on one server) and stored exactly as hashed.
 */
export async function appendAuditEvent(runner: SqlRunner, tenantId: string, event: AuditAppend): Promise<AppendedAuditEvent> {
  const [head] = (await runner.query(
    `insert into audit_chain_heads as h (tenant_id, seq, hash) values ($1, 0, $2)
     on conflict (tenant_id) do update set seq = h.seq
     returning h.seq::text as seq, h.hash, ${CANONICAL_TIME_SQL('clock_timestamp()')} as occurred_at`,
    [tenantId, GENESIS_HASH],
  )) as { seq: string; hash: string; occurred_at: string }[];
  const chained = {
    prevHash: head.hash,
    seq: Number(head.seq) + 1,
    tenantId,
    id: randomUUID(),
    occurredAt: head.occurred_at,
    actorUserId: event.actorUserId ?? null,
    operation: event.operation,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  };
  const hash = hashEvent(chained);
  await runner.query(
    `with e as (
       insert into audit_events (tenant_id, id, occurred_at, actor_user_id, operation, entity_type, entity_id, before, after, request_id, seq, prev_hash, hash)
       values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13)
       returning tenant_id)
     update audit_chain_heads set seq = $11, hash = $13 where tenant_id = (select tenant_id from e)`,
    [
      tenantId,
      chained.id,
      chained.occurredAt,
      chained.actorUserId,
      chained.operation,
      chained.entityType,
      chained.entityId,
      chained.before === null ? null : JSON.stringify(chained.before),
      chained.after === null ? null : JSON.stringify(chained.after),
      event.requestId ?? null,
      chained.seq,
      chained.prevHash,
      hash,
    ],
  );
  return { id: chained.id, seq: chained.seq, hash, occurredAt: chained.occurredAt };
}

interface ChainRow {
  seq: string;
  id: string;
  tenant_id: string;
  occurred_at: string;
  actor_user_id: string | null;
  operation: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Events of a tenant with `seq > afterSeq`, in seq order, with their canonical fields. */
export async function readChainPage(
  runner: SqlRunner,
  tenantId: string,
  afterSeq: number,
  limit: number,
  upToSeq = Number.MAX_SAFE_INTEGER,
): Promise<StoredChainedEvent[]> {
  const rows = (await runner.query(
    // (ORDER BY must name e.seq: a bare `seq` would sort by the text output column.)
    `select e.seq::text as seq, id, tenant_id, ${CANONICAL_TIME_SQL('occurred_at')} as occurred_at, actor_user_id, operation,
            entity_type, entity_id, before, after, prev_hash, hash
       from audit_events e where e.tenant_id = $1 and e.seq > $2 and e.seq <= $4 order by e.seq limit $3`,
    [tenantId, afterSeq, limit, upToSeq],
  )) as ChainRow[];
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    tenantId: r.tenant_id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    operation: r.operation,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export async function readChainHead(runner: SqlRunner, tenantId: string): Promise<{ seq: number; hash: string } | null> {
  const [row] = (await runner.query(`select seq::text as seq, hash from audit_chain_heads where tenant_id = $1`, [tenantId])) as {
    seq: string;
    hash: string;
  }[];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/**
 * Verifies a tenant's whole chain page by page (memory bounded by `pageSize`), then checks that it ends
 * at the recorded head. The head is read first: events appended meanwhile are beyond it and not walked.
 */
export async function verifyTenantChain(runner: SqlRunner, tenantId: string, pageSize = 1000): Promise<ChainReport> {
  const head = await readChainHead(runner, tenantId);
  const verifier = new ChainVerifier(tenantId);
  const end = head?.seq ?? 0;
  let after = 0;
  while (after < end && !verifier.failed) {
    const page = await readChainPage(runner, tenantId, after, pageSize, end);
    if (page.length === 0) break;
    for (const e of page) if (!verifier.push(e)) break;
    after = page[page.length - 1].seq;
  }
  verifier.checkHead(head);
  return verifier.report();
}
