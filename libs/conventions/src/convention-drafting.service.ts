import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ACTION_STATUS_LABELS, ActionStatus } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import {
  badInput,
  conflict,
  de,
  DomainError,
  ErrorCode,
  type FieldError,
  formatCivilDate,
  invalidField,
  isCivilDate,
} from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionStatus, ConventionVersion, SignatoryRole } from './convention.entity';
import { AmendConventionInput, CancelConventionInput, SetConventionBilanDateInput, SetPaymentScheduleInput } from './convention.inputs';
import { ConventionService } from './convention.service';
import { ActionRow, CLOSED_ACTION, DRAFTABLE, lockConventionAction } from './convention-action';
import {
  balancePercent,
  conventionHash,
  ConventionIndicator,
  DEFAULT_SCHEDULE,
  FunderCommitment,
  orderFunders,
  PaymentSchedule,
  renderConventionText,
} from './convention-text';
import { CONVENTIONS_SQL } from './conventions.sql';

interface FrameRow {
  territory_name: string;
  contrat_title: string;
  start_year: number;
  end_year: number;
  pillar_title: string;
  objective_code: string | null;
  objective_title: string | null;
}

/**
 * The text of a convention and its versions: the draft from the decided lines, avenants as new versions
 * (earlier signatures do not carry over), a funder's payment schedule, the bilan date, cancellation and
 * re-establishment, and following a corrected decision. Each version is rendered, hashed and stored with its
 * signatories here; reads are `ConventionService`'s, signatures `ConventionSigning`'s.
 */
