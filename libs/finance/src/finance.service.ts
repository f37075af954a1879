import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ledgerAccess, visibleLedgerSql } from '@pilotis/access';
import { FundingLine } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import {
  badInput,
  conflict,
  DomainError,
  ErrorCode,
  forbidden,
  invalidField,
  isCivilDate,
  MAX_AMOUNT_CENTS,
  notFound,
} from '@pilotis/shared';

import { Commitment, Decommitment, ExternalReference, FinanceRequest, FinanceSource, Payment } from './finance.entities';
import {
  AttachExternalReferenceInput,
  DecommitInput,
  ExternalReferenceInput,
  RecordCommitmentInput,
  RecordPaymentInput,
} from './finance.inputs';
import { FINANCE_SQL } from './finance.sql';
import { FundingLedger, LockedLine } from './funding-ledger.service';

/**
 * The finance API: commitments, decommitments and payments of finance systems, written through the
 * line's ledger (`FundingLedger`, which holds the amounts' rules), and external identifiers. This service
 * finds the line a call names with the caller's visibility (`@pilotis/access`: another funder's line,
 * identifier or commitment number does not exist for an organisation-bound caller) and makes each call
 * idempotent: with an Idempotency-Key a retry records nothing more and gets the first result; the key
 * reused for another request is refused.
 */
