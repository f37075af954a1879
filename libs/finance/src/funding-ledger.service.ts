import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Viewer, visibleActionSql } from '@pilotis/access';
import { FundingLine } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DomainError, ErrorCode, notFound } from '@pilotis/shared';

import { Commitment, Decommitment, FinanceSource, Payment } from './finance.entities';
import { FINANCE_SQL } from './finance.sql';

/** A funding line's ledger as read under its row lock. */
export interface LockedLine {
  id: string;
  action_id: string;
  action_reference: string;
  porteur_id: string;
  funder_id: string;
  decided: string | null;
  committed: string;
  paid: string;
}

export const euros = (cents: bigint): string => `${(Number(cents) / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} €`;

export const lineNotDecided = (): DomainError =>
  new DomainError(
    ErrorCode.LINE_NOT_DECIDED,
    "Cette ligne n'a pas été accordée en comité des financeurs : rien ne peut y être engagé ni payé.",
  );

export const exceedsDecision = (decided: bigint, committed: bigint): DomainError =>
  new DomainError(
    ErrorCode.AMOUNT_EXCEEDS_DECISION,
    `Les engagements dépasseraient le montant décidé (${euros(decided)}, déjà engagé ${euros(committed)}, reste ${euros(decided - committed)}).`,
    { decidedCents: decided.toString(), committedCents: committed.toString(), availableCents: (decided - committed).toString() },
  );

export const exceedsCommitment = (committed: bigint, paid: bigint, what = 'engagé'): DomainError =>
  new DomainError(
    ErrorCode.AMOUNT_EXCEEDS_COMMITMENT,
    `Les paiements dépasseraient le montant ${what} (${euros(committed)}, déjà payé ${euros(paid)}, reste ${euros(committed - paid)}).`,
    { committedCents: committed.toString(), paidCents: paid.toString(), availableCents: (committed - paid).toString() },
  );

export const decisionBelowCommitted = (amount: bigint, committed: bigint): DomainError =>
  new DomainError(
    ErrorCode.DECISION_BELOW_COMMITTED,
    `Le montant décidé (${euros(amount)}) serait inférieur à ce qui est déjà engagé sur la ligne (${euros(committed)}) : le financeur doit d'abord désengager la différence.`,
    { committedCents: committed.toString(), amountCents: amount.toString() },
  );

export const decommitExceedsUnpaid = (left: bigint, paid: bigint): DomainError =>
  new DomainError(
    ErrorCode.DECOMMIT_EXCEEDS_UNPAID,
    `On ne peut désengager que ce qui reste non payé de l'engagement (${euros(left)} ; déjà payé ${euros(paid)}).`,
    { availableCents: left.toString(), paidCents: paid.toString() },
  );

/**
 * The ledger of a funding line: what the comité des financeurs decided, what the funder committed and
 * decommitted, what it paid. Committees, decision corrections, commitments, decommitments, payments and
 * file imports all write through here, under the line's row lock, so `0 ≤ paid ≤ committed ≤ decided` per
 * line (and `paid + decommitted ≤ amount` per commitment) is checked with a clear error before PostgreSQL
 * enforces it anyway: its CHECK constraints and the triggers that keep the sums make every other path
 * fail (migration 1764700000000). The sums are never written here — the triggers add each inserted row.
 *
 * Lock order, for every writer: the action (when the caller holds it), then its lines in id order, then a
 * commitment (its row is updated by the triggers), then the audit chain's head.
 */
@Injectable()
export class FundingLedger {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The line with its sums, locked FOR UPDATE until the end of the transaction, or NOT_FOUND. Given a
   * viewer, a line of an action the viewer does not see is NOT_FOUND too (the organisation-bound rule,
   * checked in the same statement).
   */
  async lock(lineId: string, viewer?: Viewer): Promise<LockedLine> {
    const { tenantId } = this.db.tenant();
    const [line] = await this.db.query<LockedLine>(FINANCE_SQL.lockLine(viewer ? visibleActionSql(viewer, '$3') : '$3::uuid is null'), [
      tenantId,
      lineId,
      viewer?.organisationId ?? null,
    ]);
    if (!line) throw notFound('Ligne de financement');
    return line;
  }

