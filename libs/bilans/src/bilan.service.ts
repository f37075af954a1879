import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ledgerAccess, organisationHasAccountSql, Permission, Role, scopeAllows } from '@pilotis/access';
import { Action, ActionService, BudgetSide, FundingKind } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { DeadlineService } from '@pilotis/deadlines';
import { badInput, Clock, DomainError, ErrorCode, FieldError, forbidden, organisationHasAccount } from '@pilotis/shared';

import { BilanBudgetLine, BilanIndicatorValue, BilanReport, BilanStatus } from './bilan.entities';
import { BilanRefInput, BilanSheet, RequestBilanCorrectionsInput, SaveBilanDraftInput } from './bilan.types';
import { gapNeedsExplanation } from './bilan-gap';
import { BILANS_SQL } from './bilans.sql';

const EDITABLE: ReadonlySet<BilanStatus> = new Set([BilanStatus.DRAFT, BilanStatus.CORRECTIONS_REQUESTED]);

const notEditable = (status: BilanStatus): DomainError =>
  new DomainError(
    ErrorCode.BILAN_NOT_EDITABLE,
    status === BilanStatus.ACCEPTED
      ? 'Ce bilan est accepté : il ne change plus.'
      : 'Ce bilan est déposé : il ne change plus, sauf si le chef de projet demande des corrections.',
  );
const notSubmitted = (): DomainError =>
  new DomainError(ErrorCode.BILAN_NOT_SUBMITTED, "Ce bilan n'est pas déposé : il n'y a rien à accepter ni à corriger.");

interface Exercise {
  exercise_year: number;
  granted: boolean;
}

/**
 * Bilans filed online. The porteur's representative files the bilan of its own actions (the visibility
 * rule of actions: another porteur's action does not exist for it); the chef de projet may type it for a
 * porteur that has no account (`ORGANISATION_HAS_ACCOUNT` otherwise), then accepts it or sends it back for
 * corrections. Accepting closes the BILAN deadline (DeadlineService) and makes its figures count in the
 * dashboards. Each write locks the bilan's row (or the action's, for the first draft) so two writers
 * cannot interleave, runs in the request's one transaction and is audited.
 */
@Injectable()
export class BilanService {
  constructor(
    private readonly db: Db,
    private readonly actions: ActionService,
    private readonly deadlines: DeadlineService,
    private readonly audit: AuditService,
    // Submission and acceptance are stamped on the application's clock, the one that says whether the exercise has ended.
    private readonly clock: Clock,
  ) {}

  async sheet(actionId: string, exerciseYear?: number | null): Promise<BilanSheet> {
    const action = await this.actions.findVisible(actionId);
    const exercises = await this.exercisesOf(action.id);
    const year = exerciseYear ?? (await this.defaultExercise(action, exercises));
    if (exerciseYear != null) this.checkExercise(exercises, exerciseYear);
    return this.sheetOf(action, year, exercises);
  }