@Injectable()
export class FinanceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ledger: FundingLedger,
  ) {}

  async recordCommitment(input: RecordCommitmentInput, idempotencyKey: string | null): Promise<Commitment> {
    const c = { reference: input.reference.trim(), date: input.committedOn, amountCents: input.amountCents };
    checkAmountAndDate('committedOn', c.date, c.amountCents);
    const hash = requestHash('recordCommitment', [
      input.fundingLineId?.toLowerCase() ?? null,
      input.externalReference ?? null,
      c.reference,
      c.date,
      c.amountCents.toString(),
    ]);
    const id = await this.idempotent('recordCommitment', idempotencyKey, hash, async () => {
      const line = await this.lockLine(await this.targetLine(input));
      return this.ledger.commit(line, c, FinanceSource.API);
    });
    return this.byId(Commitment, id);
  }

  async recordPayment(input: RecordPaymentInput, idempotencyKey: string | null): Promise<Payment> {
    const p = { reference: input.reference.trim(), date: input.paidOn, amountCents: input.amountCents };
    checkAmountAndDate('paidOn', p.date, p.amountCents);
    const commitmentReference = input.commitmentReference?.trim() || null;
    const hash = requestHash('recordPayment', [
      input.fundingLineId?.toLowerCase() ?? null,
      input.externalReference ?? null,
      commitmentReference,
      p.reference,
      p.date,
      p.amountCents.toString(),
    ]);
    const id = await this.idempotent('recordPayment', idempotencyKey, hash, async () => {
      let commitmentId: string | null = null;
      let lineId: string;
      if (commitmentReference) {
        if (input.fundingLineId || input.externalReference) throw targetError();
        const commitment = await this.commitmentByReference(commitmentReference);
        commitmentId = commitment.id;
        lineId = commitment.funding_line_id;
      } else {
        lineId = await this.targetLine(input);
      }
      return this.ledger.pay(await this.lockLine(lineId), { ...p, commitmentId }, FinanceSource.API);
    });
    return this.byId(Payment, id);
  }

  async decommit(input: DecommitInput, idempotencyKey: string | null): Promise<Decommitment> {
    const reason = input.reason.trim();
    const fields = [];
    if (!isCivilDate(input.decommittedOn))
      fields.push({ field: 'decommittedOn', reason: 'invalid_date', message: "cette date n'existe pas" });
    if (input.amountCents != null && (input.amountCents <= 0n || input.amountCents > MAX_AMOUNT_CENTS)) {
      fields.push({
        field: 'amountCents',
        reason: 'out_of_range',
        message: 'montant strictement positif attendu (1 milliard d’euros au plus)',
      });
    }
    if (reason.length === 0) fields.push({ field: 'reason', reason: 'empty', message: 'le motif est obligatoire' });
    if (fields.length > 0) throw badInput(fields);
    const reference = input.commitmentReference?.trim() || null;
    if (!!input.commitmentId === !!reference) {
      throw badInput([
        {
          field: 'commitmentId',
          reason: 'one_target',
          message: "désignez l'engagement par un seul moyen : commitmentId ou commitmentReference",
        },
      ]);
    }
    const hash = requestHash('decommit', [
      input.commitmentId?.toLowerCase() ?? null,
      reference,
      input.amountCents?.toString() ?? null,
      input.decommittedOn,
      reason,
    ]);
    const id = await this.idempotent('decommit', idempotencyKey, hash, async () => {
      const commitment = input.commitmentId
        ? await this.commitmentById(input.commitmentId.toLowerCase())
        : await this.commitmentByReference(reference as string);
      const line = await this.lockLine(commitment.funding_line_id);
      return this.ledger.decommit(
        line,
        commitment.id,
        { amountCents: input.amountCents ?? null, date: input.decommittedOn, reason },
        FinanceSource.API,
      );
    });
    return this.byId(Decommitment, id);
  }

  async attachExternalReference(input: AttachExternalReferenceInput): Promise<ExternalReference> {
    const line = await this.lockLine(input.fundingLineId.toLowerCase());
    const system = input.reference.system.trim();
    const value = input.reference.value.trim();
    const references = await this.db.repository(ExternalReference);
    const taken = await references.findOne({ system, value });
    if (taken)
      throw conflict(
        `L'identifiant ${system} « ${value} » est déjà rattaché à ${taken.fundingLineId === line.id ? 'cette ligne' : 'une autre ligne'}.`,
      );
    const id = randomUUID();
    await references.insert({ id, fundingLineId: line.id, system, value });
    await this.audit.record({
      operation: 'funding_line.attach_external_reference',
      entityType: 'FundingLine',
      entityId: line.id,
      after: { system, value },
    });
    return this.byId(ExternalReference, id);
  }

  /** A line by one of its external identifiers, with the caller's visibility. */
  async lineByExternalReference(ref: ExternalReferenceInput): Promise<FundingLine> {
    const id = await this.lineIdByExternalReference(ref);
    return (await this.db.repository(FundingLine)).findOneOrFail({ id });
  }

  // ------------------------------------------------------------------ shared with the CSV import

  /** The line a call names, by id or external identifier (exactly one), that the caller may write on. */
  async targetLine(target: { fundingLineId?: string | null; externalReference?: ExternalReferenceInput | null }): Promise<string> {
    if (!!target.fundingLineId === !!target.externalReference) throw targetError();
    return target.fundingLineId
      ? target.fundingLineId.toLowerCase()
      : this.lineIdByExternalReference(target.externalReference as ExternalReferenceInput);
  }

  /**
   * Locks the line (the ledger's FOR UPDATE: the checks and any concurrent call are serialised on it) and
   * checks that the caller may write on it: a line of an action it does not see does not exist; an
   * organisation-bound caller writes only on its own organisation's lines.
   */
  async lockLine(lineId: string): Promise<LockedLine> {
    const scope = this.db.tenant();
    const line = await this.ledger.lock(lineId, scope);
    if (!ledgerAccess(scope, { funderId: line.funder_id, porteurId: line.porteur_id }).commitments) {
      throw forbidden('Vous ne pouvez enregistrer des engagements et paiements que sur les lignes de votre organisation.');
    }
    return line;
  }

  // ------------------------------------------------------------------ internals

  /**
   * Runs `work` once per Idempotency-Key of this caller. The key's row is inserted first: a concurrent
   * retry waits on its primary key until the first call commits (then reads its result) or rolls back
   * (then does the work itself).
   */
  private async idempotent(operation: string, key: string | null, hash: string, work: () => Promise<string>): Promise<string> {
    if (!key) return work();
    const { tenantId } = this.db.tenant();
    const actorId = this.db.actor().userId;
    const inserted = await this.db.query(FINANCE_SQL.financeRequestClaim, [tenantId, actorId, key, operation, hash]);
    const requests = await this.db.repository(FinanceRequest);
    if (inserted.length === 0) {
      const previous = await requests.findOneOrFail({ actorId, idempotencyKey: key });
      if (previous.operation !== operation || previous.requestHash !== hash || !previous.resultId) {
        throw new DomainError(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.",
        );
      }
      return previous.resultId;
    }
    const id = await work();
    await requests.update({ actorId, idempotencyKey: key }, { resultId: id });
    return id;
  }

  /**
   * The line an external identifier names, if the caller sees that line's identifiers (its own
   * organisation's lines for a bound caller): another funder's identifier does not exist for it.
   */
  private async lineIdByExternalReference(ref: ExternalReferenceInput): Promise<string> {
    const scope = this.db.tenant();
    const [row] = await this.db.query<{ funding_line_id: string }>(
      FINANCE_SQL.lineIdByExternalReference(visibleLedgerSql(scope, 'externalReferences', '$4')),
      [scope.tenantId, ref.system.trim(), ref.value.trim(), scope.organisationId],
    );
    if (!row) throw notFound(`Ligne d'identifiant ${ref.system} « ${ref.value} »`);
    return row.funding_line_id;
  }

  /** A commitment by the funder's number, among those the caller sees (its own organisation's, if bound). */
  private async commitmentByReference(reference: string): Promise<{ id: string; funding_line_id: string }> {
    const scope = this.db.tenant();
    const rows = await this.db.query<{ id: string; funding_line_id: string }>(
      FINANCE_SQL.commitmentsByReference(visibleLedgerSql(scope, 'commitments', '$3')),
      [scope.tenantId, reference, scope.organisationId],
    );
    if (rows.length === 0) throw notFound(`Engagement « ${reference} »`);
    if (rows.length > 1)
      throw invalidField(
        'commitmentReference',
        'ambiguous',
        'plusieurs financeurs ont un engagement de ce numéro : désignez-le autrement (commitmentId, ou la ligne pour un paiement)',
      );
    return rows[0];
  }

  private async commitmentById(id: string): Promise<{ id: string; funding_line_id: string }> {
    const scope = this.db.tenant();
    const [row] = await this.db.query<{ id: string; funding_line_id: string }>(
      FINANCE_SQL.commitmentById(visibleLedgerSql(scope, 'commitments', '$3')),
      [scope.tenantId, id, scope.organisationId],
    );
    if (!row) throw notFound('Engagement');
    return row;
  }

  private async byId<T extends Commitment | Decommitment | Payment | ExternalReference>(entity: new () => T, id: string): Promise<T> {
    return (await this.db.repository(entity)).findOneOrFail({ id } as never);
  }
}

function targetError(): DomainError {
  return badInput([
    {
      field: 'fundingLineId',
      reason: 'one_target',
      message: 'désignez la ligne par un seul moyen : fundingLineId, externalReference ou commitmentReference',
    },
  ]);
}

function checkAmountAndDate(dateField: string, date: string, amountCents: bigint): void {
  const fields = [];
  if (!isCivilDate(date)) fields.push({ field: dateField, reason: 'invalid_date', message: "cette date n'existe pas" });
  if (amountCents <= 0n || amountCents > MAX_AMOUNT_CENTS)
    fields.push({
      field: 'amountCents',
      reason: 'out_of_range',
      message: 'montant strictement positif attendu (1 milliard d’euros au plus)',
    });
  if (fields.length > 0) throw badInput(fields);
}

function requestHash(operation: string, parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, ...parts]))
    .digest('hex');
}