@Injectable()
export class ConventionDrafting {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly conventions: ConventionService,
  ) {}

  /** For the committee close: the default draft (parallel signing) of a programmed action. */
  draftForAction(actionId: string): Promise<Convention> {
    return this.draft(actionId, false);
  }

  async draft(actionId: string, sequential: boolean): Promise<Convention> {
    const action = await this.lockAction(actionId);
    if (!DRAFTABLE.has(action.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : une convention ne se rédige que pour une action programmée ou partiellement programmée.`,
      );
    }
    const conventions = await this.db.repository(Convention);
    const existing = await conventions.findOne({ actionId: action.id });
    if (existing?.status === ConventionStatus.ANNULEE) {
      // One convention per action: a cancelled one is re-established by a new version, its history kept.
      await conventions.update({ id: existing.id }, { sequential });
      return this.newVersion(existing.id, 'Convention rétablie après annulation.', 'convention.reopen', () => undefined, { reopen: true });
    }
    if (existing) throw conflict(`L'action ${action.reference} a déjà une convention : modifiez-la par un avenant.`);
    const funders = await this.decidedFunders(action.id, new Map());
    if (funders.length === 0) {
      throw conflict(`L'action ${action.reference} n'a aucune ligne accordée : il n'y a rien à conventionner.`);
    }
    const id = randomUUID();
    await conventions.insert({ id, actionId: action.id, status: ConventionStatus.BROUILLON, sequential });
    const version = await this.writeVersion(id, 1, null, action, funders);
    const convention = await this.conventions.get(id);
    await this.audit.record({
      operation: 'convention.draft',
      entityType: 'Convention',
      entityId: id,
      after: { ...convention, actionReference: action.reference, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
    // Its signatures and payment tranches are deadlines: recomputed now, not at the next daily scan.
    await this.outbox.publish('convention.drafted', { conventionId: id, actionId: action.id });
    return convention;
  }

  /** An avenant re-rendered from the current decided lines, keeping each funder's schedule. */
  async amend(input: AmendConventionInput): Promise<Convention> {
    return this.newVersion(input.conventionId, input.reason.trim(), 'convention.amend', () => undefined);
  }

  /**
   * Keeps the convention of an action in line with a corrected decision (the action's status has already
   * been recomputed by the committee context): an avenant when something is still granted — on a signed
   * convention too, whose signed version stays in force until the avenant is signed by all —, a draft when
   * a refused action is now granted, the cancelled convention re-established, or its cancellation when no
   * funder grants anything any more.
   */
  async followCorrectedDecision(actionId: string, reason: string): Promise<void> {
    const convention = await (await this.db.repository(Convention)).findOne({ actionId }, { lock: 'pessimistic_write' });
    const [granted] = await this.db.query<{ n: number }>(CONVENTIONS_SQL.grantedLineCount, [this.tenantId(), actionId]);
    const motive = `Décision corrigée : ${reason}`;
    if (granted.n === 0) {
      if (convention && convention.status !== ConventionStatus.ANNULEE)
        await this.markCancelled(convention.id, convention.status, `Plus aucun financement accordé : ${reason}`);
      return;
    }
    if (!convention) await this.draftForAction(actionId);
    else if (convention.status === ConventionStatus.ANNULEE)
      await this.newVersion(convention.id, motive, 'convention.reopen', () => undefined, { reopen: true });
    else await this.amend({ conventionId: convention.id, reason: motive });
  }

  /**
   * Cancels a convention. One that binds its signatories (a version signed by all) is only cancelled once
   * the action is abandoned: otherwise the funders' commitments would vanish without their signature.
   */
  async cancel(input: CancelConventionInput): Promise<Convention> {
    const convention = await this.conventions.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est déjà annulée.');
    const action = await this.lockAction(convention.actionId);
    const signed = await this.conventions.signedVersionNumber(convention.id);
    if (signed !== null && action.status !== ActionStatus.ABANDONNEE) {
      throw conflict(
        `La version ${signed} de la convention est signée de tous et engage ses signataires : elle ne s'annule qu'une fois l'action ${action.reference} abandonnée.`,
      );
    }
    await this.markCancelled(convention.id, convention.status, input.reason.trim());
    return await this.conventions.get(convention.id);
  }

  private async markCancelled(conventionId: string, before: ConventionStatus, reason: string): Promise<void> {
    await (
      await this.db.repository(Convention)
    ).update({ id: conventionId }, { status: ConventionStatus.ANNULEE, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: 'convention.cancel',
      entityType: 'Convention',
      entityId: conventionId,
      before: { status: before },
      after: { status: ConventionStatus.ANNULEE, reason },
    });
    await this.outbox.publish('convention.cancelled', { conventionId, reason });
  }

  /** The convention's own bilan date (or back to the usual delay): an avenant like any other change. */
  async setBilanDate(input: SetConventionBilanDateInput): Promise<Convention> {
    const date = input.bilanDueDate ?? null;
    if (date !== null && !isCivilDate(date)) throw invalidField('bilanDueDate', 'invalid', 'date invalide');
    const reason = date
      ? `Date limite du bilan fixée au ${formatCivilDate(date)}.`
      : "Date limite du bilan ramenée au délai habituel (six mois après l'exercice).";
    return this.newVersion(input.conventionId, reason, 'convention.bilan_date', () => undefined, { bilanDueDate: date });
  }

  /**
   * A funder's schedule (advance, tranches, its bilan date). A changed schedule is a changed text, hence a
   * new version with its own hash, like any other change; but only while nobody has signed the version in
   * force (SIGNATURE_STARTED after the first signature: the others must sign what the first one read).
   */
  async setPaymentSchedule(input: SetPaymentScheduleInput): Promise<Convention> {
    const funderId = input.funderId.toLowerCase();
    const schedule = paymentSchedule(input);
    return this.newVersion(
      input.conventionId,
      'Échéancier modifié.',
      'convention.schedule',
      (schedules, funders) => {
        const funder = funders.find((f) => f.organisationId === funderId);
        if (!funder) {
          throw invalidField('funderId', 'not_a_funder', "cette organisation n'est pas un financeur signataire de la convention");
        }
        schedules.set(funderId, schedule);
        return `Échéancier ${de(funder.name)} modifié.`;
      },
      { unsignedOnly: true },
    );
  }

  private async newVersion(
    conventionId: string,
    givenReason: string,
    operation: string,
    /** Changes the schedules for the new version; may return the avenant's reason in place of the given one. */
    adjust: (schedules: Map<string, PaymentSchedule>, funders: FunderCommitment[]) => string | void,
    options: { reopen?: boolean; bilanDueDate?: string | null; unsignedOnly?: boolean } = {},
  ): Promise<Convention> {
    const convention = await this.conventions.findVisible(conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE && !options.reopen)
      throw conflict('La convention est annulée : elle ne se modifie plus.');
    // The row lock taken above serialises this check with the signatures (sign locks the same row).
    if (options.unsignedOnly && convention.status !== ConventionStatus.BROUILLON) {
      throw new DomainError(
        ErrorCode.SIGNATURE_STARTED,
        'La version en vigueur de la convention a déjà été signée : son échéancier ne se modifie plus. Passez par un avenant (toutes les signatures seront à recueillir de nouveau) si le calendrier doit changer.',
      );
    }
    const action = await this.lockAction(convention.actionId);
    if (CLOSED_ACTION.has(action.status)) {
      throw conflict(`L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : sa convention ne se modifie plus.`);
    }
    const previous = await this.conventions.currentVersion(convention.id);
    const previousSignatories = await this.conventions.signatories(previous.id);
    const schedule = new Map(previousSignatories.map((s) => [s.organisationId, scheduleOf(s)]));
    const current = await this.decidedFunders(action.id, schedule);
    const reason = adjust(schedule, current) ?? givenReason;
    const funders = await this.decidedFunders(action.id, schedule);
    if (funders.length === 0) throw conflict(`L'action ${action.reference} n'a plus aucune ligne accordée.`);

    await (await this.db.repository(ConventionVersion)).update({ id: previous.id }, { supersededAt: () => 'now()' });
    // The bilan date is a clause of the text: an avenant keeps it unless it is the avenant's subject.
    const bilanDueDate = options.bilanDueDate !== undefined ? options.bilanDueDate : previous.bilanDueDate;
    const version = await this.writeVersion(convention.id, previous.number + 1, reason, action, funders, bilanDueDate);
    // Signatures belong to the version they signed: the new text starts with none. A version signed by
    // all before stays in force (signedVersion) until this avenant is signed by all in turn.
    await (
      await this.db.repository(Convention)
    ).update({ id: convention.id }, { status: ConventionStatus.BROUILLON, updatedAt: () => 'now()' });
    await this.audit.record({
      operation,
      entityType: 'Convention',
      entityId: convention.id,
      before: {
        status: convention.status,
        versionNumber: previous.number,
        hash: previous.hash,
        schedule: Object.fromEntries(previousSignatories.map((s) => [s.organisationId, scheduleOf(s)])),
      },
      after: { status: ConventionStatus.BROUILLON, reason, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
    // A new version (avenant, schedule, reopening) waits for signatures again: its deadlines move now.
    await this.outbox.publish('convention.versioned', { conventionId: convention.id, operation });
    return await this.conventions.get(convention.id);
  }

  /** Renders, hashes and stores a version with its signatories: the porteur first, then funders by name. */
  private async writeVersion(
    conventionId: string,
    number: number,
    reason: string | null,
    action: ActionRow,
    funders: FunderCommitment[],
    bilanDueDate: string | null = null,
  ): Promise<ConventionVersion> {
    const [frame] = await this.db.query<FrameRow>(CONVENTIONS_SQL.actionFrame, [this.tenantId(), action.id]);
    // Read now, under the action's row lock: the text prints the indicators as they are at this version.
    const indicators = await this.db.query<ConventionIndicator>(CONVENTIONS_SQL.actionIndicators, [this.tenantId(), action.id]);
    const text = renderConventionText({
      versionNumber: number,
      bilanDueDate,
      reason,
      territoryName: frame.territory_name,
      contrat: { title: frame.contrat_title, startYear: frame.start_year, endYear: frame.end_year },
      pillar: { title: frame.pillar_title },
      objective: frame.objective_code && frame.objective_title ? { code: frame.objective_code, title: frame.objective_title } : null,
      indicators,
      action: {
        reference: action.reference,
        title: action.title,
        startDate: action.start_date,
        endDate: action.end_date,
        totalBudgetCents: BigInt(action.total_budget_cents),
      },
      porteur: { id: action.porteur_id, name: action.porteur_name },
      funders,
    });
    const id = randomUUID();
    const versions = await this.db.repository(ConventionVersion);
    await versions.insert({ id, conventionId, number, text, hash: conventionHash(text), reason, bilanDueDate });
    // A porteur that also funds its action signs once, as porteur, for its own line too.
    const porteurLine = funders.find((f) => f.organisationId === action.porteur_id);
    const others = orderFunders(funders).filter((f) => f.organisationId !== action.porteur_id);
    await (
      await this.db.repository(ConventionSignatory)
    ).insert([
      {
        id: randomUUID(),
        versionId: id,
        organisationId: action.porteur_id,
        role: SignatoryRole.PORTEUR,
        position: 1,
        amountCents: porteurLine?.amountCents ?? 0n,
        ...scheduleOf(porteurLine ?? DEFAULT_SCHEDULE),
      },
      ...others.map((f, i) => ({
        id: randomUUID(),
        versionId: id,
        organisationId: f.organisationId,
        role: SignatoryRole.FINANCEUR,
        position: i + 2,
        amountCents: f.amountCents,
        ...scheduleOf(f),
      })),
    ]);
    return versions.findOneOrFail({ id });
  }

  /** Every funder with a granted line (decided > 0), with the sum of its decided lines and its schedule. */
  private async decidedFunders(actionId: string, schedule: ReadonlyMap<string, PaymentSchedule>): Promise<FunderCommitment[]> {
    const rows = await this.db.query<{ funder_id: string; name: string; amount: string }>(CONVENTIONS_SQL.decidedFunders, [
      this.tenantId(),
      actionId,
    ]);
    return orderFunders(
      rows.map((r) => ({
        organisationId: r.funder_id,
        name: r.name,
        amountCents: BigInt(r.amount),
        ...scheduleOf(schedule.get(r.funder_id) ?? DEFAULT_SCHEDULE),
      })),
    );
  }

  private versionSnapshot(version: ConventionVersion, funders: FunderCommitment[], porteurId: string): Record<string, unknown> {
    return { id: version.id, number: version.number, hash: version.hash, reason: version.reason, porteurId, funders };
  }

  private lockAction(actionId: string): Promise<ActionRow> {
    return lockConventionAction(this.db, actionId);
  }

  private tenantId(): string {
    return this.db.tenant().tenantId;
  }
}

/** The schedule columns of a signatory (or a funder's commitment), copied so that no row is shared. */
function scheduleOf(s: PaymentSchedule): PaymentSchedule {
  return {
    advancePercent: s.advancePercent,
    tranches: s.tranches.map((t) => ({ percent: t.percent, condition: t.condition, dueDate: t.dueDate })),
    bilanDueDate: s.bilanDueDate,
  };
}

/** The schedule an input asks for, checked: real dates, each tranche dated or conditioned, at most 100 % in all. */
function paymentSchedule(input: SetPaymentScheduleInput): PaymentSchedule {
  const tranches = (input.tranches ?? []).map((t) => ({
    percent: t.percent,
    condition: t.condition?.trim() ? t.condition.trim() : null,
    dueDate: t.dueDate ?? null,
  }));
  const errors: FieldError[] = [];
  tranches.forEach((t, i) => {
    if (t.dueDate !== null && !isCivilDate(t.dueDate))
      errors.push({ field: `tranches.${i}.dueDate`, reason: 'invalid', message: 'date invalide' });
    if (t.dueDate === null && t.condition === null) {
      errors.push({ field: `tranches.${i}`, reason: 'no_trigger', message: 'une tranche se verse à une date ou sous une condition' });
    }
  });
  const bilanDueDate = input.bilanDueDate ?? null;
  if (bilanDueDate !== null && !isCivilDate(bilanDueDate))
    errors.push({ field: 'bilanDueDate', reason: 'invalid', message: 'date invalide' });
  const schedule = { advancePercent: input.advancePercent, tranches, bilanDueDate };
  if (balancePercent(schedule) < 0) {
    errors.push({ field: 'tranches', reason: 'over_100', message: "l'avance et les tranches dépassent 100 % du montant" });
  }
  if (errors.length > 0) throw badInput(errors);
  return schedule;
}
