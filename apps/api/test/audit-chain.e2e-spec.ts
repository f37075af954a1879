import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Queue, QueueEvents } from 'bullmq';
import { EntityManager } from 'typeorm';

import { Role } from '@pilotis/access';
import {
  appendAuditEvent,
  AuditService,
  checkpointSignatureValid,
  GENESIS_HASH,
  hashEvent,
  jsonbText,
  OutboxService,
  payloadDigest,
  readChainPage,
  signCheckpoint,
  verifyChain,
} from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  smtpConfig,
  startTestApp,
  startTestSmtp,
  TEST_AUDIT_CHECKPOINT_KEY,
  TestApp,
  TestSmtp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

const VERIFY = '{ verifyAuditChain { valid checked firstInvalidSeq firstInvalidEventId reason } }';
const VERIFY_FULL =
  '{ verifyAuditChain { valid checked firstInvalidSeq firstInvalidEventId reason headSeq redacted checkpointSeq checkpointAt checkpointSignatureChecked } }';
const EXPORT = `query($afterSeq: Int, $first: Int) { auditExport(afterSeq: $afterSeq, first: $first) {
  tenantId hasMore lastSeq
  events { seq id occurredAt actorUserId operation entityType entityId before after payloadDigest prevHash hash }
  checkpoints { seq hash at mac stored }
} }`;
const CREATE_ORG = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }';
const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }';

interface ChainRow {
  seq: string;
  id: string;
  tenant_id: string;
  prev_hash: string;
  hash: string;
}

