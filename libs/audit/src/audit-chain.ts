import { createHash } from 'node:crypto';

/**
 * The hash chain of a tenant's audit trail — pure code, shared by the API, the CLI, the migration that
 * backfilled existing events, and the offline verifier of an export. No I/O here.
 *
 * Each event of a tenant has a sequence number `seq` (1, 2, 3…), the hash of the previous event of the
 * same tenant (`prevHash`, 64 zeros for the first) and its own `hash`:
 *
 *   hash = hex(SHA-256(UTF-8(canonicalJson({ prev_hash, seq, tenant_id, id, occurred_at, actor_user_id,
 *                                           operation, entity_type, entity_id, before, after }))))
 *
 * Canonical JSON: `JSON.stringify` syntax without any whitespace, object keys sorted (by UTF-16 code
 * units, JavaScript's default sort) at every level, array order kept, `null` for absent values.
 * `occurred_at` is the stored instant at UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ` (see
 * `CANONICAL_TIME_SQL`), `seq` a JSON number, ids lower-case UUID strings.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers. */
export interface ChainedEvent {
  prevHash: string;
  seq: number;
  tenantId: string;
  id: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, microseconds). */
  occurredAt: string;
  actorUserId: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** A stored event: the covered fields and the hash it claims. */
export interface StoredChainedEvent extends ChainedEvent {
  hash: string;
}

export const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** PostgreSQL expression that renders a timestamptz column in the canonical form. */
export const CANONICAL_TIME_SQL = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** JSON with sorted keys and no whitespace. Refuses what JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
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
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new TypeError(`canonicalJson: only plain objects (got ${Object.prototype.toString.call(value)})`);
      }
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

/** The exact text that is hashed for an event. */
export function canonicalEvent(e: ChainedEvent): string {
  if (!CANONICAL_TIME.test(e.occurredAt)) throw new TypeError(`occurredAt is not canonical: ${e.occurredAt}`);
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) throw new TypeError(`seq must be a positive integer: ${e.seq}`);
  return canonicalJson({
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
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashEvent(e: ChainedEvent): string {
  return sha256Hex(canonicalEvent(e));
}

export type ChainFault = 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch';

export interface ChainReport {
  valid: boolean;
  /** Events examined (up to and including the first invalid one). */
  checked: number;
  firstInvalidSeq: number | null;
  firstInvalidEventId: string | null;
  reason: ChainFault | null;
  /** Seq and hash of the last valid event (the head, when valid). */
  lastSeq: number;
  lastHash: string;
}

/**
 * Walks a chain incrementally (feed it events in seq order, page by page): stops at the first fault.
 * By default the chain starts at the genesis (seq 0, 64 zeros); verifying an export that starts later,
 * pass `anchor: 'first'` to take the first event's `prevHash` and `seq - 1` as the starting point.
 */
export class ChainVerifier {
  private lastSeq: number;
  private lastHash: string;
  private checked = 0;
  private fault: Pick<ChainReport, 'firstInvalidSeq' | 'firstInvalidEventId' | 'reason'> | null = null;
  private anchored: boolean;

  constructor(private readonly tenantId: string, start: { seq: number; hash: string } | 'first' = { seq: 0, hash: GENESIS_HASH }) {
    this.anchored = start !== 'first';
    this.lastSeq = start === 'first' ? 0 : start.seq;
    this.lastHash = start === 'first' ? GENESIS_HASH : start.hash;
  }

  get failed(): boolean {
    return this.fault !== null;
  }

  /** Checks the next event; returns false once the chain is invalid (further events are ignored). */
  push(e: StoredChainedEvent): boolean {
    if (this.fault) return false;
    if (!this.anchored) {
      this.anchored = true;
      this.lastSeq = e.seq - 1;
      this.lastHash = e.prevHash;
    }
    this.checked++;
    const fail = (reason: ChainFault): boolean => {
      this.fault = { firstInvalidSeq: e.seq, firstInvalidEventId: e.id, reason };
      return false;
    };
    if (e.seq !== this.lastSeq + 1) return fail('sequence_gap');
    let computed: string;
    try {
      computed = e.tenantId.toLowerCase() === this.tenantId.toLowerCase() ? hashEvent(e) : '';
    } catch {
      computed = '';
    }
    if (computed !== e.hash) return fail('hash_mismatch');
    if (e.prevHash !== this.lastHash) return fail('broken_link');
    this.lastSeq = e.seq;
    this.lastHash = e.hash;
    return true;
  }

  /**
   * Compares the end of the walk with the recorded chain head (detects events removed at the end).
   * `head` null means the tenant has no head: there must be no events either.
   */
  checkHead(head: { seq: number; hash: string } | null): boolean {
    if (this.fault) return false;
    const expected = head ?? { seq: 0, hash: GENESIS_HASH };
    if (expected.seq !== this.lastSeq || expected.hash !== this.lastHash) {
      this.fault = { firstInvalidSeq: Math.min(this.lastSeq + 1, expected.seq), firstInvalidEventId: null, reason: 'head_mismatch' };
      return false;
    }
    return true;
  }

  report(): ChainReport {
    return {
      valid: this.fault === null,
      checked: this.checked,
      firstInvalidSeq: this.fault?.firstInvalidSeq ?? null,
      firstInvalidEventId: this.fault?.firstInvalidEventId ?? null,
      reason: this.fault?.reason ?? null,
      lastSeq: this.lastSeq,
      lastHash: this.lastHash,
    };
  }
}

/** Verifies a whole list at once (the offline verifier). */
export function verifyChain(
  tenantId: string,
  events: Iterable<StoredChainedEvent>,
  start: { seq: number; hash: string } | 'first' = { seq: 0, hash: GENESIS_HASH },
): ChainReport {
  const v = new ChainVerifier(tenantId, start);
  for (const e of events) if (!v.push(e)) break;
  return v.report();
}

/** One page of `auditExport`, as the API returns it (`data.auditExport`). */
export interface AuditExportJson {
  tenantId: string;
  events: Omit<StoredChainedEvent, 'tenantId'>[];
}

/**
 * Verifies an export offline: a page of `auditExport`, the whole GraphQL response (`{ data: { auditExport } }`),
 * or an array of either (consecutive pages). An export from seq 1 must start at the genesis; one that
 * starts later is anchored on its first event's `prevHash` (it proves the continuity of that stretch).
 */
export function verifyExport(json: unknown): ChainReport & { tenantId: string; firstSeq: number | null } {
  const pages = (Array.isArray(json) ? json : [json]).map((p: unknown) => {
    const page = (p as { data?: { auditExport?: AuditExportJson } })?.data?.auditExport ?? (p as AuditExportJson);
    if (!page || typeof page.tenantId !== 'string' || !Array.isArray(page.events)) {
      throw new TypeError('export invalide : attendu { tenantId, events } (ou la réponse GraphQL de auditExport)');
    }
    return page;
  });
  if (pages.length === 0) throw new TypeError('export vide');
  const tenantId = pages[0].tenantId;
  if (pages.some((p) => p.tenantId !== tenantId)) throw new TypeError('export invalide : plusieurs territoires');
  const events = pages.flatMap((p) => p.events.map((e) => ({ ...e, tenantId })));
  const firstSeq = events.length ? events[0].seq : null;
  const report = verifyChain(tenantId, events, firstSeq === null || firstSeq === 1 ? { seq: 0, hash: GENESIS_HASH } : 'first');
  return { ...report, tenantId, firstSeq };
}
