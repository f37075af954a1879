import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';

import { visibleActionSql } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import {
  badInput,
  conflict,
  decodeCursor,
  DomainError,
  ErrorCode,
  FieldError,
  invalidField,
  notFound,
  Page,
  toPage,
} from '@pilotis/shared';
import { TenantCounterService } from '@pilotis/tenancy';

import { Action } from './action.entity';
import { ActionFilter, ActionsArgs, CreateActionInput, TransitionActionInput, UpdateActionInput } from './action.inputs';
import {
  actionReference,
  escapeLike,
  findDuplicateLines,
  IndicatorDraft,
  invalidTransitionError,
  normaliseIndicators,
  validateAmount,
  validateDates,
  validateDescription,
  validateFundingLine,
  validateIndicators,
  validateQpvIds,
  validateTitle,
} from './action.validation';
import { ActionIndicator } from './action-indicator.entity';
import { ActionQpv } from './action-qpv.entity';
import { ActionReferences } from './action-references';
import {
  ACTION_STATUS_LABELS,
  ActionStatus,
  canTransition,
  DECIDED_ELSEWHERE,
  EDITABLE_STATUSES,
  manualTransitions,
} from './action-status';
import { ACTIONS_SQL } from './actions.sql';
import { FundingLine } from './funding-line.entity';

/** Ids arrive as typed by clients; the database answers in lower case. */
const lower = (id: string): string => id.toLowerCase();

const fieldError = (field: string, reason: string, message: string): FieldError => ({ field, reason, message });

/**
 * The audit snapshot of an action: its own columns, its QPVs and its indicators in order (the plan is
 * audited line by line).
 */
function actionSnapshot(action: Action, qpvIds: readonly string[], indicators: readonly IndicatorDraft[]): Record<string, unknown> {
  return {
    ...action,
    qpvIds: [...qpvIds].sort(),
    indicators: indicators.map(({ label, target, unit, definitionId }) => ({
      label,
      target,
      unit,
      ...(definitionId ? { definitionId } : {}),
    })),
  };
}

/**
 * Actions: the dossier (content, QPVs, indicators), its life cycle and who may see it. Financing-plan lines
 * are in FundingLineService, which relies on the locking exported here; what a dossier names is checked by
 * ActionReferences. About 450 lines: create and update share the dossier's checks and snapshot, and stay
 * side by side on purpose.
 */
