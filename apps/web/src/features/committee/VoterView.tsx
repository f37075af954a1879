import { ErrorMessage } from '../../common/components';
import { euros, KIND_LABELS } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { AgendaItemView } from './AgendaItemView';
import { envelopeKey } from './committee-shared';
import { Item, Line, useCommittee, VOTE_POLL_MS } from './CommitteeContext';
import { ENVELOPES } from './EnvelopesEditor';
import { VoteForm } from './VoteForm';

/** A funder's representative in the session: its envelope, what it has left to decide, its vote per line. */
export function VoterView({ org }: { org: string }) {
  const { siren, committee: c, nameOf } = useCommittee();
  const open = c.status === 'VOTE_OUVERT';
  // The other funders' votes draw on envelopes too: while the vote is open, what remains is followed.
  const envelopes = useGraphQLQuery(
    ENVELOPES,
    { contratId: c.contratId, funderId: org },
    { tenant: siren, refetchInterval: open ? VOTE_POLL_MS : false },
  );
  const mine = (l: Line) => l.funderId === org;
  // The API decides who votes on what (`viewerMayVote`, `viewerVoteRefusal`): it refuses only because the vote
  // is not open (COMMITTEE_LOCKED) on the points where the organisation will vote, or votes, or has voted.
  const awaitsOnlyTheVote = (item: Item) => item.viewerMayVote || item.viewerVoteRefusalCode === 'COMMITTEE_LOCKED';
  const concerned = c.agendaItems.filter(awaitsOnlyTheVote);
  const undecided = concerned.filter((i) => i.lines.some((l) => mine(l) && !l.decision));
  const ownKeys = new Set(concerned.flatMap((i) => i.lines.filter(mine).map((l) => envelopeKey(l))));
  const ownEnvelopes = (envelopes.data?.envelopes ?? []).filter((e) => ownKeys.has(envelopeKey(e)));
  const missingEnvelopes = [...ownKeys].filter((k) => !ownEnvelopes.some((e) => envelopeKey(e) === k));

  return (
    <>
      <section aria-labelledby="my-envelope-title" className="panel">
        <h2 id="my-envelope-title">Votre enveloppe — {nameOf(org)}</h2>
        <ErrorMessage error={envelopes.error} />
        {ownEnvelopes.length > 0 && (
          <div className="table-scroll">
            <table className="compact">
              <caption className="sr-only">Vos enveloppes concernées par ce comité, et ce qui en reste</caption>
              <thead>
                <tr>
                  <th scope="col">Exercice et nature</th>
                  <th scope="col" className="num">
                    Enveloppe
                  </th>
                  <th scope="col" className="num">
                    Accordé
                  </th>
                  <th scope="col" className="num">
                    Reste
                  </th>
                </tr>
              </thead>
              <tbody aria-live="polite">
                {ownEnvelopes.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {KIND_LABELS[e.kind] ?? e.kind} {e.exerciseYear}
                    </th>
                    <td className="num">{euros(e.amountCents)}</td>
                    <td className="num">{euros(e.consumedCents)}</td>
                    <td className="num">
                      <strong>{euros(e.remainingCents)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {envelopes.data && missingEnvelopes.length > 0 && (
          <p className="alert-soft">
            Aucune enveloppe n'est encore définie pour certaines de vos lignes : vous ne pourrez pas les accorder tant que le chef de projet
            ne l'a pas fait.
          </p>
        )}
        <p className="muted">« Accordé » compte les comités clos et les votes en cours, les vôtres compris.</p>
      </section>

      {c.status === 'PLANIFIE' && (
        <p className="notice">Le vote n'est pas encore ouvert : vous pouvez préparer la séance en lisant l'ordre du jour.</p>
      )}
      {open && (
        <p className="to-decide" aria-live="polite">
          <strong>
            {undecided.length === 0
              ? concerned.length === 0
                ? "Votre organisation n'a aucune ligne à décider dans ce comité."
                : 'Vous avez décidé sur tous les points.'
              : `${undecided.length} ${undecided.length > 1 ? 'points restent' : 'point reste'} à décider`}
          </strong>
          {undecided.length > 0 && ` : ${undecided.map((i) => `point ${i.position}`).join(', ')}.`}
        </p>
      )}

      {c.status !== 'CLOS' && (
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">Ordre du jour</h2>
          {c.agendaItems.length === 0 ? (
            <p>Aucun point inscrit.</p>
          ) : (
            <ol className="agenda">
              {c.agendaItems.map((item) => (
                <AgendaItemView
                  key={item.id}
                  item={item}
                  showVotes={c.status !== 'PLANIFIE'}
                  hideVotesOf={open ? (l) => !mine(l) : undefined}
                >
                  {!awaitsOnlyTheVote(item) ? (
                    <p className="muted">{item.viewerVoteRefusal}</p>
                  ) : item.viewerMayVote ? (
                    item.lines.filter(mine).map((l) => <VoteForm key={l.fundingLineId} item={item} line={l} />)
                  ) : null}
                </AgendaItemView>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
