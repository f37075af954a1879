import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ErrorMessage, Field, Loading, Pager } from '../../common/components';
import { civilDate, plural } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useSetSearchParams } from '../../common/search-params';
import { useSession, useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { DeadlineFilter, DeadlineKind, DeadlineState } from '../../gql/graphql';
import { DEADLINE_KIND_LABELS, DEADLINE_STATE_LABELS, objectLink } from './deadline-links';

export const DEADLINE_LIST = graphql(`
  query DeadlineList($first: Int!, $after: String, $filter: DeadlineFilter) {
    deadlines(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        kind
        label
        dueDate
        state
        dueIn
        actionId
        committeeId
        conventionId
        contratId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CHOICES = graphql(`
  query DeadlineFilterChoices {
    contrats {
      id
      title
    }
  }
`);

const COMMITTEES = graphql(`
  query DeadlineFilterCommittees($contratId: ID!) {
    committees(contratId: $contratId) {
      id
      title
      scheduledAt
    }
  }
`);

const ACTION = graphql(`
  query DeadlineFilterAction($id: ID!) {
    action(id: $id) {
      id
      reference
      title
    }
  }
`);

const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
/** The « état » choices: the open ones by default, or one state. */
const OPEN: DeadlineState[] = ['OVERDUE', 'DUE', 'UPCOMING'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidParam = (value: string | null): string => (value && UUID.test(value) ? value : '');

/**
 * « Mes échéances »: the territory's deadlines, filtered and paged by the API; each one leads to its object.
 * The filters live in the address (shareable, back and forward work); the contract chosen elsewhere comes
 * as `?contrat=<id>`.
 */
export function DeadlinesPage() {
  const { siren = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const { can } = useTenantRole(siren);

  const kindParam = params.get('nature') ?? '';
  const kind = Object.hasOwn(DEADLINE_KIND_LABELS, kindParam) ? (kindParam as DeadlineKind) : '';
  const stateParam = params.get('etat') ?? '';
  const state = Object.hasOwn(DEADLINE_STATE_LABELS, stateParam) ? (stateParam as DeadlineState) : '';
  const actionId = uuidParam(params.get('action'));
  const committeeId = uuidParam(params.get('comite'));
  const contratId = uuidParam(params.get('contrat'));
  // Mine unless asked otherwise; an organisation's representative only ever sees theirs (the API's rule).
  const everyone = params.get('toutes') === '1';
  const sizeParam = Number(params.get('taille'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;

  const filter: DeadlineFilter = {
    states: state ? [state] : OPEN,
    ...(kind ? { kinds: [kind] } : {}),
    ...(actionId ? { actionId } : {}),
    ...(committeeId ? { committeeId } : {}),
    ...(contratId ? { contratId } : {}),
    ...(!everyone && user ? { userId: user.id } : {}),
  };
  const filterKey = JSON.stringify([filter, pageSize]);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  const list = useGraphQLQuery(DEADLINE_LIST, { first: pageSize, after, filter }, { tenant: siren, enabled: !!user });
  const rows = list.data?.deadlines.nodes ?? [];
  const pageInfo = list.data?.deadlines.pageInfo;

  const choices = useGraphQLQuery(CHOICES, {}, { tenant: siren });
  const committeesOf = contratId || choices.data?.contrats[0]?.id || '';
  const committees = useGraphQLQuery(COMMITTEES, { contratId: committeesOf }, { tenant: siren, enabled: !!committeesOf });
  const action = useGraphQLQuery(ACTION, { id: actionId }, { tenant: siren, enabled: !!actionId });

  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const setParam = useSetSearchParams();
  const goTo = (next: string[]) => {
    setPaging({ key: filterKey, cursors: next });
    resultsTitle.current?.focus();
  };
  const hasFilter = !!(kind || state || actionId || committeeId || everyone);
  const pageNumber = cursors.length + 1;

  return (
    <>
      <h1>Mes échéances</h1>
      <section aria-labelledby="deadline-filters-title" className="panel">
        <h2 id="deadline-filters-title" className="sr-only">
          Filtres
        </h2>
        <div className="filters">
          <Field label="Nature">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setParam({ nature: e.target.value })}>
                <option value="">Toutes</option>
                {Object.entries(DEADLINE_KIND_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="État">
            {(p) => (
              <select {...p} value={state} onChange={(e) => setParam({ etat: e.target.value })}>
                <option value="">En cours (en retard, proches, à venir)</option>
                {Object.entries(DEADLINE_STATE_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Comité">
            {(p) => (
              <select {...p} value={committeeId} onChange={(e) => setParam({ comite: e.target.value })}>
                <option value="">Tous</option>
                {committees.data?.committees.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={state === 'OVERDUE'}
                onChange={(e) => setParam({ etat: e.target.checked ? 'OVERDUE' : '' })}
              />{' '}
              En retard seulement
            </label>
            <label>
              <input type="checkbox" checked={everyone} onChange={(e) => setParam({ toutes: e.target.checked ? '1' : '' })} /> Toutes celles
              du territoire, pas seulement les miennes
            </label>
          </div>
          {actionId && (
            <p>
              Action :{' '}
              <Link to={`/t/${siren}/actions/${actionId}`}>
                {action.data ? `${action.data.action.reference} « ${action.data.action.title} »` : 'cette action'}
              </Link>{' '}
              <button type="button" className="secondary" onClick={() => setParam({ action: '' })}>
                Toutes les actions
              </button>
            </p>
          )}
          {hasFilter && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setParams({
                  ...(contratId ? { contrat: contratId } : {}),
                  ...(pageSize !== DEFAULT_PAGE_SIZE ? { taille: String(pageSize) } : {}),
                })
              }
            >
              Effacer les filtres
            </button>
          )}
        </div>
      </section>

      <section aria-labelledby="deadline-results-title">
        <h2 id="deadline-results-title" ref={resultsTitle} tabIndex={-1}>
          Échéances{pageNumber > 1 ? ` — page ${pageNumber}` : ''}
        </h2>
        <ErrorMessage error={list.error ?? choices.error} />
        {list.isPending && <Loading />}
        <p role="status" className="muted">
          {list.data &&
            !list.isPending &&
            (rows.length === 0
              ? 'Aucune échéance ne correspond à ces critères.'
              : `${plural(rows.length, 'échéance', 'échéances')} sur cette page${pageInfo?.hasNextPage ? ', d’autres suivent' : ''}.`)}
        </p>
        {rows.length > 0 && (
          <table>
            <caption className="sr-only">Échéances, les plus proches d'abord, page {pageNumber}</caption>
            <thead>
              <tr>
                <th scope="col">Échéance</th>
                <th scope="col">Nature</th>
                <th scope="col">Date</th>
                <th scope="col">Quand</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => {
                const link = objectLink(siren, d, can('READ_TENANT_FIGURES'));
                return (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link to={link.to}>{d.label}</Link>{' '}
                      <Link to={`/t/${siren}/echeances/${d.id}`} className="muted">
                        Détail<span className="sr-only"> de l'échéance : {d.label}</span>
                      </Link>
                    </th>
                    <td>{DEADLINE_KIND_LABELS[d.kind]}</td>
                    <td className="nowrap">{civilDate(d.dueDate)}</td>
                    <td>{d.state === 'MET' ? '—' : d.dueIn}</td>
                    <td>
                      <span className={`badge badge-${d.state.toLowerCase()}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <label>
          Échéances par page{' '}
          <select
            value={pageSize}
            onChange={(e) => setParam({ taille: Number(e.target.value) === DEFAULT_PAGE_SIZE ? '' : e.target.value })}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Pager label="Pages d'échéances" cursors={cursors} pageInfo={pageInfo} loading={list.isPending} onGoTo={goTo} />
      </section>
    </>
  );
}
