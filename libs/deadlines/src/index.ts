// The public surface of @pilotis/deadlines: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { DeadlinesModule } from './deadlines.module';
export { DeadlineService } from './deadline.service';

// The worker side: its module, processors and job settings.
export { DeadlinesProcessor, DigestProcessor } from './deadlines.processors';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { BilanReceipt, Deadline, TenantSettings } from './deadline.entity';
export { DeadlineScan, EmailDigest, Notification, PersonDigest } from './notification.entity';

// Used by other libraries.
export { DeadlinesWorkerModule } from './deadlines-worker.module';
export { DeadlineEngine } from './deadline-engine';
export { DeadlineJobs } from './deadline-jobs';
export { DigestSweep } from './digest-sweep';

// Used by tests, platform scripts and benchmarks only.
export { DEFAULT_REMINDER_STEPS } from './deadline.entity';
export { MAX_LATE_DAYS } from './deadline-engine';
export { FILL_DIGESTS, OPEN_DIGESTS, RECOMPUTE_DEADLINES, RECORD_REMINDERS } from './deadline-rules.sql';
