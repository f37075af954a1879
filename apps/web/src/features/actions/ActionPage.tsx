import { FormEvent, useEffect, useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError, request } from '../../shared/api';
import { asApiError } from '../../shared/errors';
import { ErrorMessage, Figure, Loading } from '../../shared/components';
import { civilDate, dateTime, euros, KIND_LABELS, labelOf, STATUS_LABELS } from '../../shared/format';
import { graphql } from '../../gql';
import type { ActionDeadlinesQuery, ActionStatus } from '../../gql/graphql';
import { useQuery } from '../../shared/hooks';
import { useSession } from '../../shared/session';
import {
  AUDIT_OPERATION_LABELS,
  DEADLINE_KIND_LABELS,
  DEADLINE_STATE_LABELS,
  OPINION_LABELS,
  sentence,
  transitionLabel,
  useFocusWhen,
  useReferenceData,
  useTenantRole,
} from './action-shared';
import { AvisForm } from './AvisForm';

const ACTION = graphql(`
  query ActionDossier($id: ID!) {
    action(id: $id) {
      id reference title description startDate endDate totalBudgetCents status createdAt updatedAt
      allowedTransitions editable stepsDecidedElsewhere
      porteur { id name kind siret esus }
      pillar { id title }
      objective { id code title }
      qpvs { id code name enVeille }
      fundingLines {
        id kind exerciseYear inKind pledge
        amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents decidedAt
        funder { id name }
      }
      fundingTotals { requestedCents balanceCents inKindCents pledgeCents }
      avis { id opinion comment organisationId authorUserId createdAt updatedAt }
    }
  }
`);

const HISTORY = graphql(`
  query ActionHistory($id: ID!) {
    auditEvents(entityType: "Action", entityId: $id, first: 100) {
      nodes { id operation occurredAt before after }
    }
  }
`);

