import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One ledger per funding line, enforced by PostgreSQL (issue 13).
 *
 * The rule: per line `0 ≤ paid ≤ committed ≤ decided` (an undecided line carries nothing), and per
 * commitment `paid against it + decommitted ≤ its amount`. Before this migration it was checked in
 * TypeScript on two paths and nowhere else; a decision correction could go below what was committed.
 *
 * - The sums are no longer written by the application: statement-level triggers (owner-defined, SECURITY
 *   DEFINER) add each statement's inserted commitments, payments and decommitments to their line and
 *   commitment, and the CHECK constraints refuse any state that breaks the rule, whoever writes.
 * - The runtime role loses UPDATE on the sums (column privileges on `funding_lines`) and any UPDATE on
 *   commitments and payments: they are history, changed only by appending a decommitment or a payment.
 * - `decommitments`: a finance system reduces or cancels a commitment by appending one (audited,
 *   published), after which a decision may be corrected down to what stays committed.
 * - A line with commitments or payments cannot be deleted any more (the foreign keys no longer cascade).
 *
 * Existing sums are recomputed from the rows first. Lines that already break the rule (a decision corrected
 * below its commitments before this fix) keep the constraint NOT VALID and are reported as a NOTICE: every
 * later write on such a line is checked, and the README says how to find and settle them.
 */