  /**
   * Sets the decision in force on a line (a committee's close, a correction). Never below what is
   * committed on it: the funder decommits first (DECISION_BELOW_COMMITTED, with the committed amount).
   * The caller audits the decision itself.
   */
  async decide(lineId: string, amountCents: bigint): Promise<LockedLine> {
    const line = await this.lock(lineId);
    const committed = BigInt(line.committed);
    if (amountCents < committed) throw decisionBelowCommitted(amountCents, committed);
    await (await this.db.repository(FundingLine)).update({ id: line.id }, { decidedAmountCents: amountCents, decidedAt: () => 'now()' });
    return line;
  }

  async commit(line: LockedLine, c: { reference: string; date: string; amountCents: bigint }, source: FinanceSource): Promise<string> {
    if (line.decided === null || BigInt(line.decided) === 0n) throw lineNotDecided();
    const decided = BigInt(line.decided);
    const committed = BigInt(line.committed);
    if (committed + c.amountCents > decided) throw exceedsDecision(decided, committed);
    await this.referenceFree('commitments', line.funder_id, c.reference, "Ce numéro d'engagement");
    const id = randomUUID();
    await (
      await this.db.repository(Commitment)
    ).insert({
      id,
      fundingLineId: line.id,
      funderId: line.funder_id,
      reference: c.reference,
      committedOn: c.date,
      amountCents: c.amountCents,
      source,
      recordedBy: this.db.actor().userId,
    });
    const event = {
      commitmentId: id,
      fundingLineId: line.id,
      actionId: line.action_id,
      actionReference: line.action_reference,
      funderId: line.funder_id,
      reference: c.reference,
      committedOn: c.date,
      amountCents: c.amountCents,
    };
    await this.audit.record({
      operation: 'commitment.record',
      entityType: 'FundingLine',
      entityId: line.id,
      before: { committedCents: committed },
      after: { ...event, committedCents: committed + c.amountCents, source },
    });
    await this.outbox.publish('commitment.recorded', event);
    return id;
  }

  async pay(
    line: LockedLine,
    p: { reference: string; date: string; amountCents: bigint; commitmentId: string | null },
    source: FinanceSource,
  ): Promise<string> {
    if (line.decided === null || BigInt(line.decided) === 0n) throw lineNotDecided();
    const committed = BigInt(line.committed);
    const paid = BigInt(line.paid);
    if (paid + p.amountCents > committed) throw exceedsCommitment(committed, paid);
    if (p.commitmentId) {
      // Paying a named commitment: no more than what stays of it either.
      const c = await this.commitmentOfLockedLine(p.commitmentId);
      const left = c.amount - c.decommitted;
      if (c.paid + p.amountCents > left) throw exceedsCommitment(left, c.paid, 'de cet engagement');
    }
    await this.referenceFree('payments', line.funder_id, p.reference, 'Ce numéro de mandat');
    const id = randomUUID();
    await (
      await this.db.repository(Payment)
    ).insert({
      id,
      fundingLineId: line.id,
      commitmentId: p.commitmentId,
      funderId: line.funder_id,
      reference: p.reference,
      paidOn: p.date,
      amountCents: p.amountCents,
      source,
      recordedBy: this.db.actor().userId,
    });
    const event = {
      paymentId: id,
      fundingLineId: line.id,
      actionId: line.action_id,
      actionReference: line.action_reference,
      funderId: line.funder_id,
      commitmentId: p.commitmentId,
      reference: p.reference,
      paidOn: p.date,
      amountCents: p.amountCents,
    };
    await this.audit.record({
      operation: 'payment.record',
      entityType: 'FundingLine',
      entityId: line.id,
      before: { paidCents: paid },
      after: { ...event, paidCents: paid + p.amountCents, source },
    });
    await this.outbox.publish('payment.recorded', event);
    return id;
  }

