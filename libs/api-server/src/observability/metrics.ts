import { createServer, Server } from 'node:http';

import { NestFastifyApplication } from '@nestjs/platform-fastify';

import { METRICS, METRICS_CONTENT_TYPE, metricsText } from '@pilotis/shared';

/**
 * Every HTTP response's duration, by route pattern (`/documents/:id`, never the concrete path: labels must
 * stay a bounded set) and status. Requests matching no route count as `unmatched`.
 */
export function recordHttpMetrics(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      METRICS.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
}

/**
 * The Prometheus endpoint on a port of its own (METRICS_PORT, on METRICS_HOST): kept off the public
 * listener, so that the load balancer never exposes it and no token is needed on a private network.
 */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metricsText().then(
      (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${(error as Error).message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
