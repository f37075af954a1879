import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ORGANISATION_BOUND_ROLES } from '@pilotis/access';
import { FundingKind } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { badInput, DomainError, ErrorCode, FieldError, formatEuros } from '@pilotis/shared';

import { EnvelopeView, SetEnvelopeInput } from './comites.inputs';
import { COMITES_SQL } from './comites.sql';
import { Envelope } from './envelope.entity';

/** The four columns that name an envelope. */
export interface EnvelopeKey {
  contratId: string;
  funderId: string;
  exerciseYear: number;
  kind: FundingKind;
}

interface EnvelopeRow {
  id: string;
  contrat_id: string;
  funder_id: string;
  exercise_year: number;
  kind: FundingKind;
  amount_cents: string;
  consumed_cents: string;
}

const toView = (r: EnvelopeRow): EnvelopeView => {
  const amountCents = BigInt(r.amount_cents);
  const consumedCents = BigInt(r.consumed_cents);
  return {
    id: r.id,
    contratId: r.contrat_id,
    funderId: r.funder_id,
    exerciseYear: r.exercise_year,
    kind: r.kind,
    amountCents,
    consumedCents,
    remainingCents: amountCents - consumedCents,
  };
};

/** Funders' envelopes and their exact consumption. */
@Injectable()
export class EnvelopeService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** Envelopes of a contract; a funder's representative sees only its own organisation's. */
  async list(contratId: string, funderId?: string | null, exerciseYear?: number | null): Promise<EnvelopeView[]> {
    const scope = this.db.tenant();
    const params: unknown[] = [scope.tenantId, contratId];
    const where = ['e.tenant_id = $1', 'e.contrat_id = $2'];
    if (funderId) {
      params.push(funderId);
      where.push(`e.funder_id = $${params.length}`);
    }
    if (exerciseYear !== undefined && exerciseYear !== null) {
      params.push(exerciseYear);
      where.push(`e.exercise_year = $${params.length}`);
    }
    if (ORGANISATION_BOUND_ROLES.has(scope.role)) {
      params.push(scope.organisationId);
      where.push(`e.funder_id = $${params.length}::uuid`);
    }
    const rows = await this.db.query<EnvelopeRow>(COMITES_SQL.envelopeList(where.join(' and ')), params);
    return rows.map(toView);
  }

  /** The envelopes named by `keys` (absent keys have none), with their consumption. */
  async byKeys(keys: readonly EnvelopeKey[]): Promise<EnvelopeView[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.query<EnvelopeRow>(COMITES_SQL.envelopesByKeys, [
      this.db.tenant().tenantId,
      JSON.stringify(keys.map((k) => ({ contrat_id: k.contratId, funder_id: k.funderId, exercise_year: k.exerciseYear, kind: k.kind }))),
    ]);
    return rows.map(toView);
  }

  /**
   * Locks the envelope row until the end of the transaction and returns it with its consumption, or
   * undefined when none is defined. Every grant goes through here: concurrent grants on one envelope take
   * turns, and each reads the consumption the previous one committed.
   */
  async lock(key: EnvelopeKey, excludeVoteId: string | null = null): Promise<EnvelopeView | undefined> {
    const tenantId = this.db.tenant().tenantId;
    const [locked] = await this.db.query<{ id: string }>(COMITES_SQL.envelopeLock, [
      tenantId,
      key.contratId,
      key.funderId,
      key.exerciseYear,
      key.kind,
    ]);
    if (!locked) return undefined;
    // Read after the lock is granted: a fresh statement sees what the previous holder committed.
    const [row] = await this.db.query<EnvelopeRow>(COMITES_SQL.envelopeConsumption, [tenantId, locked.id, excludeVoteId]);
    return toView(row);
  }

  /** Refuses a grant of `amount` that the locked envelope cannot cover (or when there is no envelope). */
  static assertCovers(envelope: EnvelopeView | undefined, amount: bigint, key: EnvelopeKey): void {
    if (!envelope) {
      throw new DomainError(
        ErrorCode.NO_ENVELOPE,
        `Aucune enveloppe n'est définie pour ce financeur, l'exercice ${key.exerciseYear} et la nature ${key.kind} : rien ne peut être accordé.`,
      );
    }
    if (amount > envelope.remainingCents) {
      throw new DomainError(
        ErrorCode.ENVELOPE_EXCEEDED,
        `Enveloppe dépassée : ${formatEuros(amount)} demandés, ${formatEuros(envelope.remainingCents < 0n ? 0n : envelope.remainingCents)} disponibles.`,
        { remainingCents: envelope.remainingCents.toString() },
      );
    }
  }

  /** Creating the envelope is an upsert (COMITES_SQL); its amount, an ordinary update through the repository. */
  async set(input: SetEnvelopeInput): Promise<EnvelopeView> {
    const tenantId = this.db.tenant().tenantId;
    const key: EnvelopeKey = {
      contratId: input.contratId.toLowerCase(),
      funderId: input.funderId.toLowerCase(),
      exerciseYear: input.exerciseYear,
      kind: input.kind,
    };
    const errors: FieldError[] = [];
    const [refs] = await this.db.query<{ contrat: boolean; funder: boolean }>(COMITES_SQL.envelopeReferences, [
      tenantId,
      key.contratId,
      key.funderId,
    ]);
    if (!refs.contrat) errors.push({ field: 'contratId', reason: 'not_found', message: 'contrat introuvable dans ce territoire' });
    if (!refs.funder) errors.push({ field: 'funderId', reason: 'not_found', message: 'financeur introuvable dans ce territoire' });
    if (input.amountCents < 0n) errors.push({ field: 'amountCents', reason: 'negative', message: 'le montant doit être positif ou nul' });
    if (errors.length > 0) throw badInput(errors);

    // A concurrent creation of the same envelope waits on the unique index, then updates.
    const inserted = await this.db.query<{ id: string }>(COMITES_SQL.envelopeCreate, [
      tenantId,
      randomUUID(),
      key.contratId,
      key.funderId,
      key.exerciseYear,
      key.kind,
    ]);
    const before = await this.lock(key);
    if (!before) throw new Error('envelope vanished under its lock');
    const created = inserted.length > 0;
    // An envelope cannot shrink below what is already granted: that would overspend it after the fact.
    if (input.amountCents < before.consumedCents) {
      throw new DomainError(
        ErrorCode.ENVELOPE_EXCEEDED,
        `L'enveloppe ne peut être inférieure à ce qui est déjà accordé (${formatEuros(before.consumedCents)}).`,
      );
    }
    await (await this.db.repository(Envelope)).update({ id: before.id }, { amountCents: input.amountCents, updatedAt: () => 'now()' });
    const after = await this.lock(key);
    await this.audit.record({
      operation: 'envelope.set',
      entityType: 'Envelope',
      entityId: before.id,
      before: created ? null : before,
      after,
    });
    return after as EnvelopeView;
  }
}