export class FundingLineLedger1764700000000 implements MigrationInterface {
  name = 'FundingLineLedger1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "commitments" ADD "decommitted_amount_cents" bigint NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "commitments" ADD "paid_amount_cents" bigint NOT NULL DEFAULT '0'`);
    await q.query(
      `update commitments c set paid_amount_cents = coalesce((select sum(p.amount_cents) from payments p where p.tenant_id = c.tenant_id and p.commitment_id = c.id), 0)`,
    );
    await q.query(`update funding_lines fl
                      set committed_amount_cents = coalesce((select sum(c.amount_cents) from commitments c where c.tenant_id = fl.tenant_id and c.funding_line_id = fl.id), 0),
                          paid_amount_cents = coalesce((select sum(p.amount_cents) from payments p where p.tenant_id = fl.tenant_id and p.funding_line_id = fl.id), 0)`);
    await q.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "commitments_ledger_check" CHECK ("decommitted_amount_cents" >= 0 and "paid_amount_cents" >= 0 and "paid_amount_cents" + "decommitted_amount_cents" <= "amount_cents")`,
    );

    await q.query(`ALTER TABLE "funding_lines" DROP CONSTRAINT "funding_lines_paid_check"`);
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_ledger_check" CHECK ("paid_amount_cents" >= 0 and "paid_amount_cents" <= "committed_amount_cents" and "committed_amount_cents" <= coalesce("decided_amount_cents", 0)) NOT VALID`,
    );
    await q.query(`do $$
      declare broken text;
      begin
        select string_agg(format('%s (tenant %s)', id, tenant_id), ', ') into broken from funding_lines
         where not (paid_amount_cents >= 0 and paid_amount_cents <= committed_amount_cents and committed_amount_cents <= coalesce(decided_amount_cents, 0));
        if broken is null then
          alter table funding_lines validate constraint funding_lines_ledger_check;
        else
          raise notice 'funding_lines_ledger_check left NOT VALID: these lines break the ledger rule and must be settled (decommit): %', broken;
        end if;
      end $$`);

    await q.query(
      `CREATE TABLE "decommitments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "commitment_id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "funder_id" uuid NOT NULL, "decommitted_on" date NOT NULL, "amount_cents" bigint NOT NULL, "reason" text NOT NULL, "source" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "decommitments_amount_check" CHECK ("amount_cents" > 0), CONSTRAINT "PK_decommitments" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "decommitments_commitment_idx" ON "decommitments" ("tenant_id", "commitment_id")`);
    await q.query(`CREATE INDEX "decommitments_line_idx" ON "decommitments" ("tenant_id", "funding_line_id")`);
    await q.query(
      `ALTER TABLE "decommitments" ADD CONSTRAINT "decommitments_commitment_fk" FOREIGN KEY ("tenant_id", "commitment_id") REFERENCES "commitments"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "decommitments" ADD CONSTRAINT "decommitments_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "decommitments" ADD CONSTRAINT "decommitments_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(`alter table "decommitments" enable row level security`);
    await q.query(`alter table "decommitments" force row level security`);
    await q.query(
      `create policy tenant_isolation on "decommitments" using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`,
    );
    await q.query(`grant select, insert on "decommitments" to pilotis_runtime`);

    // History keeps its lines: no cascade from a funding line to what was committed and paid on it.
    for (const [table, fk] of [
      ['commitments', 'commitments_line_fk'],
      ['payments', 'payments_line_fk'],
    ]) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    }

    // The runtime role: commitments and payments are appended, never edited; the line's sums are the
    // triggers' alone (every other column of the line stays writable, column by column).
    await q.query(`revoke update on "commitments", "payments" from pilotis_runtime`);
    await q.query(`revoke update on "funding_lines" from pilotis_runtime`);
    await q.query(`grant update (${LINE_COLUMNS_WRITABLE.map((c) => `"${c}"`).join(', ')}) on "funding_lines" to pilotis_runtime`);

    // A new row starts with nothing committed or paid, whatever the insert says.
    await q.query(`create function ledger_zero_sums() returns trigger language plpgsql set search_path = public, pg_temp as $$
      begin
        if tg_table_name = 'funding_lines' then
          new.committed_amount_cents := 0;
          new.paid_amount_cents := 0;
        else
          new.decommitted_amount_cents := 0;
          new.paid_amount_cents := 0;
        end if;
        return new;
      end $$`);
    await q.query(
      `create trigger funding_lines_ledger_start before insert on funding_lines for each row execute function ledger_zero_sums()`,
    );
    await q.query(`create trigger commitments_ledger_start before insert on commitments for each row execute function ledger_zero_sums()`);

    // Each statement's rows, summed per line (and per commitment), in one update each: a 50,000-row import
    // costs one update per line touched, not one per row. A row whose funder or line disagrees with the
    // line (or commitment) it names is refused: a ledger entry cannot sit on a line it does not belong to.
    await q.query(`create function ledger_commitments_inserted() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        if exists (select 1 from inserted c join funding_lines fl on fl.tenant_id = c.tenant_id and fl.id = c.funding_line_id where fl.funder_id <> c.funder_id) then
          raise exception 'a commitment is recorded by its line''s funder' using errcode = 'check_violation', constraint = 'commitments_funder_of_line';
        end if;
        update funding_lines fl set committed_amount_cents = fl.committed_amount_cents + s.total
          from (select tenant_id, funding_line_id, sum(amount_cents) as total from inserted group by 1, 2) s
         where fl.tenant_id = s.tenant_id and fl.id = s.funding_line_id;
        return null;
      end $$`);
    await q.query(`create function ledger_payments_inserted() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        if exists (select 1 from inserted p join funding_lines fl on fl.tenant_id = p.tenant_id and fl.id = p.funding_line_id where fl.funder_id <> p.funder_id)
           or exists (select 1 from inserted p join commitments c on c.tenant_id = p.tenant_id and c.id = p.commitment_id where c.funding_line_id <> p.funding_line_id) then
          raise exception 'a payment is recorded on its line, by its funder, against a commitment of that line' using errcode = 'check_violation', constraint = 'payments_of_line';
        end if;
        -- Commitments before lines: the order every writer locks them in after the line's FOR UPDATE.
        update commitments c set paid_amount_cents = c.paid_amount_cents + s.total
          from (select tenant_id, commitment_id, sum(amount_cents) as total from inserted where commitment_id is not null group by 1, 2) s
         where c.tenant_id = s.tenant_id and c.id = s.commitment_id;
        update funding_lines fl set paid_amount_cents = fl.paid_amount_cents + s.total
          from (select tenant_id, funding_line_id, sum(amount_cents) as total from inserted group by 1, 2) s
         where fl.tenant_id = s.tenant_id and fl.id = s.funding_line_id;
        return null;
      end $$`);
    await q.query(`create function ledger_decommitments_inserted() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        if exists (select 1 from inserted d join commitments c on c.tenant_id = d.tenant_id and c.id = d.commitment_id
                    where c.funding_line_id <> d.funding_line_id or c.funder_id <> d.funder_id) then
          raise exception 'a decommitment names its commitment''s line and funder' using errcode = 'check_violation', constraint = 'decommitments_of_commitment';
        end if;
        update commitments c set decommitted_amount_cents = c.decommitted_amount_cents + s.total
          from (select tenant_id, commitment_id, sum(amount_cents) as total from inserted group by 1, 2) s
         where c.tenant_id = s.tenant_id and c.id = s.commitment_id;
        update funding_lines fl set committed_amount_cents = fl.committed_amount_cents - s.total
          from (select tenant_id, funding_line_id, sum(amount_cents) as total from inserted group by 1, 2) s
         where fl.tenant_id = s.tenant_id and fl.id = s.funding_line_id;
        return null;
      end $$`);
    for (const [table, fn] of [
      ['commitments', 'ledger_commitments_inserted'],
      ['payments', 'ledger_payments_inserted'],
      ['decommitments', 'ledger_decommitments_inserted'],
    ]) {
      await q.query(`revoke all on function ${fn}() from public`);
      await q.query(
        `create trigger ${table}_ledger after insert on "${table}" referencing new table as inserted for each statement execute function ${fn}()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['commitments', 'payments', 'decommitments']) await q.query(`drop trigger if exists ${table}_ledger on "${table}"`);
    await q.query(`drop trigger funding_lines_ledger_start on funding_lines`);
    await q.query(`drop trigger commitments_ledger_start on commitments`);
    await q.query(
      `drop function ledger_commitments_inserted(), ledger_payments_inserted(), ledger_decommitments_inserted(), ledger_zero_sums()`,
    );
    await q.query(`grant update on "funding_lines", "commitments", "payments" to pilotis_runtime`);
    for (const [table, fk] of [
      ['commitments', 'commitments_line_fk'],
      ['payments', 'payments_line_fk'],
    ]) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
    await q.query(`DROP TABLE "decommitments"`);
    await q.query(`ALTER TABLE "funding_lines" DROP CONSTRAINT "funding_lines_ledger_check"`);
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_paid_check" CHECK ("paid_amount_cents" >= 0 and "paid_amount_cents" <= "committed_amount_cents")`,
    );
    await q.query(`ALTER TABLE "commitments" DROP CONSTRAINT "commitments_ledger_check"`);
    await q.query(`ALTER TABLE "commitments" DROP COLUMN "paid_amount_cents"`);
    await q.query(`ALTER TABLE "commitments" DROP COLUMN "decommitted_amount_cents"`);
  }
}

/**
 * The columns of `funding_lines` the runtime role may update: all but the ledger's sums. A column added to
 * the table later is not writable by the runtime until a migration grants it here too.
 */
const LINE_COLUMNS_WRITABLE = [
  'action_id',
  'funder_id',
  'kind',
  'amount_requested_cents',
  'in_kind',
  'pledge',
  'exercise_year',
  'decided_amount_cents',
  'decided_at',
];
