import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { ContratDeVille, Objective, Pillar } from '@pilotis/contrats';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import type { FieldError } from '@pilotis/shared';
import { IndicatorDefinition } from '@pilotis/territoires';

import { ContractYears, IndicatorDraft, validateFunderKind } from './action.validation';
import { ACTIONS_SQL } from './actions.sql';
import { FundingKind } from './funding-line.entity';

const fieldError = (field: string, reason: string, message: string): FieldError => ({ field, reason, message });

/**
 * What an action or a funding line names must exist in the tenant and fit together: the contract and its
 * years, the pillar of that contract, the objective under that pillar, the porteur, the funders (with the
 * kind of money each may give), the QPVs the contract covers. Each check answers field errors (French
 * messages, stable reasons) so that a form reports them all at once; the caller throws them.
 */
@Injectable()
export class ActionReferences {
  constructor(private readonly db: Db) {}

  /** The years of a contract of the tenant, or undefined when there is none with this id. */
  async contractYears(contratId: string): Promise<ContractYears | undefined> {
    const contrat = await (await this.db.repository(ContratDeVille)).findOne({ id: contratId });
    return contrat ? { startYear: contrat.startYear, endYear: contrat.endYear } : undefined;
  }

  /** Each catalogue indicator named by a target exists in this territory. */
  async checkIndicatorDefinitions(indicators: readonly IndicatorDraft[], prefix = 'indicators'): Promise<FieldError[]> {
    const ids = [...new Set(indicators.map((i) => i.definitionId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return [];
    const found = new Set(
      (await (await this.db.repository(IndicatorDefinition)).queryBuilder('d').andWhere('d.id IN (:...ids)', { ids }).getMany()).map(
        (d) => d.id,
      ),
    );
    return indicators.flatMap((indicator, i) =>
      indicator.definitionId && !found.has(indicator.definitionId)
        ? [fieldError(`${prefix}.${i}.definitionId`, 'not_found', 'indicateur du catalogue introuvable dans ce territoire')]
        : [],
    );
  }

  /** Each funder is an organisation of the tenant; programme 147 money comes from the État only. */
  async checkFunders(lines: readonly { funderId: string; kind: FundingKind }[], pathOf: (index: number) => string): Promise<FieldError[]> {
    if (lines.length === 0) return [];
    const kinds = await this.organisationKinds(lines.map((l) => l.funderId));
    const path = (i: number, name: string): string => (pathOf(i) ? `${pathOf(i)}.${name}` : name);
    return lines.flatMap((line, i) => {
      const funderKind = kinds.get(line.funderId);
      if (funderKind === undefined) return [fieldError(path(i, 'funderId'), 'not_found', 'financeur introuvable dans ce territoire')];
      return validateFunderKind(line.kind, funderKind, path(i, 'kind'));
    });
  }

  /** Kinds of the tenant's organisations among `ids` (absent: not an organisation of the tenant). */
  async organisationKinds(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length > 0 ? await (await this.db.repository(Organisation)).find({ where: { id: In(unique) } }) : [];
    return new Map(rows.map((r) => [r.id, r.kind as string]));
  }

  /** The pillar exists and, when the contract is known (an unknown one is reported apart), is one of its pillars. */
  async checkPillar(pillarId: string, contratId: string | undefined): Promise<FieldError[]> {
    const pillar = await (await this.db.repository(Pillar)).findOne({ id: pillarId });
    if (!pillar) return [fieldError('pillarId', 'not_found', 'pilier introuvable dans ce territoire')];
    if (contratId !== undefined && pillar.contratId !== contratId) {
      return [fieldError('pillarId', 'not_in_contrat', "ce pilier n'est pas un pilier de ce contrat")];
    }
    return [];
  }

  async checkObjective(pillarId: string, objectiveId: string): Promise<FieldError[]> {
    const objective = await (await this.db.repository(Objective)).findOne({ id: objectiveId });
    if (!objective) return [fieldError('objectiveId', 'not_found', 'objectif introuvable dans ce territoire')];
    if (objective.pillarId !== pillarId) {
      return [fieldError('objectiveId', 'not_in_pillar', "cet objectif n'est pas numéroté sous le pilier de l'action")];
    }
    return [];
  }

  async checkOrganisation(id: string, field: string, what: string): Promise<FieldError[]> {
    const kinds = await this.organisationKinds([id]);
    return kinds.has(id) ? [] : [fieldError(field, 'not_found', `${what} introuvable dans ce territoire`)];
  }

  /** QPVs of the tenant and, when the contract lists its QPVs, among them. */
  async checkQpvs(contratId: string, qpvIds: readonly string[]): Promise<FieldError[]> {
    if (qpvIds.length === 0) return [];
    const rows = await this.db.query<{ id: string; in_contrat: boolean; contrat_has_qpvs: boolean }>(ACTIONS_SQL.qpvsForContrat, [
      this.db.tenant().tenantId,
      contratId,
      [...new Set(qpvIds)],
    ]);
    const found = new Map(rows.map((r) => [r.id, r]));
    return qpvIds.flatMap((id, i) => {
      const row = found.get(id);
      if (!row) return [fieldError(`qpvIds.${i}`, 'not_found', 'QPV introuvable dans ce territoire')];
      if (row.contrat_has_qpvs && !row.in_contrat)
        return [fieldError(`qpvIds.${i}`, 'not_in_contrat', "ce QPV n'est pas couvert par le contrat")];
      return [];
    });
  }
}
