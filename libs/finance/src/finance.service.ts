import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Role } from '@pilotis/access';
import { FundingLine } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { badInput, conflict, DomainError, ErrorCode, forbidden, invalidField, isCivilDate, MAX_AMOUNT_CENTS, notFound } from '@pilotis/shared';
import { Commitment, ExternalReference, FinanceSource, Payment } from './finance.entities';
import { AttachExternalReferenceInput, ExternalReferenceInput, RecordCommitmentInput, RecordPaymentInput } from './finance.inputs';

/** A funding line as the finance checks read it, under its row lock. */
export interface LockedLine {
  id: string;
  action_id: string;
  action_reference: string;
  funder_id: string;
  decided: string | null;
  committed: string;
  paid: string;
}

const euros = (cents: bigint): string => `${(Number(cents) / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} €`;

export const lineNotDecided = (): DomainError =>
  new DomainError(ErrorCode.LINE_NOT_DECIDED, "Cette ligne n'a pas été accordée en comité des financeurs : rien ne peut y être engagé ni payé.");

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

/**
 * Commitments and payments of finance systems on decided funding lines, with their checks: the line was
 * decided; commitments never exceed the decision, payments never exceed the commitments (checked under
 * the line's row lock, so concurrent calls cannot both pass); a reference is unique per funder. The
 * line's committed and paid sums are kept in the same transaction. Each call may carry an
 * Idempotency-Key: a retry records nothing more and gets the first result; the key reused for another
 * request is refused.
 */
