import { randomUUID } from 'node:crypto';

import { AuditCheckpoint, CANONICAL_TIME_SQL, ChainReport, ChainVerifier, StoredChainedEvent } from './audit-chain';

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
 * Appends one event to a tenant's audit trail, in the caller's transaction. The one implementation, used
 * by `AuditService.record`, tenant provisioning and the demo seed.
 *
 * The application supplies only what happened; PostgreSQL chains it. The `audit_events_chain` trigger
 * (owned by the schema owner, SECURITY DEFINER) takes the tenant's head row lock — held until the
 * caller's transaction ends, so concurrent writers of one tenant queue there and the chain cannot fork;
 * a rolled-back transaction leaves the head untouched, so there is no gap — then assigns `seq`,
 * `prev_hash`, `occurred_at` (the database clock, under the lock), `payload_digest` and `hash`, and moves
 * the head. Whatever a caller put in those columns would be overwritten.
 */
export async function appendAuditEvent(runner: SqlRunner, tenantId: string, event: AuditAppend): Promise<AppendedAuditEvent> {
  const [row] = (await runner.query(
    `insert into audit_events (tenant_id, id, actor_user_id, operation, entity_type, entity_id, before, after, request_id)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
     returning id, seq::text as seq, hash, ${CANONICAL_TIME_SQL('occurred_at')} as occurred_at`,
    [
      tenantId,
      randomUUID(),
      event.actorUserId ?? null,
      event.operation,
      event.entityType,
      event.entityId ?? null,
      event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
      event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
      event.requestId ?? null,
    ],
  )) as { id: string; seq: string; hash: string; occurred_at: string }[];
  return { id: row.id, seq: Number(row.seq), hash: row.hash, occurredAt: row.occurred_at };
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
  payload_digest: string;
  prev_hash: string;
  hash: string;
}

/** Events of a tenant with `afterSeq < seq <= upToSeq`, in seq order, with their canonical fields. */
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
            entity_type, entity_id, before, after, payload_digest, prev_hash, hash
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
    payloadDigest: r.payload_digest,
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

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`, as `Date.toISOString()` writes the instant a checkpoint was signed at. */
export const CHECKPOINT_TIME_SQL = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The stored checkpoint of a tenant with the highest seq (the latest signed, among those). */
export async function readLatestCheckpoint(runner: SqlRunner, tenantId: string): Promise<AuditCheckpoint | null> {
  const [row] = (await runner.query(
    `select tenant_id, seq::text as seq, hash, ${CHECKPOINT_TIME_SQL('created_at')} as at, mac
       from audit_checkpoints where tenant_id = $1 order by seq desc, created_at desc, id limit 1`,
    [tenantId],
  )) as { tenant_id: string; seq: string; hash: string; at: string; mac: string }[];
  return row ? { tenantId: row.tenant_id, seq: Number(row.seq), hash: row.hash, at: row.at, mac: row.mac } : null;
}

export interface TenantChainReport extends ChainReport {
  /** The recorded head (seq 0 when the tenant has none). */
  headSeq: number;
  /** The highest seq of the tenant's events (0 when none): beyond `headSeq`, events were written around the chain. */
  maxSeq: number;
}

/**
 * Verifies a tenant's whole chain page by page (memory bounded by `pageSize`): every hash and link from
 * the genesis, every payload against its digest (or a recorded redaction), that the walk ends exactly at
 * the recorded head with no event beyond it, and that the latest signed checkpoint names the chain's hash
 * at its seq (its signature checked with `checkpointKey`; without a key, only its seq and hash).
 *
 * The head, the highest seq and the checkpoint are read in one statement (one snapshot): events appended
 * while the walk runs lie beyond that snapshot's highest seq and are not walked.
 */
export async function verifyTenantChain(
  runner: SqlRunner,
  tenantId: string,
  options: { checkpointKey?: string | null; pageSize?: number } = {},
): Promise<TenantChainReport> {
  const pageSize = options.pageSize ?? 1000;
  const [state] = (await runner.query(
    `select h.seq::text as head_seq, h.hash as head_hash, m.max_seq::text as max_seq,
            c.seq::text as cp_seq, c.hash as cp_hash, ${CHECKPOINT_TIME_SQL('c.created_at')} as cp_at, c.mac as cp_mac
       from (select 1) one
       left join audit_chain_heads h on h.tenant_id = $1
       left join lateral (select max(e.seq) as max_seq from audit_events e where e.tenant_id = $1) m on true
       left join lateral (select * from audit_checkpoints k where k.tenant_id = $1 order by k.seq desc, k.created_at desc, k.id limit 1) c on true`,
    [tenantId],
  )) as {
    head_seq: string | null;
    head_hash: string | null;
    max_seq: string | null;
    cp_seq: string | null;
    cp_hash: string;
    cp_at: string;
    cp_mac: string;
  }[];
  const head = state.head_seq === null ? null : { seq: Number(state.head_seq), hash: state.head_hash as string };
  const maxSeq = state.max_seq === null ? 0 : Number(state.max_seq);
  const verifier = new ChainVerifier(tenantId);
  verifier.expectHead(head);
  if (state.cp_seq !== null) {
    verifier.expectCheckpoint(
      { tenantId, seq: Number(state.cp_seq), hash: state.cp_hash, at: state.cp_at, mac: state.cp_mac },
      options.checkpointKey ?? null,
    );
  }
  const end = Math.max(maxSeq, head?.seq ?? 0);
  let after = 0;
  while (after < end && !verifier.failed) {
    const page = await readChainPage(runner, tenantId, after, pageSize, end);
    if (page.length === 0) break;
    for (const e of page) if (!verifier.push(e)) break;
    after = page[page.length - 1].seq;
  }
  verifier.finish();
  return { ...verifier.report(), headSeq: head?.seq ?? 0, maxSeq };
}
