import { Injectable } from '@nestjs/common';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { InjectConfig, type PilotisConfig } from '@pilotis/shared';

import { Qpv } from './qpv.entity';
import { ImportQpvContoursInput, MapSettings, QpvContourImportReport } from './qpv.inputs';
import { QpvContour } from './qpv-contour.entity';
import { analyseQpvContours } from './qpv-contour-import';
import { TERRITOIRES_SQL } from './territoires.sql';

@Injectable()
export class QpvContourService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  /** The tenant's outlines with their QPV's name, by code; `qpvIds` narrows them. */
  async list(qpvIds: string[] | null): Promise<QpvContour[]> {
    const rows = await this.db.query<{
      qpv_id: string;
      code: string;
      name: string;
      coordinates: number[][][][];
      min_lon: number;
      min_lat: number;
      max_lon: number;
      max_lat: number;
      vertex_count: number;
      imported_at: Date;
    }>(TERRITOIRES_SQL.contours, [this.db.tenant().tenantId, qpvIds]);
    return rows.map((r) => ({
      tenantId: this.db.tenant().tenantId,
      qpvId: r.qpv_id,
      code: r.code,
      name: r.name,
      coordinates: r.coordinates,
      minLon: r.min_lon,
      minLat: r.min_lat,
      maxLon: r.max_lon,
      maxLat: r.max_lat,
      vertexCount: r.vertex_count,
      importedAt: r.imported_at,
    }));
  }

  mapSettings(): MapSettings {
    return { tileUrl: this.config.map.tileUrl, tileAttribution: this.config.map.tileAttribution };
  }

  /**
   * All or nothing, as the QPV list's import: one faulty feature and nothing is written; the report lists
   * every faulty feature. Matched by code to the tenant's QPVs; a QPV's outline is replaced as a whole.
   */
  async import(input: ImportQpvContoursInput): Promise<QpvContourImportReport> {
    // Read before the file is: an unreadable file is refused without taking any lock.
    const codes = new Set((await (await this.db.repository(Qpv)).find()).map((q) => q.code));
    const analysis = analyseQpvContours(input.geojson, codes);
    const apply = !input.dryRun && analysis.errors.length === 0;
    // The QPVs are held until commit when writing, so that two imports cannot interleave their replacements.
    const qpvs = await (await this.db.repository(Qpv)).find(apply ? { lock: 'pessimistic_write' } : {});
    const byCode = new Map(qpvs.map((q) => [q.code, q]));
    const stored = await this.db.query<{ qpv_id: string }>(TERRITOIRES_SQL.contourIds, [this.db.tenant().tenantId]);
    const had = new Set(stored.map((c) => c.qpv_id));
    // A QPV deleted between the two reads has no row left to hang its outline on: left out.
    const imported = analysis.contours.flatMap((c) => (byCode.has(c.code) ? [{ ...c, qpv: byCode.get(c.code) as Qpv }] : []));
    const covered = new Set([...had, ...imported.map((c) => c.qpv.id)]);
    const report: QpvContourImportReport = {
      created: imported.filter((c) => !had.has(c.qpv.id)).length,
      updated: imported.filter((c) => had.has(c.qpv.id)).length,
      skipped: analysis.skipped.length,
      withoutContour: qpvs.filter((q) => !covered.has(q.id)).map((q) => q.code),
      errors: analysis.errors,
      applied: apply,
    };
    if (!apply) return report;
    for (const c of imported) {
      // One statement per QPV (a few hundred at most per territory); jsonb goes as text, cast by PostgreSQL.
      await this.db.query(TERRITOIRES_SQL.upsertContour, [
        this.db.tenant().tenantId,
        c.qpv.id,
        c.code,
        JSON.stringify(c.coordinates),
        c.bbox.minLon,
        c.bbox.minLat,
        c.bbox.maxLon,
        c.bbox.maxLat,
        c.vertexCount,
      ]);
    }
    await this.audit.record({
      operation: 'qpv.contours_import',
      entityType: 'Qpv',
      // The shapes themselves stay out of the trail (sizes only): the file is public and large.
      before: { replaced: imported.filter((c) => had.has(c.qpv.id)).map((c) => c.code) },
      after: {
        created: report.created,
        updated: report.updated,
        skipped: report.skipped,
        codes: imported.map((c) => c.code),
        vertices: imported.reduce((n, c) => n + c.vertexCount, 0),
      },
    });
    return report;
  }
}
