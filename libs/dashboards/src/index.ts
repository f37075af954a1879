// The public surface of @pilotis/dashboards: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { DashboardsModule } from './dashboards.module';

// Used by tests, platform scripts and benchmarks only.
export { DASHBOARD_SQL } from './dashboard.sql';
export { CATALOGUE_SQL, INDICATORS_SQL } from './indicators.sql';
export { TERRITORY_SQL } from './territory.sql';