const DEADLINES = graphql(`
  query ActionDeadlines($after: String) {
    deadlines(first: 100, after: $after) {
      nodes { id actionId kind label dueDate state exerciseYear metAt responsibles { userId displayName } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const TRANSITION = graphql(`
  mutation TransitionAction($input: TransitionActionInput!) {
    transitionAction(input: $input) { id status updatedAt }
  }
`);

type DeadlineRow = ActionDeadlinesQuery['deadlines']['nodes'][number];

/**
 * The action's deadlines. The API filters deadlines by kind, state, person and dates but not by action:
 * the territory's deadlines are read page by page (those a funder answers for, for a funder) and kept here.
 */
function useActionDeadlines(siren: string, actionId: string): { rows: DeadlineRow[]; error: ApiError | null; loading: boolean } {
  const [state, setState] = useState<{ rows: DeadlineRow[]; error: ApiError | null; loading: boolean }>({ rows: [], error: null, loading: true });
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const rows: DeadlineRow[] = [];
        let after: string | null = null;
        for (let page = 0; page < 10; page++) {
          const answer: ActionDeadlinesQuery = await request(DEADLINES, { after }, siren);
          rows.push(...answer.deadlines.nodes.filter((d) => d.actionId === actionId));
          if (!answer.deadlines.pageInfo.hasNextPage) break;
          after = answer.deadlines.pageInfo.endCursor ?? null;
        }
        if (current) setState({ rows, error: null, loading: false });
      } catch (error) {
        if (current) setState({ rows: [], error: asApiError(error), loading: false });
      }
    })();
    return () => {
      current = false;
    };
  }, [siren, actionId]);
  return state;
}

const sum = (values: (number | null | undefined)[]): number => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** What an audit event changed, in words, when it is a change of step. */
function eventDetail(e: { operation: string; before?: unknown; after?: unknown }): string {
  const before = (e.before ?? {}) as { status?: string };
  const after = (e.after ?? {}) as { status?: string; comment?: string | null; exerciseYear?: number };
  if (e.operation === 'action.transition' && after.status) {
    const from = before.status ? `${labelOf(STATUS_LABELS, before.status)} → ` : '';
    return `${from}${labelOf(STATUS_LABELS, after.status)}${after.comment ? ` (« ${after.comment} »)` : ''}`;
  }
  if (e.operation === 'bilan.receive' && after.exerciseYear) return `Exercice ${after.exerciseYear}`;
  if (e.operation === 'action.create' && after.status) return `Étape : ${labelOf(STATUS_LABELS, after.status)}`;
  return '';
}

/**
 * The action's next steps, as buttons: each asks for confirmation (with an optional comment, kept in the audit
 * trail) before `transitionAction`; the API's refusals (INVALID_TRANSITION, an incomplete dossier) are shown.
 */
function ActionSteps({
  siren,
  action,
  onDone,
  onStale,
}: {
  siren: string;
  /** The steps and whether the dossier may change come from the API (`allowedTransitions`, `editable`). */
  action: { id: string; reference: string; status: ActionStatus; allowedTransitions: ActionStatus[]; editable: boolean; stepsDecidedElsewhere: boolean };
  onDone(status: ActionStatus): void;
  /** The action changed step elsewhere: its dossier is read again. */
  onStale(): void;
}) {
  const [chosen, setChosen] = useState<ActionStatus | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const confirmRef = useFocusWhen<HTMLHeadingElement>(chosen);
  const refusalRef = useFocusWhen<HTMLDivElement>(refusal ? round : 0);
  const commentId = useId();
  const steps = action.allowedTransitions;

  const choose = (to: ActionStatus) => {
    setChosen(to);
    setComment('');
    setRefusal(null);
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setSending(true);
    try {
      const { transitionAction } = await request(TRANSITION, { input: { id: action.id, to: chosen, comment: comment.trim() || null } }, siren);
      setChosen(null);
      setRefusal(null);
      onDone(transitionAction.status);
    } catch (error) {
      const err = asApiError(error);
      setRefusal(err);
      setRound((r) => r + 1);
      if (err.code === 'INVALID_TRANSITION') {
        setChosen(null);
        onStale();
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="steps-title" className="panel action-steps">
      <h2 id="steps-title">Étapes suivantes</h2>
      {steps.length === 0 ? (
        <p className="muted">
          Aucune étape ne se choisit à la main depuis l'étape « {STATUS_LABELS[action.status]} »
          {action.stepsDecidedElsewhere ? ' : le comité des financeurs ou la convention décident de la suite.' : '.'}
        </p>
      ) : (
        <ul className="step-buttons">
          {steps.map((to) => (
            <li key={to}>
              <button type="button" className={to === 'ABANDONNEE' ? 'secondary danger' : chosen === to ? '' : 'secondary'} aria-expanded={chosen === to} onClick={() => choose(to)}>
                {transitionLabel(action.status, to)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {refusal && (
        <div className="alert" role="alert" tabIndex={-1} ref={refusalRef}>
          <p>
            <strong>{refusal.code === 'INVALID_TRANSITION' ? 'Ce changement d’étape est refusé.' : refusal.code === 'BAD_USER_INPUT' ? 'Le dossier est incomplet.' : 'Le changement d’étape a échoué.'}</strong>
          </p>
          <p>{refusal.code === 'FORBIDDEN' ? "Votre rôle dans ce territoire ne permet pas de changer l'étape d'une action." : refusal.message}</p>
          {refusal.fields.length > 0 && (
            <ul>
              {refusal.fields.map((f) => (
                <li key={`${f.field}-${f.reason}`}>{sentence(f.message)}.</li>
              ))}
            </ul>
          )}
          {refusal.code === 'INVALID_TRANSITION' && <p>Le dossier vient d'être relu : les boutons ci-dessus sont les étapes possibles depuis son étape actuelle.</p>}
          {refusal.code === 'BAD_USER_INPUT' && action.editable && (
            <p>
              <Link to={`/t/${siren}/actions/${action.id}/modifier`}>Compléter le dossier</Link>
            </p>
          )}
        </div>
      )}
      {chosen && (
        <form className="step-confirm" onSubmit={(e) => void confirm(e)} aria-labelledby={`${commentId}-title`}>
          <h3 id={`${commentId}-title`} tabIndex={-1} ref={confirmRef}>
            {transitionLabel(action.status, chosen)} : l'action {action.reference} passera de l'étape « {STATUS_LABELS[action.status]} » à « {STATUS_LABELS[chosen]} ».
          </h3>
          {chosen === 'ABANDONNEE' && <p className="notice-warn">Une action abandonnée ne change plus d'étape : l'abandon est définitif.</p>}
          <div className="field">
            <label htmlFor={commentId}>Commentaire (facultatif)</label>
            <span id={`${commentId}-hint`} className="hint">
              Conservé dans l'historique de l'action, 2 000 caractères au plus.
            </span>
            <textarea id={commentId} aria-describedby={`${commentId}-hint`} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={sending}>
              {sending ? 'Enregistrement…' : 'Confirmer'}
            </button>
            <button type="button" className="secondary" onClick={() => setChosen(null)}>
              Annuler
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** An action's dossier: what it is, where, its financing plan, avis, history and deadlines. */
export function ActionPage() {
  const { siren = '', id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const updated = (location.state as { updated?: string } | null)?.updated;
  const [moved, setMoved] = useState<ActionStatus | null>(null);
  const { can } = useTenantRole(siren);
  const { data, error, loading, reload } = useQuery(ACTION, { id }, siren);
  const canManage = can('MANAGE_ACTIONS');
  const canGiveAvis = can('GIVE_AVIS');
  const { user } = useSession();
  const ref = useReferenceData(siren);
  const canReadAudit = can('READ_AUDIT');
  const history = useQuery(HISTORY, { id }, siren, !canReadAudit || !data);
  const deadlines = useActionDeadlines(siren, id);
  const a = data?.action;
  const orgName = (orgId: string | null | undefined) => (orgId ? (ref.organisations.find((o) => o.id === orgId)?.name ?? 'Organisation partenaire') : 'Services du territoire');

  const lines = [...(a?.fundingLines ?? [])].sort((x, y) => x.funder.name.localeCompare(y.funder.name, 'fr') || x.exerciseYear - y.exerciseYear || x.kind.localeCompare(y.kind));
  const anyDecided = lines.some((l) => l.decidedAmountCents !== null && l.decidedAmountCents !== undefined);
  const totals = {
    requested: sum(lines.map((l) => l.amountRequestedCents)),
    decided: anyDecided ? sum(lines.map((l) => l.decidedAmountCents)) : null,
    // Another funder's commitments and payments are its own (null here): no total then, rather than a partial one.
    committed: lines.some((l) => l.committedAmountCents === null) ? null : sum(lines.map((l) => l.committedAmountCents)),
    paid: lines.some((l) => l.paidAmountCents === null) ? null : sum(lines.map((l) => l.paidAmountCents)),
    remaining: anyDecided && !lines.some((l) => l.decidedAmountCents != null && l.remainingCents === null) ? sum(lines.map((l) => l.remainingCents)) : null,
  };
  // Rows of one funder follow each other: the funder's name heads the first one only, and spans them.
  const spans = new Map<string, number>();
  for (const l of lines) spans.set(l.funder.id, (spans.get(l.funder.id) ?? 0) + 1);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/t/${siren}/actions`}>← Toutes les actions</Link>
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
              {updated === 'saved' ? `Les modifications de l'action ${a.reference} ont été enregistrées.` : `Aucune modification n'a été apportée à l'action ${a.reference}.`}
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
              <Link className="button-link" to={`/t/${siren}/actions/${a.id}/modifier`}>
                Modifier<span className="sr-only"> l'action</span>
              </Link>
            )}
          </p>
          {canManage && (
            <ActionSteps
              key={a.id}
              siren={siren}
              action={a}
              onDone={(status) => {
                setMoved(status);
                reload();
              }}
              onStale={reload}
            />
          )}
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
          </section>

          <section aria-labelledby="plan-title">
            <h2 id="plan-title">Plan de financement</h2>
            <section className="figures" aria-label="Totaux du plan">
              <Figure label="Budget total" value={euros(a.totalBudgetCents)} />
              <Figure label="Total demandé" value={euros(a.fundingTotals.requestedCents)} />
              <Figure label={a.fundingTotals.balanceCents < 0 ? 'Dépassement du budget' : 'Reste à financer'} value={euros(Math.abs(a.fundingTotals.balanceCents))} />
              <Figure label="Décidé" value={euros(totals.decided)} />
              <Figure label="Payé" value={euros(totals.paid)} />
            </section>
            {lines.length === 0 ? (
              <p>Aucune ligne de financement.</p>
            ) : (
              <div className="table-scroll">
                <table className="plan-table">
                  <caption className="sr-only">Plan de financement par financeur, avec les totaux</caption>
                  <thead>
                    <tr>
                      <th scope="col">Financeur</th>
                      <th scope="col">Nature</th>
                      <th scope="col" className="num">Exercice</th>
                      <th scope="col" className="num">Demandé</th>
                      <th scope="col" className="num">Décidé</th>
                      <th scope="col" className="num">Engagé</th>
                      <th scope="col" className="num">Payé</th>
                      <th scope="col" className="num">Reste à payer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l, i) => {
                      const first = i === 0 || lines[i - 1].funder.id !== l.funder.id;
                      return (
                        <tr key={l.id}>
                          {first && (
                            <th scope="row" rowSpan={spans.get(l.funder.id)}>
                              {l.funder.name}
                            </th>
                          )}
                          <td>
                            {KIND_LABELS[l.kind] ?? l.kind}
                            {l.inKind && <span className="badge">en nature</span>}
                            {l.pledge && <span className="badge">promesse</span>}
                          </td>
                          <td className="num">{l.exerciseYear}</td>
                          <td className="num">{euros(l.amountRequestedCents)}</td>
                          <td className="num">{l.decidedAmountCents === null || l.decidedAmountCents === undefined ? <span className="muted">non décidé</span> : euros(l.decidedAmountCents)}</td>
                          <td className="num">{euros(l.committedAmountCents)}</td>
                          <td className="num">{euros(l.paidAmountCents)}</td>
                          <td className="num">{euros(l.remainingCents)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}>
                        Total
                      </th>
                      <td className="num">{euros(totals.requested)}</td>
                      <td className="num">{euros(totals.decided)}</td>
                      <td className="num">{euros(totals.committed)}</td>
                      <td className="num">{euros(totals.paid)}</td>
                      <td className="num">{euros(totals.remaining)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            {(a.fundingTotals.inKindCents > 0 || a.fundingTotals.pledgeCents > 0) && (
              <p className="muted">
                Dont apports en nature : {euros(a.fundingTotals.inKindCents)} · dont promesses : {euros(a.fundingTotals.pledgeCents)}
              </p>
            )}
          </section>

          <div className="columns">
            <section aria-labelledby="avis-title">
              <h2 id="avis-title">Avis d'instruction</h2>
              {a.avis.length === 0 ? (
                <p className="muted">Aucun avis pour l'instant.</p>
              ) : (
                <ul className="plain">
                  {a.avis.map((v) => (
                    <li key={v.id} className="avis">
                      <strong>{OPINION_LABELS[v.opinion] ?? v.opinion}</strong> — {orgName(v.organisationId)} <span className="muted">({dateTime(v.updatedAt)})</span>
                      {v.comment && <p>{v.comment}</p>}
                    </li>
                  ))}
                </ul>
              )}
              {canGiveAvis && (
                <AvisForm key={a.id} siren={siren} action={a} current={a.avis.find((v) => !!user && v.authorUserId === user.id)} onGiven={reload} onStale={reload} />
              )}
            </section>
            <section aria-labelledby="deadlines-title">
              <h2 id="deadlines-title">Échéances</h2>
              <ErrorMessage error={deadlines.error} />
              {deadlines.loading ? (
                <Loading />
              ) : deadlines.rows.length === 0 ? (
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
                    {deadlines.rows.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          {d.label}
                          <span className="muted"> · {DEADLINE_KIND_LABELS[d.kind] ?? d.kind}</span>
                        </th>
                        <td>{civilDate(d.dueDate)}</td>
                        <td>
                          <span className={`badge badge-${d.state.toLowerCase()}`}>{DEADLINE_STATE_LABELS[d.state] ?? d.state}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>

          {canReadAudit && (
            <section aria-labelledby="history-title">
              <h2 id="history-title">Historique</h2>
              <ErrorMessage error={history.error} />
              {history.loading && <Loading />}
              {history.data &&
                (history.data.auditEvents.nodes.length === 0 ? (
                  <p className="muted">Aucun événement au journal d'audit.</p>
                ) : (
                  <table className="compact">
                    <caption className="sr-only">Historique de l'action (journal d'audit), le plus récent d'abord</caption>
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col">Événement</th>
                        <th scope="col">Détail</th>
                      </tr>
                    </thead>
                    <tbody>
                      {history.data.auditEvents.nodes.map((e) => (
                        <tr key={e.id}>
                          <td>{dateTime(e.occurredAt)}</td>
                          <th scope="row">{AUDIT_OPERATION_LABELS[e.operation] ?? e.operation}</th>
                          <td>{eventDetail(e)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
            </section>
          )}
        </>
      )}
    </>
  );
}
