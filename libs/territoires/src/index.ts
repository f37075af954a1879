// The public surface of @pilotis/territoires: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { TerritoiresModule } from './territoires.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Qpv } from './qpv.entity';
export { QpvContour } from './qpv-contour.entity';
export { IndicatorAggregation, IndicatorDefinition } from './indicator-definition.entity';

// Used by other libraries.
export { findIntercommunalite } from './referentiel';
export { qpvGeneration } from './qpv-code';
export { analyseQpvContours } from './qpv-contour-import';
