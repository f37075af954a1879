import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { civilDate, dateTime, euros, quantity, STATUS_LABELS } from '../../common/format';
import { useAllPages } from '../../common/pages';
import { useGraphQLQuery } from '../../common/query';
import { useSession, useTenantRole } from '../../common/session';
import type { ActionStatus, DocumentKind } from '../../gql/graphql';
import { COMMITTEE_STATUS_LABELS } from '../committee/committee-shared';
import { ActionConventionPapers } from '../conventions/ConventionPapers';
import { DEADLINE_KIND_LABELS, DEADLINE_STATE_LABELS } from '../deadlines/deadline-links';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ComplementsRequest } from '../dossiers/ComplementsRequest';
import { defaultExercise, WorkbookRequest } from '../reports/WorkbookRequest';
import { OPINION_LABELS } from './action-labels';
import { ACTION_DEADLINES, ACTION_DOSSIER } from './action-queries';
import { ActionHistory } from './ActionHistory';
import { ActionSteps } from './ActionSteps';
import { AvisForm } from './AvisForm';
import { DauphinNumberForm } from './DauphinNumberForm';
import { FundingPlanTable } from './FundingPlanTable';
import { useReferenceData } from './reference-data';

/** The types of the dossier's pieces, and of a bilan's, in the order the forms offer them. */
const DOSSIER_KINDS: DocumentKind[] = ['DEMANDE_SUBVENTION_CERFA_12156', 'STATUTS', 'RIB', 'BUDGET_PREVISIONNEL', 'AUTRE'];
const BILAN_KINDS: DocumentKind[] = ['COMPTE_RENDU_FINANCIER_CERFA_15059', 'BILAN_QUALITATIF', 'AUTRE'];

