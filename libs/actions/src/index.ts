// The public surface of @pilotis/actions: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ActionsModule } from './actions.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Action } from './action.entity';
export { ActionQpv } from './action-qpv.entity';
export { ActionIndicator, targetTransformer } from './action-indicator.entity';
export { ActionBudgetLine, BudgetSide } from './action-budget-line.entity';
export { FundingLine } from './funding-line.entity';
export { ComplementRequest } from './complement-request.entity';

// Used by other libraries.
export { FUNDING_KIND_LABELS, FundingKind } from './funding-line.entity';
export { FUNDING_CATEGORIES, FUNDING_CATEGORY_LABELS, FundingCategory, fundingCategoryOf, sumByCategory } from './funding-category';
export { ACTION_STATUS_LABELS, ActionStatus, BOUND_STATUSES, DECIDED_STATUSES } from './action-status';
export { ActionService } from './action.service';
export { DossierService } from './dossier.service';
export { DossierField } from './dossier-field';
export { ActionReferences } from './action-references';
export { escapeLike } from './action.validation';
export { csvSink, type ExportColumn, type ExportFormat, type ExportSink, type ExportValue, xlsxSink } from './actions-export';
export { type ActionHistorySource, ActionHistorySources } from './action-history';
