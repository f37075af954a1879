// The public surface of @pilotis/worker-runtime: only what other projects import. Everything else in src/ is internal.

// The worker side: its module, processors and job settings.
export { SystemProcessor } from './system.processor';

// Used by other libraries.
export { type RunningWorker, startWorker } from './worker.factory';
