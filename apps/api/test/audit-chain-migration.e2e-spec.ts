import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

import { DataSource, MigrationInterface } from 'typeorm';

import { appendAuditEvent, isRedactionMarker, payloadDigest, readChainPage, verifyTenantChain } from '@pilotis/audit';
import { GENESIS_HASH_V1, hashEventV1 } from '@pilotis/migrations/audit-chain-v1';
import { createDataSource, dropDatabase, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';
import { scanForSecrets } from '@pilotis/test-support';

/** The migration that moved the chain into PostgreSQL, and every one before it, in order. */
const MIGRATIONS_DIR = path.join(__dirname, '..', '..', '..', 'migrations');
const CHAIN_IN_DATABASE = 1764710000000;
const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d+-.*\.ts$/.test(f))
  .sort()
  .map((f) => ({
    timestamp: Number(f.split('-')[0]),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cls: Object.values(require(path.join(MIGRATIONS_DIR, f)) as Record<string, new () => MigrationInterface>)[0],
  }));

/**
 * Existing data through migration 1764710000000: a database at the migration before it holds chains of
 * the first scheme (one honest, one tampered with) and payloads with a password hash, as older code wrote
 * them; after it, every chain verifies with the new scheme, the rebuild is recorded in each chain with the
 * old chain's verdict, and the secrets are redacted — in the chain (recorded) and in the platform trail.
 */