  /**
   * Reduces a commitment of the (locked) line by `amountCents`, or by all that is left unpaid of it when
   * null (a cancellation). Never below what is paid against it (DECOMMIT_EXCEEDS_UNPAID).
   */
  async decommit(
    line: LockedLine,
    commitmentId: string,
    d: { amountCents: bigint | null; date: string; reason: string },
    source: FinanceSource,
  ): Promise<string> {
    const c = await this.commitmentOfLockedLine(commitmentId);
    if (c.funding_line_id !== line.id) throw new Error('decommit: the commitment is not on the locked line');
    const unpaid = c.amount - c.decommitted - c.paid;
    const amount = d.amountCents ?? unpaid;
    if (amount <= 0n || amount > unpaid) throw decommitExceedsUnpaid(unpaid, c.paid);
    const id = randomUUID();
    await (
      await this.db.repository(Decommitment)
    ).insert({
      id,
      commitmentId: c.id,
      fundingLineId: line.id,
      funderId: line.funder_id,
      decommittedOn: d.date,
      amountCents: amount,
      reason: d.reason,
      source,
      recordedBy: this.db.actor().userId,
    });
    const committed = BigInt(line.committed);
    const event = {
      decommitmentId: id,
      commitmentId: c.id,
      commitmentReference: c.reference,
      fundingLineId: line.id,
      actionId: line.action_id,
      actionReference: line.action_reference,
      funderId: line.funder_id,
      decommittedOn: d.date,
      amountCents: amount,
      reason: d.reason,
      remainingCommitmentCents: c.amount - c.decommitted - amount,
    };
    await this.audit.record({
      operation: 'commitment.decommit',
      entityType: 'FundingLine',
      entityId: line.id,
      before: { committedCents: committed, commitmentCents: c.amount - c.decommitted },
      after: { ...event, committedCents: committed - amount, source },
    });
    await this.outbox.publish('commitment.decommitted', event);
    return id;
  }

  /** Inserts the rows a set-based import selects (`sql`, `params`); the triggers keep the sums and refuse excess. */
  async insertImported(kind: 'commitments' | 'payments', sql: string, params: unknown[]): Promise<void> {
    await this.db.query(`insert into ${kind} (${FINANCE_SQL.importedColumns(kind)}) ${sql}`, params);
  }

  /**
   * A commitment of the line the caller holds locked. Not locked itself (the runtime role has no UPDATE on
   * commitments, which FOR UPDATE would need): every writer of a commitment's sums holds its line first.
   */
  private async commitmentOfLockedLine(
    id: string,
  ): Promise<{ id: string; funding_line_id: string; reference: string; amount: bigint; decommitted: bigint; paid: bigint }> {
    const c = await (await this.db.repository(Commitment)).findOne({ id });
    if (!c) throw notFound('Engagement');
    return {
      id: c.id,
      funding_line_id: c.fundingLineId,
      reference: c.reference,
      amount: c.amountCents,
      decommitted: c.decommittedAmountCents,
      paid: c.paidAmountCents,
    };
  }

  private async referenceFree(table: 'commitments' | 'payments', funderId: string, reference: string, what: string): Promise<void> {
    const where = { funderId, reference };
    const taken =
      table === 'commitments'
        ? await (await this.db.repository(Commitment)).exists(where)
        : await (await this.db.repository(Payment)).exists(where);
    if (taken)
      throw new DomainError(ErrorCode.CONFLICT, `${what} (« ${reference} ») est déjà enregistré pour ce financeur.`, {
        fields: [{ field: 'reference', reason: 'duplicate', message: 'déjà enregistré pour ce financeur' }],
      });
  }
}