  async saveDraft(input: SaveBilanDraftInput): Promise<BilanSheet> {
    const action = await this.actionToFile(input.actionId);
    const exercises = await this.exercisesOf(action.id);
    this.checkExercise(exercises, input.exerciseYear);
    const reports = await this.db.repository(BilanReport);
    let report = await this.lockedReport(action.id, input.exerciseYear);
    if (report && !EDITABLE.has(report.status)) throw notEditable(report.status);
    const before = report ? await this.snapshot(report) : null;

    // Every reference is checked against the action before anything is written.
    const sheet = await this.sheetOf(action, input.exerciseYear, exercises);
    const errors: FieldError[] = [];
    const known = (ids: Set<string>, list: { id: string }[] | null | undefined, field: string, key: string): void =>
      list?.forEach((item, i) => {
        if (!ids.has(item.id.toLowerCase()))
          errors.push({ field: `${field}.${i}.${key}`, reason: 'not_found', message: "ne fait pas partie de l'action" });
      });
    known(
      new Set(sheet.budgetLines.map((l) => l.budgetLineId)),
      input.budgetLines?.map((l) => ({ id: l.budgetLineId })),
      'budgetLines',
      'budgetLineId',
    );
    known(
      new Set(sheet.funderShares.map((l) => l.fundingLineId)),
      input.funderShares?.map((l) => ({ id: l.fundingLineId })),
      'funderShares',
      'fundingLineId',
    );
    known(
      new Set(sheet.indicators.map((l) => l.actionIndicatorId)),
      input.indicatorValues?.map((l) => ({ id: l.actionIndicatorId })),
      'indicatorValues',
      'actionIndicatorId',
    );
    for (const [field, list] of [
      ['budgetLines', input.budgetLines?.map((l) => l.budgetLineId)],
      ['funderShares', input.funderShares?.map((l) => l.fundingLineId)],
      ['indicatorValues', input.indicatorValues?.map((l) => l.actionIndicatorId)],
    ] as const) {
      const seen = new Set<string>();
      list?.forEach((id, i) => {
        if (seen.has(id.toLowerCase())) errors.push({ field: `${field}.${i}`, reason: 'duplicate', message: 'donnée deux fois' });
        seen.add(id.toLowerCase());
      });
    }
    if (errors.length > 0) throw badInput(errors);

    if (!report) {
      const id = randomUUID();
      await reports.insert({ id, actionId: action.id, exerciseYear: input.exerciseYear, qualitative: input.qualitative ?? '' });
      report = (await reports.findOne({ id }))!;
    } else if (input.qualitative != null) {
      await reports.update({ id: report.id }, { qualitative: input.qualitative, updatedAt: () => 'now()' });
    } else {
      await reports.update({ id: report.id }, { updatedAt: () => 'now()' });
    }
    const reportId = report.id;
    const lines = await this.db.repository(BilanBudgetLine);
    if (input.budgetLines) {
      for (const l of input.budgetLines) await lines.delete({ reportId, budgetLineId: l.budgetLineId.toLowerCase() });
      if (input.budgetLines.length > 0)
        await lines.insert(
          input.budgetLines.map((l) => ({
            id: randomUUID(),
            reportId,
            budgetLineId: l.budgetLineId.toLowerCase(),
            fundingLineId: null,
            realisedCents: l.realisedCents,
            explanation: (l.explanation ?? '').trim(),
          })),
        );
    }
    if (input.funderShares) {
      for (const l of input.funderShares) await lines.delete({ reportId, fundingLineId: l.fundingLineId.toLowerCase() });
      if (input.funderShares.length > 0)
        await lines.insert(
          input.funderShares.map((l) => ({
            id: randomUUID(),
            reportId,
            budgetLineId: null,
            fundingLineId: l.fundingLineId.toLowerCase(),
            realisedCents: l.realisedCents,
            explanation: (l.explanation ?? '').trim(),
          })),
        );
    }
    if (input.indicatorValues) {
      const values = await this.db.repository(BilanIndicatorValue);
      for (const v of input.indicatorValues) await values.delete({ reportId, actionIndicatorId: v.actionIndicatorId.toLowerCase() });
      if (input.indicatorValues.length > 0)
        await values.insert(
          input.indicatorValues.map((v) => ({
            id: randomUUID(),
            reportId,
            actionIndicatorId: v.actionIndicatorId.toLowerCase(),
            value: v.value,
          })),
        );
    }
    const saved = (await reports.findOne({ id: reportId }))!;
    await this.audit.record({
      operation: before ? 'bilan.draft_update' : 'bilan.draft_create',
      entityType: 'BilanReport',
      entityId: reportId,
      before,
      after: await this.snapshot(saved),
    });
    return this.sheetOf(action, input.exerciseYear, exercises);
  }

