import { MigrationInterface, QueryRunner } from 'typeorm';

import { verifyChainV1 } from './support/audit-chain-v1';

/**
 * The audit chain moves into PostgreSQL, out of the runtime role's reach.
 *
 * Until now the application computed `seq`, `prev_hash`, `hash` and `occurred_at`, and the runtime role
 * could write any of them and update the chain heads: a backdated event forged as the runtime role would
 * verify. From here:
 * - `audit_events_chain`, a BEFORE INSERT trigger owned by the schema owner (SECURITY DEFINER: it moves
 *   the heads, which the runtime role may no longer write), assigns `seq`, `prev_hash`, `occurred_at`
 *   (the database clock, under the head lock), `payload_digest` and `hash` to every row, overwriting what
 *   the inserting role supplied. The runtime role owns nothing and cannot disable a trigger.
 * - The hash is computed in SQL (built-in `sha256`, no extension) over PostgreSQL's canonical jsonb text
 *   of the fields, and covers `payload_digest` — the SHA-256 of the payloads' canonical jsonb text —
 *   rather than the payloads: an owner can redact a payload (`audit_redact`, owner-only) and the chain
 *   still verifies. libs/audit/src/audit-chain.ts recomputes the same values.
 * - Existing events are rechained with the new scheme (after their old chain is checked; each tenant's
 *   chain then records an `audit.rechain` event saying whether the old chain verified), and payloads that
 *   hold a password hash or another secret, written by older code, are redacted.
 * - `audit_checkpoints`: HMAC-signed heads written by the worker (the key stays outside the database).
 * - Every SECURITY DEFINER function gets `search_path = public, pg_temp`.
 */
export class AuditChainInDatabase1764710000000 implements MigrationInterface {
  name = 'AuditChainInDatabase1764710000000';

