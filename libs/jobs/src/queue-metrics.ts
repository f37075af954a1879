import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';

import { addMetricsCollector, METRICS } from '@pilotis/shared';

import { ALL_QUEUES } from './queues';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Each queue's jobs by state, read from Redis when metrics are scraped (one round trip per queue): a
 * growing `waiting` means workers are too few or stuck, a growing `failed` means jobs give up.
 * Every process that registers the queues reports the same figures: aggregate with `max`, not `sum`.
 */
@Injectable()
export class QueueMetrics implements OnApplicationShutdown {
  private readonly remove: () => void;

  constructor(moduleRef: ModuleRef) {
    let queues: Queue[] | undefined;
    this.remove = addMetricsCollector(async () => {
      queues ??= ALL_QUEUES.map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) METRICS.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
        }),
      );
    });
  }

  onApplicationShutdown(): void {
    this.remove();
  }
}
