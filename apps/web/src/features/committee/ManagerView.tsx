import { graphql } from '../../gql';
import { ConfirmButton, ErrorMessage, Figure } from '../../shared/components';
import { plural } from '../../shared/format';
import { useGraphQLMutation } from '../../shared/query';
import { AgendaEditor } from './AgendaEditor';
import { AgendaItemView, ReaderView } from './AgendaItemView';
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
  // Organisations that voted at least once (the chef de projet sees every vote while it is open).
  const voted = new Set(c.agendaItems.flatMap((i) => i.lines.filter((l) => l.decision).map((l) => l.funderId)));
  const votedMembers = votingMembers.filter((m) => voted.has(m.organisationId)).length;
  const lines = c.agendaItems.flatMap((i) => i.lines);
  const decidedLines = lines.filter((l) => l.decision).length;
  return (
    <>
      {c.status === 'PLANIFIE' && (
        <>
          <MembersEditor />
          <AgendaEditor />
          <EnvelopesEditor />
          <section aria-labelledby="open-title" className="panel">
            <h2 id="open-title">Ouverture du vote</h2>
            <ul className="plain">
              <li>{plural(c.agendaItems.length, 'point inscrit', 'points inscrits', 'Aucun point inscrit')}</li>
              <li>
                {plural(votingMembers.length, 'membre votant', 'membres votants', 'Aucun membre votant')} pour un quorum de {c.quorum}
              </li>
            </ul>
            {c.quorum > votingMembers.length && (
              <p className="alert">Le quorum dépasse le nombre de membres votants : le vote ne peut pas s'ouvrir.</p>
            )}
            <OpenOrClose kind="open" disabled={c.agendaItems.length === 0 || c.quorum > votingMembers.length} />
          </section>
        </>
      )}
      {c.status === 'VOTE_OUVERT' && (
        <>
          <section aria-labelledby="progress-title">
            <h2 id="progress-title">Suivi du vote</h2>
            <div className="figures" aria-live="polite">
              <Figure label="Organisations ayant voté" value={`${votedMembers} sur ${votingMembers.length}`} />
              <Figure
                label="Quorum"
                value={votedMembers >= c.quorum ? `Atteint (${c.quorum})` : `Non atteint (${votedMembers} sur ${c.quorum})`}
              />
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
          <section aria-labelledby="close-title" className="panel">
            <h2 id="close-title">Clôture</h2>
            {votedMembers < c.quorum && (
              <p className="alert">
                Le quorum n'est pas atteint : clore maintenant ne décidera rien et renverra les actions dans la file à arbitrer.
              </p>
            )}
            <OpenOrClose kind="close" />
          </section>
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
