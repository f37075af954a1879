import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';

import { de } from '@pilotis/shared/french';

import { dateTime, euros, KIND_LABELS, STATUS_LABELS } from '../../common/format';
import { OPINION_LABELS } from '../actions/action-labels';
import { byFunderName, VOTE_LABELS } from './committee-shared';
import { Item, Line, useCommittee } from './CommitteeContext';
import { OnBehalfVoteForm } from './OnBehalfVoteForm';

/** The text of a line's vote, as the reader may see it. */
export function voteText(line: Line, hidden: boolean, closed = false): string {
  if (hidden) return 'Non communiqué avant la clôture';
  if (!line.decision) return closed ? 'Aucun vote' : 'Pas encore de vote';
  if (line.decision === 'GRANT') return `${VOTE_LABELS.GRANT} : ${euros(line.votedAmountCents)}`;
  return VOTE_LABELS[line.decision] ?? line.decision;
}

/** One point of the agenda: the dossier's summary and its financing plan, with the votes one may see. */
export function AgendaItemView({
  item,
  showVotes,
  hideVotesOf,
  closed = false,
  actions,
  children,
}: {
  item: Item;
  showVotes: boolean;
  /** The committee is closed: a line without a vote has none for good. */
  closed?: boolean;
  /** While the vote is open, a voter does not see the other funders' votes. */
  hideVotesOf?: (line: Line) => boolean;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { nameOf } = useCommittee();
  const { siren = '' } = useParams();
  const headingId = `item-${item.id}`;
  const requested = item.lines.reduce((sum, l) => sum + l.amountRequestedCents, 0);
  return (
    <li>
      <article className="agenda-item" aria-labelledby={headingId}>
        <h3 id={headingId}>
          Point {item.position} : {item.action.title}
        </h3>
        <p className="muted">
          {item.action.reference} · porté par {item.action.porteur.name} · budget {euros(item.action.totalBudgetCents)} · {euros(requested)}{' '}
          demandés · {STATUS_LABELS[item.action.status] ?? item.action.status} ·{' '}
          <Link to={`/t/${siren}/actions/${item.action.id}`}>
            Voir le dossier<span className="sr-only"> de l'action {item.action.reference}</span>
          </Link>
        </p>
        <section aria-label={`Avis d'instruction sur « ${item.action.title} »`} className="agenda-avis">
          <h4>Avis d'instruction</h4>
          {item.action.avis.length === 0 ? (
            <p className="muted">Aucun avis.</p>
          ) : (
            <ul className="plain">
              {item.action.avis.map((v) => (
                <li key={v.id}>
                  <strong>{OPINION_LABELS[v.opinion] ?? v.opinion}</strong> —{' '}
                  {v.organisationId ? nameOf(v.organisationId) : 'Services du territoire'}{' '}
                  <span className="muted">({dateTime(v.updatedAt)})</span>
                  {v.comment && <span> : « {v.comment} »</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        {item.conflictsOfInterest.length > 0 && (
          <p>
            Conflits d'intérêts déclarés : {item.conflictsOfInterest.map((ci) => `${nameOf(ci.organisationId)} (${ci.reason})`).join(' ; ')}
          </p>
        )}
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Plan de financement de « {item.action.title} »</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Nature</th>
                <th scope="col">Exercice</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                {showVotes && <th scope="col">Vote</th>}
              </tr>
            </thead>
            <tbody>
              {byFunderName(nameOf, item.lines).map((l) => (
                <tr key={l.fundingLineId}>
                  <th scope="row">{nameOf(l.funderId)}</th>
                  <td>{KIND_LABELS[l.kind] ?? l.kind}</td>
                  <td>{l.exerciseYear}</td>
                  <td className="num">{euros(l.amountRequestedCents)}</td>
                  {showVotes && (
                    <td>
                      {voteText(l, hideVotesOf?.(l) ?? false, closed)}
                      {l.comment && !(hideVotesOf?.(l) ?? false) && <span className="muted"> — « {l.comment} »</span>}
                      {l.onBehalf && !(hideVotesOf?.(l) ?? false) && (
                        <span className="on-behalf-mention">
                          {' '}
                          — Vote enregistré pour le compte {de(nameOf(l.funderId))} par {l.onBehalf.recordedByName ?? '?'} sur mandat{' '}
                          {de(l.onBehalf.mandateAuthor)}
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {item.lines
          .filter((l) => l.viewerMayRecordOnBehalf)
          .map((l) => (
            <OnBehalfVoteForm key={l.fundingLineId} item={item} line={l} />
          ))}
        {actions}
        {children}
      </article>
    </li>
  );
}

/** The agenda as everyone reads it (neither preparing it nor voting). */
export function ReaderView() {
  const { committee: c } = useCommittee();
  // Once closed with its decisions, the results below say it all.
  if (c.status === 'CLOS') return null;
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      {c.agendaItems.length === 0 ? (
        <p>Aucun point inscrit.</p>
      ) : (
        <ol className="agenda">
          {c.agendaItems.map((item) => (
            <AgendaItemView key={item.id} item={item} showVotes={c.status !== 'PLANIFIE'} closed={c.status === 'CLOS_SANS_QUORUM'} />
          ))}
        </ol>
      )}
    </section>
  );
}
