import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Role } from '@pilotis/access';
import { AuditService, GENESIS_HASH, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { codeOf, gql, ok } from './support/graphql';
import { startTestApp, TestApp } from './support/test-app';
import { smtpConfig, startTestSmtp, TestSmtp } from './support/smtp';
import { createTenant, createUser, SIREN, TestTenant, TestUser } from './support/fixtures';

const VERIFY = '{ verifyAuditChain { valid checked firstInvalidSeq firstInvalidEventId reason } }';
const EXPORT = `query($afterSeq: Int, $first: Int) { auditExport(afterSeq: $afterSeq, first: $first) {
  tenantId hasMore lastSeq
  events { seq id occurredAt actorUserId operation entityType entityId before after prevHash hash }
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
    (await t.owner.query('select e.seq::text as seq, id, tenant_id, prev_hash, hash from audit_events e where tenant_id = $1 order by e.seq', [
      tenantId,
    ])) as ChainRow[];
  /** Runs SQL as the owner with the append-only trigger lifted, in one transaction. */
  const rewrite = (sql: string, params: unknown[]) =>
    t.owner.transaction(async (m) => {
      await m.query('alter table audit_events disable trigger audit_events_append_only');
      await m.query(sql, params);
      await m.query('alter table audit_events enable trigger audit_events_append_only');
    });
  const cli = (file: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', file, ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  let smtp: TestSmtp;

  beforeAll(async () => {
    // Inviting a member e-mails the invitation inside the transaction: a real SMTP server takes it.
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtp: smtpConfig(smtp.port) } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('chains the events of honest mutations, and the chain verifies', async () => {
    const org = ok(await gql(t.app, CREATE_ORG, { input: { name: 'Association Bréquigny', kind: 'ASSOCIATION' } }, asAdmin())).createOrganisation;
    ok(await gql(t.app, INVITE, { input: { email: 'cdp-chain@example.fr', displayName: 'Chloé', role: 'CHEF_DE_PROJET' } }, asAdmin()));
    ok(await gql(t.app, 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', { input: { id: org.id, esus: true } }, asAdmin()));

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
    const events = ok(await gql(t.app, '{ auditEvents(first: 1) { nodes { seq prevHash hash operation } } }', {}, asAdmin())).auditEvents.nodes;
    expect(events[0]).toEqual({ seq: rows.length, prevHash: rows[rows.length - 2].hash, hash: rows[rows.length - 1].hash, operation: 'organisation.update' });
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

  it('points at a row altered directly in the database, and the CLI fails on it', async () => {
    const rows = await chain(rennes.id);
    const target = rows[4];
    const [{ after: original }] = (await t.owner.query('select after from audit_events where tenant_id = $1 and id = $2', [rennes.id, target.id])) as {
      after: unknown;
    }[];
    await rewrite(`update audit_events set after = jsonb_set(after, '{name}', '"Falsifié"') where tenant_id = $1 and id = $2`, [rennes.id, target.id]);
    try {
      expect(await verify()).toEqual({ valid: false, checked: 5, firstInvalidSeq: 5, firstInvalidEventId: target.id, reason: 'hash_mismatch' });
      const run = cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { DATABASE_URL: t.config.databaseUrl });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/INVALIDE au rang 5/);
      expect(JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1))).toMatchObject({ valid: false, firstInvalidSeq: 5, firstInvalidEventId: target.id });
    } finally {
      await rewrite('update audit_events set after = $3 where tenant_id = $1 and id = $2', [rennes.id, target.id, JSON.stringify(original)]);
    }
    expect((await verify()).valid).toBe(true);
    const run = cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], { DATABASE_URL: t.config.databaseUrl });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/chaîne d'audit valide/);
  });

  it('points at the event after one deleted in the middle, and at the head when the last one is deleted', async () => {
    const rows = await chain(rennes.id);
    // occurred_at as text: a JavaScript Date would lose the microseconds (and the hash with them).
    const saved = (await t.owner.query(
      `select tenant_id, id, occurred_at::text as occurred_at, actor_user_id, operation, entity_type, entity_id, before, after,
              request_id, seq, prev_hash, hash
         from audit_events where tenant_id = $1 and id = any($2)`,
      [
      rennes.id,
        [rows[9].id, rows[rows.length - 1].id],
      ],
    )) as Record<string, unknown>[];
    const restore = async () => {
      for (const r of saved) {
        const cols = Object.keys(r);
        const values = cols.map((c) => (c === 'before' || c === 'after') && r[c] !== null ? JSON.stringify(r[c]) : r[c]);
        await t.owner.query(
          `insert into audit_events (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((_c, i) => `$${i + 1}`).join(', ')}) on conflict do nothing`,
          values,
        );
      }
    };
    try {
      await rewrite('delete from audit_events where tenant_id = $1 and id = $2', [rennes.id, rows[9].id]);
      expect(await verify()).toEqual({ valid: false, checked: 10, firstInvalidSeq: 11, firstInvalidEventId: rows[10].id, reason: 'sequence_gap' });
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
      const good = cli('scripts/verify-audit-export.ts', [file]);
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(new RegExp(`Chaîne valide : ${total} événement`));

      const edited = JSON.parse(JSON.stringify(pages)) as { data: { auditExport: { events: { seq: number; after: unknown }[] } } }[];
      edited[1].data.auditExport.events[3].after = { name: 'Autre' };
      writeFileSync(file, JSON.stringify(edited));
      const bad = cli('scripts/verify-audit-export.ts', [file]);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/Chaîne INVALIDE au rang 24 .*hash_mismatch/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('outbox and chain heads', () => {
    const scope = (tenant: TestTenant) => ({ tenantId: tenant.id, siren: tenant.siren, role: Role.TENANT_ADMIN, organisationId: null, membershipId: tenant.id });

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
        { tenant_id: rennes.id, topic: 'test.committed', payload: { amountCents: '1500', at: '2026-11-26T10:00:00.000Z' }, published_at: null },
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
        const [, updated] = (await m.query(`update audit_chain_heads set seq = 0 where tenant_id = $1`, [rennes.id])) as [unknown, number];
        expect(updated).toBe(0);
      });
      await expect(
        t.runtime.transaction(async (m) => {
          await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
          await m.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, gen_random_uuid(), 'x', '{}')`, [rennes.id]);
        }),
      ).rejects.toThrow(/row-level security/);
      await expect(t.runtime.query(`update audit_events set after = '{}' where tenant_id = $1`, [rennes.id])).rejects.toThrow(/permission denied/);
    });
  });
});
