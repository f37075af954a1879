/**
 * Preloaded into the API's process by a benchmark that counts statements (after `@swc-node/register`):
 *
 *   BENCH_API_NODE_ARGS="-r @swc-node/register -r ./bench/count-statements.ts" with BENCH_COUNTER_PORT set
 *
 * counts every statement sent through `pg`'s `Client.prototype.query` (TypeORM's and raw ones alike) and
 * answers the count so far on 127.0.0.1:BENCH_COUNTER_PORT. The difference around one request is what
 * that request issued (nothing else queries while the benchmark sends it alone).
 */
import { createServer } from 'node:http';

import { Client } from 'pg';

const port = Number(process.env.BENCH_COUNTER_PORT);
if (port) {
  let statements = 0;
  const query = Client.prototype.query;
  // `query` is overloaded: the wrapper passes every call through unchanged.
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  createServer((_req, res) => res.end(String(statements)))
    .listen(port, '127.0.0.1')
    .unref();
}
