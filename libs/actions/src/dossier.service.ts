import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';

import { Role } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { badInput, civilDateIn, Clock, DomainError, ErrorCode, FieldError, forbidden, formatEuros, notFound } from '@pilotis/shared';
import { TenantCounterService } from '@pilotis/tenancy';

import { Action } from './action.entity';
import { ActionService } from './action.service';
import {
  actionReference,
  findDuplicateLines,
  isCivilDate,
  normaliseIndicators,
  validateAmount,
  validateDates,
  validateDescription,
  validateIndicators,
  validateQpvIds,
  validateTitle,
} from './action.validation';
import { ActionBudgetLine, BudgetSide } from './action-budget-line.entity';
import { ActionIndicator } from './action-indicator.entity';
import { ActionQpv } from './action-qpv.entity';
import { ActionReferences } from './action-references';
import { ActionStatus, EDITABLE_STATUSES } from './action-status';
import { ComplementRequest } from './complement-request.entity';
import {
  CreateDossierInput,
  DOSSIER_TEXT_MAX_LENGTH,
  DossierCompleteness,
  DossierMissingItem,
  RequestComplementsInput,
  UpdateDossierInput,
} from './dossier.inputs';
import { DOSSIER_SQL } from './dossier.sql';
import { DOSSIER_FIELD_LABELS, DossierField } from './dossier-field';
import { FundingLine } from './funding-line.entity';

const lower = (id: string): string => id.toLowerCase();
const fieldError = (field: string, reason: string, message: string): FieldError => ({ field, reason, message });

interface CallRow {
  id: string;
  contrat_id: string;
  exercise: number;
  title: string;
  status: string;
  opens_at: Date;
  closes_at: Date;
  /** The kinds of structures the call is open to; empty: every kind. */
  eligible_kinds: string[];
}

/** What may change now: everything (a draft), the parts an open demande de compléments lists, or nothing. */
type Editable = { mode: 'draft' } | { mode: 'complements'; request: ComplementRequest };

/** The input's properties, by the part of the dossier they belong to. */
const FIELD_OF_INPUT: Readonly<Record<string, DossierField>> = {
  title: DossierField.TITLE,
  description: DossierField.DESCRIPTION,
  targetPublic: DossierField.TARGET_PUBLIC,
  objectives: DossierField.OBJECTIVES,
  representativeName: DossierField.REPRESENTATIVE,
  representativeFunction: DossierField.REPRESENTATIVE,
  startDate: DossierField.DATES,
  endDate: DossierField.DATES,
  pillarId: DossierField.PILLAR,
  qpvIds: DossierField.QPVS,
  budgetLines: DossierField.BUDGET,
  fundingLines: DossierField.FUNDING,
  indicators: DossierField.INDICATORS,
};

