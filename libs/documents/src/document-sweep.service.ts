import { Injectable, Logger } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { workerScope } from '@pilotis/jobs';
import { Clock } from '@pilotis/shared';

import { DocumentStorage, isPartialKey, StoredFile } from './document-storage';

/**
 * How old a file must be before the sweep may call it an orphan. An upload writes its file before its row
 * commits (`DocumentController.upload`): a younger file without a row may belong to a transaction still
 * running. No transaction lasts a day.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

/** What one sweep did. */
export interface DocumentSweepResult {
  /** Files older than the grace period looked at. */
  checked: number;
  /** Of those, files without a document row (or partial writes) removed. */
  removed: number;
  /** Folders of tenants this database does not know: kept, and logged for the operator. */
  unknownTenants: number;
}

/**
 * Removes the files the store keeps for no document: a crash between an upload's write and its commit, a
 * failed removal after a committed deletion, a partial write abandoned by a crash. Run daily by the worker
 * (JOB.SWEEP_DOCUMENTS) with its clock. Each tenant's files are checked in that tenant's transaction,
 * under RLS, against its `documents` rows (the worker reads their ids only). A file is removed only when
 * it is older than `ORPHAN_GRACE_MS` and no row names it; a folder of an unknown tenant is left alone
 * (another database may share the store). Nothing of the business record changes (an orphan has no
 * row), so the sweep writes no audit event — the worker cannot — and logs what it removed.
 */
@Injectable()
export class DocumentSweepService {
  private readonly logger = new Logger(DocumentSweepService.name);

  constructor(
    private readonly db: Db,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<DocumentSweepResult> {
    const before = this.clock.now().getTime() - ORPHAN_GRACE_MS;
    const byTenant = new Map<string, StoredFile[]>();
    for await (const file of this.storage.list()) {
      if (file.modifiedAt.getTime() >= before) continue;
      const tenantId = file.key.slice(0, 36);
      const files = byTenant.get(tenantId);
      if (files) files.push(file);
      else byTenant.set(tenantId, [file]);
    }
    const tenants = new Map(
      (await this.db.run({}, () => this.db.query<{ id: string; siren: string }>('select id, siren from worker_tenants()'))).map((t) => [
        t.id,
        t.siren,
      ]),
    );
    const result: DocumentSweepResult = { checked: 0, removed: 0, unknownTenants: 0 };
    for (const [tenantId, files] of byTenant) {
      const siren = tenants.get(tenantId);
      if (!siren) {
        result.unknownTenants += 1;
        this.logger.warn(`document store: ${files.length} old file(s) under unknown tenant ${tenantId}, kept`);
        continue;
      }
      result.checked += files.length;
      const ids = files.filter((f) => !isPartialKey(f.key)).map((f) => f.key.slice(37));
      const known = await this.db.run({ tenant: workerScope({ tenantId, siren }) }, async () => {
        const rows = await this.db.query<{ id: string }>('select id from documents where tenant_id = $1 and id = any($2::uuid[])', [
          tenantId,
          ids,
        ]);
        return new Set(rows.map((r) => r.id));
      });
      for (const file of files) {
        if (!isPartialKey(file.key) && known.has(file.key.slice(37))) continue;
        try {
          await this.storage.delete(file.key);
          result.removed += 1;
          this.logger.warn(`document store: removed orphan ${file.key} (last changed ${file.modifiedAt.toISOString()})`);
        } catch (error) {
          this.logger.error(`document store: could not remove orphan ${file.key}: ${(error as Error).message}`);
        }
      }
    }
    return result;
  }
}
