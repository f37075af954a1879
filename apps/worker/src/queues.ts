/**
 * The one registry of queues and job names. Every job's data carries its tenant when it touches tenant
 * data (none does yet: the deadline and report jobs arrive with their issues).
 */
export const QUEUE = {
  SYSTEM: 'system',
} as const;

export const JOB = {
  /** Proves the worker can reach Redis and PostgreSQL (as the runtime role, under RLS). */
  HEALTH: 'health',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

export interface HealthJobData {
  requestedAt: string;
}

export interface HealthJobResult {
  database: 'ok';
  checkedAt: string;
}
