// The public surface of @pilotis/contrats: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ContratsModule } from './contrats.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { ContratDeVille } from './contrat.entity';
export { Pillar } from './pillar.entity';
export { Objective } from './objective.entity';
export { ContratQpv, ContratSignatory } from './contrat-links.entity';
