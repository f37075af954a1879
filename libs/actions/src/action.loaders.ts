import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Objective, Pillar } from '@pilotis/contrats';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { Qpv } from '@pilotis/territoires';

import { ActionIndicator } from './action-indicator.entity';
import { ActionQpv } from './action-qpv.entity';
import { FundingLine } from './funding-line.entity';

const ORGANISATIONS = Symbol('actions.organisations');
const PILLARS = Symbol('actions.pillars');
const OBJECTIVES = Symbol('actions.objectives');
const QPVS_BY_ACTION = Symbol('actions.qpvsByAction');
const LINES_BY_ACTION = Symbol('actions.fundingLinesByAction');
const INDICATORS_BY_ACTION = Symbol('actions.indicatorsByAction');

/**
 * The per-request batch loaders behind Action's and FundingLine's field resolvers: a page of 50 actions
 * with their porteur, pillar, QPVs and financing plan costs one query per kind of data, not one per action.
 * Each fetch filters by the request's tenant (RLS would too; it is the safety net, not the filter).
 */
@Injectable()
export class ActionLoaders {
  constructor(
    private readonly db: Db,
    private readonly cls: ClsService,
  ) {}

  /** Porteurs and funders alike: both are organisations of the tenant. */
  organisation(id: string): Promise<Organisation | undefined> {
    return requestLoader(this.cls, ORGANISATIONS, async (ids: string[]) => {
      const rows = await (await this.db.repository(Organisation)).find({ where: { id: In(ids) } });
      return new Map(rows.map((o) => [o.id, o]));
    }).load(id);
  }

  pillar(id: string): Promise<Pillar | undefined> {
    return requestLoader(this.cls, PILLARS, async (ids: string[]) => {
      const rows = await (await this.db.repository(Pillar)).find({ where: { id: In(ids) } });
      return new Map(rows.map((p) => [p.id, p]));
    }).load(id);
  }

  objective(id: string): Promise<Objective | undefined> {
    return requestLoader(this.cls, OBJECTIVES, async (ids: string[]) => {
      const rows = await (await this.db.repository(Objective)).find({ where: { id: In(ids) } });
      return new Map(rows.map((o) => [o.id, o]));
    }).load(id);
  }

  /** The QPVs of an action, by code. */
  async qpvs(actionId: string): Promise<Qpv[]> {
    const loader = requestLoader(this.cls, QPVS_BY_ACTION, async (actionIds: string[]) => {
      // A query builder: the QPVs come joined and ordered by their code, which find options cannot say here.
      const rows = await (
        await this.db.repository(ActionQpv)
      )
        .queryBuilder('aq')
        .innerJoinAndSelect('aq.qpv', 'q')
        .andWhere('aq.actionId IN (:...actionIds)', { actionIds })
        .orderBy('q.code')
        .getMany();
      const grouped = groupBy(rows, (row) => row.actionId);
      return new Map([...grouped].map(([actionId, links]) => [actionId, links.map((link) => link.qpv as Qpv)]));
    });
    return (await loader.load(actionId)) ?? [];
  }

  /** The lines of an action's financing plan, by exercise then creation. */
  async fundingLines(actionId: string): Promise<FundingLine[]> {
    const loader = requestLoader(this.cls, LINES_BY_ACTION, async (actionIds: string[]) => {
      const rows = await (
        await this.db.repository(FundingLine)
      ).find({
        where: { actionId: In(actionIds) },
        order: { exerciseYear: 'ASC', createdAt: 'ASC', id: 'ASC' },
      });
      return groupBy(rows, (line) => line.actionId);
    });
    return (await loader.load(actionId)) ?? [];
  }

  /** The indicators of an action, by position. */
  async indicators(actionId: string): Promise<ActionIndicator[]> {
    const loader = requestLoader(this.cls, INDICATORS_BY_ACTION, async (actionIds: string[]) => {
      const rows = await (
        await this.db.repository(ActionIndicator)
      ).find({ where: { actionId: In(actionIds) }, order: { actionId: 'ASC', position: 'ASC' } });
      return groupBy(rows, (indicator) => indicator.actionId);
    });
    return (await loader.load(actionId)) ?? [];
  }
}
