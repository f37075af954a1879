import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { badInput, FieldError, notFound } from '@pilotis/shared';

import { Action } from './action.entity';
import { AddFundingLineInput, SetDauphinNumberInput, UpdateFundingLineInput } from './action.inputs';
import { ActionService } from './action.service';
import {
  duplicateLineError,
  normaliseDauphinNumber,
  validateAmount,
  validateExerciseYear,
  validateFunderKind,
  validateFundingLine,
} from './action.validation';
import { ActionReferences } from './action-references';
import { ActionStatus } from './action-status';
import { FundingKind, FundingLine } from './funding-line.entity';

/**
 * The lines of an action's financing plan. Every change locks the action first (the same lock as its
 * transitions), so that a line cannot change while the dossier moves to a decided step.
 */
@Injectable()
export class FundingLineService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly actions: ActionService,
    private readonly references: ActionReferences,
  ) {}

  async add(input: AddFundingLineInput): Promise<FundingLine> {
    const action = await this.actions.lockEditable(input.actionId);
    this.actions.assertNotPorteursDossier(action, 'son plan de financement');
    const years = await this.references.contractYears(action.contratId);
    const line = {
      funderId: input.funderId.toLowerCase(),
      kind: input.kind,
      amountRequestedCents: input.amountRequestedCents,
      inKind: input.inKind ?? false,
      pledge: input.pledge ?? false,
      exerciseYear: input.exerciseYear,
    };
    const errors: FieldError[] = [
      ...(years ? validateFundingLine(line, years) : []),
      ...(await this.references.checkFunders([line], () => '')),
    ];
    if (await this.hasSameLine(action.id, line)) errors.push(duplicateLineError('funderId'));
    if (errors.length > 0) throw badInput(errors);

    const id = randomUUID();
    await (await this.db.repository(FundingLine)).insert({ id, actionId: action.id, ...line });
    await this.actions.touch(action.id);
    const created = await this.get(id);
    await this.audit.record({
      operation: 'funding_line.add',
      entityType: 'FundingLine',
      entityId: id,
      after: { ...created, actionReference: action.reference },
    });
    return created;
  }

  async update(input: UpdateFundingLineInput): Promise<FundingLine> {
    const { action, line: current } = await this.lockLine(input.id);
    this.actions.assertNotPorteursDossier(action, 'son plan de financement');
    const years = await this.references.contractYears(action.contratId);
    const next = {
      funderId: current.funderId,
      kind: input.kind ?? current.kind,
      amountRequestedCents: input.amountRequestedCents ?? current.amountRequestedCents,
      inKind: input.inKind ?? current.inKind,
      pledge: input.pledge ?? current.pledge,
      exerciseYear: input.exerciseYear ?? current.exerciseYear,
    };
    // Only what changes is checked: a line stays editable even if the contract's years moved since.
    const errors: FieldError[] = [
      ...(input.amountRequestedCents != null ? validateAmount(next.amountRequestedCents, 'amountRequestedCents') : []),
      ...(input.exerciseYear != null && years ? validateExerciseYear(next.exerciseYear, years, 'exerciseYear') : []),
    ];
    if (next.kind !== current.kind && current.dauphinNumber !== null) {
      errors.push({
        field: 'kind',
        reason: 'dauphin_number_set',
        message: 'cette ligne porte un numéro Dauphin, propre aux crédits spécifiques P147 : effacez-le avant de changer sa nature',
      });
    }
    if (next.kind !== current.kind) {
      const funderKind = (await this.references.organisationKinds([next.funderId])).get(next.funderId) ?? '';
      errors.push(...validateFunderKind(next.kind, funderKind, 'kind'));
    }
    if (
      (next.kind !== current.kind || next.exerciseYear !== current.exerciseYear) &&
      (await this.hasSameLine(action.id, next, current.id))
    ) {
      errors.push(duplicateLineError(next.kind !== current.kind ? 'kind' : 'exerciseYear'));
    }
    if (errors.length > 0) throw badInput(errors);

    const { funderId: _funderId, ...changes } = next;
    await (await this.db.repository(FundingLine)).update({ id: current.id }, changes);
    await this.actions.touch(action.id);
    const after = await this.get(current.id);
    await this.audit.record({
      operation: 'funding_line.update',
      entityType: 'FundingLine',
      entityId: current.id,
      before: { ...current, actionReference: action.reference },
      after: { ...after, actionReference: action.reference },
    });
    return after;
  }

  /**
   * Sets (or clears, when empty) the Dauphin number of a State P147 line. Not a change of the dossier: the
   * number arrives when the porteur files in Dauphin, often after the action is decided, so any step allows
   * it; the action's lock still orders it with the plan's other writes.
   */
  async setDauphinNumber(input: SetDauphinNumberInput): Promise<FundingLine> {
    const first = await this.find(input.fundingLineId);
    const action = await this.actions.lockForUpdate(first.actionId);
    const line = await this.find(input.fundingLineId);
    const { value, errors } = normaliseDauphinNumber(input.dauphinNumber ?? '', 'dauphinNumber');
    if (value !== null && line.kind !== FundingKind.CREDITS_SPECIFIQUES_P147) {
      errors.push({
        field: 'dauphinNumber',
        reason: 'not_state_line',
        message: "un numéro Dauphin ne se porte que sur une ligne de crédits spécifiques de l'État (P147)",
      });
    }
    if (errors.length > 0) throw badInput(errors);
    if (value === line.dauphinNumber) return line;
    await (await this.db.repository(FundingLine)).update({ id: line.id }, { dauphinNumber: value });
    const after = await this.get(line.id);
    await this.audit.record({
      operation: 'funding_line.dauphin_number',
      entityType: 'FundingLine',
      entityId: line.id,
      before: { dauphinNumber: line.dauphinNumber, actionReference: action.reference },
      after: { dauphinNumber: value, actionReference: action.reference },
    });
    return after;
  }

  /** Removes a line and answers the action, whose plan the client can read again. */
  async remove(id: string): Promise<Action> {
    const { action, line } = await this.lockLine(id);
    this.actions.assertNotPorteursDossier(action, 'son plan de financement');
    // A deposited dossier keeps at least one line: depositing required one (see the BROUILLON → DEPOSEE check).
    if (action.status !== ActionStatus.BROUILLON) {
      const count = await (await this.db.repository(FundingLine)).count({ actionId: action.id });
      if (count <= 1) {
        throw badInput([
          {
            field: 'id',
            reason: 'incomplete_dossier',
            message: 'une action déposée garde au moins une ligne de financement : ajoutez la nouvelle ligne avant de retirer celle-ci',
          },
        ]);
      }
    }
    await (await this.db.repository(FundingLine)).delete({ id: line.id });
    await this.actions.touch(action.id);
    await this.audit.record({
      operation: 'funding_line.remove',
      entityType: 'FundingLine',
      entityId: line.id,
      before: { ...line, actionReference: action.reference },
      after: null,
    });
    return (await this.db.repository(Action)).findOneOrFail({ id: action.id });
  }

  /**
   * The line and its action, the action locked and editable. The line is read again under the lock: a
   * concurrent request may have changed or removed it meanwhile.
   */
  private async lockLine(id: string): Promise<{ action: Action; line: FundingLine }> {
    const first = await this.find(id);
    const action = await this.actions.lockEditable(first.actionId);
    return { action, line: await this.find(id) };
  }

  private async find(id: string): Promise<FundingLine> {
    const line = await (await this.db.repository(FundingLine)).findOne({ id: id.toLowerCase() });
    if (!line) throw notFound('Ligne de financement');
    return line;
  }

  private async get(id: string): Promise<FundingLine> {
    return (await this.db.repository(FundingLine)).findOneOrFail({ id });
  }

  /** Whether the plan already has a line of this funder, kind and year (other than `exceptId`). */
  private async hasSameLine(
    actionId: string,
    key: { funderId: string; kind: FundingKind; exerciseYear: number },
    exceptId?: string,
  ): Promise<boolean> {
    return (await this.db.repository(FundingLine)).exists({
      actionId,
      funderId: key.funderId,
      kind: key.kind,
      exerciseYear: key.exerciseYear,
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
  }
}