@Injectable()
export class FinanceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async recordCommitment(input: RecordCommitmentInput, idempotencyKey: string | null): Promise<Commitment> {
    const c = { reference: input.reference.trim(), date: input.committedOn, amountCents: input.amountCents };
    checkAmountAndDate('committedOn', c.date, c.amountCents);
    const hash = requestHash('recordCommitment', [input.fundingLineId?.toLowerCase() ?? null, input.externalReference ?? null, c.reference, c.date, c.amountCents.toString()]);
    const id = await this.idempotent('recordCommitment', idempotencyKey, hash, async () => {
      const line = await this.lockLine(await this.targetLine(input));
      return this.addCommitment(line, c, FinanceSource.API);
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
      return this.addPayment(await this.lockLine(lineId), { ...p, commitmentId }, FinanceSource.API);
    });
    return this.byId(Payment, id);
  }

  async attachExternalReference(input: AttachExternalReferenceInput): Promise<ExternalReference> {
    const { tenantId } = this.db.tenant();
    const line = await this.lockLine(input.fundingLineId.toLowerCase());
    const system = input.reference.system.trim();
    const value = input.reference.value.trim();
    const [taken] = await this.db.query<{ funding_line_id: string }>('select funding_line_id from external_references where tenant_id = $1 and system = $2 and value = $3', [
      tenantId,
      system,
      value,
    ]);
    if (taken) throw conflict(`L'identifiant ${system} « ${value} » est déjà rattaché à ${taken.funding_line_id === line.id ? 'cette ligne' : 'une autre ligne'}.`);
    const id = randomUUID();
    await this.db.query('insert into external_references (tenant_id, id, funding_line_id, system, value) values ($1, $2, $3, $4, $5)', [tenantId, id, line.id, system, value]);
    await this.audit.record({ operation: 'funding_line.attach_external_reference', entityType: 'FundingLine', entityId: line.id, after: { system, value } });
    return this.byId(ExternalReference, id);
  }

  /** A line by one of its external identifiers, with the caller's visibility. */
  async lineByExternalReference(ref: ExternalReferenceInput): Promise<FundingLine> {
    const id = await this.lineIdByExternalReference(ref);
    return (await this.db.manager()).findOneOrFail(FundingLine, { where: { tenantId: this.db.tenant().tenantId, id } });
  }

  // ------------------------------------------------------------------ shared with the CSV import

  /** The line a call names, by id or external identifier (exactly one), that the caller may write on. */
  async targetLine(target: { fundingLineId?: string | null; externalReference?: ExternalReferenceInput | null }): Promise<string> {
    if (!!target.fundingLineId === !!target.externalReference) throw targetError();
    return target.fundingLineId ? target.fundingLineId.toLowerCase() : this.lineIdByExternalReference(target.externalReference as ExternalReferenceInput);
  }

  /**
   * Locks the line (FOR UPDATE: the checks below and any concurrent call are serialised on it) and
   * checks that the caller may write on it: an organisation-bound caller, only on its own lines.
   */
  async lockLine(lineId: string): Promise<LockedLine> {
    const scope = this.db.tenant();
    const [line] = await this.db.query<LockedLine>(
      `select fl.id, fl.action_id, a.reference as action_reference, fl.funder_id, fl.decided_amount_cents::text as decided,
              fl.committed_amount_cents::text as committed, fl.paid_amount_cents::text as paid
         from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where fl.tenant_id = $1 and fl.id = $2
          for update of fl`,
      [scope.tenantId, lineId],
    );
    if (!line) throw notFound('Ligne de financement');
    if (scope.role === Role.FUNDER_REPRESENTATIVE && line.funder_id !== scope.organisationId) {
      throw forbidden('Vous ne pouvez enregistrer des engagements et paiements que sur les lignes de votre organisation.');
    }
    return line;
  }

  async addCommitment(line: LockedLine, c: { reference: string; date: string; amountCents: bigint }, source: FinanceSource): Promise<string> {
    if (line.decided === null || BigInt(line.decided) === 0n) throw lineNotDecided();
    const decided = BigInt(line.decided);
    const committed = BigInt(line.committed);
    if (committed + c.amountCents > decided) throw exceedsDecision(decided, committed);
    await this.referenceFree('commitments', line.funder_id, c.reference, "Ce numéro d'engagement");
    const { tenantId } = this.db.tenant();
    const id = randomUUID();
    await this.db.query(
      `insert into commitments (tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, id, line.id, line.funder_id, c.reference, c.date, c.amountCents.toString(), source, this.db.actor().userId],
    );
    await this.db.query('update funding_lines set committed_amount_cents = committed_amount_cents + $3 where tenant_id = $1 and id = $2', [tenantId, line.id, c.amountCents.toString()]);
    const event = { commitmentId: id, fundingLineId: line.id, actionId: line.action_id, actionReference: line.action_reference, funderId: line.funder_id, reference: c.reference, committedOn: c.date, amountCents: c.amountCents };
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

  async addPayment(line: LockedLine, p: { reference: string; date: string; amountCents: bigint; commitmentId: string | null }, source: FinanceSource): Promise<string> {
    if (line.decided === null || BigInt(line.decided) === 0n) throw lineNotDecided();
    const committed = BigInt(line.committed);
    const paid = BigInt(line.paid);
    if (paid + p.amountCents > committed) throw exceedsCommitment(committed, paid);
    const { tenantId } = this.db.tenant();
    if (p.commitmentId) {
      // Paying a named commitment: no more than that commitment either.
      const [c] = await this.db.query<{ amount: string; paid: string }>(
        `select c.amount_cents::text as amount, coalesce((select sum(amount_cents) from payments p where p.tenant_id = c.tenant_id and p.commitment_id = c.id), 0)::text as paid
           from commitments c where c.tenant_id = $1 and c.id = $2`,
        [tenantId, p.commitmentId],
      );
      if (BigInt(c.paid) + p.amountCents > BigInt(c.amount)) throw exceedsCommitment(BigInt(c.amount), BigInt(c.paid), 'de cet engagement');
    }
    await this.referenceFree('payments', line.funder_id, p.reference, 'Ce numéro de mandat');
    const id = randomUUID();
    await this.db.query(
      `insert into payments (tenant_id, id, funding_line_id, commitment_id, funder_id, reference, paid_on, amount_cents, source, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, id, line.id, p.commitmentId, line.funder_id, p.reference, p.date, p.amountCents.toString(), source, this.db.actor().userId],
    );
    await this.db.query('update funding_lines set paid_amount_cents = paid_amount_cents + $3 where tenant_id = $1 and id = $2', [tenantId, line.id, p.amountCents.toString()]);
    const event = { paymentId: id, fundingLineId: line.id, actionId: line.action_id, actionReference: line.action_reference, funderId: line.funder_id, commitmentId: p.commitmentId, reference: p.reference, paidOn: p.date, amountCents: p.amountCents };
    await this.audit.record({ operation: 'payment.record', entityType: 'FundingLine', entityId: line.id, before: { paidCents: paid }, after: { ...event, paidCents: paid + p.amountCents, source } });
    await this.outbox.publish('payment.recorded', event);
    return id;
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
    const inserted = await this.db.query(
      `insert into finance_requests (tenant_id, actor_id, idempotency_key, operation, request_hash) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning idempotency_key`,
      [tenantId, actorId, key, operation, hash],
    );
    if (inserted.length === 0) {
      const [previous] = await this.db.query<{ operation: string; request_hash: string; result_id: string | null }>(
        'select operation, request_hash, result_id from finance_requests where tenant_id = $1 and actor_id = $2 and idempotency_key = $3',
        [tenantId, actorId, key],
      );
      if (previous.operation !== operation || previous.request_hash !== hash || !previous.result_id) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.");
      }
      return previous.result_id;
    }
    const id = await work();
    await this.db.query('update finance_requests set result_id = $4 where tenant_id = $1 and actor_id = $2 and idempotency_key = $3', [tenantId, actorId, key, id]);
    return id;
  }

  private async lineIdByExternalReference(ref: ExternalReferenceInput): Promise<string> {
    const scope = this.db.tenant();
    const [row] = await this.db.query<{ funding_line_id: string; funder_id: string }>(
      `select er.funding_line_id, fl.funder_id from external_references er join funding_lines fl on fl.tenant_id = er.tenant_id and fl.id = er.funding_line_id
        where er.tenant_id = $1 and er.system = $2 and er.value = $3`,
      [scope.tenantId, ref.system.trim(), ref.value.trim()],
    );
    // Another organisation's identifiers do not exist for an organisation-bound caller.
    if (!row || (scope.role === Role.FUNDER_REPRESENTATIVE && row.funder_id !== scope.organisationId)) {
      throw notFound(`Ligne d'identifiant ${ref.system} « ${ref.value} »`);
    }
    return row.funding_line_id;
  }

  private async commitmentByReference(reference: string): Promise<{ id: string; funding_line_id: string }> {
    const scope = this.db.tenant();
    const bound = scope.role === Role.FUNDER_REPRESENTATIVE ? scope.organisationId : null;
    const rows = await this.db.query<{ id: string; funding_line_id: string }>(
      'select id, funding_line_id from commitments where tenant_id = $1 and reference = $2 and ($3::uuid is null or funder_id = $3::uuid) limit 2',
      [scope.tenantId, reference, bound],
    );
    if (rows.length === 0) throw notFound(`Engagement « ${reference} »`);
    if (rows.length > 1) throw invalidField('commitmentReference', 'ambiguous', "plusieurs financeurs ont un engagement de ce numéro : désignez la ligne (fundingLineId)");
    return rows[0];
  }

  private async referenceFree(table: 'commitments' | 'payments', funderId: string, reference: string, what: string): Promise<void> {
    const [taken] = await this.db.query(`select 1 from ${table} where tenant_id = $1 and funder_id = $2 and reference = $3`, [this.db.tenant().tenantId, funderId, reference]);
    if (taken) throw new DomainError(ErrorCode.CONFLICT, `${what} (« ${reference} ») est déjà enregistré pour ce financeur.`, { fields: [{ field: 'reference', reason: 'duplicate', message: 'déjà enregistré pour ce financeur' }] });
  }

  private async byId<T extends Commitment | Payment | ExternalReference>(entity: new () => T, id: string): Promise<T> {
    return (await this.db.manager()).findOneOrFail(entity, { where: { tenantId: this.db.tenant().tenantId, id } as never });
  }
}

function targetError(): DomainError {
  return badInput([{ field: 'fundingLineId', reason: 'one_target', message: 'désignez la ligne par un seul moyen : fundingLineId, externalReference ou commitmentReference' }]);
}

function checkAmountAndDate(dateField: string, date: string, amountCents: bigint): void {
  const fields = [];
  if (!isCivilDate(date)) fields.push({ field: dateField, reason: 'invalid_date', message: "cette date n'existe pas" });
  if (amountCents <= 0n || amountCents > MAX_AMOUNT_CENTS) fields.push({ field: 'amountCents', reason: 'out_of_range', message: 'montant strictement positif attendu (1 milliard d’euros au plus)' });
  if (fields.length > 0) throw badInput(fields);
}

function requestHash(operation: string, parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify([operation, ...parts])).digest('hex');
}
