import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { visibleActionSql, visibleLedgerSql } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DomainError, ErrorCode } from '@pilotis/shared';

import { FinanceSource } from './finance.entities';
import { FINANCE_SQL } from './finance.sql';
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
    const rowErrors = [...errors, ...(await this.check(kind))].sort(
      (a, b) => a.line - b.line || (a.field ?? '').localeCompare(b.field ?? ''),
    );
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
    await this.db.query(FINANCE_SQL.importRowsTable);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await this.db.query(FINANCE_SQL.importRowsLoad, [
        chunk.map((r) => r.line),
        chunk.map((r) => r.fundingLineId),
        chunk.map((r) => r.system),
        chunk.map((r) => r.externalId),
        chunk.map((r) => r.commitmentReference),
        chunk.map((r) => r.reference),
        chunk.map((r) => r.date),
        chunk.map((r) => r.amountCents.toString()),
      ]);
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
    await this.db.query(FINANCE_SQL.importResolveExternalReferences(visibleLedgerSql(scope, 'externalReferences', '$2')), [
      tenantId,
      scope.organisationId,
    ]);
    if (kind === 'payments') {
      // Only when the number is one the caller sees (its own funder's, if bound) and unambiguous among those.
      const visible = (
        c: string,
      ) => `exists (select 1 from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
                                               where fl.tenant_id = ${c}.tenant_id and fl.id = ${c}.funding_line_id and ${visibleLedgerSql(scope, 'commitments', '$2')})`;
      await this.db.query(FINANCE_SQL.importResolveCommitments(visible), [tenantId, scope.organisationId]);
    }
    await this.db.query(FINANCE_SQL.importForgetInvisibleLines(visibleActionSql(scope, '$2')), [tenantId, scope.organisationId]);
    // In id order, like every writer of these rows: concurrent imports cannot deadlock on them.
    await this.db.query(FINANCE_SQL.importLockLines, [tenantId]);
  }

  private async check(kind: ImportKind): Promise<RowError[]> {
    const { tenantId } = this.db.tenant();
    const rows = await this.db.query<RowError>(FINANCE_SQL.importCheck(kind, visibleLedgerSql(this.db.tenant(), 'commitments', '$2')), [
      tenantId,
      this.db.tenant().organisationId,
    ]);
    return rows;
  }

  /** Every row through the ledger, in one statement: its triggers add them to the sums and refuse any excess. */
  private async record(kind: ImportKind): Promise<void> {
    const scope = this.db.tenant();
    const p = [scope.tenantId, FinanceSource.IMPORT, this.db.actor().userId];
    await this.ledger.insertImported(kind, FINANCE_SQL.importRecords(kind), p);
    await this.publish(kind);
  }

  /** One outbox event (and webhook delivery) per commitment or payment, with a single call's payload. */
  private async publish(kind: ImportKind): Promise<void> {
    const scope = this.db.tenant();
    const topic = kind === 'commitments' ? 'commitment.recorded' : 'payment.recorded';
    await this.outbox.publishAll(topic, FINANCE_SQL.importEvents(kind), [scope.tenantId]);
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
