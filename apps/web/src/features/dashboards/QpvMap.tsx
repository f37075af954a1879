import { useId, useState } from 'react';

import { AmountCells, FourAmounts } from '../../common/components';
import { euros, plural, quantity } from '../../common/format';
import { graphql } from '../../gql';

/** The map's background, configured per installation (MAP_TILE_URL); none by default. */
export const MAP_SETTINGS = graphql(`
  query MapSettings {
    mapSettings {
      tileUrl
      tileAttribution
    }
  }
`);

/** A quartier on the map: its figures (the dashboard's `QpvFigures`) and its outline when one was imported. */
export interface QpvMapItem extends FourAmounts {
  qpvId: string;
  code: string;
  name: string;
  actionCount: number;
  /** A GeoJSON MultiPolygon's coordinates ([longitude, latitude], WGS84), or null without an outline. */
  coordinates?: number[][][][] | null;
}

export interface MapSettings {
  tileUrl: string | null;
  tileAttribution: string | null;
}

/**
 * An indicator of the territory's catalogue, realised per quartier (the accepted bilans of the actions in
 * it, aggregated by the indicator's rule: the dashboard's `indicatorGroups` of dimension QPV).
 */
export interface MapIndicator {
  code: string;
  label: string;
  unit: string;
  /** Realised per QPV id; a quartier absent or null has no accepted bilan measuring it. */
  realisedByQpv: Record<string, number | null>;
}

/** What the API gives per quartier: indicator groups (those of dimension QPV are used). */
interface QpvIndicatorGroup {
  dimension: string;
  groupId: string;
  indicators: { code: string; label: string; unit: string; realised?: number | null }[];
}

/**
 * The catalogue's indicators realised per quartier, from the API's indicator groups of dimension QPV (the
 * contract dashboard's `indicatorGroups`, the département's `ContratLine.qpvIndicators`); those without any
 * realised value are left out of the map's choices.
 */
export function mapIndicators(groups: readonly QpvIndicatorGroup[]): MapIndicator[] {
  const byCode = new Map<string, MapIndicator>();
  for (const group of groups.filter((g) => g.dimension === 'QPV')) {
    for (const i of group.indicators) {
      const indicator = byCode.get(i.code) ?? { code: i.code, label: i.label, unit: i.unit, realisedByQpv: {} };
      indicator.realisedByQpv[group.groupId] = i.realised ?? null;
      byCode.set(i.code, indicator);
    }
  }
  return [...byCode.values()].filter((i) => Object.values(i.realisedByQpv).some((v) => v !== null));
}

type AmountMeasure = 'decidedCents' | 'paidCents' | 'requestedCents' | 'actionCount';
/** An amount or count of the quartier, or `indicator:<code>`. */
type Measure = AmountMeasure | `indicator:${string}`;

const MEASURES: Record<AmountMeasure, { label: string; format: (n: number) => string }> = {
  decidedCents: { label: 'Montant décidé', format: euros },
  paidCents: { label: 'Montant payé', format: euros },
  requestedCents: { label: 'Montant demandé', format: euros },
  actionCount: { label: "Nombre d'actions", format: (n) => plural(n, 'action', 'actions') },
};

/** Five classes, light to dark (sequential blues, each step distinct for common colour blindness). */
const COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const NO_VALUE = '#f2f2f2';

const WIDTH = 640;
const MAX_HEIGHT = 480;
const PADDING = 12;
const TILE = 256;
const MAX_TILES = 36;

/** Web Mercator, as the tile servers use: longitude and latitude to the unit square (0,0 north-west). */
function mercator([lon, lat]: number[]): [number, number] {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

interface Frame {
  scale: number;
  x0: number;
  y0: number;
  height: number;
}

/** The scale and offset that fit every outline in the drawing, keeping the projection's proportions. */
function frameOf(items: QpvMapItem[]): Frame | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const item of items)
    for (const polygon of item.coordinates ?? [])
      for (const ring of polygon)
        for (const position of ring) {
          const [x, y] = mercator(position);
          [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
        }
  if (!Number.isFinite(minX)) return null;
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((WIDTH - 2 * PADDING) / spanX, (MAX_HEIGHT - 2 * PADDING) / spanY);
  const height = Math.ceil(spanY * scale + 2 * PADDING);
  // Centred horizontally.
  const x0 = minX - (WIDTH - spanX * scale) / 2 / scale;
  return { scale, x0, y0: minY - PADDING / scale, height };
}

