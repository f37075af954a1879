import type { ImportKind } from './finance-csv';

/**
 * The finance statements that span several tables, lock, upsert or work set-based on an import's rows.
 * Single-entity reads and writes go through `Db.repository`. $1 is always the tenant. A `visible`
 * argument is an SQL condition from `@pilotis/access` (`visibleActionSql`, `visibleLedgerSql`) over the
 * aliases `fl` (funding_lines) and `a` (actions), built by the caller for its viewer.
 */
export const FINANCE_SQL = {
  /**
   * The line $2 with its sums and its action's reference and porteur, FOR UPDATE of the line only: the
   * ledger's lock, which serialises every writer of the line. `visible` (over $3) hides a line of an
   * action the viewer does not see; without a viewer the caller passes `$3::uuid is null`.
   */
  lockLine: (
    visible: string,
  ): string => `select fl.id, fl.action_id, a.reference as action_reference, a.porteur_id, fl.funder_id, fl.decided_amount_cents::text as decided,
              fl.committed_amount_cents::text as committed, fl.paid_amount_cents::text as paid
         from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where fl.tenant_id = $1 and fl.id = $2 and ${visible}
          for update of fl`,

  /**
   * The finance API's idempotency key ($2 actor, $3 key, $4 operation, $5 request hash), inserted before any
   * work: a concurrent retry waits on the primary key. Returns a row when this call inserted it.
   */
  financeRequestClaim: `insert into finance_requests (tenant_id, actor_id, idempotency_key, operation, request_hash) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning idempotency_key`,

  /** The line of the external identifier $2 / $3 if the viewer ($4) sees that line's identifiers. */
  lineIdByExternalReference: (visible: string): string => `select er.funding_line_id from external_references er
         join funding_lines fl on fl.tenant_id = er.tenant_id and fl.id = er.funding_line_id
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where er.tenant_id = $1 and er.system = $2 and er.value = $3 and ${visible}`,

  /** The commitments numbered $2 that the viewer ($3) sees: two rows at most (more than one is ambiguous). */
  commitmentsByReference: (visible: string): string => `select c.id, c.funding_line_id from commitments c
         join funding_lines fl on fl.tenant_id = c.tenant_id and fl.id = c.funding_line_id
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where c.tenant_id = $1 and c.reference = $2 and ${visible} limit 2`,

  /** The commitment $2 if the viewer ($3) sees it. */
  commitmentById: (visible: string): string => `select c.id, c.funding_line_id from commitments c
         join funding_lines fl on fl.tenant_id = c.tenant_id and fl.id = c.funding_line_id
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where c.tenant_id = $1 and c.id = $2 and ${visible}`,

  // ------------------------------------------------------------------ the import (FinanceImportService)

  /** The import's rows, in a temporary table of the request's transaction. */
  importRowsTable: `create temporary table import_rows (
        line int primary key, funding_line_id uuid, system text, external_id text, commitment_reference text,
        commitment_id uuid, reference text not null, on_date date not null, amount bigint not null, new_id uuid not null default gen_random_uuid()
      ) on commit drop`,

  /** A chunk of the file's rows, one array per column ($1 … $8). */
  importRowsLoad: `insert into import_rows (line, funding_line_id, system, external_id, commitment_reference, reference, on_date, amount)
         select * from unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::bigint[])`,

  /** Rows naming an external identifier the viewer ($2) sees get its line. */
  importResolveExternalReferences: (visible: string): string => `update import_rows r set funding_line_id = er.funding_line_id
         from external_references er
         join funding_lines fl on fl.tenant_id = er.tenant_id and fl.id = er.funding_line_id
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where er.tenant_id = $1 and er.system = r.system and er.value = r.external_id and r.system is not null
          and ${visible}`,

  /**
   * Payment rows naming a commitment number get its commitment and line, when the number is one the viewer
   * ($2) sees and unambiguous among those. `visible(c)` is the visibility condition for the commitment `c`.
   */
  importResolveCommitments: (
    visible: (c: string) => string,
  ): string => `update import_rows r set funding_line_id = c.funding_line_id, commitment_id = c.id
           from commitments c
          where c.tenant_id = $1 and c.reference = r.commitment_reference and ${visible('c')}
            and (select count(*) from commitments c2 where c2.tenant_id = $1 and c2.reference = r.commitment_reference and ${visible('c2')}) = 1`,

  /** Forgets the lines named by id on an action the viewer ($2) does not see. */
  importForgetInvisibleLines: (visible: string): string => `update import_rows r set funding_line_id = null
        where r.funding_line_id is not null
          and not exists (select 1 from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
                           where fl.tenant_id = $1 and fl.id = r.funding_line_id and ${visible})`,

  /** Every line of the import FOR UPDATE, in id order like every writer of these rows: imports cannot deadlock. */
  importLockLines: `select fl.id from funding_lines fl where fl.tenant_id = $1 and fl.id in (select distinct funding_line_id from import_rows where funding_line_id is not null)
        order by fl.id for update`,

  /**
   * Every faulty row of the import with its reason: not found, another funder's line (`own`, over $2),
   * line not decided, running totals per line in file order beyond the decision or the commitments (the
   * first row that goes beyond, and every one after it), beyond a named commitment, a number repeated in
   * the file or already recorded for the funder.
   */
  importCheck: (kind: ImportKind, own: string): string => {
    const table = kind === 'commitments' ? 'commitments' : 'payments';
    const limit =
      kind === 'commitments'
        ? `fl.committed_amount_cents + sum(r.amount) over (partition by r.funding_line_id order by r.line) > fl.decided_amount_cents`
        : `fl.paid_amount_cents + sum(r.amount) over (partition by r.funding_line_id order by r.line) > fl.committed_amount_cents`;
    return `with x as (
         select r.line, r.system, r.commitment_reference, r.reference, r.funding_line_id, r.commitment_id, fl.id as found, fl.funder_id,
                ${own} as own,
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
       order by 1, 3`;
  },

  /**
   * The rows to record, in file order, as `FundingLedger.insertImported` inserts them ($2 source, $3
   * recorder): the columns of `importedColumns(kind)`.
   */
  importRecords: (kind: ImportKind): string =>
    kind === 'commitments'
      ? `select $1, r.new_id, r.funding_line_id, fl.funder_id, r.reference, r.on_date, r.amount, $2, $3
             from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id order by r.line`
      : `select $1, r.new_id, r.funding_line_id, r.commitment_id, fl.funder_id, r.reference, r.on_date, r.amount, $2, $3
             from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id order by r.line`,

  /** The columns an import inserts into `kind`, in the order of `importRecords(kind)`. */
  importedColumns: (kind: 'commitments' | 'payments'): string =>
    kind === 'commitments'
      ? 'tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by'
      : 'tenant_id, id, funding_line_id, commitment_id, funder_id, reference, paid_on, amount_cents, source, recorded_by',

  /** One outbox message per imported row (`OutboxService.publishAll`'s source), with a single call's payload. */
  importEvents: (kind: ImportKind): string => {
    const payload =
      kind === 'commitments'
        ? `jsonb_build_object('commitmentId', r.new_id, 'fundingLineId', r.funding_line_id, 'actionId', fl.action_id, 'actionReference', a.reference, 'funderId', fl.funder_id,
                              'reference', r.reference, 'committedOn', r.on_date::text, 'amountCents', r.amount::text)`
        : `jsonb_build_object('paymentId', r.new_id, 'fundingLineId', r.funding_line_id, 'actionId', fl.action_id, 'actionReference', a.reference, 'funderId', fl.funder_id,
                              'commitmentId', r.commitment_id, 'reference', r.reference, 'paidOn', r.on_date::text, 'amountCents', r.amount::text)`;
    return `select gen_random_uuid() as id, ${payload} as payload
         from import_rows r join funding_lines fl on fl.tenant_id = $1 and fl.id = r.funding_line_id
         join actions a on a.tenant_id = $1 and a.id = fl.action_id order by r.line`;
  },
} as const;
