/**
 * The one registry of queues, job names and job data. Every job that touches tenant data carries its
 * tenant and runs inside that tenant's transaction (RLS), like an API request. Job ids are deterministic
 * wherever a duplicate would matter: BullMQ ignores an `add` whose id already exists.
 */
export const QUEUE = {
  SYSTEM: 'system',
  /** Deadline scans and recomputations. */
  DEADLINES: 'deadlines',
  /** Reminder digests by e-mail. */
  NOTIFICATIONS: 'notifications',
  /** Report generation. */
  REPORTS: 'reports',
  /** Webhook deliveries. */
  WEBHOOKS: 'webhooks',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUE);

export const JOB = {
  /** Proves the worker can reach Redis and PostgreSQL (as the runtime role, under RLS). */
  HEALTH: 'health',
  /** Relays the transactional outbox: due events become jobs, lost jobs are enqueued again. */
  OUTBOX_RELAY: 'outbox-relay',
  /** Signs and stores a checkpoint of every tenant's audit chain head (each in its tenant's transaction). */
  AUDIT_CHECKPOINTS: 'audit-checkpoints',
  /** Daily: removes the document store's files that no document names (crashes between write and commit). */
  SWEEP_DOCUMENTS: 'sweep-documents',
  /** Daily: one scan job per tenant. */
  SCAN_ALL: 'scan-all-tenants',
  /** Recomputes a tenant's deadlines and records the reminders due today. */
  SCAN_TENANT: 'scan-tenant',
  /** Sends one person's digest of the day. */
  SEND_DIGEST: 'send-digest',
  /** Generates a requested report. */
  GENERATE_REPORT: 'generate-report',
  /** Hourly: deletes the files of reports past their retention and marks them EXPIRED. */
  EXPIRE_REPORTS: 'expire-reports',
  /** Sends one webhook delivery (retried with exponential backoff). */
  DELIVER_WEBHOOK: 'deliver-webhook',
} as const;
export type JobName = (typeof JOB)[keyof typeof JOB];

/** Data of every tenant job: the tenant it runs in. */
export interface TenantJobData {
  tenantId: string;
  siren: string;
}

export interface HealthJobData {
  requestedAt: string;
}

export interface HealthJobResult {
  database: 'ok';
  checkedAt: string;
}

/** The scan of every tenant: the daily one (no run id: the day is its id) or a worker's catch-up at boot. */
export interface ScanAllJobData {
  runId?: string;
}

export interface ScanTenantJobData extends TenantJobData {
  /** Why: 'daily', or the outbox event that changed the data. */
  reason: string;
}

/**
 * One person's digest of the day, across all their territories: no tenant (the sender enters each of the
 * person's territories in turn). Jobs of an older version carried `tenantId`/`digestId` instead: they do
 * nothing, the sweep enqueues their digest afresh.
 */
export interface SendDigestJobData {
  personDigestId: string;
  /** Set while the digest waits for a scan of one of the person's territories (each scan promotes it). */
  waitingForScans?: boolean;
}

/**
 * One job per person digest and job number: re-adding it (a scan, the sweep) is a no-op while it exists;
 * a job that ended without deciding (killed twice, failed by BullMQ) is replaced by the next number.
 */
export const digestJobId = (personDigestId: string, jobAttempts: number): string => `digest.${personDigestId}.${jobAttempts}`;

/**
 * Jobs one digest may go through (each retrying temporary SMTP failures with backoff) before it is marked
 * FAILED when the last one also ends without deciding.
 */
export const DIGEST_MAX_JOBS = Number(process.env.DIGEST_MAX_JOBS ?? 5);

/** How long a digest waits for the scans of the person's other territories, at most, before it goes anyway. */
export const DIGEST_SCANS_WAIT_MINUTES = Number(process.env.DIGEST_SCANS_WAIT_MINUTES ?? 120);

/** While it waits, a digest looks again this often (besides being woken by each scan of those territories). */
export const DIGEST_SCANS_POLL_MS = Number(process.env.DIGEST_SCANS_POLL_MS ?? 60_000);

export interface GenerateReportJobData extends TenantJobData {
  reportId: string;
}

export interface DeliverWebhookJobData extends TenantJobData {
  deliveryId: string;
}

/** Attempts of a webhook delivery before it is marked FAILED (then only a replay sends it again). */
export const WEBHOOK_ATTEMPTS = Number(process.env.WEBHOOK_ATTEMPTS ?? 8);

/** One job per delivery and replay: re-adding it (the relay's sweep) is a no-op while it exists. */
export const webhookJobId = (deliveryId: string, replays: number): string => `webhook-${deliveryId}-${replays}`;

/** How long a job may run without renewing its lock before it counts as stalled and runs again. */
export const JOB_LOCK_MS = Number(process.env.WORKER_LOCK_MS ?? 30_000);

/** The first retry delay of a failed job (doubled at each attempt). Tests shorten it. */
export const JOB_BACKOFF_MS = Number(process.env.JOB_BACKOFF_MS ?? 2_000);
