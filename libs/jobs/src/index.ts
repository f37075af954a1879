// The public surface of @pilotis/jobs: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { JobsModule } from './jobs.module';

// Used by other libraries.
export { type DeliverWebhookJobData, DIGEST_MAX_JOBS, DIGEST_SCANS_POLL_MS, DIGEST_SCANS_WAIT_MINUTES, digestJobId, type GenerateReportJobData, JOB, JOB_BACKOFF_MS, JOB_LOCK_MS, QUEUE, type ScanAllJobData, type ScanTenantJobData, type SendDigestJobData, type TenantJobData, WEBHOOK_ATTEMPTS, webhookJobId } from './queues';
export { workerScope } from './worker-scope';
export { runInTenantSlot, TenantSlots } from './tenant-slots';

// Used by the API and the worker.
export { ALL_QUEUES, type HealthJobData, type HealthJobResult } from './queues';

// Used by tests, platform scripts and benchmarks only.
export { bullConnection } from './jobs.module';
export type { TenantSlot } from './tenant-slots';
