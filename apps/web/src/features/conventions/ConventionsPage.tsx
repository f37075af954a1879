import { FormEvent, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';

import { ErrorMessage, Field, Loading, Pager } from '../../common/components';
import { useSelectedContrat } from '../../common/contrat';
import { plural } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useSetSearchParams } from '../../common/search-params';
import { useSession } from '../../common/session';
import type { ConventionFilter, ConventionStatus } from '../../gql/graphql';
import { contratYears, useReferenceData } from '../actions/reference-data';
import { ConventionCard } from './ConventionCard';
import { CONVENTION_STATUS_LABELS, CONVENTIONS } from './conventions-queries';

const PAGE_SIZE = 20;
/** What awaits my organisation's signature is shown whole, above the pages of the others. */
const MINE_MAX = 100;

/**
 * The funding conventions, searched and filtered by the server (filters kept in the address, shareable;
 * `?contrat=` is the contract chosen in the frame): those waiting for my organisation's signature first,
 * then the others by pages.
 */
export function ConventionsPage() {
  const { siren = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { tenants } = useSession();
  const me = tenants.find((t) => t.tenant.siren === siren);
  const org = me?.permissions.includes('SIGN') ? (me.organisationId ?? null) : null;
  const ref = useReferenceData(siren);

  const q = params.get('q') ?? '';
  const etatParam = params.get('etat') ?? '';
  const etat = Object.hasOwn(CONVENTION_STATUS_LABELS, etatParam) ? (etatParam as ConventionStatus) : null;
  const financeur = params.get('financeur') ?? '';
  const exerciceParam = params.get('exercice') ?? '';
  const exercice = /^\d{4}$/.test(exerciceParam) ? Number(exerciceParam) : null;
  const action = params.get('action') ?? '';
  // The conventions of the chosen contract's actions (the picker's choice, kept in the address).
  const { contrat } = useSelectedContrat(siren);
  const contratId = contrat?.id ?? '';

  const filter: ConventionFilter = {
    ...(q.trim() ? { search: q.trim() } : {}),
    ...(etat ? { status: [etat] } : {}),
    ...(financeur ? { funderId: financeur } : {}),
    ...(exercice ? { exerciseYear: exercice } : {}),
    ...(action ? { actionId: action } : {}),
    ...(contratId ? { contratId } : {}),
  };
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  const mineQuery = useGraphQLQuery(
    CONVENTIONS,
    { filter: { ...filter, awaitingMySignature: true }, first: MINE_MAX },
    { tenant: siren, enabled: !!org },
  );
  const othersQuery = useGraphQLQuery(
    CONVENTIONS,
    { filter: org ? { ...filter, awaitingMySignature: false } : filter, first: PAGE_SIZE, after },
    { tenant: siren },
  );
  const mine = mineQuery.data?.conventions.nodes ?? [];
  const others = othersQuery.data?.conventions.nodes ?? [];
  const pageInfo = othersQuery.data?.conventions.pageInfo;
  const [announcement, setAnnouncement] = useState('');

  const [text, setText] = useState(q);
  // The search field follows the address (back, forward, a link): adjusted while rendering, not in an effect.
  const [textOf, setTextOf] = useState(q);
  if (q !== textOf) {
    setTextOf(q);
    setText(q);
  }
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const setParam = useSetSearchParams();
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParam({ q: text.trim() });
  };
  const goTo = (next: string[]) => {
    setPaging({ key: filterKey, cursors: next });
    resultsTitle.current?.focus();
  };
  const hasFilter = !!(q || etat || financeur || exercice || action);
  const pageNumber = cursors.length + 1;
  const loading = othersQuery.isPending || (!!org && mineQuery.isPending);

  return (
    <>
      <h1>Conventions</h1>
      <ErrorMessage error={ref.error} />
      <section aria-labelledby="filters-title" className="panel">
        <h2 id="filters-title" className="sr-only">
          Filtres
        </h2>
        <form role="search" aria-label="Rechercher une convention" className="filters" onSubmit={search}>
          <Field label="Action (intitulé ou référence) ou porteur">
            {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <button type="submit">Rechercher</button>
        </form>
        <div className="filters">
          <Field label="État">
            {(p) => (
              <select {...p} value={etat ?? ''} onChange={(e) => setParam({ etat: e.target.value })}>
                <option value="">Tous</option>
                {Object.entries(CONVENTION_STATUS_LABELS).map(([k, label]) => (
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
          {action && (
            <p>
              Convention d'une seule action.{' '}
              <button type="button" className="link-button" onClick={() => setParam({ action: '' })}>
                Voir toutes les conventions
              </button>
            </p>
          )}
          {hasFilter && (
            <button type="button" className="secondary" onClick={() => setParams(contratId ? { contrat: contratId } : {})}>
              Effacer les filtres
            </button>
          )}
        </div>
      </section>
      <ErrorMessage error={othersQuery.error ?? mineQuery.error} />
      {loading && <Loading />}
      <div role="status" aria-live="polite" className={announcement ? 'notice' : 'sr-only'}>
        {announcement}
      </div>
      {!loading && (
        <>
          {org && (
            <section aria-labelledby="to-sign-title">
              <h2 id="to-sign-title">À signer par votre organisation</h2>
              <p>{plural(mine.length, 'convention attend', 'conventions attendent', 'Aucune convention n’attend')} votre signature.</p>
              <ul className="cards convention-cards">
                {mine.map((c) => (
                  <ConventionCard key={c.id} c={c} siren={siren} org={org} announce={setAnnouncement} />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="others-title">
            <h2 id="others-title" ref={resultsTitle} tabIndex={-1}>
              {org ? 'Autres conventions' : 'Toutes les conventions'}
              {pageNumber > 1 ? ` — page ${pageNumber}` : ''}
            </h2>
            <p className="muted" role="status">
              {others.length === 0
                ? hasFilter
                  ? 'Aucune convention ne correspond à ces critères.'
                  : 'Aucune convention.'
                : `${plural(others.length, 'convention', 'conventions')} sur cette page${pageInfo?.hasNextPage ? ', d’autres suivent' : ''}.`}
            </p>
            {others.length > 0 && (
              <ul className="cards convention-cards">
                {others.map((c) => (
                  <ConventionCard key={c.id} c={c} siren={siren} org={org} announce={setAnnouncement} />
                ))}
              </ul>
            )}
            <Pager label="Pages de conventions" cursors={cursors} pageInfo={pageInfo} loading={othersQuery.isPending} onGoTo={goTo} />
          </section>
        </>
      )}
    </>
  );
}
