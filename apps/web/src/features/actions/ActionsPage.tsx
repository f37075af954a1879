import { FormEvent, ReactNode, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ApiError, download } from '../../common/api';
import { ErrorMessage, Field, Loading, Pager } from '../../common/components';
import { CONTRAT_PARAM, useContratLink } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { civilDate, euros, plural, STATUS_LABELS } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useSetSearchParams } from '../../common/search-params';
import { useTenantRole } from '../../common/session';
import type { ActionFilter, ActionsListQuery, ActionStatus } from '../../gql/graphql';
import { ACTIONS_LIST } from './action-queries';
import { contratYears, useReferenceData } from './reference-data';

type Row = ActionsListQuery['actions']['nodes'][number];

/** Decided so far: the sum of the lines decided; null while none is. */
const decidedCents = (a: Row): number | null =>
  a.fundingLines.some((l) => l.decidedAmountCents !== null && l.decidedAmountCents !== undefined)
    ? a.fundingLines.reduce((sum, l) => sum + (l.decidedAmountCents ?? 0), 0)
    : null;
const funderNames = (a: Row): string[] => [...new Set(a.fundingLines.map((l) => l.funder.name))].sort((x, y) => x.localeCompare(y, 'fr'));

interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** Kept on one line (references). */
  nowrap?: boolean;
  /** Shown when the person has not chosen yet. */
  initial: boolean;
  render(a: Row): ReactNode;
}

const COLUMNS: Column[] = [
  { key: 'reference', label: 'Référence', nowrap: true, initial: true, render: (a) => a.reference },
  { key: 'title', label: 'Intitulé', initial: true, render: (a) => a.title },
  { key: 'porteur', label: 'Porteur', initial: true, render: (a) => a.porteur.name },
  { key: 'pillar', label: 'Pilier', initial: true, render: (a) => a.pillar.title },
  {
    key: 'objective',
    label: 'Objectif',
    initial: false,
    render: (a) => (a.objective ? `${a.objective.code} ${a.objective.title}` : '—'),
  },
  {
    key: 'status',
    label: 'État',
    initial: true,
    render: (a) => STATUS_LABELS[a.status] ?? a.status,
  },
  {
    key: 'requested',
    label: 'Demandé',
    numeric: true,
    initial: true,
    render: (a) => euros(a.fundingTotals.requestedCents),
  },
  {
    key: 'decided',
    label: 'Décidé',
    numeric: true,
    initial: true,
    render: (a) => euros(decidedCents(a)),
  },
  {
    key: 'budget',
    label: 'Budget total',
    numeric: true,
    initial: false,
    render: (a) => euros(a.totalBudgetCents),
  },
  {
    key: 'qpvs',
    label: 'QPV',
    initial: true,
    render: (a) => a.qpvs.map((q) => q.name).join(', '),
  },
  { key: 'funders', label: 'Financeurs', initial: false, render: (a) => funderNames(a).join(', ') },
  { key: 'startDate', label: 'Début', initial: false, render: (a) => civilDate(a.startDate) },
  { key: 'endDate', label: 'Fin', initial: false, render: (a) => civilDate(a.endDate) },
];

const COLUMNS_KEY = 'pilotis.actions.colonnes';
const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 50;

function initialColumns(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(saved)) {
      const keys = saved.filter((k): k is string => typeof k === 'string' && COLUMNS.some((c) => c.key === k));
      if (keys.includes('title')) return keys;
    }
  } catch {
    // A damaged preference: the usual columns.
  }
  return COLUMNS.filter((c) => c.initial).map((c) => c.key);
}

/** "Rennes Métropole" → "rennes-metropole", for file names. */
const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'territoire';

