// The public surface of @pilotis/appels: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps.
export { AppelsModule } from './appels.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { CallForProjects, CallStatus } from './call-for-projects.entity';
export { CallRequiredPiece } from './call-required-piece.entity';
export { CallFunder, CallObjective, CallPillar, CallQpv } from './call-links.entity';
