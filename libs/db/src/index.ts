// The public surface of @pilotis/db: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { DbModule } from './db.module';

// Used by other libraries.
export type { Actor, TenantScope, TransactionState } from './request-scope';
export { Db } from './db.service';
export { SnakeNamingStrategy } from './naming.strategy';
export { TenantEntity } from './tenant-entity';
export { TenantJoin } from './tenant-join';
export { groupBy, requestLoader } from './request-loader';

// Used by tests, platform scripts and benchmarks only.
export { assertRuntimeRoleCannotBypassRls } from './runtime-role.check';