/**
 * The dossier a porteur files in answer to a call for projects (CERFA 12156): an action carrying the call's
 * id, created, filled in and submitted by the porteur's representative (FILE_DOSSIER), only for its own
 * organisation; its content is the action's (description, QPVs, dates, indicators, funding lines), the
 * CERFA's extra fields (representative, target public, objectives), its budget prévisionnel and the files
 * answering the call's required pieces (`documents.required_piece_id`). Submitted once, it enters the
 * territory's instruction queue as « déposée ». An instructor may reopen some of its parts with a demande de
 * compléments (a COMPLEMENTS deadline for the porteur), which the porteur answers.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly counters: TenantCounterService,
    private readonly references: ActionReferences,
    private readonly actions: ActionService,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------ porteur

  async create(input: CreateDossierInput): Promise<Action> {
    const scope = this.db.tenant();
    const { tenantId, siren } = scope;
    if (scope.role !== Role.PORTEUR_REPRESENTATIVE) {
      throw forbidden("Seul le représentant d'un porteur dépose un dossier, pour son organisation.");
    }
    // A bound membership naming no organisation sees nothing (the visibility rule): not even the call.
    if (!scope.organisationId) throw notFound('Appel à projets');
    const call = await this.callForShare(input.callId);
    this.assertCallOpen(call);
    await this.assertEligible(call, scope.organisationId);
    const pillarId = input.pillarId
      ? lower(input.pillarId)
      : (await this.db.query<{ id: string }>(DOSSIER_SQL.firstPillar, [tenantId, call.contrat_id]))[0]?.id;
    const errors: FieldError[] = [...validateTitle(input.title)];
    if (!pillarId) errors.push(fieldError('pillarId', 'required', "le contrat de l'appel n'a aucun pilier"));
    else errors.push(...(await this.references.checkPillar(pillarId, call.contrat_id)));
    if (errors.length > 0 || !pillarId) throw badInput(errors);

    const number = await this.counters.next('action');
    const id = randomUUID();
    await (
      await this.db.repository(Action)
    ).insert({
      id,
      number,
      reference: actionReference(siren, number),
      contratId: call.contrat_id,
      pillarId,
      objectiveId: null,
      porteurId: scope.organisationId,
      callId: call.id,
      title: input.title.trim(),
      description: '',
      startDate: `${call.exercise}-01-01`,
      endDate: `${call.exercise}-12-31`,
      totalBudgetCents: 0n,
      status: ActionStatus.BROUILLON,
    });
    const action = await this.get(id);
    await this.audit.record({
      operation: 'dossier.create',
      entityType: 'Action',
      entityId: id,
      after: { reference: action.reference, callId: call.id, porteurId: action.porteurId, title: action.title, pillarId },
    });
    return action;
  }

  async update(input: UpdateDossierInput): Promise<Action> {
    const current = await this.lockDossier(input.id);
    const editable = await this.editable(current);
    const given = Object.entries(input)
      .filter(([key, value]) => key !== 'id' && value !== undefined && value !== null)
      .map(([key]) => key);
    if (editable.mode === 'complements') {
      const reopened = new Set(editable.request.fields);
      const refused = [...new Set(given.map((key) => FIELD_OF_INPUT[key]).filter((f) => f && !reopened.has(f)))];
      if (refused.length > 0) {
        throw new DomainError(
          ErrorCode.FIELD_NOT_REOPENED,
          `La demande de compléments ne rouvre pas : ${refused.map((f) => DOSSIER_FIELD_LABELS[f]).join(', ')}. Seules les parties rouvertes se modifient.`,
          {
            fields: refused.map((f) => fieldError(f, 'not_reopened', `${DOSSIER_FIELD_LABELS[f]} : non rouvert`)),
            reopened: [...reopened],
          },
        );
      }
    }
    const call = await this.callOf(current);
    const years = await this.references.contractYears(current.contratId);
    const before = await this.snapshot(current);
    const changes: Partial<Action> = {};
    const errors: FieldError[] = [];

    if (input.title != null) {
      errors.push(...validateTitle(input.title));
      changes.title = input.title.trim();
    }
    if (input.description != null) {
      errors.push(...validateDescription(input.description));
      changes.description = input.description;
    }
    for (const key of ['targetPublic', 'objectives'] as const) {
      const value = input[key];
      if (value != null) {
        if (value.length > DOSSIER_TEXT_MAX_LENGTH)
          errors.push(fieldError(key, 'too_long', `${DOSSIER_TEXT_MAX_LENGTH} caractères au plus`));
        changes[key] = value;
      }
    }
    if (input.representativeName != null) changes.representativeName = input.representativeName.trim();
    if (input.representativeFunction != null) changes.representativeFunction = input.representativeFunction.trim();
    if (input.startDate != null || input.endDate != null) {
      const startDate = input.startDate ?? current.startDate;
      const endDate = input.endDate ?? current.endDate;
      errors.push(...validateDates(startDate, endDate, years));
      changes.startDate = startDate;
      changes.endDate = endDate;
    }
    if (input.pillarId != null) {
      const pillarId = lower(input.pillarId);
      errors.push(...(await this.references.checkPillar(pillarId, current.contratId)));
      changes.pillarId = pillarId;
      // The objective was numbered under the former pillar.
      if (pillarId !== current.pillarId) changes.objectiveId = null;
    }
    const qpvIds = input.qpvIds != null ? input.qpvIds.map(lower) : undefined;
    if (qpvIds && qpvIds.length > 0)
      errors.push(...validateQpvIds(qpvIds), ...(await this.references.checkQpvs(current.contratId, qpvIds)));
    const indicators = input.indicators != null ? normaliseIndicators(input.indicators) : undefined;
    if (indicators) errors.push(...validateIndicators(indicators), ...(await this.references.checkIndicatorDefinitions(indicators)));
    const budgetLines = input.budgetLines?.map((l, i) => ({ ...l, account: l.account.trim(), label: (l.label ?? '').trim(), index: i }));
    if (budgetLines) errors.push(...budgetLines.flatMap((l) => validateBudgetLine(l, `budgetLines.${l.index}`)));
    const fundingLines = input.fundingLines?.map((l) => ({ ...l, funderId: lower(l.funderId), exerciseYear: call.exercise }));
    if (fundingLines) {
      errors.push(
        ...fundingLines.flatMap((l, i) => validateAmount(l.amountRequestedCents, `fundingLines.${i}.amountRequestedCents`)),
        ...findDuplicateLines(fundingLines),
        ...(await this.references.checkFunders(fundingLines, (i) => `fundingLines.${i}`)),
      );
    }
    if (errors.length > 0) throw badInput(errors);

    if (budgetLines) {
      const charges = budgetLines.filter((l) => l.side === BudgetSide.CHARGE).reduce((sum, l) => sum + l.plannedCents, 0n);
      changes.totalBudgetCents = charges;
    }
    await (await this.db.repository(Action)).update({ id: current.id }, { ...changes, updatedAt: () => 'now()' });
    if (qpvIds) {
      const repo = await this.db.repository(ActionQpv);
      await repo.delete({ actionId: current.id });
      if (qpvIds.length > 0) await repo.insert(qpvIds.map((qpvId) => ({ actionId: current.id, qpvId })));
    }
    if (indicators) {
      const repo = await this.db.repository(ActionIndicator);
      await repo.delete({ actionId: current.id });
      if (indicators.length > 0) {
        await repo.insert(indicators.map((indicator, i) => ({ id: randomUUID(), actionId: current.id, position: i + 1, ...indicator })));
      }
    }
    if (budgetLines) {
      const repo = await this.db.repository(ActionBudgetLine);
      await repo.delete({ actionId: current.id });
      if (budgetLines.length > 0) {
        await repo.insert(
          budgetLines.map((l, i) => ({
            id: randomUUID(),
            actionId: current.id,
            position: i + 1,
            side: l.side,
            account: l.account,
            label: l.label,
            plannedCents: l.plannedCents,
          })),
        );
      }
    }
    if (fundingLines) await this.replaceFundingLines(current.id, fundingLines);

    const after = await this.get(current.id);
    await this.audit.record({
      operation: 'dossier.update',
      entityType: 'Action',
      entityId: current.id,
      before,
      after: { ...(await this.snapshot(after)), during: editable.mode },
    });
    return after;
  }

  /** The dossier's missing items (NOT_FOUND for a dossier the caller does not see). */
  async completenessOf(id: string): Promise<DossierCompleteness> {
    const action = await this.actions.findVisible(id);
    if (!action.callId) throw notFound('Dossier');
    const missing = await this.missing(action);
    return { complete: missing.length === 0, missing };
  }

  async submit(id: string): Promise<Action> {
    const action = await this.lockDossier(id);
    if (action.submittedAt) {
      throw new DomainError(ErrorCode.ALREADY_SUBMITTED, `Le dossier ${action.reference} a déjà été déposé : il ne se dépose qu'une fois.`);
    }
    if (action.status !== ActionStatus.BROUILLON) throw this.notEditable(action);
    const call = await this.callForShare(action.callId as string);
    // A call closed by hand before its closing instant is closed all the same.
    if (call.status === 'CLOTURE' || (call.closes_at && this.clock.now() >= call.closes_at)) throw this.callClosed(call);
    if (call.status !== 'PUBLIE') throw this.callNotOpen(call);
    // The porteur's kind may have been corrected since the draft was opened: checked again at submission.
    await this.assertEligible(call, action.porteurId);
    const missing = await this.missing(action);
    if (missing.length > 0) {
      throw new DomainError(
        ErrorCode.DOSSIER_INCOMPLETE,
        `Dossier incomplet : ${missing.map((m) => m.message).join(' ; ')}. Il reste en brouillon.`,
        { missing },
      );
    }
    const submittedAt = this.clock.now();
    await (
      await this.db.repository(Action)
    ).update({ id: action.id, status: ActionStatus.BROUILLON }, { status: ActionStatus.DEPOSEE, submittedAt, updatedAt: () => 'now()' });
    const after = await this.get(action.id);
    const pieces = await this.db.query<{ id: string }>(
      `select id from documents where tenant_id = $1 and action_id = $2 and required_piece_id is not null order by id`,
      [action.tenantId, action.id],
    );
    await this.audit.record({
      operation: 'dossier.submit',
      entityType: 'Action',
      entityId: action.id,
      before: { reference: action.reference, status: action.status, submittedAt: null },
      after: { reference: action.reference, status: after.status, submittedAt, callId: call.id, documentIds: pieces.map((p) => p.id) },
    });
    // Deposited, it enters the instruction queue; deadlines (and webhooks, later) follow from the event.
    await this.outbox.publish('action.transitioned', { actionId: action.id, from: action.status, to: after.status });
    return after;
  }

  async answerComplements(actionId: string): Promise<ComplementRequest> {
    const action = await this.lockDossier(actionId);
    const request = await this.openRequest(action.id);
    if (!request) {
      throw new DomainError(
        ErrorCode.NO_COMPLEMENTS_REQUESTED,
        `Aucune demande de compléments n'est ouverte sur le dossier ${action.reference}.`,
      );
    }
    const missing = await this.missing(action);
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.DOSSIER_INCOMPLETE, `Dossier incomplet : ${missing.map((m) => m.message).join(' ; ')}.`, { missing });
    }
    const answeredAt = this.clock.now();
    const repo = await this.db.repository(ComplementRequest);
    await repo.update({ id: request.id }, { answeredAt, answeredBy: this.db.actor().userId });
    const after = await repo.findOneOrFail({ id: request.id });
    await this.audit.record({
      operation: 'dossier.answer_complements',
      entityType: 'ComplementRequest',
      entityId: request.id,
      before: { actionId: action.id, reference: action.reference, answeredAt: null },
      after: { actionId: action.id, reference: action.reference, answeredAt },
    });
    await this.outbox.publish('dossier.complements_answered', { actionId: action.id, requestId: request.id });
    return after;
  }

  // ------------------------------------------------------------------ instructor

  async requestComplements(input: RequestComplementsInput): Promise<ComplementRequest> {
    const action = await this.actions.lockForUpdate(input.actionId);
    if (!action.callId) throw notFound('Dossier');
    if (!action.submittedAt || !EDITABLE_STATUSES.has(action.status) || action.status === ActionStatus.BROUILLON) {
      throw new DomainError(
        ErrorCode.DOSSIER_NOT_EDITABLE,
        `Le dossier ${action.reference} n'est pas en instruction (déposé ou en instruction) : aucun complément ne peut y être demandé.`,
      );
    }
    if (await this.openRequest(action.id)) {
      throw new DomainError(
        ErrorCode.COMPLEMENTS_PENDING,
        `Une demande de compléments est déjà ouverte sur le dossier ${action.reference} : le porteur y répond avant toute autre.`,
      );
    }
    const fields = [...new Set(input.fields)];
    const pieceIds = [...new Set(input.pieceIds.map(lower))];
    const message = input.message.trim();
    const errors: FieldError[] = [];
    if (fields.length + pieceIds.length === 0) errors.push(fieldError('fields', 'required', 'au moins une partie ou une pièce à rouvrir'));
    if (message.length === 0) errors.push(fieldError('message', 'required', 'le message au porteur est obligatoire'));
    if (!isCivilDate(input.dueDate)) errors.push(fieldError('dueDate', 'invalid_date', 'date invalide (AAAA-MM-JJ)'));
    else if (input.dueDate < civilDateIn(this.clock.now(), 'Europe/Paris')) {
      errors.push(fieldError('dueDate', 'in_the_past', "la date limite est aujourd'hui ou plus tard"));
    }
    if (pieceIds.length > 0) {
      const known = new Set(
        (await this.db.query<{ id: string }>(DOSSIER_SQL.piecesOfCall, [action.tenantId, action.callId, pieceIds])).map((r) => r.id),
      );
      pieceIds.forEach((id, i) => {
        if (!known.has(id)) errors.push(fieldError(`pieceIds.${i}`, 'not_found', "pièce introuvable parmi celles de l'appel"));
      });
    }
    if (errors.length > 0) throw badInput(errors);

    const id = randomUUID();
    const repo = await this.db.repository(ComplementRequest);
    await repo.insert({ id, actionId: action.id, requestedBy: this.db.actor().userId, message, fields, pieceIds, dueDate: input.dueDate });
    const request = await repo.findOneOrFail({ id });
    await this.audit.record({
      operation: 'dossier.request_complements',
      entityType: 'ComplementRequest',
      entityId: id,
      after: { actionId: action.id, reference: action.reference, fields, pieceIds, message, dueDate: input.dueDate },
    });
    // The COMPLEMENTS deadline is derived by the worker's recomputation, which every outbox event triggers.
    await this.outbox.publish('dossier.complements_requested', { actionId: action.id, requestId: id, dueDate: input.dueDate });
    return request;
  }

  // ------------------------------------------------------------------ reads for the fields

  async openRequest(actionId: string): Promise<ComplementRequest | null> {
    return (await this.db.repository(ComplementRequest)).findOne({ actionId, answeredAt: IsNull() });
  }

  async requests(actionId: string): Promise<ComplementRequest[]> {
    return (await this.db.repository(ComplementRequest)).find({ where: { actionId }, order: { requestedAt: 'DESC', id: 'ASC' } });
  }

  async budgetLines(actionId: string): Promise<ActionBudgetLine[]> {
    return (await this.db.repository(ActionBudgetLine)).find({ where: { actionId }, order: { position: 'ASC' } });
  }

  /** Whether the caller may change this dossier now (its porteur's representative; a draft, or reopened parts). */
  async viewerMayFile(action: Action): Promise<boolean> {
    const scope = this.db.tenant();
    if (!action.callId || scope.role !== Role.PORTEUR_REPRESENTATIVE || scope.organisationId !== action.porteurId) return false;
    if (!action.submittedAt) return action.status === ActionStatus.BROUILLON;
    return EDITABLE_STATUSES.has(action.status) && (await this.openRequest(action.id)) !== null;
  }

  /**
   * Whether the porteur may attach or remove the file of `pieceId` on this dossier now (the documents'
   * dossier routes): its own dossier (the caller sees it), the piece is one of the call's, and the dossier
   * is a draft or an open demande de compléments reopens that piece. Locks the action.
   */
  async assertPieceEditable(actionId: string, pieceId: string): Promise<Action> {
    const action = await this.lockDossier(actionId);
    const [piece] = await this.db.query<{ id: string }>(DOSSIER_SQL.piecesOfCall, [action.tenantId, action.callId, [lower(pieceId)]]);
    if (!piece) throw notFound("Pièce de l'appel");
    const editable = await this.editable(action);
    if (editable.mode === 'complements' && !editable.request.pieceIds.includes(piece.id)) {
      throw new DomainError(ErrorCode.FIELD_NOT_REOPENED, 'La demande de compléments ne rouvre pas cette pièce.', { pieceId: piece.id });
    }
    return action;
  }

  // ------------------------------------------------------------------ internals

  /** The caller's dossier, locked: NOT_FOUND if it does not see it or if the action answers no call. */
  private async lockDossier(id: string): Promise<Action> {
    await this.actions.findVisible(id).catch(() => {
      throw notFound('Dossier');
    });
    const action = await this.actions.lockForUpdate(id);
    if (!action.callId) throw notFound('Dossier');
    const scope = this.db.tenant();
    if (scope.role !== Role.PORTEUR_REPRESENTATIVE || scope.organisationId !== action.porteurId) {
      throw forbidden('Seul le représentant du porteur modifie et dépose son dossier.');
    }
    return action;
  }

  private async editable(action: Action): Promise<Editable> {
    if (!action.submittedAt && action.status === ActionStatus.BROUILLON) return { mode: 'draft' };
    const request = EDITABLE_STATUSES.has(action.status) ? await this.openRequest(action.id) : null;
    if (request) return { mode: 'complements', request };
    throw this.notEditable(action);
  }

  private notEditable(action: Action): DomainError {
    return new DomainError(
      ErrorCode.DOSSIER_NOT_EDITABLE,
      `Le dossier ${action.reference} n'est plus un brouillon et aucune demande de compléments ne le rouvre : il n'est pas modifiable.`,
    );
  }

  private async callForShare(callId: string): Promise<CallRow> {
    const [call] = await this.db.query<CallRow>(DOSSIER_SQL.callForShare, [this.db.tenant().tenantId, lower(callId)]);
    if (!call) throw notFound('Appel à projets');
    return call;
  }

  private async callOf(action: Action): Promise<CallRow> {
    return this.callForShare(action.callId as string);
  }

  private assertCallOpen(call: CallRow): void {
    const now = this.clock.now();
    if (call.status === 'CLOTURE') throw this.callClosed(call);
    if (call.status !== 'PUBLIE' || now < call.opens_at) throw this.callNotOpen(call);
    if (now >= call.closes_at) throw this.callClosed(call);
  }

  /** The call names the kinds of structures it is open to (none named: all); the porteur must be one of them. */
  private async assertEligible(call: CallRow, porteurId: string): Promise<void> {
    if (call.eligible_kinds.length === 0) return;
    const [porteur] = await this.db.query<{ kind: string }>(DOSSIER_SQL.porteurKind, [this.db.tenant().tenantId, porteurId]);
    if (porteur && call.eligible_kinds.includes(porteur.kind)) return;
    throw new DomainError(
      ErrorCode.PORTEUR_NOT_ELIGIBLE,
      `L'appel à projets « ${call.title} » n'est pas ouvert aux structures de cette nature.`,
      { eligibleKinds: call.eligible_kinds, kind: porteur?.kind ?? null },
    );
  }

  private callNotOpen(call: CallRow): DomainError {
    return new DomainError(ErrorCode.CALL_NOT_OPEN, `L'appel à projets « ${call.title} » n'est pas ouvert aux dépôts.`, {
      opensAt: call.opens_at.toISOString(),
    });
  }

  private callClosed(call: CallRow): DomainError {
    return new DomainError(
      ErrorCode.CALL_CLOSED,
      `L'appel à projets « ${call.title} » est clos : aucun dossier ne peut plus y être déposé.`,
      {
        closesAt: call.closes_at.toISOString(),
      },
    );
  }

  /** The missing items of the dossier, in the form's order, in French. */
  private async missing(action: Action): Promise<DossierMissingItem[]> {
    const missing: DossierMissingItem[] = [];
    const add = (field: string, message: string): void => {
      missing.push({ field, message });
    };
    const porteur = await (await this.db.repository(Organisation)).findOne({ id: action.porteurId });
    if (!porteur?.siret) add('IDENTITY', "le SIRET de l'organisation n'est pas renseigné (demandez-le au territoire)");
    if (!action.representativeName.trim() || !action.representativeFunction.trim()) {
      add(DossierField.REPRESENTATIVE, 'le nom et la fonction du représentant sont à renseigner');
    }
    if (!action.description.trim()) add(DossierField.DESCRIPTION, "la description de l'action est à renseigner");
    if (!action.targetPublic.trim()) add(DossierField.TARGET_PUBLIC, 'le public visé est à renseigner');
    if (!action.objectives.trim()) add(DossierField.OBJECTIVES, 'les objectifs sont à renseigner');
    const [c] = await this.db.query<{
      qpvs: number;
      indicators: number;
      charge_lines: number;
      charges: string;
      produits: string;
      subsidies: string;
      funding_lines: number;
      funding: string;
    }>(DOSSIER_SQL.counts, [action.tenantId, action.id]);
    if (c.qpvs === 0) add(DossierField.QPVS, 'au moins un quartier prioritaire (QPV) est à choisir');
    if (c.charge_lines === 0 || BigInt(c.charges) === 0n) add(DossierField.BUDGET, 'le budget prévisionnel doit compter des charges');
    else if (BigInt(c.charges) !== BigInt(c.produits)) {
      add(
        DossierField.BUDGET,
        `le budget prévisionnel n'est pas équilibré (charges ${formatEuros(BigInt(c.charges))}, produits ${formatEuros(BigInt(c.produits))})`,
      );
    }
    if (c.funding_lines === 0) add(DossierField.FUNDING, 'le plan de financement doit compter au moins une subvention demandée');
    else if (BigInt(c.funding) !== BigInt(c.subsidies)) {
      add(
        DossierField.FUNDING,
        `le plan de financement (${formatEuros(BigInt(c.funding))}) doit égaler les subventions du budget, compte 74 (${formatEuros(BigInt(c.subsidies))})`,
      );
    }
    if (c.indicators === 0) add(DossierField.INDICATORS, 'au moins un indicateur, avec sa cible, est à renseigner');
    const pieces = await this.db.query<{ id: string; label: string }>(DOSSIER_SQL.missingPieces, [
      action.tenantId,
      action.callId,
      action.id,
    ]);
    for (const p of pieces) add(`PIECE:${p.id}`, `pièce manquante : ${p.label}`);
    return missing;
  }

  /** Funding lines replaced by their key (funder, kind, exercise): kept lines keep their id and history. */
  private async replaceFundingLines(
    actionId: string,
    lines: readonly { funderId: string; kind: FundingLine['kind']; amountRequestedCents: bigint; exerciseYear: number }[],
  ): Promise<void> {
    const repo = await this.db.repository(FundingLine);
    const existing = await repo.find({ where: { actionId } });
    const key = (l: { funderId: string; kind: string; exerciseYear: number }): string => `${l.funderId}|${l.kind}|${l.exerciseYear}`;
    const wanted = new Map(lines.map((l) => [key(l), l]));
    const gone = existing.filter((l) => !wanted.has(key(l)));
    if (gone.length > 0) await repo.delete({ id: In(gone.map((l) => l.id)) });
    for (const line of lines) {
      const found = existing.find((l) => key(l) === key(line));
      if (found) {
        if (found.amountRequestedCents !== line.amountRequestedCents) {
          await repo.update({ id: found.id }, { amountRequestedCents: line.amountRequestedCents });
        }
      } else {
        await repo.insert({
          id: randomUUID(),
          actionId,
          funderId: line.funderId,
          kind: line.kind,
          amountRequestedCents: line.amountRequestedCents,
          inKind: false,
          pledge: false,
          exerciseYear: line.exerciseYear,
        });
      }
    }
  }

  private async snapshot(action: Action): Promise<Record<string, unknown>> {
    const [qpvs, indicators, budget, funding] = await Promise.all([
      this.db.repository(ActionQpv).then((r) => r.find({ where: { actionId: action.id } })),
      this.db.repository(ActionIndicator).then((r) => r.find({ where: { actionId: action.id }, order: { position: 'ASC' } })),
      this.budgetLines(action.id),
      this.db.repository(FundingLine).then((r) => r.find({ where: { actionId: action.id } })),
    ]);
    return {
      reference: action.reference,
      title: action.title,
      description: action.description,
      targetPublic: action.targetPublic,
      objectives: action.objectives,
      representativeName: action.representativeName,
      representativeFunction: action.representativeFunction,
      startDate: action.startDate,
      endDate: action.endDate,
      pillarId: action.pillarId,
      totalBudgetCents: action.totalBudgetCents,
      qpvIds: qpvs.map((q) => q.qpvId).sort(),
      indicators: indicators.map(({ label, target, unit }) => ({ label, target, unit })),
      budgetLines: budget.map(({ side, account, label, plannedCents }) => ({ side, account, label, plannedCents })),
      fundingLines: funding
        .map(({ funderId, kind, amountRequestedCents, exerciseYear }) => ({ funderId, kind, amountRequestedCents, exerciseYear }))
        .sort((a, b) => `${a.funderId}${a.kind}`.localeCompare(`${b.funderId}${b.kind}`)),
    };
  }

  private async get(id: string): Promise<Action> {
    return (await this.db.repository(Action)).findOneOrFail({ id });
  }
}

/** A budget line: the side's accounts (the table's CHECK, said in French first) and a non-negative amount. */
function validateBudgetLine(line: { side: BudgetSide; account: string; plannedCents: bigint }, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const charge = /^(6[0-8]|86)$/.test(line.account);
  const produit = /^(7[0-8]|87)$/.test(line.account);
  if (line.side === BudgetSide.CHARGE && !charge) {
    errors.push(fieldError(`${path}.account`, 'invalid_account', 'compte de charge attendu : 60 à 68, ou 86'));
  }
  if (line.side === BudgetSide.PRODUIT && !produit) {
    errors.push(fieldError(`${path}.account`, 'invalid_account', 'compte de produit attendu : 70 à 78, ou 87'));
  }
  if (line.plannedCents < 0n) errors.push(fieldError(`${path}.plannedCents`, 'negative', 'le montant est positif ou nul'));
  else if (line.plannedCents > 100_000_000_000n)
    errors.push(fieldError(`${path}.plannedCents`, 'too_large', 'le montant dépasse le plafond autorisé'));
  return errors;
}
