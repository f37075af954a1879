import { Injectable, OnModuleInit } from '@nestjs/common';

import { ActionHistorySources } from '@pilotis/actions';
import { Db } from '@pilotis/db';

import { COMITES_SQL } from './comites.sql';

/** The committees' decisions on an action's lines (and their corrections) belong to the action's history. */
@Injectable()
export class DecisionHistory implements OnModuleInit {
  constructor(
    private readonly sources: ActionHistorySources,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      operations: ['decision.create', 'decision.correct'],
      subjects: async (actionId) => {
        const rows = await this.db.query<{ id: string }>(COMITES_SQL.decisionIdsOfAction, [this.db.tenant().tenantId, actionId]);
        return [{ entityType: 'CommitteeDecision', ids: rows.map((r) => r.id) }];
      },
    });
  }
}