  async submit(input: BilanRefInput): Promise<BilanSheet> {
    const action = await this.actionToFile(input.actionId);
    const exercises = await this.exercisesOf(action.id);
    this.checkExercise(exercises, input.exerciseYear);
    const today = await this.deadlines.today();
    if (today <= `${input.exerciseYear}-12-31`) {
      throw new DomainError(
        ErrorCode.BILAN_EXERCISE_NOT_ENDED,
        `L'exercice ${input.exerciseYear} n'est pas terminé : son bilan se dépose à partir du 1er janvier ${input.exerciseYear + 1}.`,
      );
    }
    const report = await this.lockedReport(action.id, input.exerciseYear);
    if (!report) throw badInput([{ field: 'exerciseYear', reason: 'no_draft', message: "aucun bilan n'est saisi pour cet exercice" }]);
    if (!EDITABLE.has(report.status)) throw notEditable(report.status);
    const sheet = await this.sheetOf(action, input.exerciseYear, exercises);
    const missing: FieldError[] = [
      ...sheet.budgetLines.flatMap((l, i) =>
        l.realisedCents === null
          ? [{ field: `budgetLines.${i}.realisedCents`, reason: 'required', message: `réalisé du compte ${l.account} à saisir` }]
          : [],
      ),
      ...sheet.funderShares.flatMap((l, i) =>
        l.realisedCents === null
          ? [{ field: `funderShares.${i}.realisedCents`, reason: 'required', message: `part réalisée de ${l.funderName} à saisir` }]
          : [],
      ),
      ...sheet.indicators.flatMap((l, i) =>
        l.value === null ? [{ field: `indicatorValues.${i}.value`, reason: 'required', message: `valeur de « ${l.label} » à saisir` }] : [],
      ),
      ...(report.qualitative.trim() === ''
        ? [{ field: 'qualitative', reason: 'required', message: 'le bilan qualitatif est à écrire' }]
        : []),
    ];
    if (missing.length > 0) throw badInput(missing, `Bilan incomplet : ${missing.map((m) => m.message).join(' ; ')}.`);
    const unexplained: FieldError[] = [
      ...sheet.budgetLines.flatMap((l, i) =>
        l.explanationRequired && !l.explanation
          ? [
              {
                field: `budgetLines.${i}.explanation`,
                reason: 'gap_unexplained',
                message: `écart de plus de 15 % sur le compte ${l.account} sans explication`,
              },
            ]
          : [],
      ),
      ...sheet.funderShares.flatMap((l, i) =>
        l.explanationRequired && !l.explanation
          ? [
              {
                field: `funderShares.${i}.explanation`,
                reason: 'gap_unexplained',
                message: `écart de plus de 15 % sur la part de ${l.funderName} sans explication`,
              },
            ]
          : [],
      ),
    ];
    if (unexplained.length > 0) {
      throw new DomainError(
        ErrorCode.BILAN_GAP_UNEXPLAINED,
        `Un écart de plus de 15 % entre le prévu et le réalisé s'explique : ${unexplained.map((u) => u.message).join(' ; ')}.`,
        { fields: unexplained },
      );
    }
    const reports = await this.db.repository(BilanReport);
    await reports.update(
      { id: report.id },
      { status: BilanStatus.SUBMITTED, submittedAt: this.clock.now(), submittedBy: this.db.actor().userId, updatedAt: () => 'now()' },
    );
    await this.audit.record({
      operation: 'bilan.submit',
      entityType: 'BilanReport',
      entityId: report.id,
      before: { status: report.status },
      after: { status: BilanStatus.SUBMITTED, actionId: action.id, exerciseYear: input.exerciseYear },
    });
    return this.sheetOf(action, input.exerciseYear, exercises);
  }

  async accept(input: BilanRefInput): Promise<BilanSheet> {
    const action = await this.actions.findVisible(input.actionId);
    const report = await this.lockedReport(action.id, input.exerciseYear);
    if (!report || report.status !== BilanStatus.SUBMITTED) throw notSubmitted();
    await (
      await this.db.repository(BilanReport)
    ).update(
      { id: report.id },
      {
        status: BilanStatus.ACCEPTED,
        acceptedAt: this.clock.now(),
        acceptedBy: this.db.actor().userId,
        correctionsMessage: null,
        updatedAt: () => 'now()',
      },
    );
    await this.audit.record({
      operation: 'bilan.accept',
      entityType: 'BilanReport',
      entityId: report.id,
      before: { status: report.status },
      after: { status: BilanStatus.ACCEPTED, actionId: action.id, exerciseYear: input.exerciseYear },
    });
    await this.deadlines.closeBilanDeadline(action.id, input.exerciseYear, report.id);
    return this.sheetOf(action, input.exerciseYear, await this.exercisesOf(action.id));
  }

