import type { IncomingMessage } from 'node:http';

/**
 * What the request's log line says besides method, route, status and duration: who asked, in which
 * territory, which GraphQL operation, and how it ended. Filled in as the request goes (the access guard,
 * the GraphQL plugins) on the raw request object, read by the logger and the metrics when the response
 * leaves. Never anything of the payload.
 */
export interface RequestLogContext {
  tenant?: string;
  userId?: string;
  apiKeyId?: string;
  operation?: string;
  operationType?: string;
  /** `ok`, or the error codes of the response (`BAD_USER_INPUT`, `FORBIDDEN`…), comma-separated. */
  outcome?: string;
}

const CONTEXT = Symbol.for('pilotis.requestLog');

type Annotated = IncomingMessage & { [CONTEXT]?: RequestLogContext };

/** The context of a raw request (created empty on first use). */
export function requestLog(raw: IncomingMessage): RequestLogContext {
  const annotated = raw as Annotated;
  return (annotated[CONTEXT] ??= {});
}