const project = (f: Frame, position: number[]): [number, number] => {
  const [x, y] = mercator(position);
  return [(x - f.x0) * f.scale, (y - f.y0) * f.scale];
};

/** An SVG path of the outline: every ring a closed sub-path (holes drawn with the even-odd rule). */
function pathOf(f: Frame, coordinates: number[][][][]): string {
  return coordinates
    .flatMap((polygon) =>
      polygon.map(
        (ring) =>
          ring
            .slice(0, -1)
            .map((p, i) => {
              const [x, y] = project(f, p);
              return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
            })
            .join('') + 'Z',
      ),
    )
    .join('');
}

/** The background tiles covering the drawing, at the zoom closest to its scale (at most 36 tiles). */
function tilesOf(f: Frame, url: string): { href: string; x: number; y: number; size: number }[] {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(f.scale / TILE))));
  const n = 2 ** z;
  const size = f.scale / n;
  const [fromX, toX] = [Math.floor(f.x0 * n), Math.floor((f.x0 + WIDTH / f.scale) * n)];
  const [fromY, toY] = [Math.floor(f.y0 * n), Math.floor((f.y0 + f.height / f.scale) * n)];
  if ((toX - fromX + 1) * (toY - fromY + 1) > MAX_TILES) return [];
  const tiles = [];
  for (let tx = fromX; tx <= toX; tx++)
    for (let ty = Math.max(0, fromY); ty <= Math.min(n - 1, toY); ty++) {
      const wrapped = ((tx % n) + n) % n;
      tiles.push({
        href: url.replace('{z}', String(z)).replace('{x}', String(wrapped)).replace('{y}', String(ty)),
        x: (tx / n - f.x0) * f.scale,
        y: (ty / n - f.y0) * f.scale,
        size,
      });
    }
  return tiles;
}

/** Upper bounds of the five classes: equal steps from 0 to the largest value, so that 0 stays the lightest. */
function classesOf(max: number, measure: Measure): number[] {
  if (max <= 0) return [];
  const step = max / COLOURS.length;
  // Amounts in whole euros, counts in whole actions, indicators to the hundredth: bounds a reader can
  // compare with the table.
  const unit = measure === 'actionCount' ? 1 : measure.startsWith('indicator:') ? 0.01 : 100;
  return COLOURS.map((_, i) => (i === COLOURS.length - 1 ? max : Math.max(unit, Math.ceil((step * (i + 1)) / unit) * unit)));
}

const classOf = (value: number, bounds: number[]): number => {
  if (value <= 0 || bounds.length === 0) return -1;
  const i = bounds.findIndex((b) => value <= b);
  return i === -1 ? bounds.length - 1 : i;
};

/**
 * The quartiers prioritaires drawn from their imported outlines (projected here, in Web Mercator, with no
 * map library and no tile server unless one is configured), coloured by a chosen figure with a legend, each
 * quartier focusable and named with its figures; the same figures stand in the table beside it, so nothing
 * is carried by colour alone.
 */
