import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { visibleActionSql } from '@pilotis/access';
import { ACTION_STATUS_LABELS, ActionService, ActionStatus, BOUND_STATUSES } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, forbidden, formatCivilDate, invalidField, isCivilDate, notFound } from '@pilotis/shared';
import { Convention, ConventionSignatory, ConventionSignature, ConventionStatus, ConventionVersion, SignatoryRole } from './convention.entity';
import { AmendConventionInput, CancelConventionInput, ConventionsArgs, SetConventionBilanDateInput, SetPaymentScheduleInput, SignConventionInput } from './convention.inputs';
import { conventionHash, FunderCommitment, orderFunders, renderConventionText } from './convention-text';

/** The default schedule: half at signature, the balance after the bilan. */
export const DEFAULT_ADVANCE_PERCENT = 50;

/** A convention is drafted once the funders have decided, and only for what they granted. */
const DRAFTABLE: ReadonlySet<ActionStatus> = new Set([ActionStatus.PROGRAMMEE, ActionStatus.PARTIELLEMENT_PROGRAMMEE]);

interface ActionRow {
  id: string;
  reference: string;
  title: string;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  status: ActionStatus;
  porteur_id: string;
  porteur_name: string;
}

/** An action whose file is closed: its convention no longer changes. */
const CLOSED_ACTION: ReadonlySet<ActionStatus> = new Set([ActionStatus.SOLDEE, ActionStatus.ABANDONNEE]);

/**
 * Conventions de financement: drafting from the decided lines, avenants as new versions (earlier
 * signatures do not carry over), and signatures by the representatives of each signatory organisation.
 */
