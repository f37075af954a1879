import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { badInput, conflict, DomainError, ErrorCode, FieldError, notFound } from '@pilotis/shared';

import { IndicatorAggregation, IndicatorDefinition } from './indicator-definition.entity';
import { CreateIndicatorDefinitionInput, UpdateIndicatorDefinitionInput } from './indicator-definition.inputs';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** What a definition's fields become once checked: the columns to write. */
type DefinitionFields = Pick<IndicatorDefinition, 'label' | 'unit' | 'aggregation' | 'weightDefinitionId' | 'pillar'>;

/**
 * The territory's catalogue of indicators: read by everyone of the territory (actions' targets choose from
 * it), kept by admins and chefs de projet. An entry that an action's target, or another entry's weight,
 * refers to is never deleted (`INDICATOR_IN_USE`): its figures would lose their meaning.
 */
@Injectable()
export class IndicatorCatalogueService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<IndicatorDefinition[]> {
    return (await this.db.repository(IndicatorDefinition)).find({ order: { code: 'ASC' } });
  }

  async get(id: string): Promise<IndicatorDefinition> {
    const found = await (await this.db.repository(IndicatorDefinition)).findOne({ id: id.toLowerCase() });
    if (!found) throw notFound('Indicateur');
    return found;
  }

  async create(input: CreateIndicatorDefinitionInput): Promise<IndicatorDefinition> {
    const code = input.code.trim().toUpperCase();
    const errors: FieldError[] = [];
    if (!CODE.test(code)) {
      errors.push({ field: 'code', reason: 'format', message: 'une majuscule puis majuscules, chiffres ou « _ » (2 à 40 caractères)' });
    }
    const fields = await this.check(
      {
        label: input.label,
        unit: input.unit ?? '',
        aggregation: input.aggregation,
        weightDefinitionId: input.weightDefinitionId?.toLowerCase() ?? null,
        pillar: input.pillar ?? null,
      },
      null,
      errors,
    );
    const repo = await this.db.repository(IndicatorDefinition);
    // Checked first for a clear message; the unique index (tenant_id, code) still settles a race.
    if (await repo.exists({ code })) throw conflict(`Un indicateur de code ${code} existe déjà dans le catalogue.`);
    const id = randomUUID();
    await repo.insert({ id, code, ...fields });
    const created = await this.get(id);
    await this.audit.record({ operation: 'indicator.create', entityType: 'IndicatorDefinition', entityId: id, after: created });
    return created;
  }

  async update(input: UpdateIndicatorDefinitionInput): Promise<IndicatorDefinition> {
    const repo = await this.db.repository(IndicatorDefinition);
    const before = await repo.findOne({ id: input.id.toLowerCase() }, { lock: 'pessimistic_write' });
    if (!before) throw notFound('Indicateur');
    const aggregation = input.aggregation ?? before.aggregation;
    const fields = await this.check(
      {
        label: input.label ?? before.label,
        unit: input.unit ?? before.unit,
        aggregation,
        // Leaving a weighted average drops its weight; staying one keeps it unless a new one is given.
        weightDefinitionId:
          aggregation === IndicatorAggregation.WEIGHTED_AVERAGE
            ? (input.weightDefinitionId?.toLowerCase() ?? before.weightDefinitionId)
            : null,
        pillar: input.pillar === undefined || input.pillar === null ? before.pillar : input.pillar,
      },
      before.id,
      [],
    );
    await repo.update({ id: before.id }, fields);
    const after = await this.get(before.id);
    await this.audit.record({ operation: 'indicator.update', entityType: 'IndicatorDefinition', entityId: before.id, before, after });
    return after;
  }

  async delete(id: string): Promise<boolean> {
    const repo = await this.db.repository(IndicatorDefinition);
    const before = await repo.findOne({ id: id.toLowerCase() }, { lock: 'pessimistic_write' });
    if (!before) throw notFound('Indicateur');
    // SQL: the targets that use it belong to the actions context (a join across contexts' tables).
    const [use] = await this.db.query<{ targets: number; weights: number }>(
      `select (select count(*)::int from action_indicators where tenant_id = $1 and definition_id = $2) as targets,
              (select count(*)::int from indicator_definitions where tenant_id = $1 and weight_definition_id = $2) as weights`,
      [this.db.tenant().tenantId, before.id],
    );
    if (use.targets > 0 || use.weights > 0) {
      throw new DomainError(
        ErrorCode.INDICATOR_IN_USE,
        `L'indicateur ${before.code} est utilisé (${use.targets} cible(s) d'action, ${use.weights} pondération(s)) : il reste au catalogue.`,
        { targets: use.targets, weights: use.weights },
      );
    }
    await repo.delete({ id: before.id });
    await this.audit.record({ operation: 'indicator.delete', entityType: 'IndicatorDefinition', entityId: before.id, before });
    return true;
  }

  /** The fields trimmed and checked together; every fault reported at once. */
  private async check(fields: DefinitionFields, selfId: string | null, errors: FieldError[]): Promise<DefinitionFields> {
    const label = fields.label.trim();
    const unit = fields.unit.trim();
    const pillar = fields.pillar?.trim() || null;
    if (label.length === 0) errors.push({ field: 'label', reason: 'required', message: 'le libellé est obligatoire' });
    if (fields.aggregation === IndicatorAggregation.WEIGHTED_AVERAGE) {
      if (!fields.weightDefinitionId) {
        errors.push({
          field: 'weightDefinitionId',
          reason: 'required',
          message: 'une moyenne pondérée nomme son indicateur de pondération',
        });
      } else if (fields.weightDefinitionId === selfId) {
        errors.push({ field: 'weightDefinitionId', reason: 'self', message: 'un indicateur ne se pondère pas par lui-même' });
      } else {
        const weight = await (await this.db.repository(IndicatorDefinition)).findOne({ id: fields.weightDefinitionId });
        if (!weight) errors.push({ field: 'weightDefinitionId', reason: 'not_found', message: 'indicateur de pondération introuvable' });
        else if (weight.aggregation !== IndicatorAggregation.SUM) {
          errors.push({ field: 'weightDefinitionId', reason: 'not_a_sum', message: 'la pondération est un indicateur additif (somme)' });
        }
      }
    } else if (fields.weightDefinitionId) {
      errors.push({
        field: 'weightDefinitionId',
        reason: 'not_weighted',
        message: 'seule une moyenne pondérée a un indicateur de pondération',
      });
    }
    if (errors.length > 0) throw badInput(errors);
    return { label, unit, aggregation: fields.aggregation, weightDefinitionId: fields.weightDefinitionId, pillar };
  }
}