@Injectable()
export class ActionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly counters: TenantCounterService,
    private readonly outbox: OutboxService,
    private readonly references: ActionReferences,
  ) {}

  // ------------------------------------------------------------------ reads

  /** An action the caller may see, or NOT_FOUND (another tenant's, or not funded by a funder's representative). */
  async findVisible(id: string): Promise<Action> {
    const action = await (await this.visibleActions()).andWhere('a.id = :id', { id: lower(id) }).getOne();
    if (!action) throw notFound('Action');
    return action;
  }

  async findVisibleByReference(reference: string): Promise<Action> {
    const action = await (
      await this.visibleActions()
    )
      .andWhere('a.reference = :reference', { reference: reference.trim().toUpperCase() })
      .getOne();
    if (!action) throw notFound('Action');
    return action;
  }

  /**
   * The actions the caller sees that match `f` (every criterion narrows: AND), unordered: the list pages
   * it, the export streams it. One place for the filters, so that an export covers exactly the list.
   */
  async filtered(f: ActionFilter): Promise<SelectQueryBuilder<Action>> {
    const qb = await this.visibleActions();
    if (f.contratId) {
      // A contract of another territory (or none) is refused, not answered with an empty list that would
      // read as "no action in this contract".
      if (!(await this.references.contractYears(lower(f.contratId)))) throw notFound('Contrat');
      qb.andWhere('a.contratId = :contratId', { contratId: lower(f.contratId) });
    }
    if (f.pillarId) qb.andWhere('a.pillarId = :pillarId', { pillarId: lower(f.pillarId) });
    if (f.objectiveId) qb.andWhere('a.objectiveId = :objectiveId', { objectiveId: lower(f.objectiveId) });
    if (f.porteurId) qb.andWhere('a.porteurId = :porteurId', { porteurId: lower(f.porteurId) });
    if (f.status && f.status.length > 0) qb.andWhere('a.status IN (:...statuses)', { statuses: f.status });
    // Funder and exercise year describe one line: "funded by X in 2025" is a line of X in 2025, not a line
    // of X some year and another line in 2025.
    const hasFunder = f.funderId !== undefined && f.funderId !== null;
    const hasYear = f.exerciseYear !== undefined && f.exerciseYear !== null;
    if (hasFunder || hasYear) {
      const conditions = [...(hasFunder ? ['fl.funder_id = :funderId'] : []), ...(hasYear ? ['fl.exercise_year = :exerciseYear'] : [])];
      qb.andWhere(
        `exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and ${conditions.join(' and ')})`,
        { funderId: hasFunder ? lower(f.funderId as string) : null, exerciseYear: f.exerciseYear ?? null },
      );
    }
    if (f.qpvId) {
      qb.andWhere('exists (select 1 from action_qpvs aq where aq.tenant_id = a.tenant_id and aq.action_id = a.id and aq.qpv_id = :qpvId)', {
        qpvId: lower(f.qpvId),
      });
    }
    const search = f.search?.trim();
    if (search) {
      // The title, the reference, or the Dauphin number of one of its State lines (spaces ignored, as typed there).
      qb.andWhere(
        `(a.title ilike :search escape '\\' or a.reference ilike :search escape '\\'` +
          ` or exists (select 1 from funding_lines dfl where dfl.tenant_id = a.tenant_id and dfl.action_id = a.id` +
          ` and dfl.dauphin_number ilike :dauphinSearch escape '\\'))`,
        { search: `%${escapeLike(search)}%`, dauphinSearch: `%${escapeLike(search.replace(/\s+/g, ''))}%` },
      );
    }
    return qb;
  }

  /** A page of actions by number; every filter narrows the list (AND). */
  async list(args: ActionsArgs): Promise<Page<Action>> {
    const qb = await this.filtered(args.filter ?? {});
    if (args.after) {
      const [afterNumber] = decodeCursor(args.after, 1);
      if (typeof afterNumber !== 'number' || !Number.isInteger(afterNumber)) {
        throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
      }
      qb.andWhere('a.number > :afterNumber', { afterNumber });
    }
    const rows = await qb
      .orderBy('a.number', 'ASC')
      .limit(args.first + 1)
      .getMany();
    return toPage(rows, args.first, (a) => [a.number]);
  }

  /** The tenant's actions the caller may see (the organisation-bound rule: `visibleActionSql`). */
  private async visibleActions(): Promise<SelectQueryBuilder<Action>> {
    // A query builder: the visibility rule is an SQL condition (`@pilotis/access`), and the list pages by cursor.
    const scope = this.db.tenant();
    const qb = (await this.db.repository(Action)).queryBuilder('a');
    return qb.andWhere(visibleActionSql(scope, ':viewerOrganisationId'), { viewerOrganisationId: scope.organisationId });
  }

  // ------------------------------------------------------------------ writes

  async create(input: CreateActionInput): Promise<Action> {
    const { tenantId, siren } = this.db.tenant();
    const contratId = lower(input.contratId);
    const pillarId = lower(input.pillarId);
    const objectiveId = input.objectiveId ? lower(input.objectiveId) : null;
    const porteurId = lower(input.porteurId);
    const qpvIds = input.qpvIds.map(lower);
    const lines = (input.fundingLines ?? []).map((l) => ({ ...l, funderId: lower(l.funderId) }));
    const description = input.description ?? '';
    const indicators = normaliseIndicators(input.indicators ?? []);

    const years = await this.references.contractYears(contratId);
    const errors: FieldError[] = [
      ...(years ? [] : [fieldError('contratId', 'not_found', 'contrat introuvable dans ce territoire')]),
      ...validateTitle(input.title),
      ...validateDescription(description),
      ...validateDates(input.startDate, input.endDate, years),
      ...validateAmount(input.totalBudgetCents, 'totalBudgetCents'),
      ...validateQpvIds(qpvIds),
      ...validateIndicators(indicators),
      ...(await this.references.checkIndicatorDefinitions(indicators)),
      ...(years ? lines.flatMap((line, i) => validateFundingLine(line, years, `fundingLines.${i}`)) : []),
      ...findDuplicateLines(lines),
      ...(await this.references.checkPillar(pillarId, years ? contratId : undefined)),
      ...(objectiveId ? await this.references.checkObjective(pillarId, objectiveId) : []),
      ...(await this.references.checkOrganisation(porteurId, 'porteurId', 'porteur')),
      ...(await this.references.checkQpvs(contratId, qpvIds)),
      ...(await this.references.checkFunders(lines, (i) => `fundingLines.${i}`)),
    ];
    if (errors.length > 0) throw badInput(errors);

    // The counter's row lock serialises concurrent creations until commit: numbers are consecutive.
    const number = await this.counters.next('action');
    const id = randomUUID();
    await (
      await this.db.repository(Action)
    ).insert({
      id,
      number,
      reference: actionReference(siren, number),
      contratId,
      pillarId,
      objectiveId,
      porteurId,
      title: input.title.trim(),
      description,
      startDate: input.startDate,
      endDate: input.endDate,
      totalBudgetCents: input.totalBudgetCents,
      status: ActionStatus.BROUILLON,
    });
    await (await this.db.repository(ActionQpv)).insert(qpvIds.map((qpvId) => ({ actionId: id, qpvId })));
    await this.insertIndicators(id, indicators);
    // tenantId stays in the lines for the audit trail's `after` below (the repository sets it on insert anyway).
    const fundingLines = lines.map((l) => ({
      tenantId,
      id: randomUUID(),
      actionId: id,
      funderId: l.funderId,
      kind: l.kind,
      amountRequestedCents: l.amountRequestedCents,
      inKind: l.inKind ?? false,
      pledge: l.pledge ?? false,
      exerciseYear: l.exerciseYear,
    }));
    await (await this.db.repository(FundingLine)).insert(fundingLines);

    const action = await this.get(id);
    await this.audit.record({
      operation: 'action.create',
      entityType: 'Action',
      entityId: id,
      after: { ...actionSnapshot(action, qpvIds, indicators), fundingLines },
    });
    return action;
  }

  async update(input: UpdateActionInput): Promise<Action> {
    const current = await this.lockEditable(input.id);
    const years = await this.references.contractYears(current.contratId);
    const beforeQpvIds = await this.qpvIdsOf(current.id);
    const beforeIndicators = await this.indicatorsOf(current.id);
    const changes: Partial<
      Pick<Action, 'title' | 'description' | 'objectiveId' | 'porteurId' | 'startDate' | 'endDate' | 'totalBudgetCents'>
    > = {};
    const errors: FieldError[] = [];
    // A null field is "unchanged", except objectiveId where null removes the objective.
    if (input.title != null) {
      errors.push(...validateTitle(input.title));
      changes.title = input.title.trim();
    }
    if (input.description != null) {
      errors.push(...validateDescription(input.description));
      changes.description = input.description;
    }
    if (input.startDate != null || input.endDate != null) {
      const startDate = input.startDate ?? current.startDate;
      const endDate = input.endDate ?? current.endDate;
      errors.push(...validateDates(startDate, endDate, years));
      changes.startDate = startDate;
      changes.endDate = endDate;
    }
    if (input.totalBudgetCents != null) {
      errors.push(...validateAmount(input.totalBudgetCents, 'totalBudgetCents'));
      changes.totalBudgetCents = input.totalBudgetCents;
    }
    if (input.objectiveId !== undefined) {
      const objectiveId = input.objectiveId === null ? null : lower(input.objectiveId);
      if (objectiveId) errors.push(...(await this.references.checkObjective(current.pillarId, objectiveId)));
      changes.objectiveId = objectiveId;
    }
    if (input.porteurId != null) {
      const porteurId = lower(input.porteurId);
      errors.push(...(await this.references.checkOrganisation(porteurId, 'porteurId', 'porteur')));
      changes.porteurId = porteurId;
    }
    const qpvIds = input.qpvIds != null ? input.qpvIds.map(lower) : undefined;
    if (qpvIds) errors.push(...validateQpvIds(qpvIds), ...(await this.references.checkQpvs(current.contratId, qpvIds)));
    const indicators = input.indicators != null ? normaliseIndicators(input.indicators) : undefined;
    if (indicators) errors.push(...validateIndicators(indicators), ...(await this.references.checkIndicatorDefinitions(indicators)));
    if (errors.length > 0) throw badInput(errors);
    if (current.callId !== null) {
      // A porteur's dossier: only the instruction's own choice (the objective) may change here; the same
      // values sent back by a form are no change.
      const declared = [
        ...(Object.keys(changes) as (keyof typeof changes)[]).filter(
          (k) => k !== 'objectiveId' && String(changes[k]) !== String(current[k]),
        ),
        ...(qpvIds && [...qpvIds].sort().join() !== [...beforeQpvIds].sort().join() ? ['qpvIds'] : []),
        ...(indicators && JSON.stringify(indicators) !== JSON.stringify(beforeIndicators) ? ['indicators'] : []),
      ];
      if (declared.length > 0) this.assertNotPorteursDossier(current, `ce que le porteur a déclaré (${declared.join(', ')})`);
    }

    await (await this.db.repository(Action)).update({ id: current.id }, { ...changes, updatedAt: () => 'now()' });
    if (qpvIds) {
      const actionQpvs = await this.db.repository(ActionQpv);
      await actionQpvs.delete({ actionId: current.id });
      await actionQpvs.insert(qpvIds.map((qpvId) => ({ actionId: current.id, qpvId })));
    }
    if (indicators) {
      // The whole list is replaced: positions are renumbered 1, 2, … in the order given.
      await (await this.db.repository(ActionIndicator)).delete({ actionId: current.id });
      await this.insertIndicators(current.id, indicators);
    }
    const after = await this.get(current.id);
    await this.audit.record({
      operation: 'action.update',
      entityType: 'Action',
      entityId: current.id,
      before: actionSnapshot(current, beforeQpvIds, beforeIndicators),
      after: actionSnapshot(after, qpvIds ?? beforeQpvIds, indicators ?? beforeIndicators),
    });
    return after;
  }

  async transition(input: TransitionActionInput): Promise<Action> {
    // The row lock makes concurrent transitions of one action take turns: the second one reads the state
    // the first one left, and is checked against it.
    const action = await this.lockForUpdate(input.id);
    const from = action.status;
    const to = input.to;
    if (!canTransition(from, to)) throw invalidTransitionError(from, to);
    const decidedBy = DECIDED_ELSEWHERE[to];
    if (decidedBy) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'étape « ${ACTION_STATUS_LABELS[to]} » ne se choisit pas à la main : c'est ${decidedBy} qui y conduit.`,
        { from, to, allowed: manualTransitions(from) },
      );
    }
    // A porteur's dossier answering a call is deposited by the porteur itself (`submitDossier`, once, before
    // the call closes, complete): never by hand.
    // Sent back to draft, a submitted dossier could be neither edited nor submitted again (once): the
    // instructor asks for compléments instead (`requestComplements`).
    if (action.callId && from === ActionStatus.BROUILLON && to === ActionStatus.DEPOSEE) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Le dossier ${action.reference} répond à un appel à projets : c'est son porteur qui le dépose.`,
        { from, to, allowed: manualTransitions(from).filter((s) => s !== ActionStatus.DEPOSEE) },
      );
    }
    if (action.callId && action.submittedAt && to === ActionStatus.BROUILLON) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Le dossier ${action.reference} a été déposé par son porteur : il ne redevient pas un brouillon, demandez-lui des compléments.`,
        { from, to, allowed: manualTransitions(from).filter((s) => s !== ActionStatus.BROUILLON) },
      );
    }
    if (from === ActionStatus.BROUILLON && to === ActionStatus.DEPOSEE) await this.assertCompleteDossier(action);

    const affected = await (
      await this.db.repository(Action)
    ).update({ id: action.id, status: from }, { status: to, updatedAt: () => 'now()' });
    // Cannot happen under the lock; kept so that the guarantee does not rest on the lock alone.
    if (affected !== 1) throw conflict("L'action a changé d'étape entre-temps : réessayez.");

    const after = await this.get(action.id);
    const comment = input.comment?.trim() || null;
    await this.audit.record({
      operation: 'action.transition',
      entityType: 'Action',
      entityId: action.id,
      before: { reference: action.reference, status: from },
      after: { reference: action.reference, status: to, comment },
    });
    // A step chosen by hand moves deadlines (a soldée or abandoned action owes no bilan, a deposited one
    // enters instruction): the worker recomputes the territory's at once rather than at the daily scan.
    await this.outbox.publish('action.transitioned', { actionId: action.id, from, to });
    return after;
  }

  /**
   * A step decided elsewhere (DECIDED_ELSEWHERE: a committee's close or corrected decision, the last
   * signature of a convention), written by the context that decided it, in its transaction, on an action
   * it has locked. Checked against the same transition table and audited like a manual transition.
   */
  async applyDecidedTransition(
    action: { id: string; reference: string; status: ActionStatus },
    to: ActionStatus,
    detail: Record<string, unknown>,
  ): Promise<void> {
    if (!canTransition(action.status, to)) throw invalidTransitionError(action.status, to);
    await (await this.db.repository(Action)).update({ id: action.id }, { status: to, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: 'action.transition',
      entityType: 'Action',
      entityId: action.id,
      before: { reference: action.reference, status: action.status },
      after: { reference: action.reference, status: to, ...detail },
    });
    // Funders' systems learn of programmed actions (webhook ACTION_PROGRAMMED), corrections included.
    if (to === ActionStatus.PROGRAMMEE || to === ActionStatus.PARTIELLEMENT_PROGRAMMEE) {
      await this.outbox.publish('action.programmed', {
        actionId: action.id,
        reference: action.reference,
        status: to,
        previousStatus: action.status,
        ...detail,
      });
    }
  }

  /** A dossier is deposited with at least one funding line and one QPV. */
  private async assertCompleteDossier(action: Action): Promise<void> {
    const [counts] = await this.db.query<{ lines: number; qpvs: number }>(ACTIONS_SQL.dossierCounts, [action.tenantId, action.id]);
    const errors: FieldError[] = [];
    if (counts.lines === 0) {
      errors.push(fieldError('fundingLines', 'incomplete_dossier', 'le plan de financement doit compter au moins une ligne'));
    }
    if (counts.qpvs === 0) errors.push(fieldError('qpvIds', 'incomplete_dossier', 'au moins un QPV est requis'));
    if (errors.length > 0) {
      throw badInput(errors, `Dossier incomplet : ${errors.map((e) => e.message).join(' ; ')}. L'action reste en brouillon.`);
    }
  }

  // ------------------------------------------------------------------ shared with FundingLineService

  /** The action, locked until the end of the transaction (SELECT … FOR UPDATE), or NOT_FOUND. */
  async lockForUpdate(id: string): Promise<Action> {
    const action = await (await this.db.repository(Action)).findOne({ id: lower(id) }, { lock: 'pessimistic_write' });
    if (!action) throw notFound('Action');
    return action;
  }

  /** Locks the action and refuses with CONFLICT once its dossier has left the editable steps. */
  async lockEditable(id: string): Promise<Action> {
    const action = await this.lockForUpdate(id);
    if (!EDITABLE_STATUSES.has(action.status)) {
      throw conflict(
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : son dossier est décidé ou soumis à décision, ` +
          "il n'est plus modifiable (seules les actions en brouillon, déposées ou en instruction le sont).",
      );
    }
    return action;
  }

  /**
   * A porteur's dossier (filed on a call from its space) is the porteur's word: the territory's team does
   * not rewrite it (`what` it would change) through the action's or the lines' mutations, it asks for
   * compléments, which reopen those parts to the porteur. The rule of the dossier holds on every path.
   */
  assertNotPorteursDossier(action: Action, what: string): void {
    if (action.callId === null) return;
    throw new DomainError(
      ErrorCode.DOSSIER_FILED_BY_PORTEUR,
      `L'action ${action.reference} est le dossier déposé par son porteur : ${what} ne se modifie pas ici. ` +
        'Demandez-lui des compléments : la demande lui rouvre les parties à corriger.',
    );
  }

  /** Marks the action as modified (its plan changed). */
  async touch(actionId: string): Promise<void> {
    await (await this.db.repository(Action)).update({ id: actionId }, { updatedAt: () => 'now()' });
  }

  // ------------------------------------------------------------------ internals

  private async qpvIdsOf(actionId: string): Promise<string[]> {
    const rows = await (await this.db.repository(ActionQpv)).find({ where: { actionId } });
    return rows.map((r) => r.qpvId);
  }

  /** The action's indicators, in order. */
  private async indicatorsOf(actionId: string): Promise<IndicatorDraft[]> {
    const rows = await (await this.db.repository(ActionIndicator)).find({ where: { actionId }, order: { position: 'ASC' } });
    return rows.map(({ label, target, unit, definitionId }) => ({ label, target, unit, definitionId }));
  }

  private async insertIndicators(actionId: string, indicators: readonly IndicatorDraft[]): Promise<void> {
    if (indicators.length === 0) return;
    await (
      await this.db.repository(ActionIndicator)
    ).insert(indicators.map((indicator, i) => ({ id: randomUUID(), actionId, position: i + 1, ...indicator })));
  }

  private async get(id: string): Promise<Action> {
    return (await this.db.repository(Action)).findOneOrFail({ id });
  }
}
