import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { Clock, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { AuditCheckpoint, checkpointSignatureValid, signCheckpoint } from './audit-chain';
import { readChainHead, readLatestCheckpoint } from './audit-chain.sql';
import { AuditCheckpointRow } from './audit-checkpoint.entity';

export type CheckpointOutcome = 'written' | 'unchanged' | 'empty';

/**
 * Signed checkpoints of the current tenant's audit chain, with AUDIT_CHECKPOINT_KEY (config; never in the
 * database). The worker stores one per tenant on a schedule; an export carries the latest stored one and
 * one signed for it. Someone able to rewrite the whole chain in the database, hashes and heads included,
 * cannot produce a checkpoint that matches the rewrite without the key.
 */
@Injectable()
export class AuditCheckpoints {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  /** The key, or null where none is configured (possible only outside production: the servers refuse to start). */
  get key(): string | null {
    return this.config.auditCheckpointKey;
  }

  /** Signs the current tenant's head now, without storing it. Null when there is no key or no event yet. */
  async signHead(head?: { seq: number; hash: string } | null): Promise<AuditCheckpoint | null> {
    const tenantId = this.db.tenant().tenantId;
    const current = head === undefined ? await readChainHead(this.db, tenantId) : head;
    if (this.key === null || current === null || current.seq === 0) return null;
    return signCheckpoint(this.key, { tenantId, seq: current.seq, hash: current.hash, at: this.clock.now().toISOString() });
  }

  latest(): Promise<AuditCheckpoint | null> {
    return readLatestCheckpoint(this.db, this.db.tenant().tenantId);
  }

  /**
   * Stores a checkpoint of the current tenant's head, unless the latest stored one already names it with a
   * signature valid under the current key (a key rotation gets a new checkpoint even on a quiet chain).
   */
  async store(): Promise<CheckpointOutcome> {
    const tenantId = this.db.tenant().tenantId;
    const head = await readChainHead(this.db, tenantId);
    if (head === null || head.seq === 0 || this.key === null) return 'empty';
    const latest = await this.latest();
    if (latest && latest.seq === head.seq && latest.hash === head.hash && checkpointSignatureValid(this.key, latest)) return 'unchanged';
    const cp = await this.signHead(head);
    if (!cp) return 'empty';
    await (
      await this.db.repository(AuditCheckpointRow)
    ).insert({ id: randomUUID(), seq: cp.seq, hash: cp.hash, createdAt: new Date(cp.at), mac: cp.mac });
    return 'written';
  }
}
