/**
 * The reading of the official QPV outlines (GeoJSON FeatureCollection, as published for the 2024
 * géographie prioritaire and for the 2015 one), kept free of the database and of Nest so that each rule is
 * unit-tested. The service feeds it the tenant's QPV codes and writes what it returns.
 */
import { invalidField } from '@pilotis/shared';

import { normaliseQpvCode, qpvGeneration } from './qpv-code';
import { MultiPolygonCoordinates } from './qpv-contour.entity';
import { headerKey, Problem } from './qpv-import';

export const CONTOUR_IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const CONTOUR_MAX_FEATURES = 2_000;
/** A QPV's simplified outline has tens to a few thousand vertices; the official ones stay below this. */
export const CONTOUR_MAX_VERTICES = 20_000;
export const CONTOUR_MAX_POLYGONS = 100;
export const CONTOUR_MAX_RINGS = 200;
/** Stored to the sixth decimal of a degree (about 10 cm): the official files' precision, no more. */
const PRECISION = 1e6;

/**
 * Property names of the code and the name in the official files, compared after `headerKey` (lower case,
 * no accents): `code_qp` / `lib_qp` in 2024's, `CODE_QP` / `NOM_QP` in 2015's, and the variants people's
 * tools write.
 */
export const CONTOUR_PROPERTY_ALIASES = {
  code: ['code_qp', 'code_qpv', 'cod_qp', 'codeqp', 'code_quartier', 'code'],
  name: ['lib_qp', 'nom_qp', 'lib_qpv', 'nom_qpv', 'libelle', 'nom', 'name'],
} as const;

/** One faulty feature: its rank in the file (1 for the first), the code if any, why. */
export interface ContourFeatureError {
  feature: number;
  code: string | null;
  reason: string;
  message: string;
}

export interface ImportedContour {
  feature: number;
  code: string;
  name: string | null;
  coordinates: MultiPolygonCoordinates;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  vertexCount: number;
}

export interface ContourAnalysis {
  contours: ImportedContour[];
  /** Codes of QPVs that are not the tenant's (the national file covers all of France). */
  skipped: string[];
  errors: ContourFeatureError[];
}

function fileProblem(reason: string, message: string): never {
  throw invalidField('geojson', reason, message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of the first property, among `aliases`, that the feature carries (by `headerKey`). */
function property(properties: Record<string, unknown>, aliases: readonly string[]): unknown {
  const byKey = new Map(Object.entries(properties).map(([k, v]) => [headerKey(k), v]));
  for (const alias of aliases) if (byKey.has(alias)) return byKey.get(alias);
  return undefined;
}

/**
 * Only WGS84 longitude/latitude (GeoJSON's own, RFC 7946). A `crs` member is an old GeoJSON habit; one
 * naming anything else (Lambert 93, EPSG:2154, in many 2015 files) is refused for the whole file.
 */
function checkCrs(collection: Record<string, unknown>): void {
  const crs = collection.crs;
  if (crs === undefined || crs === null) return;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && /(CRS84|EPSG:{1,2}4326)$/i.test(name)) return;
  fileProblem(
    'unsupported_crs',
    `Système de coordonnées non pris en charge (${typeof name === 'string' ? name : 'inconnu'}) : ` +
      'le fichier doit être en WGS84 (longitude, latitude en degrés, EPSG:4326) ; reprojetez-le (Lambert 93 → WGS84).',
  );
}

class GeometryProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const fail = (reason: string, message: string): never => {
  throw new GeometryProblem({ reason, message });
};

/**
 * A Polygon's or MultiPolygon's coordinates, checked and normalised to a MultiPolygon's: every position two
 * finite numbers (a third, the altitude, is dropped) within WGS84 bounds, every ring closed with at least 4
 * positions, and sizes bounded.
 */
export function checkGeometry(geometry: unknown): { coordinates: MultiPolygonCoordinates; vertexCount: number } {
  if (!isObject(geometry)) return fail('missing_geometry', 'Géométrie absente.');
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(
      'unsupported_geometry',
      `Géométrie de type ${typeof type === 'string' ? type : 'inconnu'} : un Polygon ou un MultiPolygon est attendu.`,
    );
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return fail('invalid_coordinates', 'Coordonnées absentes ou vides.');
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as unknown[];
  if (polygons.length > CONTOUR_MAX_POLYGONS) {
    return fail('too_many_polygons', `Trop de polygones (${polygons.length} ; ${CONTOUR_MAX_POLYGONS} au plus).`);
  }
  let vertexCount = 0;
  let ringCount = 0;
  const result: MultiPolygonCoordinates = polygons.map((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) return fail('invalid_coordinates', `Polygone ${p + 1} : aucun anneau.`);
    ringCount += polygon.length;
    if (ringCount > CONTOUR_MAX_RINGS) return fail('too_many_rings', `Trop d'anneaux (${CONTOUR_MAX_RINGS} au plus).`);
    return polygon.map((ring: unknown, r) => {
      const where = `Polygone ${p + 1}, anneau ${r + 1}`;
      if (!Array.isArray(ring)) return fail('invalid_coordinates', `${where} : liste de positions attendue.`);
      vertexCount += ring.length;
      if (vertexCount > CONTOUR_MAX_VERTICES) {
        return fail(
          'too_many_vertices',
          `Contour trop détaillé : plus de ${CONTOUR_MAX_VERTICES.toLocaleString('fr-FR')} sommets ; simplifiez-le.`,
        );
      }
      if (ring.length < 4) return fail('ring_too_short', `${where} : 4 positions au moins (la première répétée à la fin).`);
      const positions = ring.map((position: unknown, i) => {
        if (
          !Array.isArray(position) ||
          position.length < 2 ||
          position.length > 3 ||
          !position.every((n) => typeof n === 'number' && Number.isFinite(n))
        ) {
          return fail('invalid_coordinates', `${where}, position ${i + 1} : deux nombres [longitude, latitude] attendus.`);
        }
        const [lon, lat] = position as number[];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
          return fail(
            'out_of_bounds',
            `${where}, position ${i + 1} : [${lon}, ${lat}] hors des bornes WGS84 (longitude −180 à 180, latitude −90 à 90) ; ` +
              'le fichier est peut-être en Lambert 93 : reprojetez-le en WGS84.',
          );
        }
        return [Math.round(lon * PRECISION) / PRECISION, Math.round(lat * PRECISION) / PRECISION];
      });
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return fail('ring_not_closed', `${where} : anneau non fermé (la dernière position doit répéter la première).`);
      }
      return positions;
    });
  });
  return { coordinates: result, vertexCount };
}

