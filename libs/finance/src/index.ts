// The public surface of @pilotis/finance: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { FinanceModule } from './finance.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Commitment, Decommitment, ExternalReference, FinanceRequest, Payment } from './finance.entities';

// Used by other libraries.
export { FundingLedger } from './funding-ledger.service';
