// The public surface of @pilotis/bilans: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps.
export { BilansModule } from './bilans.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { BilanBudgetLine, BilanIndicatorValue, BilanReport, BilanStatus } from './bilan.entities';
