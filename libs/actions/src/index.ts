// The public surface of @pilotis/actions: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ActionsModule } from './actions.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Action } from './action.entity';
export { ActionQpv } from './action-qpv.entity';
export { ActionIndicator, targetTransformer } from './action-indicator.entity';
export { ActionBudgetLine, BudgetSide } from './action-budget-line.entity';
export { FundingLine } from './funding-line.entity';

// Used by other libraries.
export { FUNDING_KIND_LABELS, FundingKind } from './funding-line.entity';
export { FUNDING_CATEGORIES, FUNDING_CATEGORY_LABELS, FundingCategory, fundingCategoryOf, sumByCategory } from './funding-category';
export { ACTION_STATUS_LABELS, ActionStatus, BOUND_STATUSES, DECIDED_STATUSES } from './action-status';
export { ActionService } from './action.service';
export { ActionReferences } from './action-references';
export { escapeLike } from './action.validation';
export { type ActionHistorySource, ActionHistorySources } from './action-history';
