import { Injectable } from '@nestjs/common';

/** What the health endpoint reports: the worker is up, and when its last health job succeeded. */
@Injectable()
export class WorkerHealth {
  readonly startedAt = new Date().toISOString();
  lastHealthJobAt: string | null = null;
  redisEvictionPolicy: string | null = null;

  jobSucceeded(at: string): void {
    this.lastHealthJobAt = at;
  }
}
