import { Injectable, OnModuleInit } from '@nestjs/common';

import { ActionHistorySources } from '@pilotis/actions';
import { Db } from '@pilotis/db';

import { Convention } from './convention.entity';

/** The convention (drafts, avenants, signatures, cancellation) belongs to its action's history. */
@Injectable()
export class ConventionHistory implements OnModuleInit {
  constructor(
    private readonly sources: ActionHistorySources,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      operations: [
        'convention.draft',
        'convention.amend',
        'convention.schedule',
        'convention.bilan_date',
        'convention.cancel',
        'convention.reopen',
        'convention.sign',
      ],
      subjects: async (actionId) => {
        const conventions = await (await this.db.repository(Convention)).find({ where: { actionId } });
        return [{ entityType: 'Convention', ids: conventions.map((c) => c.id) }];
      },
    });
  }
}
