import { Injectable } from '@nestjs/common';

import { AuditCheckpoints, CheckpointOutcome } from '@pilotis/audit';
import { Db } from '@pilotis/db';

import { workerScope } from './queues';

export type CheckpointRun = Record<CheckpointOutcome, number>;

/**
 * The scheduled signing of audit checkpoints: the list of tenants through the worker's SECURITY DEFINER
 * function, then each tenant's checkpoint in that tenant's own transaction, under RLS like any job.
 * Idempotent: a tenant whose head has not moved since its latest checkpoint gets none.
 */
@Injectable()
export class AuditCheckpointJob {
  constructor(
    private readonly db: Db,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async run(): Promise<CheckpointRun> {
    const tenants = await this.db.run({}, () => this.db.query<{ id: string; siren: string }>('select id, siren from worker_tenants()'));
    const run: CheckpointRun = { written: 0, unchanged: 0, empty: 0 };
    for (const t of tenants) {
      const outcome = await this.db.run({ tenant: workerScope({ tenantId: t.id, siren: t.siren }) }, () => this.checkpoints.store());
      run[outcome]++;
    }
    return run;
  }
}
