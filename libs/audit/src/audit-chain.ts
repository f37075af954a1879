import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The hash chain of a tenant's audit trail, as its verifiers see it — pure code, shared by the API, the
 * CLI and the offline verifier of an export. No I/O here. Kept in one file on purpose (about 450 lines,
 * half of them this documentation): it must recompute byte for byte what the database trigger computes,
 * and a reviewer checks the two side by side.
 *
 * The chain is written by PostgreSQL itself: a trigger owned by the schema owner (migration
 * 1764710000000) assigns `seq`, `prev_hash`, `occurred_at`, `payload_digest` and `hash` to every row
 * inserted into `audit_events`, whatever the inserting role supplied; the runtime role can neither skip
 * the trigger nor touch the chain heads. This file recomputes exactly what the trigger computes:
 *
 *   payload_digest = hex(SHA-256(UTF-8(jsonb_build_object('before', before, 'after', after)::text)))
 *   hash           = hex(SHA-256(UTF-8(jsonb_build_object('prev_hash', …, 'seq', …, 'tenant_id', …, 'id', …,
 *                      'occurred_at', …, 'actor_user_id', …, 'operation', …, 'entity_type', …,
 *                      'entity_id', …, 'payload_digest', …)::text)))
 *
 * The canonical text is PostgreSQL's own output of a jsonb value (`jsonbText` below reproduces it): object
 * keys ordered by UTF-8 length then bytes, `", "` and `": "` as separators, numbers as `numeric` prints
 * them. `occurred_at` is the instant at UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ` (see
 * `CANONICAL_TIME_SQL`), `seq` a number, ids lower-case UUID strings.
 *
 * The chain covers the digest of the payloads, not the payloads: an owner may later replace a payload by a
 * redaction marker (`audit_redact`, `npm run audit:redact`) and the chain still verifies; the verifier then
 * checks that the redaction itself is recorded in the chain (an `audit.redact` event naming it).
 */

export const GENESIS_HASH = '0'.repeat(64);

/** Operation of the event that records a redaction; its `entityId` is the redacted event's id. */
export const REDACT_OPERATION = 'audit.redact';
export const REDACT_ENTITY_TYPE = 'AuditEvent';

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
  /** SHA-256 of the payloads' canonical text (`payloadDigest(before, after)`), fixed when written. */
  payloadDigest: string;
}

/** A stored event: the covered fields, the hash it claims, and its payloads (possibly redacted). */
export interface StoredChainedEvent extends ChainedEvent {
  hash: string;
  before: unknown;
  after: unknown;
}

export const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** PostgreSQL expression that renders a timestamptz column in the canonical form. */
export const CANONICAL_TIME_SQL = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A JavaScript number as PostgreSQL's `numeric` prints the value parsed from `JSON.stringify`'s text:
 * the same digits, never an exponent (`1e+21` is stored and printed as `1000000000000000000000`,
 * `1.5e-7` as `0.00000015`).
 */
function numericText(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`jsonbText: non-finite number ${n}`);
  const text = JSON.stringify(n); // -0 is written 0, as numeric has no negative zero
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** PostgreSQL orders jsonb object keys by length, then bytewise (both in UTF-8). */
function compareJsonbKeys(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length - bb.length || Buffer.compare(ba, bb);
}

/**
 * The text PostgreSQL gives for `value::jsonb::text`: the canonical form hashed by the database. Strings
 * are escaped as `JSON.stringify` does (PostgreSQL escapes the same characters, `\u00xx` in lower case).
 * Refuses what JSON cannot carry faithfully.
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return numericText(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => jsonbText(v)).join(', ')}]`;
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new TypeError(`jsonbText: only plain objects (got ${Object.prototype.toString.call(value)})`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(compareJsonbKeys);
      return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(obj[k])}`).join(', ')}}`;
    }
    default:
      throw new TypeError(`jsonbText: unsupported ${typeof value}`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The digest of an event's payloads that its hash covers (computed by the trigger when written). */
export function payloadDigest(before: unknown, after: unknown): string {
  return sha256Hex(jsonbText({ before: before ?? null, after: after ?? null }));
}

/** The exact text that is hashed for an event. */
export function canonicalEvent(e: ChainedEvent): string {
  if (!CANONICAL_TIME.test(e.occurredAt)) throw new TypeError(`occurredAt is not canonical: ${e.occurredAt}`);
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) throw new TypeError(`seq must be a positive integer: ${e.seq}`);
  return jsonbText({
    prev_hash: e.prevHash,
    seq: e.seq,
    tenant_id: e.tenantId.toLowerCase(),
    id: e.id.toLowerCase(),
    occurred_at: e.occurredAt,
    actor_user_id: e.actorUserId?.toLowerCase() ?? null,
    operation: e.operation,
    entity_type: e.entityType,
    entity_id: e.entityId?.toLowerCase() ?? null,
    payload_digest: e.payloadDigest,
  });
}

