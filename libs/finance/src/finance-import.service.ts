import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { visibleActionSql, visibleLedgerSql } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DomainError, ErrorCode } from '@pilotis/shared';
import { FinanceSource } from './finance.entities';
import { ImportKind, ImportRow, readFinanceCsv, RowError } from './finance-csv';
import { FundingLedger } from './funding-ledger.service';

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  totalCents: string;
  sha256: string;
}

/** Rows sent to PostgreSQL per statement while loading the file. */
const CHUNK = 10_000;

/**
 * The batch import of a finance file, all or nothing. The file is read whole; its rows are loaded into a
 * temporary table of the request's transaction and checked there, set-based, with the same rules as a
 * single call — line found and writable by the caller, line decided, reference unique per funder (in the
 * file and in the database), running totals per line within the decision or the commitments — after
 * the lines concerned are locked. Any faulty row and nothing is recorded: the answer lists every faulty
 * row with its reason. Otherwise every row is recorded in a few statements, with one audit event for the
 * import and one outbox event (and webhook delivery) per commitment or payment.
 */
@Injectable()
export class FinanceImportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly ledger: FundingLedger,
  ) {}

  async import(kind: ImportKind, text: string): Promise<ImportResult> {
    const { rows, errors } = readFinanceCsv(kind, text);
    if (errors.length > 0 && rows.length === 0) throw importRefused(errors);
    await this.load(rows);
    await this.resolveLines(kind);
    const rowErrors = [...errors, ...(await this.check(kind))].sort((a, b) => a.line - b.line || (a.field ?? '').localeCompare(b.field ?? ''));
    if (rowErrors.length > 0) throw importRefused(rowErrors);
    const totalCents = rows.reduce((t, r) => t + r.amountCents, 0n);
    await this.record(kind);
    const sha256 = createHash('sha256').update(text).digest('hex');
    await this.audit.record({
      operation: kind === 'commitments' ? 'commitment.import' : 'payment.import',
      entityType: 'FinanceImport',
      entityId: randomUUID(),
      after: { rows: rows.length, totalCents, sha256 },
    });
    return { kind, rows: rows.length, totalCents: totalCents.toString(), sha256 };
  }

  private async load(rows: ImportRow[]): Promise<void> {
    await this.db.query(`create temporary table import_rows (
        line int primary key, funding_line_id uuid, system text, external_id text, commitment_reference text,
        commitment_id uuid, reference text not null, on_date date not null, amount bigint not null, new_id uuid not null default gen_random_uuid()
      ) on commit drop`);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await this.db.query(
        `insert into import_rows (line, funding_line_id, system, external_id, commitment_reference, reference, on_date, amount)
         select * from unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::bigint[])`,
        [
          chunk.map((r) => r.line),
          chunk.map((r) => r.fundingLineId),
          chunk.map((r) => r.system),
          chunk.map((r) => r.externalId),
          chunk.map((r) => r.commitmentReference),
          chunk.map((r) => r.reference),
          chunk.map((r) => r.date),
          chunk.map((r) => r.amountCents.toString()),
        ],
      );
    }
  }

  /**
   * Lines named by an external identifier or a commitment number, among those the caller sees (another
   * funder's identifiers and numbers do not exist for a bound caller: "not found" before any other check);
   * lines named by id on an action the caller does not see are forgotten too. Then every line concerned,
   * locked.
   */
  private async resolveLines(kind: ImportKind): Promise<void> {
    const scope = this.db.tenant();
    const { tenantId } = scope;
    await this.db.query(
      `update import_rows r set funding_line_id = er.funding_line_id
         from external_references er
         join funding_lines fl on fl.tenant_id = er.tenant_id and fl.id = er.funding_line_id
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where er.tenant_id = $1 and er.system = r.system and er.value = r.external_id and r.system is not null
          and ${visibleLedgerSql(scope, 'externalReferences', '$2')}`,
      [tenantId, scope.organisationId],
    );
    if (kind === 'payments') {
      // Only when the number is one the caller sees (its own funder's, if bound) and unambiguous among those.
      const visible = (c: string) => `exists (select 1 from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
                                               where fl.tenant_id = ${c}.tenant_id and fl.id = ${c}.funding_line_id and ${visibleLedgerSql(scope, 'commitments', '$2')})`;
      await this.db.query(
        `update import_rows r set funding_line_id = c.funding_line_id, commitment_id = c.id
           from commitments c
          where c.tenant_id = $1 and c.reference = r.commitment_reference and ${visible('c')}
            and (select count(*) from commitments c2 where c2.tenant_id = $1 and c2.reference = r.commitment_reference and ${visible('c2')}) = 1`,
        [tenantId, scope.organisationId],
      );
    }
    await this.db.query(
      `update import_rows r set funding_line_id = null
        where r.funding_line_id is not null
          and not exists (select 1 from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
                           where fl.tenant_id = $1 and fl.id = r.funding_line_id and ${visibleActionSql(scope, '$2')})`,
      [tenantId, scope.organisationId],
    );
    // In id order, like every writer of these rows: concurrent imports cannot deadlock on them.
    await this.db.query(
      `select fl.id from funding_lines fl where fl.tenant_id = $1 and fl.id in (select distinct funding_line_id from import_rows where funding_line_id is not null)
        order by fl.id for update`,
      [tenantId],
    );
  }

  private async check(kind: ImportKind): Promise<RowError[]> {
    const { tenantId } = this.db.tenant();
    const table = kind === 'commitments' ? 'commitments' : 'payments';
    // Running totals per line in file order: the first row that goes beyond, and every one after it.
    const limit =
      kind === 'commitments'
        ? `fl.committed_amount_cents + sum(r.amount) over (partition by r.funding_line_id order by r.line) > fl.decided_amount_cents`
        : `fl.paid_amount_cents + sum(r.amount) over (partition by r.funding_line_id order by r.line) > fl.committed_amount_cents`;
    const rows = await this.db.query<RowError>(
      `with x as (
         select r.line, r.system, r.commitment_reference, r.reference, r.funding_line_id, r.commitment_id, fl.id as found, fl.funder_id,
                ${visibleLedgerSql(this.db.tenant(), 'commitments', '$2')} as own,
                fl.decided_amount_cents, ${limit} as beyond,
                count(*) over (partition by fl.funder_id, r.reference) as same_reference,
                case when r.commitment_id is not null then
                  (select c.amount_cents - c.decommitted_amount_cents - c.paid_amount_cents from commitments c where c.tenant_id = $1 and c.id = r.commitment_id)
                  - sum(r.amount) over (partition by r.commitment_id order by r.line) end as commitment_left
           from import_rows r left join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id
                left join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id)
       select line, 'NOT_FOUND' as code, case when commitment_reference is not null then 'engagement' when system is not null then 'identifiant' else 'ligne' end as field,
              case when commitment_reference is not null then 'engagement inconnu (ou ambigu entre financeurs : désignez la ligne)' else 'ligne de financement inconnue' end as message
         from x where found is null
       union all
       select line, 'FORBIDDEN', 'ligne', 'ligne d''un autre financeur que le vôtre' from x where found is not null and not own
       union all
       select line, 'LINE_NOT_DECIDED', 'ligne', 'ligne non accordée en comité des financeurs' from x where found is not null and coalesce(decided_amount_cents, 0) = 0
       union all
       select line, ${kind === 'commitments' ? `'AMOUNT_EXCEEDS_DECISION', 'montant', 'les engagements dépasseraient le montant décidé'` : `'AMOUNT_EXCEEDS_COMMITMENT', 'montant', 'les paiements dépasseraient le montant engagé'`}
         from x where found is not null and coalesce(decided_amount_cents, 0) > 0 and beyond
       union all
       select line, 'AMOUNT_EXCEEDS_COMMITMENT', 'montant', 'les paiements dépasseraient le montant de cet engagement' from x where commitment_left < 0
       union all
       select line, 'CONFLICT', 'reference', 'numéro présent plusieurs fois dans le fichier pour ce financeur' from x where found is not null and same_reference > 1
       union all
       select x.line, 'CONFLICT', 'reference', 'numéro déjà enregistré pour ce financeur' from x
         join ${table} t on t.tenant_id = $1 and t.funder_id = x.funder_id and t.reference = x.reference
       order by 1, 3`,
      [tenantId, this.db.tenant().organisationId],
    );
    return rows;
  }

  /** Every row through the ledger, in one statement: its triggers add them to the sums and refuse any excess. */
  private async record(kind: ImportKind): Promise<void> {
    const scope = this.db.tenant();
    const p = [scope.tenantId, FinanceSource.IMPORT, this.db.actor().userId];
    await this.ledger.insertImported(
      kind,
      kind === 'commitments'
        ? `select $1, r.new_id, r.funding_line_id, fl.funder_id, r.reference, r.on_date, r.amount, $2, $3
             from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id order by r.line`
        : `select $1, r.new_id, r.funding_line_id, r.commitment_id, fl.funder_id, r.reference, r.on_date, r.amount, $2, $3
             from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id order by r.line`,
      p,
    );
    await this.publish(kind);
  }

  /** One outbox event (and webhook delivery) per commitment or payment, with a single call's payload. */
  private async publish(kind: ImportKind): Promise<void> {
    const scope = this.db.tenant();
    const topic = kind === 'commitments' ? 'commitment.recorded' : 'payment.recorded';
    const payload =
      kind === 'commitments'
        ? `jsonb_build_object('commitmentId', r.new_id, 'fundingLineId', r.funding_line_id, 'actionId', fl.action_id, 'actionReference', a.reference, 'funderId', fl.funder_id,
                              'reference', r.reference, 'committedOn', r.on_date::text, 'amountCents', r.amount::text)`
        : `jsonb_build_object('paymentId', r.new_id, 'fundingLineId', r.funding_line_id, 'actionId', fl.action_id, 'actionReference', a.reference, 'funderId', fl.funder_id,
                              'commitmentId', r.commitment_id, 'reference', r.reference, 'paidOn', r.on_date::text, 'amountCents', r.amount::text)`;
    await this.outbox.publishAll(
      topic,
      `select gen_random_uuid() as id, ${payload} as payload
         from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id
         join actions a on a.tenant_id = $1 and a.id = fl.action_id order by r.line`,
      [scope.tenantId],
    );
  }
}

/** The refusal of a whole file: BAD_USER_INPUT, every faulty row in `rows` (line 1 is the header). */
function importRefused(rows: RowError[]): DomainError {
  const shown = rows.slice(0, 3).map((r) => `ligne ${r.line} : ${r.message}`);
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `Import refusé, rien n'a été enregistré : ${rows.length} erreur(s) (${shown.join(' ; ')}${rows.length > 3 ? ' ; …' : ''}).`,
    { rows },
  );
}