describe('migration 1764710000000 on existing audit data', () => {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const database = `pilotis_t_acm_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(config.databaseUrl, database);
  let owner: DataSource;
  const honest = { id: randomUUID(), siren: '243500139' };
  const tampered = { id: randomUUID(), siren: '200057867' };
  const userId = randomUUID();
  const passwordHash = '$argon2id$v=19$m=65536,t=3,p=4$c2VsLWRlLXRlc3Q$ZW1wcmVpbnRlLWRlLXRlc3Q';
  const legacy = new Map<string, { id: string; seq: number; before: unknown; after: unknown }[]>();
  const platformLeak = randomUUID();
  const platformClean = randomUUID();

  /** Writes a tenant's events as the first scheme did: seq, prev_hash and hash computed by the application. */
  async function writeLegacyChain(tenantId: string, events: { operation: string; before: unknown; after: unknown }[], tamperSeq?: number) {
    let prevHash = GENESIS_HASH_V1;
    const written: { id: string; seq: number; before: unknown; after: unknown }[] = [];
    for (const [i, e] of events.entries()) {
      const seq = i + 1;
      const id = randomUUID();
      const occurredAt = `2026-0${seq}-15T09:30:00.12345${seq}Z`;
      const fields = {
        prevHash,
        seq,
        tenantId,
        id,
        occurredAt,
        actorUserId: null,
        operation: e.operation,
        entityType: 'Membership',
        entityId: null,
        before: e.before,
        after: e.after,
      };
      const hash = seq === tamperSeq ? '1'.repeat(64) : hashEventV1(fields);
      await owner.query(
        `insert into audit_events (tenant_id, id, occurred_at, operation, entity_type, before, after, seq, prev_hash, hash)
         values ($1, $2, $3, $4, 'Membership', $5::jsonb, $6::jsonb, $7, $8, $9)`,
        [
          tenantId,
          id,
          occurredAt,
          e.operation,
          e.before === null ? null : JSON.stringify(e.before),
          e.after === null ? null : JSON.stringify(e.after),
          seq,
          prevHash,
          hash,
        ],
      );
      written.push({ id, seq, before: e.before, after: e.after });
      prevHash = hash;
    }
    await owner.query('insert into audit_chain_heads (tenant_id, seq, hash) values ($1, $2, $3)', [tenantId, events.length, prevHash]);
    legacy.set(tenantId, written);
  }

  beforeAll(async () => {
    await ensureRolesAndDatabase(url, config.appDatabaseUrl);
    const before = createDataSource(url, { migrations: migrations.filter((m) => m.timestamp < CHAIN_IN_DATABASE).map((m) => m.cls) });
    await before.initialize();
    await before.runMigrations({ transaction: 'all' });
    await before.destroy();

    owner = createDataSource(url, { migrations: migrations.map((m) => m.cls) });
    await owner.initialize();
    for (const t of [honest, tampered]) {
      await owner.query(`insert into tenants (id, siren, name, kind, departements) values ($1, $2, $3, 'CA', '{35}')`, [
        t.id,
        t.siren,
        `Territoire ${t.siren}`,
      ]);
    }
    await owner.query(`insert into users (id, email, display_name, password_hash) values ($1, 'ancien@example.fr', 'Ancien', $2)`, [
      userId,
      passwordHash,
    ]);
    await writeLegacyChain(honest.id, [
      { operation: 'membership.provision_admin', before: null, after: { userId, role: 'TENANT_ADMIN' } },
      // A whole membership with its user, as older code passed it (the snapshot did not drop secrets yet).
      {
        operation: 'membership.create',
        before: null,
        after: { role: 'AUDITOR', user: { id: userId, email: 'ancien@example.fr', passwordHash } },
      },
      { operation: 'membership.update', before: { role: 'AUDITOR', n: 1.5 }, after: { role: 'TENANT_ADMIN', n: 1e21, clé: 'é' } },
    ]);
    await writeLegacyChain(
      tampered.id,
      [
        { operation: 'membership.provision_admin', before: null, after: { userId, role: 'TENANT_ADMIN' } },
        { operation: 'membership.revoke', before: { password_hash: passwordHash }, after: { revoked: true } },
      ],
      2,
    );
    await owner.query(`insert into platform_audit_events (id, operation, details) values ($1, 'auth.login', $2), ($3, 'auth.logout', $4)`, [
      platformLeak,
      JSON.stringify({ user: { id: userId, passwordHash } }),
      platformClean,
      JSON.stringify({ userId }),
    ]);

    expect(await owner.showMigrations()).toBe(true); // only the chain-in-database migration (and any later) pending
    await owner.runMigrations({ transaction: 'all' });
  });

  afterAll(async () => {
    await owner?.destroy();
    await dropDatabase(config.databaseUrl, database);
  });

  it('rebuilds every chain with the new scheme: it verifies, and the old digests hold for the old payloads', async () => {
    for (const t of [honest, tampered]) {
      const report = await verifyTenantChain(owner, t.id);
      expect(report).toMatchObject({ valid: true, reason: null, redacted: 1 });
      const events = await readChainPage(owner, t.id, 0, 100);
      // The digests were computed by PostgreSQL from the payloads as they were before the redaction.
      for (const old of legacy.get(t.id) ?? []) {
        const e = events.find((x) => x.id === old.id);
        expect(e?.seq).toBe(old.seq);
        expect(e?.payloadDigest).toBe(payloadDigest(old.before, old.after));
      }
    }
  });

  it('records the rebuild in each chain, with the verdict on the old chain', async () => {
    const rechain = async (tenantId: string) =>
      (await owner.query(`select seq::int as seq, after from audit_events where tenant_id = $1 and operation = 'audit.rechain'`, [
        tenantId,
      ])) as {
        seq: number;
        after: unknown;
      }[];
    expect(await rechain(honest.id)).toEqual([
      { seq: 4, after: { scheme: 'sql-sha256-v2', previousChainValid: true, previousFault: null } },
    ]);
    expect(await rechain(tampered.id)).toEqual([
      { seq: 3, after: { scheme: 'sql-sha256-v2', previousChainValid: false, previousFault: { seq: 2, reason: 'hash_mismatch' } } },
    ]);
  });

  it('redacts the payloads that held a password hash, each redaction an event of the chain, and the platform trail too', async () => {
    for (const [t, leakedSeq] of [
      [honest, 2],
      [tampered, 2],
    ] as const) {
      const leaked = (legacy.get(t.id) ?? []).find((e) => e.seq === leakedSeq);
      const [row] = (await owner.query('select before, after from audit_events where tenant_id = $1 and id = $2', [t.id, leaked?.id])) as {
        before: unknown;
        after: unknown;
      }[];
      for (const payload of [row.before, row.after].filter((p) => p !== null)) expect(isRedactionMarker(payload)).toBe(true);
      const redactions = (await owner.query(
        `select entity_id, after from audit_events where tenant_id = $1 and operation = 'audit.redact'`,
        [t.id],
      )) as {
        entity_id: string;
        after: { eventId: string; eventSeq: number };
      }[];
      expect(redactions).toEqual([{ entity_id: leaked?.id, after: expect.objectContaining({ eventId: leaked?.id, eventSeq: leakedSeq }) }]);
    }
    const platform = (await owner.query('select id, details from platform_audit_events order by operation')) as {
      id: string;
      details: unknown;
    }[];
    expect(platform).toEqual([
      { id: platformLeak, details: { redacted: true, reason: expect.stringContaining('mot de passe') } },
      { id: platformClean, details: { userId } },
    ]);
    expect(await scanForSecrets(owner)).toEqual([]);
  });

  it('chains new events in the database from where the rebuilt chain ends', async () => {
    const appended = await owner.transaction((m) =>
      appendAuditEvent(m, honest.id, { operation: 'test.after_migration', entityType: 'Test', after: { ok: true } }),
    );
    expect(appended.seq).toBe(6);
    expect(await verifyTenantChain(owner, honest.id)).toMatchObject({ valid: true, checked: 6, headSeq: 6 });
  });

  it('leaves every SECURITY DEFINER function with search_path = public, pg_temp', async () => {
    const functions = (await owner.query(
      `select p.proname as name, p.proconfig as config from pg_proc p where p.prosecdef and p.pronamespace = 'public'::regnamespace order by 1`,
    )) as { name: string; config: string[] | null }[];
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(['audit_events_chain', 'worker_tenants', 'outbox_claim']));
    for (const f of functions)
      expect({ name: f.name, config: f.config }).toEqual({ name: f.name, config: ['search_path=public, pg_temp'] });
  });
});