export function hashEvent(e: ChainedEvent): string {
  return sha256Hex(canonicalEvent(e));
}

/** What replaces a redacted payload (written by the owner-only SQL function `audit_redact`). */
export interface RedactionMarker {
  redacted: true;
  reason: string;
}

export function isRedactionMarker(value: unknown): value is RedactionMarker {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.redacted === true && typeof v.reason === 'string' && Object.keys(v).length === 2;
}

/** Every payload that was not null is a redaction marker, and at least one is. */
export function isRedacted(e: Pick<StoredChainedEvent, 'before' | 'after'>): boolean {
  const payloads = [e.before, e.after].filter((p) => p !== null && p !== undefined);
  return payloads.length > 0 && payloads.every(isRedactionMarker);
}

// --- Checkpoints ------------------------------------------------------------------------------------------

/**
 * A signed checkpoint: the head of a tenant's chain at an instant, authenticated by HMAC-SHA256 with
 * AUDIT_CHECKPOINT_KEY, a secret the database never holds. Whoever rewrites the chain consistently in the
 * database (hashes recomputed from the genesis) cannot sign a matching checkpoint without the key.
 */
export interface AuditCheckpoint {
  tenantId: string;
  seq: number;
  hash: string;
  /** When it was signed: `YYYY-MM-DDTHH:MM:SS.mmmZ` (`Date.toISOString()`). */
  at: string;
  /** hex(HMAC-SHA256(key, checkpointMessage)). */
  mac: string;
}

/** The signed text: a fixed prefix (a MAC of anything else cannot pass for a checkpoint), then the fields. */
export function checkpointMessage(cp: Omit<AuditCheckpoint, 'mac'>): string {
  return ['pilotis.audit-checkpoint.v1', cp.tenantId.toLowerCase(), String(cp.seq), cp.hash, cp.at].join('\n');
}

export function signCheckpoint(key: string, cp: Omit<AuditCheckpoint, 'mac'>): AuditCheckpoint {
  return { ...cp, mac: createHmac('sha256', key).update(checkpointMessage(cp), 'utf8').digest('hex') };
}

export function checkpointSignatureValid(key: string, cp: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, cp).mac, 'hex');
  const given = /^[0-9a-f]{64}$/.test(cp.mac) ? Buffer.from(cp.mac, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// --- Verification -----------------------------------------------------------------------------------------

export type ChainFault =
  /** The event's covered fields do not give its hash (or it belongs to another tenant). */
  | 'hash_mismatch'
  /** The event's payloads do not give its payload digest, and they are not a redaction. */
  | 'payload_mismatch'
  /** The event does not name the previous event's hash. */
  | 'broken_link'
  /** A seq is missing (an event deleted). */
  | 'sequence_gap'
  /** The chain ends before the recorded head, or at another hash (events removed at the end). */
  | 'head_mismatch'
  /** An event lies beyond the recorded head (written around the chain). */
  | 'beyond_head'
  /** A signed checkpoint names a hash the chain does not have at its seq (the chain was rewritten), or a seq it does not reach. */
  | 'checkpoint_mismatch'
  /** A checkpoint's signature is not valid with the key. */
  | 'checkpoint_signature'
  /** A redacted event that no `audit.redact` event of the chain names. */
  | 'redaction_unrecorded';

export interface CheckpointCheck {
  seq: number;
  hash: string;
  at: string;
  /** `valid` with the key given; `unchecked` without a key. */
  signature: 'valid' | 'unchecked';
  /** The chain has this hash at this seq (`null`: the seq lies before an export that starts later). */
  matched: boolean | null;
}

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
  /** Events whose payloads were redacted (each named by an `audit.redact` event). */
  redacted: number;
  checkpoints: CheckpointCheck[];
}

type Anchor = { seq: number; hash: string } | 'first';

