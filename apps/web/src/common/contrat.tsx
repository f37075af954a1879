import { useCallback } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { graphql } from '../gql';
import type { TerritoryContratsQuery } from '../gql/graphql';
import type { ApiError } from './api';
import { useGraphQLQuery } from './query';

/**
 * The territory's contracts with what every screen needs of them: years, pillars and their objectives,
 * QPVs. One query, cached per territory, that the frame's picker and each screen share.
 */
export const TERRITORY_CONTRATS = graphql(`
  query TerritoryContrats {
    contrats {
      id
      title
      startYear
      endYear
      status
      pillars {
        id
        title
        position
        kind
        objectives {
          id
          code
          title
        }
      }
      qpvs {
        id
        code
        name
        enVeille
      }
    }
  }
`);

export type Contrat = TerritoryContratsQuery['contrats'][number];

/** The years of a contract, first to last. */
export const contratYears = (c: { startYear: number; endYear: number } | null): number[] =>
  c ? Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i) : [];

/** The address's query parameter that names the chosen contract (`?contrat=<id>`), on every territory screen. */
export const CONTRAT_PARAM = 'contrat';

/** A contract signed or under way comes before one still in preparation (a draft, a test) or closed. */
const LIVE: ReadonlySet<string> = new Set(['SIGNE', 'EN_COURS']);

/**
 * The contract a territory screen shows when the address names none: the one in force this year (start year ≤
 * year ≤ end year; a signed or running one before a draft; the most recent to start if several), else the
 * most recent. Never merely the first of the list: a contract created for a test or being prepared must not
 * hide the contract in force (it once did, and the action form offered that draft's one QPV and no objective).
 */
export function defaultContrat<C extends { startYear: number; endYear: number; status: string }>(
  contrats: readonly C[],
  year: number,
): C | null {
  const inForce = contrats
    .filter((c) => c.startYear <= year && year <= c.endYear)
    .sort((a, b) => Number(LIVE.has(b.status)) - Number(LIVE.has(a.status)) || b.startYear - a.startYear);
  return inForce[0] ?? [...contrats].sort((a, b) => b.startYear - a.startYear)[0] ?? null;
}

export interface SelectedContrat {
  /** The chosen contract: the address's, else the default; null while loading or when the territory has none. */
  contrat: Contrat | null;
  /** Every contract of the territory, the latest first. */
  contrats: Contrat[];
  /** Chooses a contract: kept in the address (`?contrat=`), so that a reload or a shared link keeps it. */
  setContrat(id: string): void;
  /** The address named a contract this territory does not have (another territory's, or a deleted one). */
  unknown: boolean;
  loading: boolean;
  error: ApiError | null;
}

/** The contract chosen in the address of the current territory screen (`/t/:siren/…?contrat=<id>`). */
export function useSelectedContrat(sirenArg?: string): SelectedContrat {
  const params = useParams();
  const siren = sirenArg ?? params.siren ?? '';
  const [search, setSearch] = useSearchParams();
  const query = useGraphQLQuery(TERRITORY_CONTRATS, {}, { tenant: siren, enabled: !!siren });
  const contrats = query.data?.contrats ?? [];
  const wanted = search.get(CONTRAT_PARAM);
  const named = wanted ? (contrats.find((c) => c.id === wanted.toLowerCase()) ?? null) : null;
  const contrat = named ?? defaultContrat(contrats, new Date().getFullYear());
  const setContrat = useCallback(
    (id: string) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        next.set(CONTRAT_PARAM, id);
        return next;
      }),
    [setSearch],
  );
  return {
    contrat,
    contrats,
    setContrat,
    unknown: !!wanted && !!query.data && !named,
    loading: query.isPending && !!siren,
    error: query.error,
  };
}

/**
 * `path` with the address's chosen contract, for the links between territory screens: the choice follows
 * the person from screen to screen. Without a choice in the address, the path is unchanged (the default applies).
 */
export function useContratLink(): (path: string) => string {
  const [search] = useSearchParams();
  const chosen = search.get(CONTRAT_PARAM);
  return useCallback(
    (path: string) => {
      if (!chosen) return path;
      // The fragment (`#convention-…`) stays last: the query goes before it.
      const [beforeHash, ...hash] = path.split('#');
      const [pathname, query = ''] = beforeHash.split('?');
      const params = new URLSearchParams(query);
      // A link that names its own contract (a deadline's contract) keeps it.
      if (!params.has(CONTRAT_PARAM)) params.set(CONTRAT_PARAM, chosen);
      return `${pathname}?${params.toString()}${hash.length > 0 ? `#${hash.join('#')}` : ''}`;
    },
    [chosen],
  );
}

/**
 * The contract picker of the territory frame. On a screen of one action or one committee (which belongs to
 * its own contract), choosing another contract goes back to the list of that kind.
 */
export function ContratPicker() {
  const { siren } = useParams();
  const { contrat, contrats, setContrat, unknown } = useSelectedContrat();
  const location = useLocation();
  const navigate = useNavigate();
  if (!siren || contrats.length === 0 || !contrat) return null;
  const choose = (id: string) => {
    const list = /^\/t\/[^/]+\/(actions|comites)\/[^/]+(\/modifier)?$/.exec(location.pathname);
    if (list && !location.pathname.endsWith('/actions/nouvelle')) {
      void navigate(`/t/${siren}/${list[1]}?${CONTRAT_PARAM}=${id}`);
    } else setContrat(id);
  };
  return (
    <div className="contrat-picker">
      {contrats.length > 1 ? (
        <label>
          <span>Contrat de ville</span>{' '}
          <select value={contrat.id} onChange={(e) => choose(e.target.value)}>
            {contrats.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.startYear}–{c.endYear})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>
          <span>Contrat de ville</span> : {contrat.title} ({contrat.startYear}–{contrat.endYear})
        </p>
      )}
      {unknown && (
        <p role="status" className="notice-warn">
          Le contrat demandé n'existe pas dans ce territoire : le contrat en vigueur est affiché.
        </p>
      )}
    </div>
  );
}