  public async up(q: QueryRunner): Promise<void> {
    // --- The canonical texts and their hashes (pure functions of their arguments).
    await q.query(`create function audit_payload_digest(p_before jsonb, p_after jsonb) returns text
      language sql immutable parallel safe
      as $$ select encode(sha256(convert_to(jsonb_build_object('before', p_before, 'after', p_after)::text, 'UTF8')), 'hex') $$`);
    // (STABLE rather than IMMUTABLE: to_char is.)
    await q.query(`create function audit_event_hash(p_prev_hash text, p_seq bigint, p_tenant_id uuid, p_id uuid, p_occurred_at timestamptz,
        p_actor_user_id uuid, p_operation text, p_entity_type text, p_entity_id uuid, p_payload_digest text) returns text
      language sql stable parallel safe
      as $$ select encode(sha256(convert_to(jsonb_build_object(
               'prev_hash', p_prev_hash, 'seq', p_seq, 'tenant_id', p_tenant_id, 'id', p_id,
               'occurred_at', to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'actor_user_id', p_actor_user_id, 'operation', p_operation, 'entity_type', p_entity_type,
               'entity_id', p_entity_id, 'payload_digest', p_payload_digest)::text, 'UTF8')), 'hex') $$`);
    await q.query(`create function audit_is_redaction_marker(p jsonb) returns boolean
      language sql immutable parallel safe
      as $$ select coalesce(jsonb_typeof(p) = 'object' and p -> 'redacted' = 'true'::jsonb and jsonb_typeof(p -> 'reason') = 'string'
                            and (select count(*) from jsonb_object_keys(p)) = 2, false) $$`);

    // --- Existing events: payload digests, then each tenant's chain recomputed in seq order. The old chain
    // is checked first (its verdict is recorded in the new chain below).
    await q.query(`ALTER TABLE "audit_events" ADD "payload_digest" text`);
    const tenants = (await q.query(`select distinct tenant_id from audit_events order by 1`)) as { tenant_id: string }[];
    const legacy = new Map<string, { seq: number; reason: string } | null>();
    for (const { tenant_id } of tenants) legacy.set(tenant_id, await verifyChainV1(q, tenant_id));
    await q.query(`alter table audit_events disable trigger audit_events_append_only`);
    await q.query(`update audit_events set payload_digest = audit_payload_digest(before, after)`);
    await q.query(`do $$
      declare
        r record;
        current_tenant uuid;
        previous text;
        computed text;
      begin
        for r in select tenant_id, id, seq, occurred_at, actor_user_id, operation, entity_type, entity_id, payload_digest
                   from audit_events order by tenant_id, seq loop
          if current_tenant is distinct from r.tenant_id then
            current_tenant := r.tenant_id;
            previous := repeat('0', 64);
          end if;
          computed := audit_event_hash(previous, r.seq, r.tenant_id, r.id, r.occurred_at, r.actor_user_id, r.operation,
                                       r.entity_type, r.entity_id, r.payload_digest);
          update audit_events set prev_hash = previous, hash = computed where tenant_id = r.tenant_id and id = r.id;
          previous := computed;
        end loop;
      end $$`);
    await q.query(`insert into audit_chain_heads (tenant_id, seq, hash)
      select distinct on (tenant_id) tenant_id, seq, hash from audit_events order by tenant_id, seq desc
      on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash`);
    await q.query(`alter table audit_events enable trigger audit_events_append_only`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "payload_digest" SET NOT NULL`);

    // --- From now on PostgreSQL chains every event. The tenant check stops a role from moving another
    // tenant's head before row-level security refuses its row (owner commands set no tenant).
    await q.query(`create function audit_events_chain() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        head_seq bigint;
        head_hash text;
      begin
        if new.tenant_id is distinct from coalesce(app_current_tenant(), new.tenant_id) then
          raise exception 'audit event for another tenant than the current one' using errcode = 'insufficient_privilege';
        end if;
        insert into audit_chain_heads as h (tenant_id, seq, hash) values (new.tenant_id, 0, repeat('0', 64))
          on conflict (tenant_id) do update set seq = h.seq
          returning h.seq, h.hash into head_seq, head_hash;
        new.seq := head_seq + 1;
        new.prev_hash := head_hash;
        new.occurred_at := clock_timestamp();
        new.payload_digest := audit_payload_digest(new.before, new.after);
        new.hash := audit_event_hash(new.prev_hash, new.seq, new.tenant_id, new.id, new.occurred_at, new.actor_user_id,
                                     new.operation, new.entity_type, new.entity_id, new.payload_digest);
        update audit_chain_heads set seq = new.seq, hash = new.hash where tenant_id = new.tenant_id;
        return new;
      end $$`);
    await q.query(`revoke all on function audit_events_chain() from public`);
    await q.query(`create trigger audit_events_chain before insert on audit_events for each row execute function audit_events_chain()`);
    // The trigger moves the heads; the runtime role only reads them.
    await q.query(`revoke insert, update, delete on audit_chain_heads from pilotis_runtime`);

    // --- Append-only still, with one exception: the redaction `audit_redact` performs (payloads replaced
    // by markers, every other column unchanged, flagged for that one event by a transaction setting).
    await q.query(`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE'
           and current_setting('pilotis.audit_redaction', true) = old.id::text
           and (new.tenant_id, new.id, new.seq, new.prev_hash, new.hash, new.occurred_at, new.actor_user_id, new.operation,
                new.entity_type, new.entity_id, new.request_id, new.payload_digest)
               is not distinct from
               (old.tenant_id, old.id, old.seq, old.prev_hash, old.hash, old.occurred_at, old.actor_user_id, old.operation,
                old.entity_type, old.entity_id, old.request_id, old.payload_digest)
           and (new.before is null) = (old.before is null) and (new.after is null) = (old.after is null)
           and (new.before is null or audit_is_redaction_marker(new.before))
           and (new.after is null or audit_is_redaction_marker(new.after)) then
          return new;
        end if;
        raise exception 'audit trail is append-only (% on %)', tg_op, tg_table_name using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`drop trigger audit_events_append_only on audit_events`);
    await q.query(`create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function audit_events_append_only()`);

    // --- Redaction, for the owner only (not SECURITY DEFINER, not granted: the runtime role has no UPDATE
    // on audit_events anyway). The event keeps its digest, so the chain still verifies; the redaction is
    // itself an event of the chain, which the verifier requires for every redacted payload.
    await q.query(`create function audit_redact(p_tenant_id uuid, p_event_id uuid, p_reason text) returns uuid
      language plpgsql set search_path = public, pg_temp as $$
      declare
        ev record;
        marker jsonb;
        redaction_id uuid := gen_random_uuid();
        previous_tenant text := current_setting('app.tenant_id', true);
      begin
        if p_reason is null or btrim(p_reason) = '' then
          raise exception 'a redaction needs a reason' using errcode = 'invalid_parameter_value';
        end if;
        perform set_config('app.tenant_id', p_tenant_id::text, true);
        select seq, operation, before, after into ev from audit_events where tenant_id = p_tenant_id and id = p_event_id for update;
        if not found then
          raise exception 'no audit event % in tenant %', p_event_id, p_tenant_id using errcode = 'no_data_found';
        end if;
        if (ev.before is null or audit_is_redaction_marker(ev.before)) and (ev.after is null or audit_is_redaction_marker(ev.after)) then
          raise exception 'audit event % has no payload left to redact', p_event_id using errcode = 'invalid_parameter_value';
        end if;
        marker := jsonb_build_object('redacted', true, 'reason', p_reason);
        perform set_config('pilotis.audit_redaction', p_event_id::text, true);
        update audit_events
           set before = case when before is null then null else marker end,
               after = case when after is null then null else marker end
         where tenant_id = p_tenant_id and id = p_event_id;
        perform set_config('pilotis.audit_redaction', '', true);
        insert into audit_events (tenant_id, id, operation, entity_type, entity_id, after)
        values (p_tenant_id, redaction_id, 'audit.redact', 'AuditEvent', p_event_id,
                jsonb_build_object('eventId', p_event_id, 'eventSeq', ev.seq, 'eventOperation', ev.operation, 'reason', p_reason));
        perform set_config('app.tenant_id', coalesce(previous_tenant, ''), true);
        return redaction_id;
      end $$`);
    await q.query(`revoke all on function audit_redact(uuid, uuid, text) from public`);

    // --- The rebuild is itself recorded in each chain, with the old chain's verdict.
    for (const [tenantId, fault] of legacy) {
      await q.query(
        `insert into audit_events (tenant_id, id, operation, entity_type, entity_id, after)
         values ($1, gen_random_uuid(), 'audit.rechain', 'AuditChain', null, $2::jsonb)`,
        [tenantId, JSON.stringify({ scheme: 'sql-sha256-v2', previousChainValid: fault === null, previousFault: fault })],
      );
    }

    // --- Secrets older code wrote into payloads (a User entity passed whole carried its passwordHash):
    // redacted, keeping the chain verifiable.
    const leaking = (await q.query(
      `select tenant_id, id from audit_events
        where ${SECRET_IN('before')} or ${SECRET_IN('after')}
        order by tenant_id, seq`,
    )) as { tenant_id: string; id: string }[];
    for (const e of leaking) {
      await q.query(`select audit_redact($1, $2, $3)`, [
        e.tenant_id,
        e.id,
        'Contenait une empreinte de mot de passe ou un secret (écrit par une version antérieure).',
      ]);
    }
    // The platform trail is not chained: its payloads are replaced in place.
    await q.query(`alter table platform_audit_events disable trigger platform_audit_events_append_only`);
    await q.query(`update platform_audit_events
        set details = jsonb_build_object('redacted', true, 'reason', 'Contenait une empreinte de mot de passe ou un secret (écrit par une version antérieure).')
      where ${SECRET_IN('details')}`);
    await q.query(`alter table platform_audit_events enable trigger platform_audit_events_append_only`);

    // --- Signed checkpoints.
    await q.query(
      `CREATE TABLE "audit_checkpoints" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mac" text NOT NULL, CONSTRAINT "PK_b611b240048e6229738c52a2a51" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "audit_checkpoints_seq_idx" ON "audit_checkpoints" ("tenant_id", "seq")`);
    await q.query(`alter table audit_checkpoints enable row level security`);
    await q.query(`alter table audit_checkpoints force row level security`);
    await q.query(`create policy tenant_isolation on audit_checkpoints
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
      for each row execute function forbid_audit_rewrite()`);
    await q.query(`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function forbid_audit_rewrite()`);
    await q.query(`grant select, insert on audit_checkpoints to pilotis_runtime`);

    // --- Every SECURITY DEFINER function resolves names in public then pg_temp only (pg_catalog first,
    // implicitly): a role that can create objects in another schema of the search path cannot capture
    // them. Functions created later must say so themselves.
    await q.query(`do $$
      declare f regprocedure;
      begin
        for f in select p.oid::regprocedure from pg_proc p where p.prosecdef and p.pronamespace = 'public'::regnamespace loop
          execute format('alter function %s set search_path = public, pg_temp', f);
        end loop;
      end $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of EARLIER_SECURITY_DEFINER) await q.query(`alter function ${fn} set search_path = public`);
    await q.query(`drop table "audit_checkpoints"`);
    await q.query(`drop function audit_redact(uuid, uuid, text)`);
    await q.query(`drop trigger audit_events_append_only on audit_events`);
    await q.query(`create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function forbid_audit_rewrite()`);
    await q.query(`drop function audit_events_append_only()`);
    await q.query(`drop trigger audit_events_chain on audit_events`);
    await q.query(`drop function audit_events_chain()`);
    await q.query(`grant insert, update on audit_chain_heads to pilotis_runtime`);
    // Redacted payloads and the chain's new hashes stay: the previous scheme's hashes are not restored
    // (the previous code would report them invalid; its chain is rebuilt by running this migration again).
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "payload_digest"`);
    await q.query(`drop function audit_is_redaction_marker(jsonb)`);
    await q.query(`drop function audit_event_hash(text, bigint, uuid, uuid, timestamptz, uuid, text, text, uuid, text)`);
    await q.query(`drop function audit_payload_digest(jsonb, jsonb)`);
  }
}

/** A jsonb column holds, at any depth, a key naming a secret or its hash, or an argon2 hash anywhere. */
const SECRET_IN = (column: string): string =>
  `(coalesce(jsonb_path_exists(${column},
      'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "^(password|password_?hash|secret|secret_?hash|token_?hash)$" flag "i")'), false)
    or strpos(coalesce(${column}::text, ''), '$argon2') > 0)`;

/** SECURITY DEFINER functions of earlier migrations (their `search_path = public` before this one). */
const EARLIER_SECURITY_DEFINER = [
  'worker_tenants()',
  'outbox_claim(integer, interval)',
  'pending_digests(interval)',
  'pending_reports(interval, interval)',
  'pending_webhook_deliveries(interval, integer)',
];