/**
 * Walks a chain incrementally (feed it events in seq order, page by page): stops at the first fault.
 * By default the chain starts at the genesis (seq 0, 64 zeros); verifying an export that starts later,
 * pass `'first'` to take the first event's `prevHash` and `seq - 1` as the starting point.
 *
 * Before the walk: `expectHead` (events beyond it are faults, and the walk must reach it) and
 * `expectCheckpoint` (its hash must be the chain's at its seq; its signature is checked when a key is
 * given). After it: `finish()`, then `report()`.
 */
export class ChainVerifier {
  private lastSeq: number;
  private lastHash: string;
  private firstSeq: number | null = null;
  /** The hash the walk starts from (the genesis, or the `prevHash` of an export's first event). */
  private anchorHash: string | null = null;
  private checked = 0;
  private redacted = 0;
  private fault: Pick<ChainReport, 'firstInvalidSeq' | 'firstInvalidEventId' | 'reason'> | null = null;
  private anchored: boolean;
  private head: { seq: number; hash: string } | null | undefined;
  private readonly checkpoints: (CheckpointCheck & { pending: boolean })[] = [];
  /** Redacted events not yet named by a redaction event: id → seq. */
  private readonly unrecordedRedactions = new Map<string, number>();

  constructor(
    private readonly tenantId: string,
    start: Anchor = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.anchored = start !== 'first';
    this.lastSeq = start === 'first' ? 0 : start.seq;
    this.lastHash = start === 'first' ? GENESIS_HASH : start.hash;
    if (start !== 'first') {
      this.firstSeq = start.seq + 1;
      this.anchorHash = start.hash;
    }
  }

  get failed(): boolean {
    return this.fault !== null;
  }

