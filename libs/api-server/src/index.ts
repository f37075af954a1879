// The public surface of @pilotis/api-server: only what other projects import. Everything else in src/ is internal.

// Used by other libraries.
export { createApp } from './app.factory';
export { installGracefulShutdown } from './lifecycle';
export { startMetricsServer } from './observability/metrics';

// Used by tests, platform scripts and benchmarks only.
export { WEB_DIST } from './web';