  async requestCorrections(input: RequestBilanCorrectionsInput): Promise<BilanSheet> {
    const message = input.message.trim();
    if (message.length === 0) throw badInput([{ field: 'message', reason: 'required', message: 'dites ce qui est à corriger' }]);
    const action = await this.actions.findVisible(input.actionId);
    const report = await this.lockedReport(action.id, input.exerciseYear);
    if (!report || report.status !== BilanStatus.SUBMITTED) throw notSubmitted();
    await (
      await this.db.repository(BilanReport)
    ).update({ id: report.id }, { status: BilanStatus.CORRECTIONS_REQUESTED, correctionsMessage: message, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: 'bilan.request_corrections',
      entityType: 'BilanReport',
      entityId: report.id,
      before: { status: report.status },
      after: { status: BilanStatus.CORRECTIONS_REQUESTED, message },
    });
    return this.sheetOf(action, input.exerciseYear, await this.exercisesOf(action.id));
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The action, if the caller may file its bilan: a porteur's representative only its own (others are not
   * found, as everywhere); anyone else holding FILE_BILAN only for a porteur without account.
   */
  private async actionToFile(actionId: string): Promise<Action> {
    const action = await this.actions.findVisible(actionId);
    const scope = this.db.tenant();
    if (scope.role === Role.PORTEUR_REPRESENTATIVE) {
      if (action.porteurId !== scope.organisationId) throw forbidden();
      return action;
    }
    const porteur = await this.porteur(action.porteurId);
    if (porteur.has_account) throw organisationHasAccount(porteur.name);
    return action;
  }

  private async porteur(organisationId: string): Promise<{ name: string; has_account: boolean }> {
    const [row] = await this.db.query<{ name: string; has_account: boolean }>(
      BILANS_SQL.porteur(organisationHasAccountSql('o.tenant_id', 'o.id')),
      [this.db.tenant().tenantId, organisationId],
    );
    return row;
  }

  private async exercisesOf(actionId: string): Promise<Exercise[]> {
    return this.db.query<Exercise>(BILANS_SQL.exercises, [this.db.tenant().tenantId, actionId]);
  }

  private checkExercise(exercises: Exercise[], year: number): void {
    if (!exercises.some((e) => e.exercise_year === year && e.granted)) {
      throw badInput([
        { field: 'exerciseYear', reason: 'not_funded', message: `l'action n'a aucun financement accordé pour l'exercice ${year}` },
      ]);
    }
  }

  /** The first granted exercise whose bilan is not accepted, else the last granted one, else the action's start year. */
  private async defaultExercise(action: Action, exercises: Exercise[]): Promise<number> {
    const granted = exercises.filter((e) => e.granted).map((e) => e.exercise_year);
    if (granted.length === 0) return exercises.at(-1)?.exercise_year ?? Number(String(action.startDate).slice(0, 4));
    const accepted = new Set(
      (await (await this.db.repository(BilanReport)).find({ where: { actionId: action.id, status: BilanStatus.ACCEPTED } })).map(
        (r) => r.exerciseYear,
      ),
    );
    return granted.find((y) => !accepted.has(y)) ?? granted[granted.length - 1];
  }

  private async lockedReport(actionId: string, exerciseYear: number): Promise<BilanReport | null> {
    // The action's row is locked first: the first draft of two concurrent writers then finds the other's.
    await this.db.query('select 1 from actions where tenant_id = $1 and id = $2 for update', [this.db.tenant().tenantId, actionId]);
    return (await this.db.repository(BilanReport)).findOne({ actionId, exerciseYear }, { lock: 'pessimistic_write' });
  }

