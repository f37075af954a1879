import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { DynamicModule, Logger, RequestMethod } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggerModule } from 'nestjs-pino';

import { LoggingOptions, pinoOptions, requestLog } from '@pilotis/shared';

export type { LoggingOptions };

/**
 * A request id from upstream (the load balancer's) when it looks like one, else a new one. Fastify names
 * each request with it (`genReqId` of the adapter), and the log line takes Fastify's.
 */
export function requestId(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

/**
 * Sends the request id back (`X-Request-Id`), so that a client's report and a load balancer's log can be
 * joined to our line. Fastify writes its own headers, so the id goes through the reply, not the raw response.
 */
export function exposeRequestId(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
}

/**
 * Says once, as a warning, that requests carry `X-Forwarded-For` from a peer that is not among
 * `TRUSTED_PROXIES`: the header is then ignored (rightly: anyone could write it), so every per-address limit
 * (sign-in, public calls, sign-ups) and the audit's address count the proxy, and all visitors behind it share
 * one bucket. An operator who forgot the setting learns it from the log on the first such request.
 */
export function warnOnUntrustedForwarding(app: NestFastifyApplication): void {
  const logger = new Logger('HTTP');
  let warned = false;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request) => {
      if (warned || request.headers['x-forwarded-for'] === undefined || request.ip !== request.socket.remoteAddress) return;
      warned = true;
      logger.warn(
        `X-Forwarded-For received from ${request.socket.remoteAddress}, which is not in TRUSTED_PROXIES: the header is ignored and ` +
          'per-address limits count that proxy for every client behind it. Set TRUSTED_PROXIES to the load balancer’s addresses.',
      );
    });
}

/** The path without its query string: a query may carry what should not be kept (search terms, codes). */
const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0];

/**
 * JSON logs through pino (nestjs-pino): Nest's own messages, and one line per request when its response
 * leaves — request id (taken from `X-Request-Id` or made, and sent back), method, route, status, duration,
 * territory (SIREN), user or API key, GraphQL operation and outcome. Probes and metrics are not logged.
 */
export function loggingModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    // Fastify 5's catch-all (nestjs-pino's default pattern matches nothing on this adapter).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        ...pinoOptions(options, 'api'),
        genReqId: (req) => (typeof req.id === 'string' ? req.id : requestId(req)),
        autoLogging: { ignore: (req) => pathOf(req.url).startsWith('/health') },
        customProps: (req) => ({ ...requestLog(req) }),
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        customSuccessMessage: (req, res) => `${req.method} ${pathOf(req.url)} ${res.statusCode}`,
        customErrorMessage: (req, res) => `${req.method} ${pathOf(req.url)} ${res.statusCode}`,
        serializers: {
          req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
            id: req.id,
            method: req.method,
            path: pathOf(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      },
      options.stream ?? process.stdout,
    ],
  });
}