/** The chef de projet's list: filters kept in the address (shareable), chosen columns, pages, CSV and XLSX exports. */
export function ActionsPage() {
  const { siren = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { can, tenantName } = useTenantRole(siren);
  const withContrat = useContratLink();
  const ref = useReferenceData(siren);
  const contrat = ref.contrat;

  const q = params.get('q') ?? '';
  const pilier = params.get('pilier') ?? '';
  const objectif = params.get('objectif') ?? '';
  const etatParam = params.get('etat') ?? '';
  const etat = Object.hasOwn(STATUS_LABELS, etatParam) ? etatParam : '';
  const financeur = params.get('financeur') ?? '';
  const qpv = params.get('qpv') ?? '';
  const exerciceParam = params.get('exercice') ?? '';
  const exercice = /^\d{4}$/.test(exerciceParam) ? Number(exerciceParam) : null;
  const tailleParam = Number(params.get('taille'));
  const pageSize = PAGE_SIZES.includes(tailleParam) ? tailleParam : DEFAULT_PAGE_SIZE;

  // The chosen contract's actions; a pillar, objective or QPV of another contract (left in the address when
  // the contract changed) is no filter here.
  const ofContrat = (pillarId: string) => !!contrat?.pillars.some((p) => p.id === pillarId);
  const filter: ActionFilter = {
    ...(contrat ? { contratId: contrat.id } : {}),
    ...(q.trim() ? { search: q.trim() } : {}),
    ...(pilier && ofContrat(pilier) ? { pillarId: pilier } : {}),
    ...(objectif && contrat?.pillars.some((p) => p.objectives.some((o) => o.id === objectif)) ? { objectiveId: objectif } : {}),
    ...(etat ? { status: [etat as ActionStatus] } : {}),
    ...(financeur ? { funderId: financeur } : {}),
    ...(qpv && contrat?.qpvs.some((x) => x.id === qpv) ? { qpvId: qpv } : {}),
    ...(exercice ? { exerciseYear: exercice } : {}),
  };
  const filterKey = JSON.stringify([filter, pageSize]);

  // Keyset pagination: the cursors of the pages already passed; a new filter starts again at page 1.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  // Read once the contract is known (a territory without any has no action).
  const list = useGraphQLQuery(
    ACTIONS_LIST,
    { first: pageSize, after, filter },
    { tenant: siren, enabled: !!contrat || (!ref.loading && ref.contrats.length === 0) },
  );
  const rows = list.data?.actions.nodes ?? [];
  const pageInfo = list.data?.actions.pageInfo;

  const [columns, setColumns] = useState<string[]>(initialColumns);
  const visible = COLUMNS.filter((c) => columns.includes(c.key));
  const toggleColumn = (key: string, on: boolean) => {
    const next = COLUMNS.map((c) => c.key).filter((k) => (k === key ? on : columns.includes(k)));
    setColumns(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };

  const [text, setText] = useState(q);
  // The search field follows the address (back, forward, a link): adjusted while rendering, not in an effect.
  const [textOf, setTextOf] = useState(q);
  if (q !== textOf) {
    setTextOf(q);
    setText(q);
  }

  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const setParam = useSetSearchParams();
  const goTo = (next: string[]) => {
    setPaging({ key: filterKey, cursors: next });
    resultsTitle.current?.focus();
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParam({ q: text.trim() });
  };
  const pillar = contrat?.pillars.find((p) => p.id === pilier);
  const hasFilter = !!(q || pilier || objectif || etat || financeur || qpv || exercice);
  const pageNumber = cursors.length + 1;

  // The export is the API's: every action of the current filters (the chosen contract's among them),
  // streamed as CSV or XLSX, not the page on screen.
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const exportFile = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) {
      if (v !== null && v !== undefined && v !== '') query.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    setExportError(null);
    void download(`/actions/export.${format}?${query.toString()}`, siren, `actions-${slug(tenantName || siren)}.${format}`).catch(
      (error: unknown) => setExportError(asApiError(error)),
    );
  };

  return (
    <>
      <div className="page-head">
        <h1>Actions</h1>
        {can('MANAGE_ACTIONS') && (
          <Link className="button-link" to={withContrat(`/t/${siren}/actions/nouvelle`)}>
            Nouvelle action
          </Link>
        )}
      </div>
      <ErrorMessage error={ref.error} />
      <section aria-labelledby="filters-title" className="panel">
        <h2 id="filters-title" className="sr-only">
          Filtres
        </h2>
        <form role="search" aria-label="Rechercher une action" className="filters" onSubmit={search}>
          <Field label="Intitulé ou référence">
            {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <button type="submit">Rechercher</button>
        </form>
        <div className="filters">
          <Field label="Pilier">
            {(p) => (
              <select {...p} value={pilier} onChange={(e) => setParam({ pilier: e.target.value, objectif: '' })}>
                <option value="">Tous</option>
                {contrat?.pillars.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {pillar && pillar.objectives.length > 0 && (
            <Field label="Objectif">
              {(p) => (
                <select {...p} value={objectif} onChange={(e) => setParam({ objectif: e.target.value })}>
                  <option value="">Tous</option>
                  {pillar.objectives.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.code} {o.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="État">
            {(p) => (
              <select {...p} value={etat} onChange={(e) => setParam({ etat: e.target.value })}>
                <option value="">Tous</option>
                {Object.entries(STATUS_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Financeur">
            {(p) => (
              <select {...p} value={financeur} onChange={(e) => setParam({ financeur: e.target.value })}>
                <option value="">Tous</option>
                {ref.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Quartier (QPV)">
            {(p) => (
              <select {...p} value={qpv} onChange={(e) => setParam({ qpv: e.target.value })}>
                <option value="">Tous</option>
                {contrat?.qpvs.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Exercice">
            {(p) => (
              <select {...p} value={exercice ?? ''} onChange={(e) => setParam({ exercice: e.target.value })}>
                <option value="">Tous</option>
                {contratYears(contrat).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {hasFilter && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setParams({
                  ...(pageSize === DEFAULT_PAGE_SIZE ? {} : { taille: String(pageSize) }),
                  // The chosen contract is no filter: it stays.
                  ...(params.get(CONTRAT_PARAM) ? { [CONTRAT_PARAM]: params.get(CONTRAT_PARAM) as string } : {}),
                })
              }
            >
              Effacer les filtres
            </button>
          )}
        </div>
      </section>

      <div className="toolbar">
        <details className="column-chooser">
          <summary>Colonnes affichées ({visible.length})</summary>
          <fieldset>
            <legend>Colonnes du tableau</legend>
            <ul className="checks">
              {COLUMNS.map((c) => (
                <li key={c.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={columns.includes(c.key)}
                      disabled={c.key === 'title'}
                      onChange={(e) => toggleColumn(c.key, e.target.checked)}
                    />{' '}
                    {c.label}
                    {c.key === 'title' && <span className="muted"> (toujours affiché)</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </details>
        <label>
          Actions par page{' '}
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
        {can('READ') && (
          <>
            <button type="button" className="secondary" onClick={() => exportFile('csv')} disabled={rows.length === 0}>
              Exporter la liste en CSV
            </button>
            <button type="button" className="secondary" onClick={() => exportFile('xlsx')} disabled={rows.length === 0}>
              Exporter la liste en XLSX
            </button>
          </>
        )}
      </div>
      <ErrorMessage error={exportError} context="operation" />

      <section aria-labelledby="results-title">
        <h2 id="results-title" ref={resultsTitle} tabIndex={-1}>
          Résultats{pageNumber > 1 ? ` — page ${pageNumber}` : ''}
        </h2>
        <ErrorMessage error={list.error} />
        {list.isPending && <Loading />}
        <p role="status" className="muted">
          {list.data &&
            !list.isPending &&
            (rows.length === 0
              ? hasFilter
                ? 'Aucune action ne correspond à ces critères.'
                : 'Aucune action pour l’instant.'
              : `${plural(rows.length, 'action', 'actions')} sur cette page${pageInfo?.hasNextPage ? ', d’autres suivent' : ''}.`)}
        </p>
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="actions-table">
              <caption className="sr-only">
                Actions {hasFilter ? 'correspondant aux filtres' : 'du territoire'}, page {pageNumber}
              </caption>
              <thead>
                <tr>
                  {visible.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    {visible.map((c) =>
                      c.key === 'title' ? (
                        <th key={c.key} scope="row">
                          <Link to={withContrat(`/t/${siren}/actions/${a.id}`)}>{a.title}</Link>
                        </th>
                      ) : (
                        <td key={c.key} className={c.numeric ? 'num' : c.nowrap ? 'nowrap' : undefined}>
                          {c.render(a)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager label="Pages de résultats" cursors={cursors} pageInfo={pageInfo} loading={list.isPending} onGoTo={goTo} />
      </section>
    </>
  );
}
