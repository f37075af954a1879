import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { de } from '@pilotis/shared/french';

import type { ApiError } from '../../common/api';
import { ConfirmButton, ErrorMessage, Field, Loading, Pager } from '../../common/components';
import { useContratLink, useSelectedContrat } from '../../common/contrat';
import { asApiError, errorText } from '../../common/errors';
import { dateTime, euros, plural } from '../../common/format';
import { graphQLKey, useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSetSearchParams } from '../../common/search-params';
import { useSession, useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { ConventionFilter, ConventionListQuery, ConventionStatus } from '../../gql/graphql';
import { contratYears, useReferenceData } from '../actions/reference-data';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ConventionPdfButton } from './ConventionPapers';
import { OnBehalfSignForm } from './OnBehalfSignForm';
import { ScheduleEditor } from './ScheduleEditor';

const CONVENTIONS = graphql(`
  query ConventionList($filter: ConventionFilter, $first: Int, $after: String) {
    conventions(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        actionId
        status
        sequential
        signedCount
        signatoryCount
        updatedAt
        viewerMayAttachDocuments
        documents {
          id
          kind
          fileName
          contentType
          sizeBytes
          sha256
          uploadedAt
          uploaderName
          downloadPath
          viewerMayDelete
        }
        currentVersion {
          id
          number
          hash
          reason
          createdAt
          signatories {
            id
            organisationId
            organisation {
              name
            }
            role
            position
            amountCents
            advancePercent
            advanceCents
            balancePercent
            bilanDueDate
            tranches {
              percent
              dueDate
              condition
            }
            viewerMaySignOnBehalf
          }
          signatures {
            organisationId
            signedAt
            onBehalf {
              signerName
              signerQuality
              recordedByName
              mandateAuthor
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ACTION = graphql(`
  query ConventionAction($id: ID!) {
    action(id: $id) {
      id
      title
      reference
      status
      porteur {
        name
      }
    }
  }
`);

const TEXT = graphql(`
  query ConventionText($versionId: ID!) {
    conventionText(versionId: $versionId)
  }
`);

const SIGN = graphql(`
  mutation SignConvention($input: SignConventionInput!) {
    signConvention(input: $input) {
      id
      status
      signedCount
      signatoryCount
    }
  }
`);

type Convention = ConventionListQuery['conventions']['nodes'][number];

const CONVENTION_STATUS_LABELS: Record<ConventionStatus, string> = {
  BROUILLON: 'À signer (aucune signature)',
  EN_SIGNATURE: 'En signature',
  SIGNEE: 'Signée',
  ANNULEE: 'Annulée',
};

/** Whether the organisation still has to sign the version in force. */
function awaits(c: Convention, org: string | null): boolean {
  if (!org || c.status === 'SIGNEE' || c.status === 'ANNULEE') return false;
  const v = c.currentVersion;
  return v.signatories.some((s) => s.organisationId === org) && !v.signatures.some((s) => s.organisationId === org);
}

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

function ConventionCard({ c, siren, org, announce }: { c: Convention; siren: string; org: string | null; announce(text: string): void }) {
  const action = useGraphQLQuery(ACTION, { id: c.actionId }, { tenant: siren });
  const queryClient = useQueryClient();
  const sign = useGraphQLMutation(SIGN, { tenant: siren, invalidates: [CONVENTIONS] });
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [showText, setShowText] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { can } = useTenantRole(siren);
  const withContrat = useContratLink();
  const v = c.currentVersion;
  const signedBy = new Map(v.signatures.map((s) => [s.organisationId, s.signedAt]));
  const onBehalfOf = new Map(v.signatures.map((s) => [s.organisationId, s.onBehalf]));
  const a = action.data?.action;
  const title = a ? a.title : 'Convention';
  const headingId = `convention-${c.id}`;
  const myTurnBlocked =
    c.sequential && org
      ? v.signatories.some(
          (s) => s.position < (v.signatories.find((x) => x.organisationId === org)?.position ?? 0) && !signedBy.has(s.organisationId),
        )
      : false;
  return (
    <li className="card" id={`convention-${c.id}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        {a && (
          <p className="muted">
            {a.reference} · porté par {a.porteur.name}
          </p>
        )}
        <p>
          <strong>
            {c.signedCount} sur {c.signatoryCount} signatures
          </strong>{' '}
          · {CONVENTION_STATUS_LABELS[c.status] ?? c.status}
          {v.number > 1 && ` · avenant n° ${v.number - 1}`}
          {c.sequential && ' · signature dans l’ordre'}
        </p>
        {v.reason && <p className="muted">Motif de l'avenant : {v.reason}</p>}
        <table className="compact">
          <caption className="sr-only">Signataires de la version {v.number}</caption>
          <thead>
            <tr>
              <th scope="col">Signataire</th>
              <th scope="col" className="num">
                Montant
              </th>
              <th scope="col">Échéancier</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {v.signatories.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {c.sequential && `${s.position}. `}
                  {s.organisation.name}
                  <span className="muted"> ({s.role === 'PORTEUR' ? 'porteur' : 'financeur'})</span>
                </th>
                <td className="num">{s.role === 'PORTEUR' ? '—' : euros(s.amountCents)}</td>
                <td>
                  {s.role === 'PORTEUR' && s.amountCents === 0
                    ? '—'
                    : [
                        `avance ${s.advancePercent} %`,
                        ...s.tranches.map((t, i) => `tranche ${i + 1} : ${t.percent} %`),
                        `solde ${s.balancePercent} % après le bilan`,
                      ].join(' · ')}
                  {/* The API refuses a schedule once a signature is given (SIGNATURE_STARTED): the button follows the status it serves. */}
                  {c.status === 'BROUILLON' && can('MANAGE_ACTIONS') && s.role === 'FINANCEUR' && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={editing === s.organisationId}
                        onClick={() => setEditing((e) => (e === s.organisationId ? null : s.organisationId))}
                      >
                        Modifier l'échéancier
                      </button>
                    </>
                  )}
                </td>
                <td>
                  {signedBy.has(s.organisationId) ? `Signée le ${dateTime(signedBy.get(s.organisationId))}` : 'En attente'}
                  {onBehalfOf.get(s.organisationId) && (
                    <span className="on-behalf-mention">
                      {' '}
                      — signé par {onBehalfOf.get(s.organisationId)?.signerName} ({onBehalfOf.get(s.organisationId)?.signerQuality}) pour le
                      compte {de(s.organisation.name)} sur mandat {de(onBehalfOf.get(s.organisationId)?.mandateAuthor ?? '')}, enregistré
                      par {onBehalfOf.get(s.organisationId)?.recordedByName}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editing && (
          <ScheduleEditor
            conventionId={c.id}
            funder={{
              ...(v.signatories.find((s) => s.organisationId === editing) as Convention['currentVersion']['signatories'][number]),
              name: v.signatories.find((s) => s.organisationId === editing)?.organisation.name ?? '',
            }}
            siren={siren}
            invalidates={[CONVENTIONS]}
            onSaved={(text) => {
              setEditing(null);
              announce(text);
            }}
          />
        )}
        {v.signatories
          .filter((s) => s.viewerMaySignOnBehalf)
          .map((s) => (
            <OnBehalfSignForm
              key={s.id}
              conventionId={c.id}
              versionHash={v.hash}
              organisationId={s.organisationId}
              organisationName={s.organisation.name}
              siren={siren}
              invalidates={[CONVENTIONS]}
              onSigned={announce}
            />
          ))}
        {a && <ConventionPdfButton conventionId={c.id} versionNumber={v.number} reference={a.reference} siren={siren} />}
        <button type="button" className="link-button" aria-expanded={showText} onClick={() => setShowText((s) => !s)}>
          {showText ? 'Masquer le texte' : `Lire le texte de la version ${v.number}`}
        </button>
        {showText && <ConventionText versionId={v.id} siren={siren} />}
        <DocumentsPanel
          siren={siren}
          title="Exemplaire signé"
          titleLevel={3}
          owner="conventions"
          ownerId={c.id}
          documents={c.documents}
          kinds={['CONVENTION_SIGNEE', 'AUTRE']}
          mayAttach={c.viewerMayAttachDocuments}
          invalidates={[CONVENTIONS]}
          emptyText="Aucun exemplaire signé déposé."
        />
        <ErrorMessage error={problem} context="operation" />
        {awaits(c, org) && (
          <>
            {myTurnBlocked && <p className="muted">Signature dans l'ordre : les signataires précédents n'ont pas tous signé.</p>}
            <ConfirmButton
              label={`Signer « ${title} »`}
              question={
                <>
                  Vous signez pour votre organisation la version {v.number} de cette convention (empreinte{' '}
                  <code>{v.hash.slice(0, 12)}…</code>). La signature est définitive. Confirmer ?
                </>
              }
              confirmLabel="Confirmer la signature"
              onConfirm={async () => {
                setProblem(null);
                try {
                  const res = await sign.mutateAsync({ input: { conventionId: c.id, versionHash: v.hash } });
                  const s = res.signConvention;
                  announce(
                    s.status === 'SIGNEE'
                      ? `Convention « ${title} » signée de tous (${s.signedCount} sur ${s.signatoryCount}) : l'action est conventionnée.`
                      : `Votre signature est enregistrée : ${s.signedCount} sur ${s.signatoryCount} signatures.`,
                  );
                } catch (error) {
                  const apiError = asApiError(error);
                  setProblem(apiError);
                  if (apiError.code === 'VERSION_SUPERSEDED' || apiError.code === 'ALREADY_SIGNED') {
                    // The list changes under the card: the explanation is announced for the whole page too.
                    announce(errorText(apiError, 'operation'));
                    await queryClient.invalidateQueries({ queryKey: graphQLKey(CONVENTIONS) });
                  }
                }
              }}
            />
          </>
        )}
        {a && (
          <p>
            <Link to={withContrat(`/t/${siren}/actions/${c.actionId}`)}>Voir l'action {a.reference}</Link>
          </p>
        )}
      </article>
    </li>
  );
}

function ConventionText({ versionId, siren }: { versionId: string; siren: string }) {
  const text = useGraphQLQuery(TEXT, { versionId }, { tenant: siren });
  return (
    <>
      <ErrorMessage error={text.error} />
      {text.isPending && <Loading label="Chargement du texte…" />}
      {text.data && (
        <pre className="convention-text" tabIndex={0} aria-label="Texte de la convention">
          {text.data.conventionText}
        </pre>
      )}
    </>
  );
}
