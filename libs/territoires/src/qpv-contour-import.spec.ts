import { DomainError } from '@pilotis/shared';

import { analyseQpvContours, checkGeometry, CONTOUR_MAX_POLYGONS } from './qpv-contour-import';

const square = (lon: number, lat: number, d = 0.001): number[][] => [
  [lon - d, lat - d],
  [lon + d, lat - d],
  [lon + d, lat + d],
  [lon - d, lat + d],
  [lon - d, lat - d],
];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).details.fields?.[0]?.reason;
  }
  return undefined;
};

describe('checkGeometry', () => {
  it('normalises a Polygon to a MultiPolygon of one, drops altitudes and rounds to the sixth decimal', () => {
    const ring = square(-1.7, 48.1).map(([x, y]) => [x + 1e-9, y, 42]);
    ring[4] = [...ring[0]];
    const { coordinates, vertexCount } = checkGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(coordinates).toHaveLength(1);
    expect(coordinates[0][0][0]).toEqual([-1.701, 48.099]);
    expect(vertexCount).toBe(5);
  });

  it.each([
    [null, 'missing_geometry'],
    [{ type: 'LineString', coordinates: [] }, 'unsupported_geometry'],
    [{ type: 'Polygon', coordinates: [] }, 'invalid_coordinates'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'ring_too_short',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          square(-1.7, 48.1)
            .slice(0, 4)
            .concat([[-1.7, 48.2]]),
        ],
      },
      'ring_not_closed',
    ],
    [{ type: 'Polygon', coordinates: [square(351000, 6789000, 100)] }, 'out_of_bounds'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'a'],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'invalid_coordinates',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, Infinity],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'invalid_coordinates',
    ],
    [{ type: 'MultiPolygon', coordinates: Array.from({ length: CONTOUR_MAX_POLYGONS + 1 }, () => [square(0, 0)]) }, 'too_many_polygons'],
  ])('refuses faulty geometry n° %#', (geometry, reason) => {
    let caught: unknown;
    try {
      checkGeometry(geometry);
    } catch (e) {
      caught = e;
    }
    expect((caught as { problem: { reason: string } }).problem.reason).toBe(reason);
  });
});

describe('analyseQpvContours', () => {
  const codes = new Set(['QN03501M', 'QP035005']);

  it('reads the 2024 (code_qp) and 2015 (CODE_QP) property names and skips other territories’ quarters', () => {
    const a = analyseQpvContours(
      collection(
        feature({ code_qp: 'qn03501m', lib_qp: 'Le Blosne' }, { type: 'Polygon', coordinates: [square(-1.66, 48.08)] }),
        feature({ CODE_QP: 'QP035005', NOM_QP: 'Cleunay' }, { type: 'MultiPolygon', coordinates: [[square(-1.71, 48.1)]] }),
        feature({ code_qp: 'QN09301C' }, { type: 'Polygon', coordinates: [square(2.36, 48.92)] }),
      ),
      codes,
    );
    expect(a.errors).toEqual([]);
    expect(a.contours.map((c) => [c.code, c.name, c.vertexCount])).toEqual([
      ['QN03501M', 'Le Blosne', 5],
      ['QP035005', 'Cleunay', 5],
    ]);
    expect(a.contours[0].bbox).toEqual({ minLon: -1.661, minLat: 48.079, maxLon: -1.659, maxLat: 48.081 });
    expect(a.skipped).toEqual(['QN09301C']);
  });

  it('reports every faulty feature, with its rank and code', () => {
    const a = analyseQpvContours(
      collection(
        'not a feature',
        feature({}, null),
        feature({ code_qp: 'QN0350' }, null),
        feature({ code_qp: 'QN03501M' }, { type: 'Point', coordinates: [0, 0] }),
        feature({ code_qp: 'QN03501M' }, { type: 'Polygon', coordinates: [square(-1.66, 48.08)] }),
      ),
      codes,
    );
    expect(a.errors.map((e) => [e.feature, e.code, e.reason])).toEqual([
      [1, null, 'not_a_feature'],
      [2, null, 'missing_code'],
      [3, 'QN0350', 'invalid_qpv_code'],
      [4, 'QN03501M', 'unsupported_geometry'],
      [5, 'QN03501M', 'duplicate_code'],
    ]);
  });

  it('refuses whole files that are not WGS84 FeatureCollections', () => {
    expect(reasonOf(() => analyseQpvContours('nope', codes))).toBe('unparseable');
    expect(reasonOf(() => analyseQpvContours('[]', codes))).toBe('not_a_feature_collection');
    const lambert = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:2154' } }, features: [] });
    expect(reasonOf(() => analyseQpvContours(lambert, codes))).toBe('unsupported_crs');
    expect(reasonOf(() => analyseQpvContours(' '.repeat(8 * 1024 * 1024 + 1), codes))).toBe('too_large');
  });
});
