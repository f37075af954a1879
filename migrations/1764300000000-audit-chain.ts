import { MigrationInterface, QueryRunner } from 'typeorm';

import {
  GENESIS_HASH_V1 as GENESIS_HASH,
  hashEventV1 as hashEvent,
  readChainPageV1 as readChainPage,
  verifyChainV1,
} from './support/audit-chain-v1';

/**
 * A verifiable audit trail: tenant events are hash-chained per tenant (`seq`, `prev_hash`, `hash`; see
 * libs/audit/src/audit-chain.ts), with the chain head of each tenant in `audit_chain_heads` (its row lock
 * serialises writers). Existing events are chained in (occurred_at, id) order by the TypeScript code that
 * chained new ones then (frozen in ./support/audit-chain-v1; migration 1764710000000 moved the chain into
 * the database). Also the transactional outbox, relayed by the worker.
 */
export class AuditChain1764300000000 implements MigrationInterface {
  name = 'AuditChain1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ADD "seq" bigint`);
    await q.query(`ALTER TABLE "audit_events" ADD "prev_hash" text`);
    await q.query(`ALTER TABLE "audit_events" ADD "hash" text`);
    await q.query(
      `CREATE TABLE "audit_chain_heads" ("tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_b6a4de84c3789674b58c8953da5" PRIMARY KEY ("tenant_id"))`,
    );
    await q.query(
      `CREATE TABLE "outbox_events" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "topic" text NOT NULL, "payload" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_69bb8672be1f601ade943af0d2c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events"  ("tenant_id", "occurred_at") WHERE "published_at" IS NULL`,
    );

    // --- Backfill: chain the events written before this migration (the append-only trigger is lifted
    // for this transaction only; the migration runs in one transaction).
    await q.query(`alter table audit_events disable trigger audit_events_append_only`);
    await q.query(`update audit_events a set seq = n.seq
      from (select tenant_id, id, row_number() over (partition by tenant_id order by occurred_at, id) as seq from audit_events) n
      where a.tenant_id = n.tenant_id and a.id = n.id`);
    const tenants = (await q.query(`select distinct tenant_id from audit_events order by 1`)) as { tenant_id: string }[];
    for (const { tenant_id: tenantId } of tenants) {
      let prevHash = GENESIS_HASH;
      let after = 0;
      for (;;) {
        const page = await readChainPage(q, tenantId, after, 1000);
        if (page.length === 0) break;
        const hashes: string[] = [];
        const prevs: string[] = [];
        for (const e of page) {
          prevs.push(prevHash);
          prevHash = hashEvent({ ...e, prevHash });
          hashes.push(prevHash);
        }
        await q.query(
          `update audit_events a set prev_hash = u.prev_hash, hash = u.hash
             from unnest($2::uuid[], $3::text[], $4::text[]) as u(id, prev_hash, hash)
            where a.tenant_id = $1 and a.id = u.id`,
          [tenantId, page.map((e) => e.id), prevs, hashes],
        );
        after = page[page.length - 1].seq;
      }
      await q.query(`insert into audit_chain_heads (tenant_id, seq, hash) values ($1, $2, $3)`, [tenantId, after, prevHash]);
      // Check what was just written with the verifier itself.
      const fault = await verifyChainV1(q, tenantId);
      const [head] = (await q.query('select seq::text as seq, hash from audit_chain_heads where tenant_id = $1', [tenantId])) as {
        seq: string;
        hash: string;
      }[];
      if (fault || Number(head.seq) !== after || head.hash !== prevHash) {
        throw new Error(`audit chain backfill of tenant ${tenantId} does not verify: ${JSON.stringify(fault)}`);
      }
    }
    await q.query(`alter table audit_events enable trigger audit_events_append_only`);

    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events"  ("tenant_id", "seq")`);

    // --- Row-level security and grants, as on every tenant table.
    for (const table of NEW_TENANT_TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update on "${table}" to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...NEW_TENANT_TABLES].reverse()) await q.query(`drop table "${table}"`);
    await q.query(`DROP INDEX "public"."audit_events_seq_key"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "hash"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "prev_hash"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "seq"`);
  }
}

const NEW_TENANT_TABLES = ['audit_chain_heads', 'outbox_events'];