  /** The recorded head: `null` when the tenant has none (then there must be no events). */
  expectHead(head: { seq: number; hash: string } | null): void {
    this.head = head ?? { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * A signed checkpoint to hold the chain against. With `key`, an invalid signature is a fault at once;
   * without, only its seq and hash are compared (the report says the signature was not checked).
   */
  expectCheckpoint(cp: AuditCheckpoint, key: string | null): boolean {
    if (this.fault) return false;
    if (cp.tenantId.toLowerCase() !== this.tenantId.toLowerCase() || (key !== null && !checkpointSignatureValid(key, cp))) {
      this.fault = { firstInvalidSeq: cp.seq, firstInvalidEventId: null, reason: 'checkpoint_signature' };
      return false;
    }
    this.checkpoints.push({
      seq: cp.seq,
      hash: cp.hash,
      at: cp.at,
      signature: key === null ? 'unchecked' : 'valid',
      matched: null,
      pending: true,
    });
    return true;
  }

  private fail(reason: ChainFault, seq: number | null, id: string | null): false {
    this.fault = { firstInvalidSeq: seq, firstInvalidEventId: id, reason };
    return false;
  }

  /** Checks the next event; returns false once the chain is invalid (further events are ignored). */
  push(e: StoredChainedEvent): boolean {
    if (this.fault) return false;
    if (!this.anchored) {
      this.anchored = true;
      this.lastSeq = e.seq - 1;
      this.lastHash = e.prevHash;
      this.firstSeq = e.seq;
      this.anchorHash = e.prevHash;
    }
    this.checked++;
    if (e.seq !== this.lastSeq + 1) return this.fail('sequence_gap', e.seq, e.id);
    if (this.head && e.seq > this.head.seq) return this.fail('beyond_head', e.seq, e.id);
    let computed: string;
    try {
      computed = e.tenantId.toLowerCase() === this.tenantId.toLowerCase() ? hashEvent(e) : '';
    } catch {
      computed = '';
    }
    if (computed !== e.hash) return this.fail('hash_mismatch', e.seq, e.id);
    if (e.prevHash !== this.lastHash) return this.fail('broken_link', e.seq, e.id);
    if (isRedacted(e)) {
      this.redacted++;
      this.unrecordedRedactions.set(e.id.toLowerCase(), e.seq);
    } else {
      let digest: string;
      try {
        digest = payloadDigest(e.before, e.after);
      } catch {
        digest = '';
      }
      if (digest !== e.payloadDigest) return this.fail('payload_mismatch', e.seq, e.id);
    }
    if (e.operation === REDACT_OPERATION && e.entityType === REDACT_ENTITY_TYPE && e.entityId) {
      this.unrecordedRedactions.delete(e.entityId.toLowerCase());
    }
    for (const cp of this.checkpoints) {
      if (cp.pending && cp.seq === e.seq) {
        cp.pending = false;
        cp.matched = cp.hash === e.hash;
        if (!cp.matched) return this.fail('checkpoint_mismatch', e.seq, e.id);
      }
    }
    this.lastSeq = e.seq;
    this.lastHash = e.hash;
    return true;
  }

  /**
   * After the last event: the walk must have reached the head at its hash, and every checkpoint; every
   * redaction must be recorded. Checkpoints before the start of an export that starts later cannot be
   * compared and are left `matched: null`.
   */
  finish(): boolean {
    if (this.fault) return false;
    if (this.head && (this.head.seq !== this.lastSeq || this.head.hash !== this.lastHash)) {
      return this.fail('head_mismatch', Math.min(this.lastSeq + 1, this.head.seq), null);
    }
    for (const cp of this.checkpoints.filter((c) => c.pending).sort((a, b) => a.seq - b.seq)) {
      if (cp.seq > this.lastSeq) return this.fail('checkpoint_mismatch', cp.seq, null);
      if (this.firstSeq !== null && cp.seq === this.firstSeq - 1) {
        // The export's anchor: the previous hash its first event names.
        cp.pending = false;
        cp.matched = cp.hash === this.anchorHash;
        if (!cp.matched) return this.fail('checkpoint_mismatch', cp.seq, null);
      }
    }
    const unrecorded = [...this.unrecordedRedactions.entries()].sort((a, b) => a[1] - b[1])[0];
    if (unrecorded) return this.fail('redaction_unrecorded', unrecorded[1], unrecorded[0]);
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
      redacted: this.redacted,
      checkpoints: this.checkpoints.map(({ pending: _p, ...c }) => c),
    };
  }
}

/** Verifies a whole list at once. */
export function verifyChain(
  tenantId: string,
  events: Iterable<StoredChainedEvent>,
  options: { start?: Anchor; head?: { seq: number; hash: string } | null; checkpoints?: AuditCheckpoint[]; key?: string | null } = {},
): ChainReport {
  const v = new ChainVerifier(tenantId, options.start);
  if (options.head !== undefined) v.expectHead(options.head);
  for (const cp of options.checkpoints ?? []) v.expectCheckpoint(cp, options.key ?? null);
  for (const e of events) if (!v.push(e)) break;
  v.finish();
  return v.report();
}

/** A checkpoint as an export carries it (its tenant is the page's). */
export type ExportedCheckpoint = Omit<AuditCheckpoint, 'tenantId'>;

/** One page of `auditExport`, as the API returns it (`data.auditExport`). */
export interface AuditExportJson {
  tenantId: string;
  events: Omit<StoredChainedEvent, 'tenantId'>[];
  /** The latest checkpoint stored when the page was read, and one signed for the export. */
  checkpoints?: (ExportedCheckpoint | null)[];
}

/**
 * Verifies an export offline: a page of `auditExport`, the whole GraphQL response (`{ data: { auditExport } }`),
 * or an array of either (consecutive pages). An export from seq 1 must start at the genesis; one that
 * starts later is anchored on its first event's `prevHash` (it proves the continuity of that stretch).
 * Every checkpoint the pages carry must match the chain at its seq, which the export must reach (an
 * export cut short before the head it was signed at fails); with `key` (AUDIT_CHECKPOINT_KEY, given by
 * the auditor) their signatures are checked too.
 */
export function verifyExport(json: unknown, key: string | null = null): ChainReport & { tenantId: string; firstSeq: number | null } {
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
  const checkpoints = new Map<string, AuditCheckpoint>();
  for (const cp of pages.flatMap((p) => p.checkpoints ?? [])) {
    if (cp) checkpoints.set(`${cp.seq}|${cp.hash}|${cp.at}|${cp.mac}`, { ...cp, tenantId });
  }
  const firstSeq = events.length ? events[0].seq : null;
  const report = verifyChain(tenantId, events, {
    start: firstSeq === null || firstSeq === 1 ? { seq: 0, hash: GENESIS_HASH } : 'first',
    checkpoints: [...checkpoints.values()].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at)),
    key,
  });
  return { ...report, tenantId, firstSeq };
}
