import type { IncomingMessage } from 'node:http';

import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry tracing, switched on by the standard environment variables alone: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or an explicit
 * `OTEL_TRACES_EXPORTER` other than `none`; `OTEL_SDK_DISABLED=true` keeps it off. The SDK reads the rest
 * itself (protocol, headers, sampler, resource attributes). Imported first by each process's entry point,
 * before anything loads `http`, `pg` or `ioredis`, whose calls it wraps into spans.
 *
 * What spans may carry is bounded like the logs: GraphQL documents with their literal values masked
 * (`allowValues: false`), SQL with its `$n` placeholders (never the parameters), Redis commands without
 * their keys or arguments, URLs with their secret
 * query parameters redacted, no headers. Probes and the metrics endpoint are not traced.
 */
export interface Tracing {
  /** Exports what is buffered, then stops: called before the process exits. */
  stop(): Promise<void>;
}

const REDACTED_QUERY_PARAMS = ['token', 'access_token', 'refresh_token', 'key', 'secret', 'signature', 'sig', 'code', 'password', 'email'];

export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

export function startTracing(service: 'pilotis-api' | 'pilotis-worker', env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!tracingRequested(env)) return undefined;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || service,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? ''),
        redactedQueryParams: REDACTED_QUERY_PARAMS,
        redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
      }),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // The command's name only: keys hold e-mail addresses (sign-in throttling), values hold jobs' data.
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
    // Metrics go through prom-client (README « Observabilité »), logs through pino.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { stop: () => sdk.shutdown().catch(() => undefined) };
}
