// The public surface of @pilotis/conventions: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ConventionsModule } from './conventions.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Convention, ConventionSignatory, ConventionSignature, ConventionVersion } from './convention.entity';

// Used by other libraries.
export { balancePercent, schedulePayments, splitPayment } from './convention-text';
export type { PaymentTranche } from './convention-text';
export { SignatureOnBehalf } from './signature-on-behalf';
export { type ConventionDocument, ConventionService, type DocumentSignature } from './convention.service';
export { ConventionDrafting } from './convention-drafting.service';
