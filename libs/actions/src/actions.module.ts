import { Module } from '@nestjs/common';

import { ActionLoaders } from './action.loaders';
import { ActionResolver } from './action.resolver';
import { ActionService } from './action.service';
import { ActionHistoryService, ActionHistorySources } from './action-history';
import { ActionReferences } from './action-references';
import { ActionsExportController } from './actions-export.controller';
import { ActionsExportService } from './actions-export.service';
import { DossierResolver } from './dossier.resolver';
import { DossierService } from './dossier.service';
import { FundingLineResolver } from './funding-line.resolver';
import { FundingLineService } from './funding-line.service';

/** Actions, their QPVs and financing plans, and their life cycle; the list's export (CSV, XLSX). */
@Module({
  controllers: [ActionsExportController],
  providers: [
    ActionsExportService,
    ActionService,
    ActionReferences,
    FundingLineService,
    ActionLoaders,
    ActionResolver,
    FundingLineResolver,
    DossierService,
    DossierResolver,
    ActionHistorySources,
    ActionHistoryService,
  ],
  exports: [ActionService, ActionReferences, ActionHistorySources, DossierService],
})
export class ActionsModule {}
