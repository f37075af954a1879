import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics: one registry per process (the API's `/metrics` port, the worker's
 * health port), the metrics declared once here so that their names and labels are one list. Labels are
 * bounded sets only (routes, operation names capped, error codes, outcomes, queue names): a label taking a
 * user's value would grow without end.
 */
export const metricsRegistry = new Registry();

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const METRICS = {
  httpDuration: new Histogram({
    name: 'pilotis_http_request_duration_seconds',
    help: 'Durée des requêtes HTTP, par méthode, route (modèle) et statut.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [metricsRegistry],
  }),
  graphqlDuration: new Histogram({
    name: 'pilotis_graphql_operation_duration_seconds',
    help: 'Durée des opérations GraphQL, par nom d’opération, type et issue (ok ou erreur).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: SECONDS,
    registers: [metricsRegistry],
  }),
  graphqlErrors: new Counter({
    name: 'pilotis_graphql_errors_total',
    help: 'Erreurs renvoyées par GraphQL, par code (extensions.code) et opération.',
    labelNames: ['code', 'operation'] as const,
    registers: [metricsRegistry],
  }),
  dbPool: new Gauge({
    name: 'pilotis_db_pool_connections',
    help: 'Connexions du pool PostgreSQL, par état (total, idle, waiting : demandes en attente d’une connexion).',
    labelNames: ['pool', 'state'] as const,
    registers: [metricsRegistry],
  }),
  dbPoolWait: new Histogram({
    name: 'pilotis_db_pool_acquire_seconds',
    help: 'Attente d’une connexion du pool avant d’ouvrir la transaction d’une requête ou d’un job.',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [metricsRegistry],
  }),
  queueJobs: new Gauge({
    name: 'pilotis_queue_jobs',
    help: 'Jobs des files BullMQ, par file et état (waiting, active, delayed, failed).',
    labelNames: ['queue', 'state'] as const,
    registers: [metricsRegistry],
  }),
  digests: new Counter({
    name: 'pilotis_digests_total',
    help: 'Récapitulatifs de relances traités par ce worker, par issue (sent, failed, retry).',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
  reminders: new Counter({
    name: 'pilotis_reminders_sent_total',
    help: 'Relances d’échéance envoyées par ce worker (comptées dans les récapitulatifs partis).',
    registers: [metricsRegistry],
  }),
  webhookDeliveries: new Counter({
    name: 'pilotis_webhook_deliveries_total',
    help: 'Tentatives de livraison de webhooks par ce worker, par issue (SUCCEEDED, RETRY, FAILED, SKIPPED).',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
};

/** Collectors that read a live object at scrape time (a pool, queues): added by whoever owns the object. */
const collectors = new Set<() => Promise<void> | void>();

export function addMetricsCollector(collect: () => Promise<void> | void): () => void {
  collectors.add(collect);
  return () => collectors.delete(collect);
}

/** The text exposition of every metric, after the collectors have read their objects. */
export async function metricsText(): Promise<string> {
  METRICS.dbPool.reset();
  METRICS.queueJobs.reset();
  await Promise.all([...collectors].map(async (collect) => collect()));
  return metricsRegistry.metrics();
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
const MAX_OPERATION_NAMES = 300;
const seenOperations = new Set<string>();

/**
 * An operation name as a label: the client chooses it, so only well-formed names, and only the first few
 * hundred distinct ones (the application's own operations are far fewer); anything else is `other`.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

// Process metrics (CPU, memory, event loop delay, handles), once per process.
collectDefaultMetrics({ register: metricsRegistry, prefix: 'pilotis_' });