/** An action's dossier: what it is, where, its financing plan, avis, history and deadlines. */
export function ActionPage() {
  const withContrat = useContratLink();
  const { siren = '', id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const updated = (location.state as { updated?: string } | null)?.updated;
  const [moved, setMoved] = useState<ActionStatus | null>(null);
  const { can } = useTenantRole(siren);
  const { data, error, isPending: loading } = useGraphQLQuery(ACTION_DOSSIER, { id }, { tenant: siren });
  const canManage = can('MANAGE_ACTIONS');
  const canGiveAvis = can('GIVE_AVIS');
  const { user } = useSession();
  const ref = useReferenceData(siren);
  /**
   * The action's deadlines, filtered by the API (those a funder answers for, for a funder). They were once the
   * territory's first thousand, filtered here: a new action's, dated later than those, never showed.
   */
  const deadlines = useAllPages(ACTION_DEADLINES, (answer) => answer.deadlines, { tenant: siren, variables: { actionId: id } });
  const deadlineRows = deadlines.data ?? [];
  const a = data?.action;
  // The workbook of the action's contract, for the exercises of its plan (the contract's when it has none yet).
  const contrat = ref.contrats.find((c) => c.id === a?.contratId);
  const planYears = [...new Set((a?.fundingLines ?? []).map((l) => l.exerciseYear))].sort((x, y) => x - y);
  const workbookYears =
    planYears.length > 0 || !contrat
      ? planYears
      : Array.from({ length: contrat.endYear - contrat.startYear + 1 }, (_, i) => contrat.startYear + i);
  const convention = data?.conventions.nodes[0];
  const orgName = (orgId: string | null | undefined) =>
    orgId ? (ref.organisations.find((o) => o.id === orgId)?.name ?? 'Organisation partenaire') : 'Services du territoire';

  return (
    <>
      <p className="breadcrumb">
        <Link to={withContrat(`/t/${siren}/actions`)}>← Toutes les actions</Link>
      </p>
      <ErrorMessage error={error} />
      {loading && <Loading />}
      {a && (
        <>
          {created && (
            <div className="notice" role="status">
              L'action {a.reference} a été créée au statut brouillon.
            </div>
          )}
          {updated && !moved && (
            <div className="notice" role="status">
              {updated === 'saved'
                ? `Les modifications de l'action ${a.reference} ont été enregistrées.`
                : `Aucune modification n'a été apportée à l'action ${a.reference}.`}
            </div>
          )}
          {moved && (
            <div className="notice" role="status">
              L'action {a.reference} est passée à l'étape « {STATUS_LABELS[moved]} ».
            </div>
          )}
          <h1>{a.title}</h1>
          <p className="lede">
            <span className="reference">{a.reference}</span>
            <span className="status-tag">État : {STATUS_LABELS[a.status] ?? a.status}</span>
            {a.editable && (
              <Link className="button-link" to={withContrat(`/t/${siren}/actions/${a.id}/modifier`)}>
                Modifier<span className="sr-only"> l'action</span>
              </Link>
            )}{' '}
            {/* A bilan is filed for an exercise in which something was granted: the page lists those exercises. */}
            {a.fundingLines.some((l) => (l.decidedAmountCents ?? 0) > 0) && (
              <Link className="button-link" to={withContrat(`/t/${siren}/actions/${a.id}/bilan`)}>
                Bilan<span className="sr-only"> de l'action</span>
              </Link>
            )}
          </p>
          {can('READ_TENANT_FIGURES') && workbookYears.length > 0 && (
            <WorkbookRequest siren={siren} contratId={a.contratId} years={workbookYears} initialYear={defaultExercise(workbookYears)} />
          )}
          <ComplementsRequest siren={siren} actionId={a.id} />
          {canManage && <ActionSteps key={`steps-${a.id}`} siren={siren} action={a} onDone={setMoved} />}
          <section aria-labelledby="dossier-title" className="panel">
            <h2 id="dossier-title">Dossier</h2>
            <dl className="facts">
              <div>
                <dt>Porteur</dt>
                <dd>
                  {a.porteur.name}
                  {a.porteur.esus && <span className="badge">ESUS</span>}
                  {a.porteur.siret && <span className="muted"> · SIRET {a.porteur.siret}</span>}
                </dd>
              </div>
              <div>
                <dt>Pilier</dt>
                <dd>{a.pillar.title}</dd>
              </div>
              <div>
                <dt>Objectif</dt>
                <dd>{a.objective ? `${a.objective.code} ${a.objective.title}` : 'Non précisé'}</dd>
              </div>
              <div>
                <dt>Dates</dt>
                <dd>
                  Du {civilDate(a.startDate)} au {civilDate(a.endDate)}
                </dd>
              </div>
              <div>
                <dt>Budget total</dt>
                <dd>{euros(a.totalBudgetCents)}</dd>
              </div>
              <div>
                <dt>Quartiers (QPV)</dt>
                <dd>
                  <ul className="plain inline">
                    {a.qpvs.map((q) => (
                      <li key={q.id}>
                        {q.name} <span className="muted">({q.code})</span>
                        {q.enVeille && <span className="badge">en veille</span>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>Créée le</dt>
                <dd>{dateTime(a.createdAt)}</dd>
              </div>
              <div>
                <dt>Modifiée le</dt>
                <dd>{dateTime(a.updatedAt)}</dd>
              </div>
            </dl>
            <h3>Description</h3>
            {a.description ? <p className="description">{a.description}</p> : <p className="muted">Aucune description.</p>}
            <h3 id="indicators-title">Indicateurs de suivi</h3>
            {a.indicators.length === 0 ? (
              <p className="muted">Aucun indicateur de suivi n’a été fixé.</p>
            ) : (
              <ul aria-labelledby="indicators-title">
                {a.indicators.map((i) => (
                  <li key={i.id}>
                    {i.label} : <strong>{[quantity(i.target), i.unit].filter(Boolean).join(' ')}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <DocumentsPanel
            siren={siren}
            title="Pièces du dossier"
            owner="actions"
            ownerId={a.id}
            documents={a.documents}
            kinds={DOSSIER_KINDS}
            mayAttach={a.viewerMayAttachDocuments}
            invalidates={[ACTION_DOSSIER]}
          />

          <section aria-labelledby="links-title">
            <h2 id="links-title">Comités et convention</h2>
            {a.committees.length === 0 ? (
              <p className="muted">L'action n'a été inscrite à aucun comité des financeurs.</p>
            ) : (
              <ul className="plain">
                {a.committees.map((c) => (
                  <li key={c.id}>
                    <Link to={`/t/${siren}/comites/${c.id}`}>{c.title}</Link>{' '}
                    <span className="muted">
                      ({dateTime(c.scheduledAt)} · {COMMITTEE_STATUS_LABELS[c.status] ?? c.status})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {convention ? (
              <p>
                <Link to={`/t/${siren}/conventions?action=${a.id}`}>Voir la convention de l'action</Link>
              </p>
            ) : (
              <p className="muted">Pas de convention pour l'instant.</p>
            )}
          </section>

          <FundingPlanTable action={a} />
          {canManage &&
            a.fundingLines
              .filter((l) => l.kind === 'CREDITS_SPECIFIQUES_P147')
              .map((l) => <DauphinNumberForm key={l.id} siren={siren} line={l} />)}

          {a.bilans.length > 0 && (
            <section aria-labelledby="bilans-title">
              <h2 id="bilans-title">Bilans</h2>
              {a.bilans.map((b) => (
                <DocumentsPanel
                  key={b.id}
                  siren={siren}
                  title={`Bilan ${b.exerciseYear} (reçu le ${dateTime(b.receivedAt)})`}
                  titleLevel={3}
                  owner="bilans"
                  ownerId={b.id}
                  documents={b.documents}
                  kinds={BILAN_KINDS}
                  mayAttach={b.viewerMayAttachDocuments}
                  invalidates={[ACTION_DOSSIER]}
                  emptyText="Aucune pièce de bilan pour l’instant (compte-rendu financier, bilan qualitatif)."
                />
              ))}
            </section>
          )}
          <ActionConventionPapers actionId={a.id} reference={a.reference} siren={siren} />

          <div className="columns">
            <section aria-labelledby="avis-title">
              <h2 id="avis-title">Avis d'instruction</h2>
              {a.avis.length === 0 ? (
                <p className="muted">Aucun avis pour l'instant.</p>
              ) : (
                <ul className="plain">
                  {a.avis.map((v) => (
                    <li key={v.id} className="avis">
                      <strong>{OPINION_LABELS[v.opinion] ?? v.opinion}</strong> — {orgName(v.organisationId)}{' '}
                      <span className="muted">({dateTime(v.updatedAt)})</span>
                      {v.comment && <p>{v.comment}</p>}
                    </li>
                  ))}
                </ul>
              )}
              {canGiveAvis && (
                <AvisForm key={a.id} siren={siren} action={a} current={a.avis.find((v) => !!user && v.authorUserId === user.id)} />
              )}
            </section>
            <section aria-labelledby="deadlines-title">
              <h2 id="deadlines-title">Échéances</h2>
              <ErrorMessage error={deadlines.error} />
              {deadlines.isPending ? (
                <Loading />
              ) : deadlineRows.length === 0 ? (
                !deadlines.error && <p className="muted">Aucune échéance pour cette action.</p>
              ) : (
                <table className="compact">
                  <caption className="sr-only">Échéances de l'action, par date</caption>
                  <thead>
                    <tr>
                      <th scope="col">Échéance</th>
                      <th scope="col">Date</th>
                      <th scope="col">État</th>
                    </tr>
                  </thead>
                  <tbody>
                    {deadlineRows.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          <Link to={`/t/${siren}/echeances/${d.id}`}>{d.label}</Link>
                          <span className="muted"> · {DEADLINE_KIND_LABELS[d.kind]}</span>
                        </th>
                        <td>{civilDate(d.dueDate)}</td>
                        <td>
                          <span className={`badge badge-${d.state.toLowerCase()}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
                          {d.state !== 'MET' && <span className="muted"> {d.dueIn}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p>
                <Link to={`/t/${siren}/echeances?action=${a.id}&toutes=1`}>Les échéances de cette action, avec filtres</Link>
              </p>
            </section>
          </div>

          <ActionHistory key={`history-${a.id}`} siren={siren} actionId={a.id} />
        </>
      )}
    </>
  );
}
