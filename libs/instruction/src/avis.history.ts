import { Injectable, OnModuleInit } from '@nestjs/common';

import { Role } from '@pilotis/access';
import { ActionHistorySources } from '@pilotis/actions';
import { Db } from '@pilotis/db';

import { Avis } from './avis.entity';

/** The avis belong to their action's history; a porteur's representative does not read them (as `Action.avis`). */
@Injectable()
export class AvisHistory implements OnModuleInit {
  constructor(
    private readonly sources: ActionHistorySources,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      operations: ['avis.give'],
      visibleTo: (viewer) => viewer.role !== Role.PORTEUR_REPRESENTATIVE,
      subjects: async (actionId) => {
        const avis = await (await this.db.repository(Avis)).find({ where: { actionId } });
        return [{ entityType: 'Avis', ids: avis.map((a) => a.id) }];
      },
    });
  }
}
