import { createHash } from 'node:crypto';

import type { QueryRunner } from 'typeorm';

/**
 * The first audit chain scheme (migration 1764300000000 to 1764710000000), frozen here for the migrations
 * that read or wrote it: the application computed `seq`, `prev_hash` and `hash`, over the canonical JSON
 * (sorted keys, no whitespace) of the event including its payloads. Migrations must not follow the
 * library's later changes; the live scheme is in libs/audit/src/audit-chain.ts.
 *
 * (Not a migration: the migrations glob reads `migrations/*.ts` only.)
 */

export const GENESIS_HASH_V1 = '0'.repeat(64);

export interface ChainedEventV1 {
  prevHash: string;
  seq: number;
  tenantId: string;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface StoredChainedEventV1 extends ChainedEventV1 {
  hash: string;
}

function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

export function hashEventV1(e: ChainedEventV1): string {
  const text = canonicalJson({
    prev_hash: e.prevHash,
    seq: e.seq,
    tenant_id: e.tenantId.toLowerCase(),
    id: e.id.toLowerCase(),
    occurred_at: e.occurredAt,
    actor_user_id: e.actorUserId?.toLowerCase() ?? null,
    operation: e.operation,
    entity_type: e.entityType,
    entity_id: e.entityId?.toLowerCase() ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Events of a tenant with `seq > afterSeq`, in seq order, in the v1 form. */
export async function readChainPageV1(q: QueryRunner, tenantId: string, afterSeq: number, limit: number): Promise<StoredChainedEventV1[]> {
  const rows = (await q.query(
    `select e.seq::text as seq, id, tenant_id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
            actor_user_id, operation, entity_type, entity_id, before, after, prev_hash, hash
       from audit_events e where e.tenant_id = $1 and e.seq > $2 order by e.seq limit $3`,
    [tenantId, afterSeq, limit],
  )) as Record<string, unknown>[];
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id as string,
    tenantId: r.tenant_id as string,
    occurredAt: r.occurred_at as string,
    actorUserId: r.actor_user_id as string | null,
    operation: r.operation as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string | null,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}

/** Walks a tenant's v1 chain from the genesis: the first fault, or null when it verifies. */
export async function verifyChainV1(q: QueryRunner, tenantId: string): Promise<{ seq: number; reason: string } | null> {
  let prevHash = GENESIS_HASH_V1;
  let lastSeq = 0;
  for (;;) {
    const page = await readChainPageV1(q, tenantId, lastSeq, 1000);
    if (page.length === 0) return null;
    for (const e of page) {
      if (e.seq !== lastSeq + 1) return { seq: e.seq, reason: 'sequence_gap' };
      let computed = '';
      try {
        computed = hashEventV1(e);
      } catch {
        // a payload that JSON cannot carry: the hash cannot match
      }
      if (computed !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
      if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'broken_link' };
      prevHash = e.hash;
      lastSeq = e.seq;
    }
  }
}