describe('verifiable audit trail (hash chain per tenant) and outbox', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let auditor: TestUser;
  let chef: TestUser;
  const asAdmin = (tenant: TestTenant = rennes) => ({ token: tenant.admin.token, tenant: tenant.siren });
  const verify = async (caller = asAdmin()) => ok(await gql(t.app, VERIFY, {}, caller)).verifyAuditChain;
  const chain = async (tenantId: string) =>
    (await t.owner.query(
      'select e.seq::text as seq, id, tenant_id, prev_hash, hash from audit_events e where tenant_id = $1 order by e.seq',
      [tenantId],
    )) as ChainRow[];
  /**
   * Runs SQL as the owner with the append-only and chaining triggers lifted, in one transaction: what
   * someone holding the owner's rights could do (the runtime role cannot lift a trigger).
   */
  const rewrite = (sql: string, params: unknown[] = []) =>
    t.owner.transaction(async (m) => {
      await m.query('alter table audit_events disable trigger audit_events_append_only');
      await m.query('alter table audit_events disable trigger audit_events_chain');
      await m.query(sql, params);
      await m.query('alter table audit_events enable trigger audit_events_chain');
      await m.query('alter table audit_events enable trigger audit_events_append_only');
    });
  /** A transaction as the runtime role, in `tenant` (what a compromised API process could do). */
  const asRuntime = <T>(tenant: TestTenant, fn: (m: EntityManager) => Promise<T>) =>
    t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      return fn(m);
    });
  const headOf = async (tenant: TestTenant) =>
    (
      (await t.owner.query('select seq::int as seq, hash from audit_chain_heads where tenant_id = $1', [tenant.id])) as {
        seq: number;
        hash: string;
      }[]
    )[0];
  let system: Queue;
  let systemEvents: QueueEvents;
  /** The worker's scheduled job, triggered now (as its scheduler would): signs every tenant's head. */
  const runCheckpoints = async () => {
    const job = await system.add(JOB.AUDIT_CHECKPOINTS, {}, { jobId: `test-checkpoints.${Date.now()}.${Math.random()}` });
    return (await job.waitUntilFinished(systemEvents, WAIT_CEILING_MS)) as { written: number; unchanged: number; empty: number };
  };
  /**
   * Runs a command-line script in a child process. Asynchronously: the worker runs in this process, and a
   * blocked event loop would let its job locks lapse.
   */
  const cli = (file: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], { env: { ...process.env, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      // Only a hung script is stopped: a slow start on a busy machine is waited for.
      const timer = setTimeout(() => child.kill(), WAIT_CEILING_MS);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });

  let smtp: TestSmtp;
  const scope = (tenant: TestTenant) => ({
    tenantId: tenant.id,
    siren: tenant.siren,
    role: Role.TENANT_ADMIN,
    organisationId: null,
    membershipId: tenant.id,
  });
  const verifyFull = async (caller = asAdmin()) => ok(await gql(t.app, VERIFY_FULL, {}, caller)).verifyAuditChain;
  const latestCheckpoint = async (tenant: TestTenant) =>
    (
      (await t.owner.query(
        `select seq::int as seq, hash, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, mac
           from audit_checkpoints where tenant_id = $1 order by seq desc, created_at desc limit 1`,
        [tenant.id],
      )) as { seq: number; hash: string; at: string; mac: string }[]
    )[0];
  /** Every page of the export, as an auditor would fetch and keep them. */
  const exportPages = async (caller = { token: auditor.token, tenant: SIREN.RENNES }) => {
    const pages: { data: { auditExport: any } }[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = ok(await gql(t.app, EXPORT, { afterSeq, first: 100 }, caller)).auditExport;
      pages.push({ data: { auditExport: page } });
      if (!page.hasMore) return pages;
      afterSeq = page.lastSeq;
    }
  };
  const withExportFile = async <T>(content: unknown, fn: (file: string) => Promise<T>): Promise<T> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotis-audit-'));
    try {
      const file = path.join(dir, 'export.json');
      writeFileSync(file, JSON.stringify(content));
      return await fn(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  beforeAll(async () => {
    // Inviting a member e-mails the invitation inside the transaction: a real SMTP server takes it.
    smtp = await startTestSmtp();
    t = await startTestApp({ worker: true, config: { smtp: smtpConfig(smtp.port) } });
    const connection = bullConnection(t.config.redisUrl);
    system = new Queue(QUEUE.SYSTEM, { connection, prefix: t.config.redisPrefix });
    systemEvents = new QueueEvents(QUEUE.SYSTEM, { connection, prefix: t.config.redisPrefix });
    await systemEvents.waitUntilReady();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await systemEvents?.close();
    await system?.close();
    await t.close();
    await smtp.close();
  });

  it('chains the events of honest mutations, and the chain verifies', async () => {
    const org = ok(
      await gql(t.app, CREATE_ORG, { input: { name: 'Association Bréquigny', kind: 'ASSOCIATION' } }, asAdmin()),
    ).createOrganisation;
    ok(await gql(t.app, INVITE, { input: { email: 'cdp-chain@example.fr', displayName: 'Chloé', role: 'CHEF_DE_PROJET' } }, asAdmin()));
    ok(
      await gql(
        t.app,
        'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
        { input: { id: org.id, esus: true } },
        asAdmin(),
      ),
    );

    const rows = await chain(rennes.id);
    expect(rows.length).toBeGreaterThanOrEqual(4); // provisioning + 3 mutations
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_r, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    const [head] = (await t.owner.query('select seq::int as seq, hash from audit_chain_heads where tenant_id = $1', [rennes.id])) as {
      seq: number;
      hash: string;
    }[];
    expect(head).toEqual({ seq: rows.length, hash: rows[rows.length - 1].hash });

    expect(await verify()).toEqual({ valid: true, checked: rows.length, firstInvalidSeq: null, firstInvalidEventId: null, reason: null });
    const events = ok(await gql(t.app, '{ auditEvents(first: 1) { nodes { seq prevHash hash operation } } }', {}, asAdmin())).auditEvents
      .nodes;
    expect(events[0]).toEqual({
      seq: rows.length,
      prevHash: rows[rows.length - 2].hash,
      hash: rows[rows.length - 1].hash,
      operation: 'organisation.update',
    });
  });

  it('lets an auditor verify and export, and refuses a chef de projet', async () => {
    const auditorCaller = { token: auditor.token, tenant: SIREN.RENNES };
    expect((await verify(auditorCaller)).valid).toBe(true);
    expect(ok(await gql(t.app, EXPORT, { first: 1 }, auditorCaller)).auditExport.events).toHaveLength(1);
    const chefCaller = { token: chef.token, tenant: SIREN.RENNES };
    expect(codeOf(await gql(t.app, VERIFY, {}, chefCaller))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.app, EXPORT, {}, chefCaller))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.app, EXPORT, { first: 101 }, auditorCaller))).toBe('BAD_USER_INPUT');
  });

  it('keeps one gapless chain per tenant under 50 concurrent audited mutations, without mixing tenants', async () => {
    const before = { rennes: (await chain(rennes.id)).length, plaine: (await chain(plaine.id)).length };
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_v, i) =>
        gql(t.app, CREATE_ORG, { input: { name: `Asso concurrente ${i}`, kind: 'ASSOCIATION' } }, asAdmin(rennes)),
      ),
      ...Array.from({ length: 20 }, (_v, i) =>
        gql(t.app, CREATE_ORG, { input: { name: `Asso Plaine ${i}`, kind: 'ASSOCIATION' } }, asAdmin(plaine)),
      ),
    ]);
    results.forEach((r) => ok(r));
    for (const [tenant, added] of [
      [rennes, 50],
      [plaine, 20],
    ] as const) {
      const rows = await chain(tenant.id);
      expect(rows).toHaveLength(before[tenant === rennes ? 'rennes' : 'plaine'] + added);
      expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_r, i) => i + 1));
      expect(rows.every((r) => r.tenant_id === tenant.id)).toBe(true);
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
      expect(await verify(asAdmin(tenant))).toMatchObject({ valid: true, checked: rows.length });
    }
  });

  it('points at a payload altered directly in the database, and the CLI fails on it', async () => {
    const rows = await chain(rennes.id);
    const target = rows[4];
    const [{ after: original }] = (await t.owner.query('select after from audit_events where tenant_id = $1 and id = $2', [
      rennes.id,
      target.id,
    ])) as {
      after: unknown;
    }[];
    await rewrite(`update audit_events set after = jsonb_set(after, '{name}', '"Falsifié"') where tenant_id = $1 and id = $2`, [
      rennes.id,
      target.id,
    ]);
    try {
      expect(await verify()).toEqual({
        valid: false,
        checked: 5,
        firstInvalidSeq: 5,
        firstInvalidEventId: target.id,
        reason: 'payload_mismatch',
      });
      const run = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { DATABASE_URL: t.config.databaseUrl });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/INVALIDE au rang 5/);
      expect(JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1))).toMatchObject({
        valid: false,
        firstInvalidSeq: 5,
        firstInvalidEventId: target.id,
        reason: 'payload_mismatch',
      });
    } finally {
      await rewrite('update audit_events set after = $3 where tenant_id = $1 and id = $2', [
        rennes.id,
        target.id,
        JSON.stringify(original),
      ]);
    }
    expect((await verify()).valid).toBe(true);
    const run = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { DATABASE_URL: t.config.databaseUrl });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/chaîne d'audit valide/);
  });

  it('points at the event after one deleted in the middle, and at the head when the last one is deleted', async () => {
    const rows = await chain(rennes.id);
    // occurred_at as text: a JavaScript Date would lose the microseconds (and the hash with them).
    const saved = (await t.owner.query(
      `select tenant_id, id, occurred_at::text as occurred_at, actor_user_id, operation, entity_type, entity_id, before, after,
              request_id, seq, payload_digest, prev_hash, hash
         from audit_events where tenant_id = $1 and id = any($2)`,
      [rennes.id, [rows[9].id, rows[rows.length - 1].id]],
    )) as Record<string, unknown>[];
    // Put back as they were: the chaining trigger lifted, or it would chain them anew at the end.
    const restore = async () => {
      for (const r of saved) {
        const cols = Object.keys(r);
        const values = cols.map((c) => ((c === 'before' || c === 'after') && r[c] !== null ? JSON.stringify(r[c]) : r[c]));
        await rewrite(
          `insert into audit_events (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((_c, i) => `$${i + 1}`).join(', ')}) on conflict do nothing`,
          values,
        );
      }
    };
    try {
      await rewrite('delete from audit_events where tenant_id = $1 and id = $2', [rennes.id, rows[9].id]);
      expect(await verify()).toEqual({
        valid: false,
        checked: 10,
        firstInvalidSeq: 11,
        firstInvalidEventId: rows[10].id,
        reason: 'sequence_gap',
      });
      await restore();
      expect((await verify()).valid).toBe(true);

      await rewrite('delete from audit_events where tenant_id = $1 and id = $2', [rennes.id, rows[rows.length - 1].id]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: rows.length, reason: 'head_mismatch' });
    } finally {
      await restore();
    }
    expect((await verify()).valid).toBe(true);
  });

  it('exports the chain in pages that the offline verifier checks, and catches an edited export', async () => {
    const pages: unknown[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = ok(await gql(t.app, EXPORT, { afterSeq, first: 20 }, { token: auditor.token, tenant: SIREN.RENNES })).auditExport;
      expect(page.tenantId).toBe(rennes.id);
      pages.push({ data: { auditExport: page } });
      if (!page.hasMore) break;
      afterSeq = page.lastSeq;
    }
    const total = (await chain(rennes.id)).length;
    expect(pages.length).toBe(Math.ceil(total / 20));
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotis-audit-'));
    try {
      const file = path.join(dir, 'export.json');
      writeFileSync(file, JSON.stringify(pages));
      const good = await cli('scripts/verify-audit-export.ts', [file]);
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(new RegExp(`Chaîne valide : ${total} événement`));
      expect(good.stdout).toMatch(/signature NON vérifiée \(clé non fournie\)/);

      const edited = JSON.parse(JSON.stringify(pages)) as { data: { auditExport: { events: { seq: number; after: unknown }[] } } }[];
      edited[1].data.auditExport.events[3].after = { name: 'Autre' };
      writeFileSync(file, JSON.stringify(edited));
      const bad = await cli('scripts/verify-audit-export.ts', [file]);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/Chaîne INVALIDE au rang 24 .*payload_mismatch/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('outbox and chain heads', () => {
    it('writes outbox messages and audit events in the caller transaction: a failure rolls both back', async () => {
      const db = t.app.get(Db);
      const outbox = t.app.get(OutboxService);
      const audit = t.app.get(AuditService);
      const headBefore = (await chain(rennes.id)).length;

      await expect(
        db.run({ tenant: scope(rennes) }, async () => {
          await audit.record({ operation: 'test.decide', entityType: 'Test', after: { ok: false } });
          await outbox.publish('test.rolled_back', { n: 1 });
          throw new Error('échec après écriture');
        }),
      ).rejects.toThrow('échec après écriture');
      expect(await t.owner.query('select * from outbox_events where tenant_id = $1', [rennes.id])).toEqual([]);
      expect(await chain(rennes.id)).toHaveLength(headBefore);

      const id = await db.run({ tenant: scope(rennes) }, async () => {
        await audit.record({ operation: 'test.decide', entityType: 'Test', after: { ok: true, cents: 12n } });
        return outbox.publish('test.committed', { amountCents: 1500n, at: new Date('2026-11-26T10:00:00Z') });
      });
      expect(await t.owner.query('select tenant_id, topic, payload, published_at from outbox_events where id = $1', [id])).toEqual([
        {
          tenant_id: rennes.id,
          topic: 'test.committed',
          payload: { amountCents: '1500', at: '2026-11-26T10:00:00.000Z' },
          published_at: null,
        },
      ]);
      expect(await verify()).toMatchObject({ valid: true, checked: headBefore + 1 });
    });

    it('hides chain heads and outbox rows from the runtime role without tenant context, and other tenants', async () => {
      expect(await t.runtime.query('select * from audit_chain_heads')).toEqual([]);
      expect(await t.runtime.query('select * from outbox_events')).toEqual([]);
      await t.runtime.transaction(async (m) => {
        await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
        const heads = (await m.query('select tenant_id from audit_chain_heads')) as { tenant_id: string }[];
        expect(heads).toEqual([{ tenant_id: plaine.id }]);
        expect(await m.query('select * from outbox_events')).toEqual([]);
      });
      await expect(
        t.runtime.transaction(async (m) => {
          await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
          await m.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, gen_random_uuid(), 'x', '{}')`, [rennes.id]);
        }),
      ).rejects.toThrow(/row-level security/);
      await expect(t.runtime.query(`update audit_events set after = '{}' where tenant_id = $1`, [rennes.id])).rejects.toThrow(
        /permission denied/,
      );
    });
  });
  describe('a chain the runtime role cannot forge', () => {
    it('overwrites the seq, hashes and instant a runtime-role INSERT supplies: a backdated forgery gets the next seq and the database clock', async () => {
      const before = await headOf(rennes);
      const id = randomUUID();
      const [row] = (await asRuntime(rennes, (m) =>
        m.query(
          `insert into audit_events (tenant_id, id, occurred_at, operation, entity_type, after, seq, prev_hash, hash, payload_digest)
           values ($1, $2, '2020-01-01T00:00:00Z', 'action.backdated', 'Action', '{"forged": true}', 1, $3, $4, $5)
           returning seq::int as seq, prev_hash, hash, payload_digest, occurred_at >= now() as fresh`,
          [rennes.id, id, GENESIS_HASH, 'f'.repeat(64), 'e'.repeat(64)],
        ),
      )) as { seq: number; prev_hash: string; hash: string; payload_digest: string; fresh: boolean }[];
      expect(row).toMatchObject({
        seq: before.seq + 1,
        prev_hash: before.hash,
        payload_digest: payloadDigest(null, { forged: true }),
        fresh: true,
      });
      expect(row.hash).not.toBe('f'.repeat(64));
      expect(await headOf(rennes)).toEqual({ seq: row.seq, hash: row.hash });
      expect(await verifyFull()).toMatchObject({ valid: true, headSeq: row.seq });
    });

    it('refuses a runtime-role INSERT for another tenant, without touching that tenant’s head', async () => {
      const plaineHead = await headOf(plaine);
      await expect(
        asRuntime(rennes, (m) =>
          m.query(`insert into audit_events (tenant_id, id, operation, entity_type) values ($1, gen_random_uuid(), 'x.y', 'X')`, [
            plaine.id,
          ]),
        ),
      ).rejects.toThrow(/another tenant/);
      expect(await headOf(plaine)).toEqual(plaineHead);
    });

    it('refuses the runtime role any write to the chain heads, the redaction function, and a way around the triggers', async () => {
      const head = await headOf(rennes);
      const h = '0'.repeat(64);
      const attempts: [string, unknown[], RegExp][] = [
        ['update audit_chain_heads set seq = seq + 1, hash = $1', [h], /permission denied for table audit_chain_heads/],
        [
          'insert into audit_chain_heads (tenant_id, seq, hash) values (app_current_tenant(), 1, $1) on conflict (tenant_id) do update set seq = 1',
          [h],
          /permission denied for table audit_chain_heads/,
        ],
        ['delete from audit_chain_heads', [], /permission denied for table audit_chain_heads/],
        ['select audit_redact(app_current_tenant(), gen_random_uuid(), $1)', ['motif'], /permission denied for function audit_redact/],
        ['alter table audit_events disable trigger audit_events_chain', [], /must be owner of table audit_events/],
        [
          `select set_config('session_replication_role', 'replica', true)`,
          [],
          /permission denied to set parameter "session_replication_role"/,
        ],
        ['update audit_events set hash = $1', [h], /permission denied for table audit_events/],
      ];
      for (const [sql, params, refusal] of attempts) {
        await expect(asRuntime(rennes, (m) => m.query(sql, params))).rejects.toThrow(refusal);
      }
      expect(await headOf(rennes)).toEqual(head);
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('computes in SQL exactly what the TypeScript verifier recomputes, on a payload of every JSON shape', async () => {
      const db = t.app.get(Db);
      const audit = t.app.get(AuditService);
      const after = {
        title: 'Réhabilitation « Maurepas »',
        amounts: [1.5, 1e21, 1.5e-7, 0.1 + 0.2, -42, 0],
        nested: { z: true, a: 'é\n\u001f"\\/ 🏠 \u2028', é: null, aé: [], ab: {} },
        cents: 1250n,
        at: new Date('2026-11-26T10:00:00Z'),
      };
      await db.run({ tenant: scope(rennes) }, () =>
        audit.record({ operation: 'test.shapes', entityType: 'Test', before: { v: 1 }, after }),
      );
      const head = await headOf(rennes);
      const [e] = await readChainPage(t.owner, rennes.id, head.seq - 1, 1);
      expect(e.operation).toBe('test.shapes');
      expect(payloadDigest(e.before, e.after)).toBe(e.payloadDigest);
      expect(hashEvent(e)).toBe(e.hash);
      const [{ text }] = (await t.owner.query('select after::text as text from audit_events where tenant_id = $1 and id = $2', [
        rennes.id,
        e.id,
      ])) as {
        text: string;
      }[];
      expect(jsonbText(e.after)).toBe(text);
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('points at an event written beyond the head by someone who lifted the chaining trigger, however well it links', async () => {
      const head = await headOf(rennes);
      const id = randomUUID();
      await rewrite(
        `insert into audit_events (tenant_id, id, occurred_at, operation, entity_type, after, seq, prev_hash, payload_digest, hash)
         select $1::uuid, $2::uuid, now() - interval '30 days', 'action.backdated', 'Action', '{"x": 1}'::jsonb, $3::bigint, $4::text,
                audit_payload_digest(null, '{"x": 1}'::jsonb),
                audit_event_hash($4::text, $3::bigint, $1::uuid, $2::uuid, now() - interval '30 days', null, 'action.backdated', 'Action', null,
                                 audit_payload_digest(null, '{"x": 1}'::jsonb))`,
        [rennes.id, id, head.seq + 1, head.hash],
      );
      try {
        expect(await verify()).toEqual({
          valid: false,
          checked: head.seq + 1,
          firstInvalidSeq: head.seq + 1,
          firstInvalidEventId: id,
          reason: 'beyond_head',
        });
        const run = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { DATABASE_URL: t.config.databaseUrl });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(new RegExp(`INVALIDE au rang ${head.seq + 1} \\(événement ${id}\\) : beyond_head`));
      } finally {
        await rewrite('delete from audit_events where tenant_id = $1 and id = $2', [rennes.id, id]);
      }
      expect(await verify()).toMatchObject({ valid: true });
    });
  });

  describe('redaction', () => {
    it('redacts a payload by the owner’s command, records it in the chain, and the chain and its export still verify', async () => {
      // A payload as older code wrote it: a user passed whole, with its password hash.
      const leaked = await t.owner.transaction((m) =>
        appendAuditEvent(m, rennes.id, {
          operation: 'membership.create',
          entityType: 'Membership',
          entityId: randomUUID(),
          after: { role: 'AUDITOR', user: { id: auditor.id, passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$ZmFrZXNhbHQ$ZmFrZWhhc2g' } },
        }),
      );
      const reason = 'Empreinte de mot de passe écrite par une version antérieure';
      const run = await cli('scripts/audit-redact.ts', ['--siren', SIREN.RENNES, '--event', leaked.id, '--reason', reason], {
        DATABASE_URL: t.config.databaseUrl,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const [row] = (await t.owner.query('select before, after, hash from audit_events where tenant_id = $1 and id = $2', [
        rennes.id,
        leaked.id,
      ])) as {
        before: unknown;
        after: unknown;
        hash: string;
      }[];
      expect(row).toEqual({ before: null, after: { redacted: true, reason }, hash: leaked.hash });
      const head = await headOf(rennes);
      expect(head.seq).toBe(leaked.seq + 1);
      const [redaction] = (await t.owner.query(
        'select id, operation, entity_type, entity_id, after from audit_events where tenant_id = $1 and seq = $2',
        [rennes.id, head.seq],
      )) as { id: string; operation: string; entity_type: string; entity_id: string; after: unknown }[];
      expect(redaction).toMatchObject({
        operation: 'audit.redact',
        entity_type: 'AuditEvent',
        entity_id: leaked.id,
        after: { eventId: leaked.id, eventSeq: leaked.seq, eventOperation: 'membership.create', reason },
      });
      expect(run.stdout).toContain(redaction.id);
      expect(await verifyFull()).toMatchObject({ valid: true, redacted: 1, headSeq: head.seq });

      // Nothing left to redact: refused, nothing written.
      const again = await cli('scripts/audit-redact.ts', ['--siren', SIREN.RENNES, '--event', leaked.id, '--reason', reason], {
        DATABASE_URL: t.config.databaseUrl,
      });
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/n’a plus rien à caviarder/);
      const unknown = await cli('scripts/audit-redact.ts', ['--siren', SIREN.RENNES, '--event', randomUUID(), '--reason', reason], {
        DATABASE_URL: t.config.databaseUrl,
      });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/Aucun événement/);
      expect(await headOf(rennes)).toEqual(head);

      const pages = await exportPages();
      const redacted = pages.flatMap((p) => p.data.auditExport.events).find((e: { id: string }) => e.id === leaked.id);
      expect(redacted.after).toEqual({ redacted: true, reason });
      await withExportFile(pages, async (file) => {
        const offline = await cli('scripts/verify-audit-export.ts', [file]);
        expect(offline.status).toBe(0);
        expect(offline.stdout).toMatch(/Chaîne valide : .* 1 caviardage/);
      });
    });

    it('points at a payload replaced by a marker without the command (no redaction event in the chain)', async () => {
      const rows = await chain(rennes.id);
      const target = rows[6];
      const [original] = (await t.owner.query('select before, after from audit_events where tenant_id = $1 and id = $2', [
        rennes.id,
        target.id,
      ])) as {
        before: unknown;
        after: unknown;
      }[];
      await rewrite(
        `update audit_events set before = case when before is null then null else $3::jsonb end, after = case when after is null then null else $3::jsonb end
          where tenant_id = $1 and id = $2`,
        [rennes.id, target.id, JSON.stringify({ redacted: true, reason: 'discret' })],
      );
      try {
        expect(await verify()).toMatchObject({
          valid: false,
          firstInvalidSeq: 7,
          firstInvalidEventId: target.id,
          reason: 'redaction_unrecorded',
        });
      } finally {
        await rewrite('update audit_events set before = $3::jsonb, after = $4::jsonb where tenant_id = $1 and id = $2', [
          rennes.id,
          target.id,
          original.before === null ? null : JSON.stringify(original.before),
          original.after === null ? null : JSON.stringify(original.after),
        ]);
      }
      expect(await verify()).toMatchObject({ valid: true });
    });
  });

  describe('signed checkpoints', () => {
    it('are written by the worker’s scheduled job for each tenant’s head, once per head, signed with a key the database never sees', async () => {
      await runCheckpoints();
      for (const tenant of [rennes, plaine]) {
        const cp = await latestCheckpoint(tenant);
        expect({ seq: cp.seq, hash: cp.hash }).toEqual(await headOf(tenant));
        expect(checkpointSignatureValid(TEST_AUDIT_CHECKPOINT_KEY, { tenantId: tenant.id, ...cp })).toBe(true);
        expect(checkpointSignatureValid('w'.repeat(40), { tenantId: tenant.id, ...cp })).toBe(false);
      }
      const count = async () => ((await t.owner.query('select count(*)::int as n from audit_checkpoints')) as { n: number }[])[0].n;
      const written = await count();
      expect(await runCheckpoints()).toMatchObject({ written: 0 });
      expect(await count()).toBe(written);

      ok(await gql(t.app, CREATE_ORG, { input: { name: 'Asso après point de contrôle', kind: 'ASSOCIATION' } }, asAdmin()));
      expect(await runCheckpoints()).toMatchObject({ written: 1 });
      const head = await headOf(rennes);
      const cp = await latestCheckpoint(rennes);
      expect(cp.seq).toBe(head.seq);
      expect(await verifyFull()).toMatchObject({
        valid: true,
        checkpointSeq: head.seq,
        checkpointAt: cp.at,
        checkpointSignatureChecked: true,
      });
      const [{ n }] = (await t.owner.query(
        `select count(*)::int as n from audit_checkpoints c where strpos(row_to_json(c)::text, $1) > 0`,
        [TEST_AUDIT_CHECKPOINT_KEY],
      )) as { n: number }[];
      expect(n).toBe(0);

      // The runtime role may add checkpoints, never change or remove one.
      await expect(asRuntime(rennes, (m) => m.query('update audit_checkpoints set seq = 1'))).rejects.toThrow(
        /permission denied for table audit_checkpoints/,
      );
      await expect(asRuntime(rennes, (m) => m.query('delete from audit_checkpoints'))).rejects.toThrow(
        /permission denied for table audit_checkpoints/,
      );
      expect(await latestCheckpoint(rennes)).toEqual(cp);
    });

    it('are checked by the CLI with the key, and fail with a wrong one', async () => {
      const env = { DATABASE_URL: t.config.databaseUrl };
      const good = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], {
        ...env,
        AUDIT_CHECKPOINT_KEY: TEST_AUDIT_CHECKPOINT_KEY,
      });
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(/chaîne d'audit valide.*conforme, signature vérifiée/);
      const noKey = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], {
        ...env,
        NODE_ENV: 'production',
        AUDIT_CHECKPOINT_KEY: '',
      });
      expect(noKey.status).toBe(0);
      expect(noKey.stdout).toMatch(/signature NON vérifiée \(AUDIT_CHECKPOINT_KEY absente\)/);
      const wrong = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { ...env, AUDIT_CHECKPOINT_KEY: 'w'.repeat(40) });
      expect(wrong.status).toBe(1);
      expect(wrong.stdout).toMatch(/INVALIDE au rang \d+ \(événement -\) : checkpoint_signature/);
    });

    it('travel in the export (the latest stored and one signed for it), which the offline verifier checks with the auditor’s key', async () => {
      const pages = await exportPages();
      const last = pages[pages.length - 1].data.auditExport;
      const head = await headOf(rennes);
      expect(last.lastSeq).toBe(head.seq);
      expect(last.checkpoints).toEqual([
        { ...(await latestCheckpoint(rennes)), stored: true },
        { seq: head.seq, hash: head.hash, at: expect.any(String), mac: expect.stringMatching(/^[0-9a-f]{64}$/), stored: false },
      ]);
      await withExportFile(pages, async (file) => {
        const good = await cli('scripts/verify-audit-export.ts', [file], { AUDIT_CHECKPOINT_KEY: TEST_AUDIT_CHECKPOINT_KEY });
        expect(good.status).toBe(0);
        expect(good.stdout).toMatch(new RegExp(`Chaîne valide : ${head.seq} événement.*au rang ${head.seq} conforme, signature vérifiée`));
        const wrong = await cli('scripts/verify-audit-export.ts', [file], { AUDIT_CHECKPOINT_KEY: 'w'.repeat(40) });
        expect(wrong.status).toBe(1);
        expect(wrong.stdout).toMatch(/checkpoint_signature/);
      });
      // An export cut short of the head it was signed at does not pass for a whole one.
      const cut = JSON.parse(JSON.stringify(pages)) as typeof pages;
      cut[cut.length - 1].data.auditExport.events.pop();
      await withExportFile(cut, async (file) => {
        const run = await cli('scripts/verify-audit-export.ts', [file], { AUDIT_CHECKPOINT_KEY: TEST_AUDIT_CHECKPOINT_KEY });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(new RegExp(`INVALIDE au rang ${head.seq} .*checkpoint_mismatch`));
      });
    });

    it('expose a rewrite of the whole chain by the owner, consistent from the genesis to the head', async () => {
      const grenoble = await createTenant(t.app, t.owner, SIREN.GRENOBLE);
      for (const name of ['Maison de quartier Mistral', 'Régie de quartier Villeneuve']) {
        ok(await gql(t.app, CREATE_ORG, { input: { name, kind: 'ASSOCIATION' } }, asAdmin(grenoble)));
      }
      await runCheckpoints();
      const cp = await latestCheckpoint(grenoble);
      expect(cp.seq).toBe(3);
      ok(await gql(t.app, CREATE_ORG, { input: { name: 'Asso de la Villeneuve', kind: 'ASSOCIATION' } }, asAdmin(grenoble)));

      // Event 2 rewritten, then every digest and hash recomputed from the genesis with the database's own
      // functions, and the head moved along: the chain alone cannot tell.
      await rewrite(
        `update audit_events set after = after || '{"name": "Réécrit"}', payload_digest = audit_payload_digest(before, after || '{"name": "Réécrit"}')
          where tenant_id = $1 and seq = 2`,
        [grenoble.id],
      );
      await rewrite(`do $$
        declare r record; previous text := repeat('0', 64);
        begin
          for r in select * from audit_events where tenant_id = '${grenoble.id}' order by seq loop
            update audit_events set prev_hash = previous,
                   hash = audit_event_hash(previous, r.seq, r.tenant_id, r.id, r.occurred_at, r.actor_user_id, r.operation, r.entity_type, r.entity_id, r.payload_digest)
             where tenant_id = r.tenant_id and id = r.id
            returning hash into previous;
          end loop;
          update audit_chain_heads set hash = previous where tenant_id = '${grenoble.id}';
        end $$`);
      const rewritten = await readChainPage(t.owner, grenoble.id, 0, 100);
      expect(verifyChain(grenoble.id, rewritten, { head: await headOf(grenoble) })).toMatchObject({ valid: true, checked: 4 });

      expect(await verifyFull(asAdmin(grenoble))).toMatchObject({
        valid: false,
        firstInvalidSeq: 3,
        firstInvalidEventId: rewritten[2].id,
        reason: 'checkpoint_mismatch',
      });
      const run = await cli('scripts/audit-verify.ts', ['--siren', SIREN.GRENOBLE], {
        DATABASE_URL: t.config.databaseUrl,
        AUDIT_CHECKPOINT_KEY: TEST_AUDIT_CHECKPOINT_KEY,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/INVALIDE au rang 3 .* checkpoint_mismatch/);
    });

    it('refuse a checkpoint the runtime role wrote without the key, until the worker signs the head again', async () => {
      const head = await headOf(plaine);
      await asRuntime(plaine, (m) =>
        m.query(
          `insert into audit_checkpoints (tenant_id, id, seq, hash, created_at, mac) values ($1, gen_random_uuid(), $2, $3, clock_timestamp(), $4)`,
          [
            plaine.id,
            head.seq,
            head.hash,
            signCheckpoint('w'.repeat(40), { tenantId: plaine.id, seq: head.seq, hash: head.hash, at: new Date().toISOString() }).mac,
          ],
        ),
      );
      expect(await verifyFull(asAdmin(plaine))).toMatchObject({
        valid: false,
        firstInvalidSeq: head.seq,
        reason: 'checkpoint_signature',
        checkpointSeq: head.seq,
      });
      await runCheckpoints();
      expect(await verifyFull(asAdmin(plaine))).toMatchObject({ valid: true, checkpointSeq: head.seq, checkpointSignatureChecked: true });
    });
  });
});
