import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outlines of the quartiers prioritaires (`qpv_contours`), imported from the official GeoJSON files:
 * one row per QPV, keyed by (tenant_id, qpv_id) and deleted with its QPV, the geometry as jsonb (a
 * MultiPolygon's coordinates, WGS84) with its bounding box; the database checks the box's bounds. Tenant
 * table like every other: RLS FORCEd with the tenant policy, the runtime role's grants (the worker does not
 * read it). Drafted from the entity; RLS and grants by hand.
 */
export class QpvContours1764925100000 implements MigrationInterface {
  name = 'QpvContours1764925100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "qpv_contours" ("tenant_id" uuid NOT NULL, "qpv_id" uuid NOT NULL, "code" text NOT NULL, "coordinates" jsonb NOT NULL, "min_lon" double precision NOT NULL, "min_lat" double precision NOT NULL, "max_lon" double precision NOT NULL, "max_lat" double precision NOT NULL, "vertex_count" integer NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "qpv_contours_vertex_count_check" CHECK ("vertex_count" >= 4), CONSTRAINT "qpv_contours_bbox_check" CHECK ("min_lon" <= "max_lon" and "min_lat" <= "max_lat" and "min_lon" >= -180 and "max_lon" <= 180 and "min_lat" >= -90 and "max_lat" <= 90), CONSTRAINT "qpv_contours_geometry_check" CHECK (jsonb_typeof("coordinates") = 'array' and jsonb_array_length("coordinates") >= 1), CONSTRAINT "PK_26da8825e562bfda6c2ae821cf0" PRIMARY KEY ("tenant_id", "qpv_id"))`,
    );
    await q.query(
      `ALTER TABLE "qpv_contours" ADD CONSTRAINT "qpv_contours_qpv_fk" FOREIGN KEY ("tenant_id", "qpv_id") REFERENCES "qpvs"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`alter table "qpv_contours" enable row level security`);
    await q.query(`alter table "qpv_contours" force row level security`);
    await q.query(`create policy tenant_isolation on "qpv_contours"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on "qpv_contours" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`revoke all on "qpv_contours" from pilotis_runtime`);
    await q.query(`drop table "qpv_contours"`);
  }
}
