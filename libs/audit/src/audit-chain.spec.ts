import {
  AuditCheckpoint,
  canonicalEvent,
  ChainedEvent,
  checkpointSignatureValid,
  GENESIS_HASH,
  hashEvent,
  jsonbText,
  payloadDigest,
  REDACT_ENTITY_TYPE,
  REDACT_OPERATION,
  sha256Hex,
  signCheckpoint,
  StoredChainedEvent,
  verifyChain,
  verifyExport,
} from './audit-chain';

const TENANT = '0b5f4a9e-3c1d-4a8e-9f00-000000000001';
const KEY = 'k'.repeat(40);

/** An event as the database trigger would have chained it after `prev`. */
function next(prev: { seq: number; hash: string } | null, fields: Partial<StoredChainedEvent> = {}, tenantId = TENANT): StoredChainedEvent {
  const seq = (prev?.seq ?? 0) + 1;
  const before = 'before' in fields ? fields.before : seq === 1 ? null : { title: `v${seq - 1}`, amounts: [1, 2] };
  const after = 'after' in fields ? fields.after : { title: `v${seq}`, amounts: [1, 2.5], nested: { z: true, a: 'é' } };
  const e: ChainedEvent = {
    prevHash: prev?.hash ?? GENESIS_HASH,
    seq,
    tenantId,
    id: fields.id ?? `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    occurredAt: `2026-11-26T10:00:${String(seq % 60).padStart(2, '0')}.123456Z`,
    actorUserId: seq % 2 ? null : '11111111-1111-4111-8111-111111111111',
    operation: fields.operation ?? 'action.update',
    entityType: fields.entityType ?? 'Action',
    entityId: fields.entityId ?? '22222222-2222-4222-8222-222222222222',
    payloadDigest: payloadDigest(before, after),
  };
  return { ...e, before, after, hash: hashEvent(e) };
}

function chain(n: number, tenantId = TENANT): StoredChainedEvent[] {
  const out: StoredChainedEvent[] = [];
  for (let i = 0; i < n; i++) out.push(next(out[i - 1] ?? null, {}, tenantId));
  return out;
}

const marker = (reason: string) => ({ redacted: true, reason });

/** Redacts event `seq` as `audit_redact` does, and appends the redaction event. */
function redact(events: StoredChainedEvent[], seq: number, reason = 'secret'): StoredChainedEvent[] {
  const out = events.map((e) =>
    e.seq === seq ? { ...e, before: e.before === null ? null : marker(reason), after: e.after === null ? null : marker(reason) } : e,
  );
  const target = events[seq - 1];
  out.push(
    next(out[out.length - 1], {
      operation: REDACT_OPERATION,
      entityType: REDACT_ENTITY_TYPE,
      entityId: target.id,
      before: null,
      after: { eventId: target.id, reason },
    }),
  );
  return out;
}

const headOf = (events: StoredChainedEvent[]) => ({ seq: events[events.length - 1].seq, hash: events[events.length - 1].hash });
const checkpoint = (e: StoredChainedEvent, key = KEY, at = '2026-11-26T11:00:00.000Z'): AuditCheckpoint =>
  signCheckpoint(key, { tenantId: TENANT, seq: e.seq, hash: e.hash, at });

/**
 * Values computed by PostgreSQL (migration 1764710000000's functions, `select …::jsonb::text`,
 * `audit_payload_digest`, `audit_event_hash`): the TypeScript side must reproduce them to the byte. The
 * e2e suite (audit-chain.e2e-spec.ts) compares the two on live rows as well.
 */
describe('canonical jsonb text, as PostgreSQL prints it', () => {
  const after = {
    title: 'Réhabilitation « Maurepas »',
    amounts: [1.5, 1e21, 1.5e-7, -0, 0.1 + 0.2, 123, -42],
    nested: { z: true, a: 'é\n\u001f"\\/ 🏠 \u2028', é: null, aé: [], ab: {} },
    b: false,
  };
  const before = { title: 'v1', amounts: [] };

  it('orders keys by UTF-8 length then bytes, spaces its separators, prints numbers as numeric does', () => {
    expect(jsonbText(after)).toBe(
      '{"b": false, "title": "Réhabilitation « Maurepas »", "nested": {"a": "é\\n\\u001f\\"\\\\/ 🏠 \u2028", "z": true, "ab": {}, "é": null, "aé": []}, "amounts": [1.5, 1000000000000000000000, 0.00000015, 0, 0.30000000000000004, 123, -42]}',
    );
  });

  it('gives the payload digest and the event hash PostgreSQL computes', () => {
    expect(payloadDigest(before, after)).toBe('c727570ce207a84fb7b4f2ddf28e5ca68373d606f289f29c80dd4b4d58d33150');
    expect(payloadDigest(null, null)).toBe('32f2bc023ca3b4156e9afed8ba4e17d9bfaee922f1d60295ca9e5dfda325619e');
    expect(payloadDigest(undefined, undefined)).toBe(payloadDigest(null, null));
    const e: ChainedEvent = {
      prevHash: GENESIS_HASH,
      seq: 1,
      tenantId: TENANT,
      id: '00000000-0000-4000-8000-000000000001',
      occurredAt: '2026-11-26T10:00:00.000001Z',
      actorUserId: null,
      operation: 'x.y',
      entityType: 'X',
      entityId: null,
      payloadDigest: payloadDigest(null, { b: 2, a: 1 }),
    };
    expect(canonicalEvent({ ...e, payloadDigest: 'd' })).toBe(
      `{"id": "00000000-0000-4000-8000-000000000001", "seq": 1, "entity_id": null, "operation": "x.y", "prev_hash": "${GENESIS_HASH}", "tenant_id": "${TENANT}", "entity_type": "X", "occurred_at": "2026-11-26T10:00:00.000001Z", "actor_user_id": null, "payload_digest": "d"}`,
    );
    expect(hashEvent(e)).toBe('e5a91876f97761f72122a7747eb722dad6dd97bcd06d87225f90f3184dab6e40');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is independent of key insertion order', () => {
    expect(jsonbText({ a: 1, b: { c: 2, d: 3 } })).toBe(jsonbText({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('expands exponents in both directions and keeps signs', () => {
    expect(jsonbText([1e21, -1.2345e25, 1e-7, -2.5e-8, 5e-324])).toBe(
      `[1000000000000000000000, -12345000000000000000000000, 0.0000001, -0.000000025, 0.${'0'.repeat(323)}5]`,
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => jsonbText(Number.NaN)).toThrow(TypeError);
    expect(() => jsonbText(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => jsonbText(10n)).toThrow(TypeError);
    expect(() => jsonbText(new Date())).toThrow(TypeError);
  });
});

describe('event hash', () => {
  const [e] = chain(1);

  it('changes with every covered field', () => {
    const h = hashEvent(e);
    const variants: Partial<ChainedEvent>[] = [
      { prevHash: '1'.repeat(64) },
      { seq: 2 },
      { tenantId: '0b5f4a9e-3c1d-4a8e-9f00-000000000002' },
      { id: '00000000-0000-4000-8000-000000000999' },
      { occurredAt: '2026-11-26T10:00:01.123457Z' },
      { actorUserId: '11111111-1111-4111-8111-111111111111' },
      { operation: 'action.create' },
      { entityType: 'Organisation' },
      { entityId: null },
      { payloadDigest: payloadDigest(null, { title: 'v2' }) },
    ];
    for (const v of variants) expect(hashEvent({ ...e, ...v })).not.toBe(h);
  });

  it('covers the payloads through their digest only (a redaction keeps the hash)', () => {
    expect(hashEvent({ ...e, before: { x: 1 }, after: marker('r') } as StoredChainedEvent)).toBe(hashEvent(e));
  });

  it('does not depend on UUID case', () => {
    expect(hashEvent({ ...e, id: e.id.toUpperCase(), tenantId: TENANT.toUpperCase() })).toBe(hashEvent(e));
  });

  it('refuses a non-canonical instant or seq', () => {
    expect(() => hashEvent({ ...e, occurredAt: '2026-11-26T10:00:00.123Z' })).toThrow(TypeError);
    expect(() => hashEvent({ ...e, seq: 0 })).toThrow(TypeError);
  });
});

describe('chain verification', () => {
  it('accepts an honest chain that ends at its head', () => {
    const events = chain(5);
    expect(verifyChain(TENANT, events, { head: headOf(events) })).toMatchObject({ valid: true, checked: 5, reason: null, lastSeq: 5 });
    expect(verifyChain(TENANT, [], { head: null })).toMatchObject({ valid: true, checked: 0, lastSeq: 0, lastHash: GENESIS_HASH });
  });

  it('points at an event whose covered fields were altered (hash_mismatch)', () => {
    const events = chain(5);
    events[2] = { ...events[2], operation: 'action.delete' };
    expect(verifyChain(TENANT, events)).toMatchObject({
      valid: false,
      checked: 3,
      firstInvalidSeq: 3,
      firstInvalidEventId: events[2].id,
      reason: 'hash_mismatch',
    });
  });

  it('points at an event whose payload was altered (payload_mismatch), even marked redacted halfway', () => {
    const events = chain(5);
    const altered = [...events];
    altered[2] = { ...events[2], after: { title: 'falsifié' } };
    expect(verifyChain(TENANT, altered)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      firstInvalidEventId: events[2].id,
      reason: 'payload_mismatch',
    });
    // A marker on one payload while the other is left as it was is not a redaction.
    altered[2] = { ...events[2], after: marker('x') };
    expect(verifyChain(TENANT, altered)).toMatchObject({ valid: false, firstInvalidSeq: 3, reason: 'payload_mismatch' });
  });

  it('points at the event after a rewritten one whose hash was recomputed (broken_link)', () => {
    const events = chain(5);
    events[2] = next(events[1], { after: { title: 'falsifié' } });
    expect(verifyChain(TENANT, events)).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      firstInvalidEventId: events[3].id,
      reason: 'broken_link',
    });
  });

  it('points at the event after a deleted one (sequence_gap), and at the head when the end is missing', () => {
    const events = chain(5);
    const head = headOf(events);
    const gap = [...events];
    gap.splice(1, 1);
    expect(verifyChain(TENANT, gap)).toMatchObject({ valid: false, firstInvalidSeq: 3, reason: 'sequence_gap' });
    expect(verifyChain(TENANT, events.slice(0, 4), { head })).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: 'head_mismatch' });
  });

  it('points at an event written beyond the head, however well it links (beyond_head)', () => {
    const events = chain(5);
    const head = headOf(events);
    const forged = next(events[4], { operation: 'action.backdated' });
    expect(verifyChain(TENANT, [...events, forged], { head })).toMatchObject({
      valid: false,
      checked: 6,
      firstInvalidSeq: 6,
      firstInvalidEventId: forged.id,
      reason: 'beyond_head',
    });
  });

  it('refuses events of another tenant spliced in', () => {
    const events = chain(3);
    const other = chain(3, '0b5f4a9e-3c1d-4a8e-9f00-000000000002');
    expect(verifyChain(TENANT, [events[0], other[1], events[2]])).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('accepts a redacted event named by a redaction event, and refuses one that is not', () => {
    const redacted = redact(chain(4), 2, 'Empreinte de mot de passe');
    expect(redacted[1].after).toEqual(marker('Empreinte de mot de passe'));
    expect(verifyChain(TENANT, redacted, { head: headOf(redacted) })).toMatchObject({ valid: true, checked: 5, redacted: 1 });
    const silent = redacted.slice(0, 4);
    expect(verifyChain(TENANT, silent, { head: headOf(silent) })).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
      firstInvalidEventId: redacted[1].id,
      reason: 'redaction_unrecorded',
    });
  });
});

describe('signed checkpoints', () => {
  const events = chain(6);
  const head = headOf(events);

  it('signs the tenant, seq, hash and instant, and nothing else passes for it', () => {
    const cp = checkpoint(events[3]);
    expect(cp.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointSignatureValid(KEY, cp)).toBe(true);
    expect(checkpointSignatureValid('autre-clé'.repeat(5), cp)).toBe(false);
    for (const v of [
      { seq: 5 },
      { hash: events[4].hash },
      { at: '2026-11-26T11:00:00.001Z' },
      { tenantId: '0b5f4a9e-3c1d-4a8e-9f00-000000000002' },
      { mac: 'zz' },
    ]) {
      expect(checkpointSignatureValid(KEY, { ...cp, ...v })).toBe(false);
    }
  });

  it('holds the chain against a checkpoint: matched with a valid signature, unchecked without a key', () => {
    const cp = checkpoint(events[3]);
    expect(verifyChain(TENANT, events, { head, checkpoints: [cp], key: KEY })).toMatchObject({
      valid: true,
      checkpoints: [{ seq: 4, hash: events[3].hash, at: cp.at, signature: 'valid', matched: true }],
    });
    expect(verifyChain(TENANT, events, { head, checkpoints: [cp] })).toMatchObject({
      valid: true,
      checkpoints: [{ signature: 'unchecked', matched: true }],
    });
  });

  it('detects a chain rewritten consistently from the genesis after a checkpoint (checkpoint_mismatch)', () => {
    const cp = checkpoint(events[3]);
    const rewritten: StoredChainedEvent[] = [];
    for (const e of events)
      rewritten.push(next(rewritten[rewritten.length - 1] ?? null, e.seq === 2 ? { after: { title: 'réécrit' } } : {}));
    // On its own the rewrite verifies: every hash recomputed, head moved with it.
    expect(verifyChain(TENANT, rewritten, { head: headOf(rewritten) }).valid).toBe(true);
    expect(verifyChain(TENANT, rewritten, { head: headOf(rewritten), checkpoints: [cp], key: KEY })).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      firstInvalidEventId: rewritten[3].id,
      reason: 'checkpoint_mismatch',
    });
    // A chain cut back below the checkpoint does not reach it.
    expect(verifyChain(TENANT, events.slice(0, 3), { checkpoints: [cp], key: KEY })).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'checkpoint_mismatch',
    });
  });

  it('refuses a checkpoint signed with another key, or for another tenant (checkpoint_signature)', () => {
    const forged = checkpoint(events[3], 'une-autre-clé-de-quarante-caractères-xx');
    expect(verifyChain(TENANT, events, { head, checkpoints: [forged], key: KEY })).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'checkpoint_signature',
    });
    const otherTenant = { ...checkpoint(events[3]), tenantId: '0b5f4a9e-3c1d-4a8e-9f00-000000000002' };
    expect(verifyChain(TENANT, events, { checkpoints: [otherTenant] })).toMatchObject({ valid: false, reason: 'checkpoint_signature' });
  });
});

describe('offline verification of an export', () => {
  const events = redact(chain(6), 3);
  const exported = events.map(({ tenantId: _t, ...e }) => e);
  const stored = checkpoint(events[3]);
  const fresh = checkpoint(events[6], KEY, '2026-11-26T12:00:00.000Z');
  const cps = [stored, fresh].map(({ tenantId: _t, ...c }) => c);

  it('verifies an export, whole or in pages, in the GraphQL response shape, with its checkpoints and the key', () => {
    expect(verifyExport({ data: { auditExport: { tenantId: TENANT, events: exported, checkpoints: cps } } }, KEY)).toMatchObject({
      valid: true,
      checked: 7,
      firstSeq: 1,
      redacted: 1,
      checkpoints: [
        { seq: 4, signature: 'valid', matched: true },
        { seq: 7, signature: 'valid', matched: true },
      ],
    });
    const pages = [
      { tenantId: TENANT, events: exported.slice(0, 3), checkpoints: cps },
      { tenantId: TENANT, events: exported.slice(3), checkpoints: cps },
    ];
    expect(verifyExport(pages, KEY)).toMatchObject({ valid: true, checked: 7, checkpoints: [{ seq: 4 }, { seq: 7 }] });
    expect(verifyExport(pages)).toMatchObject({ valid: true, checkpoints: [{ signature: 'unchecked' }, { signature: 'unchecked' }] });
  });

  it('fails an edited export, an export cut before its signed head, and a wrong key', () => {
    const tampered = exported.map((e) => (e.seq === 4 ? { ...e, after: { title: 'autre' } } : e));
    expect(verifyExport({ tenantId: TENANT, events: tampered, checkpoints: cps })).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'payload_mismatch',
    });
    expect(verifyExport({ tenantId: TENANT, events: exported.slice(0, 5), checkpoints: cps })).toMatchObject({
      valid: false,
      firstInvalidSeq: 7,
      reason: 'checkpoint_mismatch',
    });
    expect(verifyExport({ tenantId: TENANT, events: exported, checkpoints: cps }, 'w'.repeat(40))).toMatchObject({
      valid: false,
      reason: 'checkpoint_signature',
    });
  });

  it('anchors an export that starts later on its first event, leaving earlier checkpoints unchecked', () => {
    expect(verifyExport({ tenantId: TENANT, events: exported.slice(4), checkpoints: cps }, KEY)).toMatchObject({
      valid: true,
      checked: 3,
      firstSeq: 5,
      checkpoints: [
        { seq: 4, matched: true },
        { seq: 7, matched: true },
      ],
    });
    expect(verifyExport({ tenantId: TENANT, events: exported.slice(5), checkpoints: cps }, KEY)).toMatchObject({
      valid: true,
      checkpoints: [
        { seq: 4, matched: null },
        { seq: 7, matched: true },
      ],
    });
    const badStart = exported.map((e) => (e.seq === 1 ? { ...e, prevHash: '1'.repeat(64) } : e));
    expect(verifyExport({ tenantId: TENANT, events: badStart })).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    expect(() => verifyExport({ nope: true })).toThrow(TypeError);
  });
});
