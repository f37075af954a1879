import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';

import { ErrorMessage, Field, Loading } from '../../common/components';
import { plural } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { OrganisationKind } from '../../gql/graphql';
import { KINDS } from './partner-labels';
import { PartnerForm, PartnerRow } from './PartnerForm';

const PARTNERS = graphql(`
  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {
    organisations(first: $first, after: $after, kind: $kind, search: $search) {
      nodes {
        id
        name
        kind
        siret
        esus
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
const CREATE = graphql(`
  mutation CreatePartner($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdatePartner($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      name
      kind
      siret
      esus
    }
  }
`);

const PAGE_SIZE = 25;

/** The territory's partners (funders and porteurs): filtered by nature and name, added and corrected. */
export function PartnersPage() {
  const { siren = '' } = useParams();
  const { can } = useTenantRole(siren);
  const canManage = can('MANAGE_PARTNERS');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const filterKey = JSON.stringify([search, kind]);
  // Keyset pagination: the cursors of the pages already passed; a new filter starts again at page 1.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  const list = useGraphQLQuery(
    PARTNERS,
    { first: PAGE_SIZE, after, ...(kind ? { kind } : {}), ...(search ? { search } : {}) },
    { tenant: siren },
  );
  const create = useGraphQLMutation(CREATE, { tenant: siren, invalidates: [PARTNERS] });
  const update = useGraphQLMutation(UPDATE, { tenant: siren, invalidates: [PARTNERS] });
  const rows = list.data?.organisations.nodes ?? [];
  const pageInfo = list.data?.organisations.pageInfo;
  const hasFilter = !!(search || kind);
  const pageNumber = cursors.length + 1;
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const goTo = (next: string[]) => {
    setPaging({ key: filterKey, cursors: next });
    resultsTitle.current?.focus();
  };

  return (
    <>
      <h1>Partenaires</h1>
      <p className="muted">Les financeurs et porteurs de projets du territoire.</p>
      {canManage && (
        <section aria-labelledby="new-partner-title" className="panel">
          <h2 id="new-partner-title">Ajouter un partenaire</h2>
          <PartnerForm
            labelledBy="new-partner-title"
            submitLabel="Ajouter le partenaire"
            onSubmit={async (input) => {
              setMessage('');
              const { createOrganisation } = await create.mutateAsync({ input: { ...input, siret: input.siret || null } });
              setMessage(`« ${createOrganisation.name} » est ajouté aux partenaires.`);
            }}
          />
        </section>
      )}
      <p role="status" className="status-line">
        {message}
      </p>
      <section aria-labelledby="partner-filters-title" className="panel">
        <h2 id="partner-filters-title" className="sr-only">
          Filtres
        </h2>
        <div className="filters">
          <form
            role="search"
            aria-label="Rechercher un partenaire"
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(text.trim());
            }}
          >
            <Field label="Nom contenant">
              {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
            <button type="submit">Rechercher</button>
          </form>
          <Field label="Nature">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind | '')}>
                <option value="">Toutes</option>
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {hasFilter && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setText('');
                setSearch('');
                setKind('');
              }}
            >
              Effacer les filtres
            </button>
          )}
        </div>
      </section>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title" ref={resultsTitle} tabIndex={-1}>
          Liste des partenaires{pageNumber > 1 ? ` — page ${pageNumber}` : ''}
        </h2>
        <ErrorMessage error={list.error} />
        {list.isPending && <Loading />}
        <p role="status" className="muted">
          {list.data &&
            !list.isPending &&
            (rows.length === 0
              ? hasFilter
                ? 'Aucun partenaire ne correspond à ces critères.'
                : 'Aucun partenaire pour l’instant.'
              : `${plural(rows.length, 'partenaire', 'partenaires')} sur cette page${pageInfo?.hasNextPage ? ', d’autres suivent' : ''}.`)}
        </p>
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="partners-table">
              <caption className="sr-only">
                Partenaires {hasFilter ? 'correspondant aux filtres' : 'du territoire'}, page {pageNumber}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Nature</th>
                  <th scope="col">SIRET</th>
                  <th scope="col">Agrément ESUS</th>
                  {canManage && (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <PartnerRow
                    key={o.id}
                    partner={o}
                    canManage={canManage}
                    editing={editing === o.id}
                    onEdit={() => setEditing(o.id)}
                    onClose={() => setEditing(null)}
                    onSave={async (input) => {
                      setMessage('');
                      const { updateOrganisation } = await update.mutateAsync({
                        input: { id: o.id, ...input, siret: input.siret || null },
                      });
                      setEditing(null);
                      setMessage(`« ${updateOrganisation.name} » est modifié.`);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(cursors.length > 0 || pageInfo?.hasNextPage) && (
          <nav aria-label="Pages de partenaires" className="pager">
            {cursors.length > 0 && (
              <button type="button" className="secondary" onClick={() => goTo(cursors.slice(0, -1))}>
                Page précédente
              </button>
            )}
            <span>Page {pageNumber}</span>
            {pageInfo?.hasNextPage && pageInfo.endCursor && (
              <button type="button" className="secondary" onClick={() => goTo([...cursors, pageInfo.endCursor as string])}>
                Page suivante
              </button>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