@Injectable()
export class ConventionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly actions: ActionService,
  ) {}

  // ------------------------------------------------------------------ reads

  async list(args: ConventionsArgs): Promise<Convention[]> {
    const { sql, params } = this.visibleSql();
    const conditions: string[] = [];
    if (args.actionId) {
      params.push(args.actionId.toLowerCase());
      conditions.push(`c.action_id = $${params.length}`);
    }
    if (args.status) {
      params.push(args.status);
      conditions.push(`c.status = $${params.length}`);
    }
    const ids = await this.db.query<{ id: string }>(
      `${sql} ${conditions.map((c) => `and ${c}`).join(' ')} order by c.created_at, c.id`,
      params,
    );
    return this.byIds(ids.map((r) => r.id));
  }

  /** A convention the caller may see, or NOT_FOUND. */
  async findVisible(id: string, lock = false): Promise<Convention> {
    const { sql, params } = this.visibleSql();
    params.push(id.toLowerCase());
    const [row] = await this.db.query<{ id: string }>(`${sql} and c.id = $${params.length} ${lock ? 'for update of c' : ''}`, params);
    if (!row) throw notFound('Convention');
    const [convention] = await this.byIds([row.id]);
    return convention;
  }

  async currentVersion(conventionId: string): Promise<ConventionVersion> {
    const version = await (await this.db.manager()).findOne(ConventionVersion, {
      where: { tenantId: this.tenantId(), conventionId },
      order: { number: 'DESC' },
    });
    if (!version) throw new Error(`Convention ${conventionId} without a version`);
    return version;
  }

  async signatories(versionId: string): Promise<ConventionSignatory[]> {
    return (await this.db.manager()).find(ConventionSignatory, {
      where: { tenantId: this.tenantId(), versionId },
      order: { position: 'ASC' },
    });
  }

  async signatures(versionId: string): Promise<ConventionSignature[]> {
    return (await this.db.manager()).find(ConventionSignature, {
      where: { tenantId: this.tenantId(), versionId },
      order: { signedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The canonical text of a version of a convention the caller may see. */
  async text(versionId: string): Promise<string> {
    const version = await (await this.db.manager()).findOne(ConventionVersion, { where: { tenantId: this.tenantId(), id: versionId.toLowerCase() } });
    if (!version) throw notFound('Version de convention');
    await this.findVisible(version.conventionId).catch(() => {
      throw notFound('Version de convention');
    });
    return version.text;
  }

  // ------------------------------------------------------------------ writes

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
    const manager = await this.db.manager();
    const existing = await manager.findOne(Convention, { where: { tenantId: this.tenantId(), actionId: action.id } });
    if (existing?.status === ConventionStatus.ANNULEE) {
      // One convention per action: a cancelled one is re-established by a new version, its history kept.
      await manager.update(Convention, { tenantId: this.tenantId(), id: existing.id }, { sequential });
      return this.newVersion(existing.id, 'Convention rétablie après annulation.', 'convention.reopen', () => undefined, { reopen: true });
    }
    if (existing) throw conflict(`L'action ${action.reference} a déjà une convention : modifiez-la par un avenant.`);
    const funders = await this.decidedFunders(action.id, new Map());
    if (funders.length === 0) {
      throw conflict(`L'action ${action.reference} n'a aucune ligne accordée : il n'y a rien à conventionner.`);
    }
    const id = randomUUID();
    await manager.insert(Convention, { tenantId: this.tenantId(), id, actionId: action.id, status: ConventionStatus.BROUILLON, sequential });
    const version = await this.writeVersion(id, 1, null, action, funders);
    const convention = (await this.byIds([id]))[0];
    await this.audit.record({
      operation: 'convention.draft',
      entityType: 'Convention',
      entityId: id,
      after: { ...convention, actionReference: action.reference, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
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
    const tenantId = this.tenantId();
    const [convention] = await this.db.query<{ id: string; status: ConventionStatus }>(
      'select id, status from conventions where tenant_id = $1 and action_id = $2 for update',
      [tenantId, actionId],
    );
    const [granted] = await this.db.query<{ n: number }>(
      'select count(*)::int as n from funding_lines where tenant_id = $1 and action_id = $2 and decided_amount_cents > 0',
      [tenantId, actionId],
    );
    const motive = `Décision corrigée : ${reason}`;
    if (granted.n === 0) {
      if (convention && convention.status !== ConventionStatus.ANNULEE) await this.markCancelled(convention.id, convention.status, `Plus aucun financement accordé : ${reason}`);
      return;
    }
    if (!convention) await this.draftForAction(actionId);
    else if (convention.status === ConventionStatus.ANNULEE) await this.newVersion(convention.id, motive, 'convention.reopen', () => undefined, { reopen: true });
    else await this.amend({ conventionId: convention.id, reason: motive });
  }

  /**
   * Cancels a convention. One that binds its signatories (a version signed by all) is only cancelled once
   * the action is abandoned: otherwise the funders' commitments would vanish without their signature.
   */
  async cancel(input: CancelConventionInput): Promise<Convention> {
    const convention = await this.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est déjà annulée.');
    const action = await this.lockAction(convention.actionId);
    const signed = await this.signedVersionNumber(convention.id);
    if (signed !== null && action.status !== ActionStatus.ABANDONNEE) {
      throw conflict(
        `La version ${signed} de la convention est signée de tous et engage ses signataires : elle ne s'annule qu'une fois l'action ${action.reference} abandonnée.`,
      );
    }
    await this.markCancelled(convention.id, convention.status, input.reason.trim());
    return (await this.byIds([convention.id]))[0];
  }

  /** The number of the last version signed by every one of its signatories, or null. */
  async signedVersionNumber(conventionId: string): Promise<number | null> {
    const [row] = await this.db.query<{ number: number | null }>(
      `select max(v.number)::int as number from convention_versions v
        where v.tenant_id = $1 and v.convention_id = $2
          and (select count(*) from convention_signatories s where s.tenant_id = v.tenant_id and s.version_id = v.id)
            = (select count(*) from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id)`,
      [this.tenantId(), conventionId],
    );
    return row?.number ?? null;
  }

  private async markCancelled(conventionId: string, before: ConventionStatus, reason: string): Promise<void> {
    await this.db.query(`update conventions set status = 'ANNULEE', updated_at = now() where tenant_id = $1 and id = $2`, [this.tenantId(), conventionId]);
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
    const reason = date ? `Date limite du bilan fixée au ${formatCivilDate(date)}.` : "Date limite du bilan ramenée au délai habituel (six mois après l'exercice).";
    return this.newVersion(input.conventionId, reason, 'convention.bilan_date', () => undefined, { bilanDueDate: date });
  }

  /** A changed schedule is a changed text: it makes an avenant like any other change. */
  async setPaymentSchedule(input: SetPaymentScheduleInput): Promise<Convention> {
    const funderId = input.funderId.toLowerCase();
    return this.newVersion(
      input.conventionId,
      `Échéancier modifié : avance de ${input.advancePercent} % pour un financeur.`,
      'convention.schedule',
      (schedule, funders) => {
        if (!funders.some((f) => f.organisationId === funderId)) {
          throw invalidField('funderId', 'not_a_funder', "cette organisation n'est pas un financeur signataire de la convention");
        }
        schedule.set(funderId, input.advancePercent);
      },
    );
  }

  async sign(input: SignConventionInput): Promise<Convention> {
    const scope = this.db.tenant();
    const actor = this.db.actor();
    // The row lock serialises the signatures of one convention: the last one sees every other and closes it.
    const convention = await this.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est annulée : elle ne se signe plus.');
    const version = await this.currentVersion(convention.id);
    const signatories = await this.signatories(version.id);
    const mine = scope.organisationId ? signatories.find((s) => s.organisationId === scope.organisationId) : undefined;
    if (!mine) {
      throw forbidden("Vous ne représentez aucune organisation signataire de cette convention : vous ne pouvez signer que pour l'organisation de votre adhésion.");
    }
    const hash = input.versionHash.trim().toLowerCase();
    if (hash !== version.hash) {
      const [old] = await this.db.query<{ number: number }>(
        'select number from convention_versions where tenant_id = $1 and convention_id = $2 and hash = $3',
        [scope.tenantId, convention.id, hash],
      );
      if (old) {
        throw new DomainError(
          ErrorCode.VERSION_SUPERSEDED,
          `La version ${old.number} a été remplacée par la version ${version.number} (avenant) : relisez et signez la version en vigueur.`,
        );
      }
      throw invalidField('versionHash', 'mismatch', "cette empreinte n'est celle d'aucune version de la convention");
    }
    const signatures = await this.signatures(version.id);
    if (signatures.some((s) => s.organisationId === mine.organisationId)) {
      throw new DomainError(ErrorCode.ALREADY_SIGNED, 'Votre organisation a déjà signé cette version de la convention.');
    }
    if (convention.sequential) {
      const signed = new Set(signatures.map((s) => s.organisationId));
      const waiting = signatories.filter((s) => s.position < mine.position && !signed.has(s.organisationId));
      if (waiting.length > 0) {
        throw new DomainError(
          ErrorCode.NOT_YOUR_TURN,
          `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant votre organisation (rang ${mine.position}).`,
        );
      }
    }
    const manager = await this.db.manager();
    const signatureId = randomUUID();
    await manager.insert(ConventionSignature, {
      tenantId: scope.tenantId,
      id: signatureId,
      versionId: version.id,
      organisationId: mine.organisationId,
      signedByUserId: actor.userId,
      hash: version.hash,
    });
    const signedCount = signatures.length + 1;
    const complete = signedCount === signatories.length;
    const status = complete ? ConventionStatus.SIGNEE : ConventionStatus.EN_SIGNATURE;
    await manager.update(Convention, { tenantId: scope.tenantId, id: convention.id }, { status, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: 'convention.sign',
      entityType: 'Convention',
      entityId: convention.id,
      before: { status: convention.status, signedCount: signatures.length },
      after: {
        status,
        signatureId,
        versionId: version.id,
        versionNumber: version.number,
        organisationId: mine.organisationId,
        role: mine.role,
        hash: version.hash,
        signedCount,
        signatoryCount: signatories.length,
      },
    });
    if (complete) {
      await this.markActionConventionnee(convention.actionId);
      // Funders' systems and reminders learn that the co-funding is bound (relayed by the worker).
      await this.outbox.publish('convention.signed', {
        conventionId: convention.id,
        actionId: convention.actionId,
        versionId: version.id,
        versionNumber: version.number,
        hash: version.hash,
        signatoryCount: signatories.length,
      });
    }
    return (await this.byIds([convention.id]))[0];
  }

  // ------------------------------------------------------------------ internals

  private async newVersion(
    conventionId: string,
    reason: string,
    operation: string,
    adjust: (schedule: Map<string, number>, funders: FunderCommitment[]) => void,
    options: { reopen?: boolean; bilanDueDate?: string | null } = {},
  ): Promise<Convention> {
    const convention = await this.findVisible(conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE && !options.reopen) throw conflict('La convention est annulée : elle ne se modifie plus.');
    const action = await this.lockAction(convention.actionId);
    if (CLOSED_ACTION.has(action.status)) {
      throw conflict(`L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : sa convention ne se modifie plus.`);
    }
    const previous = await this.currentVersion(convention.id);
    const previousSignatories = await this.signatories(previous.id);
    const schedule = new Map(previousSignatories.map((s) => [s.organisationId, s.advancePercent]));
    const current = await this.decidedFunders(action.id, schedule);
    adjust(schedule, current);
    const funders = await this.decidedFunders(action.id, schedule);
    if (funders.length === 0) throw conflict(`L'action ${action.reference} n'a plus aucune ligne accordée.`);

    const manager = await this.db.manager();
    await manager.update(ConventionVersion, { tenantId: this.tenantId(), id: previous.id }, { supersededAt: () => 'now()' });
    // The bilan date is a clause of the text: an avenant keeps it unless it is the avenant's subject.
    const bilanDueDate = options.bilanDueDate !== undefined ? options.bilanDueDate : previous.bilanDueDate;
    const version = await this.writeVersion(convention.id, previous.number + 1, reason, action, funders, bilanDueDate);
    // Signatures belong to the version they signed: the new text starts with none. A version signed by
    // all before stays in force (signedVersion) until this avenant is signed by all in turn.
    await manager.update(Convention, { tenantId: this.tenantId(), id: convention.id }, { status: ConventionStatus.BROUILLON, updatedAt: () => 'now()' });
    await this.audit.record({
      operation,
      entityType: 'Convention',
      entityId: convention.id,
      before: { status: convention.status, versionNumber: previous.number, hash: previous.hash, schedule: Object.fromEntries(previousSignatories.map((s) => [s.organisationId, s.advancePercent])) },
      after: { status: ConventionStatus.BROUILLON, reason, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
    return (await this.byIds([convention.id]))[0];
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
    const tenantId = this.tenantId();
    const text = renderConventionText({
      versionNumber: number,
      bilanDueDate,
      reason,
      territorySiren: this.db.tenant().siren,
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
    const manager = await this.db.manager();
    await manager.insert(ConventionVersion, { tenantId, id, conventionId, number, text, hash: conventionHash(text), reason, bilanDueDate });
    // A porteur that also funds its action signs once, as porteur, for its own line too.
    const porteurLine = funders.find((f) => f.organisationId === action.porteur_id);
    const others = orderFunders(funders).filter((f) => f.organisationId !== action.porteur_id);
    await manager.insert(ConventionSignatory, [
      {
        tenantId,
        id: randomUUID(),
        versionId: id,
        organisationId: action.porteur_id,
        role: SignatoryRole.PORTEUR,
        position: 1,
        amountCents: porteurLine?.amountCents ?? 0n,
        advancePercent: porteurLine?.advancePercent ?? DEFAULT_ADVANCE_PERCENT,
      },
      ...others.map((f, i) => ({
        tenantId,
        id: randomUUID(),
        versionId: id,
        organisationId: f.organisationId,
        role: SignatoryRole.FINANCEUR,
        position: i + 2,
        amountCents: f.amountCents,
        advancePercent: f.advancePercent,
      })),
    ]);
    return manager.findOneOrFail(ConventionVersion, { where: { tenantId, id } });
  }

  /** Every funder with a granted line (decided > 0), with the sum of its decided lines and its schedule. */
  private async decidedFunders(actionId: string, schedule: ReadonlyMap<string, number>): Promise<FunderCommitment[]> {
    const rows = await this.db.query<{ funder_id: string; name: string; amount: string }>(
      `select fl.funder_id, o.name, sum(fl.decided_amount_cents)::text as amount
         from funding_lines fl join organisations o on o.tenant_id = fl.tenant_id and o.id = fl.funder_id
        where fl.tenant_id = $1 and fl.action_id = $2 and fl.decided_amount_cents > 0
        group by fl.funder_id, o.name`,
      [this.tenantId(), actionId],
    );
    return orderFunders(
      rows.map((r) => ({
        organisationId: r.funder_id,
        name: r.name,
        amountCents: BigInt(r.amount),
        advancePercent: schedule.get(r.funder_id) ?? DEFAULT_ADVANCE_PERCENT,
      })),
    );
  }

  /** The action, locked, with its porteur's name; NOT_FOUND if the caller may not see it. */
  private async lockAction(actionId: string): Promise<ActionRow> {
    const [row] = await this.db.query<ActionRow>(
      `select a.id, a.reference, a.title, a.start_date::text as start_date, a.end_date::text as end_date,
              a.total_budget_cents::text as total_budget_cents, a.status, a.porteur_id, o.name as porteur_name
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
        where a.tenant_id = $1 and a.id = $2 for update of a`,
      [this.tenantId(), actionId.toLowerCase()],
    );
    if (!row) throw notFound('Action');
    return row;
  }

  /**
   * All signed: the action becomes conventionnée, in this transaction. An avenant signed on an action
   * already bound (conventionnée, en cours, bilan attendu) changes no status.
   */
  private async markActionConventionnee(actionId: string): Promise<void> {
    const action = await this.lockAction(actionId);
    if (BOUND_STATUSES.has(action.status)) return;
    if (!DRAFTABLE.has(action.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : elle ne peut pas devenir conventionnée.`,
      );
    }
    await this.actions.applyDecidedTransition(action, ActionStatus.CONVENTIONNEE, { comment: 'Convention signée par tous les signataires.' });
  }

  private versionSnapshot(version: ConventionVersion, funders: FunderCommitment[], porteurId: string): Record<string, unknown> {
    return { id: version.id, number: version.number, hash: version.hash, reason: version.reason, porteurId, funders };
  }

  /**
   * The visible conventions, as SQL: a funder's representative sees those of actions its organisation
   * funds, a porteur's representative only those of its own actions, anyone else all of the tenant's.
   */
  private visibleSql(): { sql: string; params: unknown[] } {
    const scope = this.db.tenant();
    const params: unknown[] = [scope.tenantId, scope.organisationId];
    const sql = `select c.id from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id where c.tenant_id = $1 and ${visibleActionSql(scope, '$2')}`;
    return { sql, params };
  }

  private async byIds(ids: string[]): Promise<Convention[]> {
    if (ids.length === 0) return [];
    const rows = await (await this.db.manager())
      .createQueryBuilder(Convention, 'c')
      .where('c.tenantId = :tenantId AND c.id IN (:...ids)', { tenantId: this.tenantId(), ids })
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    return rows;
  }

  private tenantId(): string {
    return this.db.tenant().tenantId;
  }
}
