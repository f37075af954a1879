/**
 * The territoires context's statements that joins or upserts need ($1 is always the tenant). The outlines'
 * geometry is jsonb: written from its JSON text, read back as parsed JSON by the driver.
 */
export const TERRITOIRES_SQL = {
  /** The tenant's outlines with their QPV's name, by code; $2 the QPVs wanted, or null for all. */
  contours: `select c.qpv_id, c.code, q.name, c.coordinates, c.min_lon, c.min_lat, c.max_lon, c.max_lat, c.vertex_count, c.imported_at
         from qpv_contours c join qpvs q on q.tenant_id = c.tenant_id and q.id = c.qpv_id
        where c.tenant_id = $1 and ($2::uuid[] is null or c.qpv_id = any($2::uuid[]))
        order by c.code`,
  contourIds: `select qpv_id from qpv_contours where tenant_id = $1`,
  /** One QPV's outline, added or replaced (an import gives the whole outline again). */
  upsertContour: `insert into qpv_contours (tenant_id, qpv_id, code, coordinates, min_lon, min_lat, max_lon, max_lat, vertex_count, imported_at)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, now())
       on conflict (tenant_id, qpv_id) do update
         set code = excluded.code, coordinates = excluded.coordinates, min_lon = excluded.min_lon, min_lat = excluded.min_lat,
             max_lon = excluded.max_lon, max_lat = excluded.max_lat, vertex_count = excluded.vertex_count, imported_at = excluded.imported_at`,
} as const;
