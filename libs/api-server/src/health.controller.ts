import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { Queue } from 'bullmq';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

import { Public } from '@pilotis/access';
import { QUEUE } from '@pilotis/jobs';

import { Readiness } from './lifecycle';

/** How long a dependency may take to answer a probe before it counts as down. */
const PROBE_TIMEOUT_MS = 2000;

type Check = 'ok' | 'unavailable';

async function probe(check: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes for orchestrators and load balancers, without authentication and without any data:
 * - `/health/live`: the process answers (restart it if not); never looks at dependencies, so that a
 *   database outage does not get every replica restarted at once;
 * - `/health/ready`: send it traffic? 200 when PostgreSQL and Redis answer and no stop was asked; 503
 *   otherwise, with what failed;
 * - `/health`: the readiness probe under its historical name.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
    @InjectQueue(QUEUE.SYSTEM) private readonly queue: Queue,
  ) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  ready(@Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.answerReadiness(reply);
  }

  @Public()
  @Get()
  health(@Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.answerReadiness(reply);
  }

  private async answerReadiness(reply: FastifyReply): Promise<FastifyReply> {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('select 1')),
      probe(() => this.queue.getWaitingCount()),
    ]);
    const stopping = this.readiness.stopping;
    const ready = !stopping && database === 'ok' && redis === 'ok';
    return reply
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ok' : stopping ? 'stopping' : 'unavailable', database, redis });
  }
}