function bboxOf(coordinates: MultiPolygonCoordinates): ImportedContour['bbox'] {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of coordinates)
    for (const ring of polygon)
      for (const [lon, lat] of ring) {
        box.minLon = Math.min(box.minLon, lon);
        box.maxLon = Math.max(box.maxLon, lon);
        box.minLat = Math.min(box.minLat, lat);
        box.maxLat = Math.max(box.maxLat, lat);
      }
  return box;
}

/**
 * Reads a FeatureCollection and decides, feature by feature, what to store for the tenant's QPVs
 * (`tenantCodes`). A feature naming a QPV of another territory is skipped (the national file covers all
 * of France); one of the tenant's with a faulty geometry, a code given twice, or a feature without a
 * readable code is faulty. Throws BAD_USER_INPUT for a file that cannot be read at all.
 */
export function analyseQpvContours(text: string, tenantCodes: ReadonlySet<string>): ContourAnalysis {
  if (Buffer.byteLength(text, 'utf8') > CONTOUR_IMPORT_MAX_BYTES) {
    fileProblem('too_large', `Fichier trop volumineux : ${CONTOUR_IMPORT_MAX_BYTES / 1024 / 1024} Mo au plus ; simplifiez les contours.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    fileProblem('unparseable', 'Fichier illisible : un document GeoJSON (JSON) est attendu.');
  }
  if (!isObject(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    fileProblem('not_a_feature_collection', 'Un GeoJSON de type FeatureCollection, avec sa liste « features », est attendu.');
  }
  checkCrs(parsed);
  const features = parsed.features as unknown[];
  if (features.length > CONTOUR_MAX_FEATURES) {
    fileProblem('too_many_features', `Trop de quartiers dans le fichier : ${CONTOUR_MAX_FEATURES.toLocaleString('fr-FR')} au plus.`);
  }

  const result: ContourAnalysis = { contours: [], skipped: [], errors: [] };
  const seen = new Map<string, number>();
  features.forEach((feature, index) => {
    const rank = index + 1;
    const error = (code: string | null, problem: Problem) => result.errors.push({ feature: rank, code, ...problem });
    if (!isObject(feature) || feature.type !== 'Feature') {
      error(null, { reason: 'not_a_feature', message: 'Élément qui n’est pas un « Feature » GeoJSON.' });
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const rawCode = property(properties, CONTOUR_PROPERTY_ALIASES.code);
    const code = typeof rawCode === 'string' ? normaliseQpvCode(rawCode) : '';
    if (!code) {
      error(null, { reason: 'missing_code', message: 'Code du quartier absent (propriété code_qp, CODE_QP…).' });
      return;
    }
    if (!qpvGeneration(code)) {
      error(code, {
        reason: 'invalid_qpv_code',
        message: `« ${code} » n'est pas un code de QPV (QP + département + 3 chiffres, ou QN + département + 2 chiffres + une lettre).`,
      });
      return;
    }
    if (!tenantCodes.has(code)) {
      result.skipped.push(code);
      return;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      error(code, { reason: 'duplicate_code', message: `Code déjà donné par l'élément ${earlier} du fichier.` });
      return;
    }
    seen.set(code, rank);
    try {
      const { coordinates, vertexCount } = checkGeometry(feature.geometry);
      const rawName = property(properties, CONTOUR_PROPERTY_ALIASES.name);
      result.contours.push({
        feature: rank,
        code,
        name: typeof rawName === 'string' ? rawName.trim() : null,
        coordinates,
        bbox: bboxOf(coordinates),
        vertexCount,
      });
    } catch (e) {
      if (!(e instanceof GeometryProblem)) throw e;
      error(code, e.problem);
    }
  });
  return result;
}