export function QpvMap({
  items,
  settings,
  title,
  indicators = [],
}: {
  items: QpvMapItem[];
  settings?: MapSettings | null;
  title: string;
  /** Indicators the map may be coloured by (none on views without per-quartier indicators). */
  indicators?: MapIndicator[];
}) {
  const [measure, setMeasure] = useState<Measure>('decidedCents');
  const [focused, setFocused] = useState<string | null>(null);
  const id = useId();
  const drawn = items.filter((i) => i.coordinates && i.coordinates.length > 0);
  const frame = frameOf(drawn);
  const indicator = measure.startsWith('indicator:') ? indicators.find((x) => `indicator:${x.code}` === measure) : undefined;
  // A quartier without an accepted bilan has no value for an indicator: drawn as « rien », named so.
  const valueOf = (i: QpvMapItem): number | null => (indicator ? (indicator.realisedByQpv[i.qpvId] ?? null) : i[measure as AmountMeasure]);
  const values = items.map((i) => valueOf(i) ?? 0);
  const bounds = classesOf(Math.max(0, ...values), measure);
  const { format, label } = indicator
    ? { format: (n: number) => `${quantity(n)}${indicator.unit ? ` ${indicator.unit}` : ''}`, label: `${indicator.label} (réalisé)` }
    : MEASURES[measure as AmountMeasure];
  const figureOf = (i: QpvMapItem): string => {
    const value = valueOf(i);
    return value === null ? 'aucun bilan accepté' : format(value);
  };
  const nameOf = (i: QpvMapItem) =>
    `${i.name} (${i.code}) : ${figureOf(i)}${measure === 'actionCount' ? '' : `, ${plural(i.actionCount, 'action', 'actions')}`}`;
  const current = items.find((i) => i.qpvId === focused);
  return (
    <div className="qpv-map-layout">
      <div className="qpv-map">
        <label>
          Colorer selon{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {(Object.keys(MEASURES) as AmountMeasure[]).map((m) => (
              <option key={m} value={m}>
                {MEASURES[m].label}
              </option>
            ))}
            {indicators.length > 0 && (
              <optgroup label="Indicateurs (réalisé des bilans acceptés)">
                {indicators.map((x) => (
                  <option key={x.code} value={`indicator:${x.code}`}>
                    {x.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        {frame ? (
          <svg
            viewBox={`0 0 ${WIDTH} ${frame.height}`}
            role="group"
            aria-labelledby={`${id}-title`}
            className="qpv-map-drawing"
            data-measure={measure}
          >
            <title id={`${id}-title`}>{`${title} — ${label.toLowerCase()} par quartier`}</title>
            {settings?.tileUrl && (
              <g aria-hidden="true">
                {tilesOf(frame, settings.tileUrl).map((t) => (
                  <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} />
                ))}
              </g>
            )}
            {drawn.map((i) => {
              const c = classOf(valueOf(i) ?? 0, bounds);
              return (
                <path
                  key={i.qpvId}
                  d={pathOf(frame, i.coordinates as number[][][][])}
                  fill={c === -1 ? NO_VALUE : COLOURS[c]}
                  fillRule="evenodd"
                  className="qpv-area"
                  tabIndex={0}
                  role="img"
                  aria-label={nameOf(i)}
                  data-code={i.code}
                  onFocus={() => setFocused(i.qpvId)}
                  onBlur={() => setFocused(null)}
                  onMouseEnter={() => setFocused(i.qpvId)}
                  onMouseLeave={() => setFocused(null)}
                />
              );
            })}
          </svg>
        ) : (
          <p className="muted">Aucun contour de quartier importé : la carte apparaîtra après l’import des contours (administration).</p>
        )}
        <p className="qpv-map-focus" aria-live="polite">
          {current ? nameOf(current) : '\u00a0'}
        </p>
        {frame && drawn.length < items.length && (
          <p className="muted">
            Sans contour :{' '}
            {items
              .filter((i) => !drawn.includes(i))
              .map((i) => i.name)
              .join(', ')}
            .
          </p>
        )}
        {frame && (
          <div className="qpv-map-legend">
            <p>{label}</p>
            <ul className="plain">
              <li>
                <svg width="16" height="16" aria-hidden="true">
                  <rect width="16" height="16" fill={NO_VALUE} stroke="#555" />
                </svg>{' '}
                {measure === 'actionCount' ? 'aucune' : 'rien'}
              </li>
              {bounds.map((b, k) => (
                <li key={b}>
                  <svg width="16" height="16" aria-hidden="true">
                    <rect width="16" height="16" fill={COLOURS[k]} stroke="#555" />
                  </svg>{' '}
                  {k === 0 ? `jusqu'à ${format(b)}` : `de ${format(bounds[k - 1])} à ${format(b)}`}
                </li>
              ))}
            </ul>
            {settings?.tileUrl && settings.tileAttribution && <p className="muted">Fond de carte : {settings.tileAttribution}</p>}
          </div>
        )}
      </div>
      {/* Focusable: on a narrow screen the table scrolls sideways, and the keyboard must be able to scroll it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title} : chiffres par quartier`}>
        <table className="qpv-map-table">
          <caption className="sr-only">{title} : chiffres par quartier</caption>
          <thead>
            <tr>
              <th scope="col">QPV</th>
              <th scope="col" className="num">
                Actions
              </th>
              <th scope="col" className="num">
                Demandé
              </th>
              <th scope="col" className="num">
                Décidé
              </th>
              <th scope="col" className="num">
                Engagé
              </th>
              <th scope="col" className="num">
                Payé
              </th>
              {indicator && (
                <th scope="col" className="num">
                  {indicator.label} (réalisé)
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((q) => (
              <tr key={q.qpvId} data-code={q.code} className={q.qpvId === focused ? 'highlighted' : undefined}>
                <th scope="row">
                  {q.name} <span className="muted">({q.code})</span>
                </th>
                <td className="num">{q.actionCount}</td>
                <AmountCells amounts={q} />
                {indicator && <td className="num">{valueOf(q) === null ? '—' : format(valueOf(q) as number)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
