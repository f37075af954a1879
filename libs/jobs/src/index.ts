// The public surface of @pilotis/jobs: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { JobsModule } from './jobs.module';

// Used by other libraries.
export { bullConnection } from './jobs.module';
export {
  ALL_QUEUES,
  type DeliverWebhookJobData,
  DIGEST_MAX_JOBS,
  DIGEST_SCANS_POLL_MS,
  DIGEST_SCANS_WAIT_MINUTES,
  digestJobId,
  type GenerateReportJobData,
  type HealthJobData,
  type HealthJobResult,
  JOB,
  JOB_BACKOFF_MS,
  JOB_LOCK_MS,
  QUEUE,
  type ScanAllJobData,
  type ScanTenantJobData,
  type SendDigestJobData,
  type TenantJobData,
  WEBHOOK_ATTEMPTS,
  webhookJobId,
} from './queues';
export { workerScope } from './worker-scope';
export { runInTenantSlot, TenantSlots } from './tenant-slots';

// Used by tests, platform scripts and benchmarks only.
export type { TenantSlot } from './tenant-slots';