  private async snapshot(report: BilanReport): Promise<Record<string, unknown>> {
    const lines = await (await this.db.repository(BilanBudgetLine)).find({ where: { reportId: report.id } });
    const values = await (await this.db.repository(BilanIndicatorValue)).find({ where: { reportId: report.id } });
    return {
      status: report.status,
      qualitative: report.qualitative,
      lines: lines
        .map((l) => ({
          budgetLineId: l.budgetLineId,
          fundingLineId: l.fundingLineId,
          realisedCents: String(l.realisedCents),
          explanation: l.explanation,
        }))
        .sort((a, b) => `${a.budgetLineId}${a.fundingLineId}`.localeCompare(`${b.budgetLineId}${b.fundingLineId}`)),
      indicatorValues: values
        .map((v) => ({ actionIndicatorId: v.actionIndicatorId, value: v.value }))
        .sort((a, b) => a.actionIndicatorId.localeCompare(b.actionIndicatorId)),
    };
  }

  private async sheetOf(action: Action, year: number, exercises: Exercise[]): Promise<BilanSheet> {
    const tenantId = this.db.tenant().tenantId;
    const report = await (await this.db.repository(BilanReport)).findOne({ actionId: action.id, exerciseYear: year });
    const reportId = report?.id ?? null;
    type Amounts = { id: string; planned_cents: string; realised_cents: string | null; explanation: string };
    const budget = await this.db.query<Amounts & { side: BudgetSide; account: string; label: string }>(BILANS_SQL.budgetLines, [
      tenantId,
      action.id,
      reportId,
    ]);
    const shares = await this.db.query<Amounts & { funder_id: string; funder_name: string; kind: FundingKind }>(BILANS_SQL.funderShares, [
      tenantId,
      action.id,
      reportId,
      year,
    ]);
    const indicators = await this.db.query<{
      id: string;
      label: string;
      unit: string;
      target: string;
      definition_code: string | null;
      value: string | null;
    }>(BILANS_SQL.indicators, [tenantId, action.id, reportId]);
    const amounts = (r: Amounts) => {
      const plannedCents = BigInt(r.planned_cents);
      const realisedCents = r.realised_cents === null ? null : BigInt(r.realised_cents);
      return {
        plannedCents,
        realisedCents,
        explanation: r.explanation,
        explanationRequired: realisedCents !== null && gapNeedsExplanation(plannedCents, realisedCents),
      };
    };
    const scope = this.db.tenant();
    const today = await this.deadlines.today();
    const editable = !report || EDITABLE.has(report.status);
    let mayFile = editable && scopeAllows(scope, Permission.FILE_BILAN) && exercises.some((e) => e.exercise_year === year && e.granted);
    let porteurName = '';
    const porteur = await this.porteur(action.porteurId);
    porteurName = porteur?.name ?? '';
    if (mayFile) {
      mayFile = scope.role === Role.PORTEUR_REPRESENTATIVE ? action.porteurId === scope.organisationId : !porteur.has_account;
    }
    return {
      actionId: action.id,
      actionReference: action.reference,
      actionTitle: action.title,
      porteurName,
      exerciseYear: year,
      exercises: exercises.filter((e) => e.granted).map((e) => e.exercise_year),
      exerciseEnded: today > `${year}-12-31`,
      report,
      budgetLines: budget.map((r) => ({ budgetLineId: r.id, side: r.side, account: r.account, label: r.label, ...amounts(r) })),
      // A funder's representative reads its own share only, as with the ledgers (`ledgerAccess`): what
      // co-funders granted and saw realised is theirs. The porteur and the territory's team see every share.
      funderShares: shares
        .filter(
          (r) =>
            scope.role === Role.PORTEUR_REPRESENTATIVE ||
            ledgerAccess(scope, { funderId: r.funder_id, porteurId: action.porteurId }).commitments,
        )
        .map((r) => ({
          fundingLineId: r.id,
          funderId: r.funder_id,
          funderName: r.funder_name,
          kind: r.kind,
          ...amounts(r),
        })),
      indicators: indicators.map((r) => ({
        actionIndicatorId: r.id,
        label: r.label,
        unit: r.unit,
        target: Number(r.target),
        definitionCode: r.definition_code,
        value: r.value === null ? null : Number(r.value),
      })),
      viewerMayFile: mayFile,
      viewerMayReview: report?.status === BilanStatus.SUBMITTED && scopeAllows(scope, Permission.MANAGE_ACTIONS),
    };
  }
}
