import { canonicalEvent, canonicalJson, ChainedEvent, GENESIS_HASH, hashEvent, sha256Hex, StoredChainedEvent, verifyChain, verifyExport } from './audit-chain';

const TENANT = '0b5f4a9e-3c1d-4a8e-9f00-000000000001';

function chain(n: number, tenantId = TENANT): StoredChainedEvent[] {
  const out: StoredChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedEvent = {
      prevHash,
      seq,
      tenantId,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: `2026-11-26T10:00:${String(seq % 60).padStart(2, '0')}.123456Z`,
      actorUserId: seq % 2 ? null : '11111111-1111-4111-8111-111111111111',
      operation: 'action.update',
      entityType: 'Action',
      entityId: '22222222-2222-4222-8222-222222222222',
      before: seq === 1 ? null : { title: `v${seq - 1}`, amounts: [1, 2] },
      after: { title: `v${seq}`, amounts: [1, 2], nested: { z: true, a: 'é' } },
    };
    prevHash = hashEvent(e);
    out.push({ ...e, hash: prevHash });
  }
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('writes strings as JSON does (escapes, unicode kept) and null for undefined/null', () => {
    expect(canonicalJson({ s: 'l\'été "chaud"\n', u: undefined, n: null })).toBe('{"n":null,"s":"l\'été \\"chaud\\"\\n"}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(new Date())).toThrow(TypeError);
  });
});

describe('event hash', () => {
  const [e] = chain(1);

  it('hashes the canonical text of exactly the covered fields, with snake_case keys', () => {
    const text = canonicalEvent(e);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'actor_user_id',
      'after',
      'before',
      'entity_id',
      'entity_type',
      'id',
      'occurred_at',
      'operation',
      'prev_hash',
      'seq',
      'tenant_id',
    ]);
    expect(hashEvent(e)).toBe(sha256Hex(text));
    expect(hashEvent(e)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has a known value (the format is a contract with offline verifiers)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(
      canonicalEvent({
        prevHash: GENESIS_HASH,
        seq: 1,
        tenantId: TENANT,
        id: '00000000-0000-4000-8000-000000000001',
        occurredAt: '2026-11-26T10:00:00.000001Z',
        actorUserId: null,
        operation: 'x.y',
        entityType: 'X',
        entityId: null,
        before: null,
        after: { b: 2, a: 1 },
      }),
    ).toBe(
      `{"actor_user_id":null,"after":{"a":1,"b":2},"before":null,"entity_id":null,"entity_type":"X","id":"00000000-0000-4000-8000-000000000001","occurred_at":"2026-11-26T10:00:00.000001Z","operation":"x.y","prev_hash":"${GENESIS_HASH}","seq":1,"tenant_id":"${TENANT}"}`,
    );
  });

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
      { before: {} },
      { after: { title: 'v1' } },
    ];
    for (const v of variants) expect(hashEvent({ ...e, ...v })).not.toBe(h);
  });

  it('does not depend on UUID case or key order of snapshots', () => {
    expect(hashEvent({ ...e, id: e.id.toUpperCase(), after: { nested: { a: 'é', z: true }, amounts: [1, 2], title: 'v1' } })).toBe(hashEvent(e));
  });

  it('refuses a non-canonical instant or seq', () => {
    expect(() => hashEvent({ ...e, occurredAt: '2026-11-26T10:00:00.123Z' })).toThrow(TypeError);
    expect(() => hashEvent({ ...e, seq: 0 })).toThrow(TypeError);
  });
});

describe('chain verification', () => {
  it('accepts an honest chain', () => {
    expect(verifyChain(TENANT, chain(5))).toMatchObject({ valid: true, checked: 5, reason: null, lastSeq: 5 });
    expect(verifyChain(TENANT, [])).toMatchObject({ valid: true, checked: 0, lastSeq: 0, lastHash: GENESIS_HASH });
  });

  it('points at an altered event (hash_mismatch)', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { title: 'falsifié' } };
    expect(verifyChain(TENANT, events)).toMatchObject({ valid: false, checked: 3, firstInvalidSeq: 3, firstInvalidEventId: events[2].id, reason: 'hash_mismatch' });
  });

  it('points at the event after a rewritten one whose hash was recomputed (broken_link)', () => {
    const events = chain(5);
    const forged = { ...events[2], after: { title: 'falsifié' } };
    events[2] = { ...forged, hash: hashEvent(forged) };
    expect(verifyChain(TENANT, events)).toMatchObject({ valid: false, firstInvalidSeq: 4, firstInvalidEventId: events[3].id, reason: 'broken_link' });
  });

  it('points at the event after a deleted one (sequence_gap)', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(TENANT, events)).toMatchObject({ valid: false, firstInvalidSeq: 3, reason: 'sequence_gap' });
  });

  it('refuses events of another tenant spliced in', () => {
    const events = chain(3);
    const other = chain(3, '0b5f4a9e-3c1d-4a8e-9f00-000000000002');
    expect(verifyChain(TENANT, [events[0], other[1], events[2]])).toMatchObject({ valid: false, firstInvalidSeq: 2, reason: 'hash_mismatch' });
  });

  it('verifies an export, whole or from a later page, and in the GraphQL response shape', () => {
    const events = chain(6).map(({ tenantId: _t, ...e }) => e);
    expect(verifyExport({ data: { auditExport: { tenantId: TENANT, events } } })).toMatchObject({ valid: true, checked: 6, firstSeq: 1 });
    expect(verifyExport([{ tenantId: TENANT, events: events.slice(0, 3) }, { tenantId: TENANT, events: events.slice(3) }])).toMatchObject({ valid: true, checked: 6 });
    expect(verifyExport({ tenantId: TENANT, events: events.slice(2) })).toMatchObject({ valid: true, checked: 4, firstSeq: 3 });
    const tampered = events.map((e) => (e.seq === 4 ? { ...e, operation: 'autre' } : e));
    expect(verifyExport({ tenantId: TENANT, events: tampered })).toMatchObject({ valid: false, firstInvalidSeq: 4, reason: 'hash_mismatch' });
    const badStart = events.map((e) => (e.seq === 1 ? { ...e, prevHash: '1'.repeat(64) } : e));
    expect(verifyExport({ tenantId: TENANT, events: badStart })).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    expect(() => verifyExport({ nope: true })).toThrow(TypeError);
  });
});
