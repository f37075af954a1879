import { Injectable, Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ShutdownConfig } from '@pilotis/shared';

/**
 * Whether this API process should receive new traffic. It turns false for good when a stop is asked: the
 * readiness probe answers 503 from then on, so that a load balancer takes the replica out of rotation
 * while the requests it already sent are served.
 */
@Injectable()
export class Readiness {
  private stoppingSince: Date | null = null;

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  stop(): void {
    this.stoppingSince ??= new Date();
  }
}

type Signal = 'SIGTERM' | 'SIGINT';

/**
 * Stops the API in order on SIGTERM or SIGINT (an orchestrator's stop, a rolling restart, Ctrl-C):
 * 1. readiness turns 503 at once;
 * 2. for `drainSeconds` the API keeps serving, so that the load balancer's readiness checks notice before
 *    connections are refused (0: no drain, for a process nothing balances);
 * 3. it stops accepting connections and lets the requests in flight finish, for at most `graceSeconds`,
 *    then cuts what is left;
 * 4. it closes its pools (PostgreSQL, Redis) and exits 0.
 * A second signal during the drain skips what is left of it: the operator who presses Ctrl-C twice, or the
 * orchestrator in a hurry, is not kept waiting — the requests in flight still get their grace.
 */
export function installGracefulShutdown(
  app: NestFastifyApplication,
  config: ShutdownConfig,
  exit: (code: number) => void = (code) => process.exit(code),
): { stop: (signal: Signal) => Promise<void> } {
  const logger = new Logger('Shutdown');
  const readiness = app.get(Readiness);
  let skipDrain: (() => void) | null = null;
  let stopping: Promise<void> | null = null;

  const stop = async (signal: Signal): Promise<void> => {
    if (stopping) {
      logger.log(`${signal} again: the drain is cut short`);
      skipDrain?.();
      return stopping;
    }
    stopping = (async () => {
      readiness.stop();
      logger.log(
        `${signal}: not ready any more; draining for ${config.drainSeconds} s, then ${config.graceSeconds} s for requests in flight`,
      );
      if (config.drainSeconds > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.drainSeconds * 1000);
          skipDrain = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      skipDrain = null;
      const fastify = app.getHttpAdapter().getInstance();
      // fastify.close() stops listening, answers 503 to requests arriving on kept-alive connections, closes
      // the idle ones and waits for those in flight; past the grace, every connection left is cut.
      const grace = setTimeout(() => {
        logger.warn(`requests still in flight after ${config.graceSeconds} s: their connections are cut`);
        fastify.server.closeAllConnections();
      }, config.graceSeconds * 1000);
      try {
        await fastify.close();
      } finally {
        clearTimeout(grace);
      }
      await app.close();
      logger.log('stopped');
    })();
    return stopping;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stop(signal).then(
        () => exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${(error as Error).message}`);
          exit(1);
        },
      );
    });
  }
  return { stop };
}
