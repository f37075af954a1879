import { ConfirmButton, ErrorMessage, Figure } from '../../common/components';
import { plural } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import { AgendaEditor } from './AgendaEditor';
import { AgendaItemView, ReaderView } from './AgendaItemView';
import { AttendanceEditor } from './AttendanceEditor';
import { COMMITTEE, useCommittee } from './CommitteeContext';
import { EnvelopesEditor } from './EnvelopesEditor';
import { MembersEditor } from './MembersEditor';

const OPEN_VOTE = graphql(`
  mutation OpenVote($committeeId: ID!) {
    openVote(committeeId: $committeeId) {
      id
      status
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseCommittee($committeeId: ID!) {
    closeCommittee(committeeId: $committeeId) {
      id
      status
    }
  }
`);

/** The chef de projet: preparation, opening, follow-up of the vote, close. */
export function ManagerView() {
  const { committee: c } = useCommittee();
  const votingMembers = c.members.filter((m) => m.voting);
  // Voting members that voted at least once: the API's count, the one the close compares with the quorum.
  const votedMembers = c.votersWhoVoted ?? 0;
  const lines = c.agendaItems.flatMap((i) => i.lines);
  const decidedLines = lines.filter((l) => l.decision).length;
  return (
    <>
      {c.viewerMayEdit && (
        <>
          <MembersEditor />
          <AgendaEditor />
          <EnvelopesEditor />
        </>
      )}
      {c.members.length > 0 && <AttendanceEditor />}
      {(c.viewerMayOpenVote || c.openVoteRefusal) && (
        <>
          <section aria-labelledby="open-title" className="panel">
            <h2 id="open-title">Ouverture du vote</h2>
            <ul className="plain">
              <li>{plural(c.agendaItems.length, 'point inscrit', 'points inscrits', 'Aucun point inscrit')}</li>
              <li>
                {plural(votingMembers.length, 'membre votant', 'membres votants', 'Aucun membre votant')} pour un quorum de {c.quorum}
              </li>
            </ul>
            {c.openVoteRefusal && <p className="alert">{c.openVoteRefusal}</p>}
            <OpenOrClose kind="open" disabled={!c.viewerMayOpenVote} />
          </section>
        </>
      )}
      {c.status === 'VOTE_OUVERT' && (
        <>
          <section aria-labelledby="progress-title">
            <h2 id="progress-title">Suivi du vote</h2>
            <div className="figures" aria-live="polite">
              <Figure label="Organisations ayant voté" value={`${votedMembers} sur ${votingMembers.length}`} />
              <Figure label="Quorum" value={c.quorumReached ? `Atteint (${c.quorum})` : `Non atteint (${votedMembers} sur ${c.quorum})`} />
              <Figure label="Lignes décidées" value={`${decidedLines} sur ${lines.length}`} />
            </div>
            <p className="muted">Les votes s'affichent au fil de l'eau (mise à jour toutes les quelques secondes).</p>
          </section>
          <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">Ordre du jour et votes</h2>
            <ol className="agenda">
              {c.agendaItems.map((item) => (
                <AgendaItemView key={item.id} item={item} showVotes />
              ))}
            </ol>
          </section>
          {c.viewerMayClose && (
            <section aria-labelledby="close-title" className="panel">
              <h2 id="close-title">Clôture</h2>
              {!c.quorumReached && (
                <p className="alert">
                  Le quorum n'est pas atteint : clore maintenant ne décidera rien et renverra les actions dans la file à arbitrer.
                </p>
              )}
              <OpenOrClose kind="close" />
            </section>
          )}
        </>
      )}
      {(c.status === 'CLOS' || c.status === 'CLOS_SANS_QUORUM') && <ReaderView />}
    </>
  );
}

/** The two steps of the committee's life that the chef de projet takes, each confirmed first. */
function OpenOrClose({ kind, disabled }: { kind: 'open' | 'close'; disabled?: boolean }) {
  const { siren, committee: c } = useCommittee();
  // The new step is announced by the page when it sees it (CommitteeDetail answers with the new status).
  const open = useGraphQLMutation(OPEN_VOTE, { tenant: siren, invalidates: [COMMITTEE] });
  const close = useGraphQLMutation(CLOSE, { tenant: siren, invalidates: [COMMITTEE] });
  const mutation = kind === 'open' ? open : close;
  return (
    <>
      <ErrorMessage error={mutation.error} context="operation" />
      <ConfirmButton
        label={kind === 'open' ? 'Ouvrir le vote' : 'Clore le comité'}
        disabled={disabled}
        question={
          kind === 'open'
            ? 'Une fois le vote ouvert, les membres, l’ordre du jour et le quorum sont figés, et chaque financeur peut décider de ses lignes. Ouvrir le vote ?'
            : 'À la clôture, chaque ligne reçoit sa décision (sans vote : rien n’est accordé) et les conventions des actions programmées sont rédigées. Clore le comité ?'
        }
        confirmLabel={kind === 'open' ? "Confirmer l'ouverture du vote" : 'Confirmer la clôture'}
        // A refusal is shown from the mutation's state above.
        onConfirm={() =>
          mutation.mutateAsync({ committeeId: c.id }).then(
            () => undefined,
            () => undefined,
          )
        }
      />
    </>
  );
}
