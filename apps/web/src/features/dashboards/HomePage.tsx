import { useState } from 'react';
import { Link } from 'react-router-dom';

import { de } from '@pilotis/shared/french';

import { figureDepartements } from '../../app/Shell';
import type { ApiError } from '../../common/api';
import { ErrorMessage } from '../../common/components';
import { asApiError } from '../../common/errors';
import { dateTime, ROLE_LABELS } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import type { MyInvitationsQuery } from '../../gql/graphql';

const MY_INVITATIONS = graphql(`
  query MyInvitations {
    myInvitations {
      id
      role
      organisationId
      invitedBy
      createdAt
      expiresAt
      tenant {
        siren
        name
      }
    }
  }
`);
const ACCEPT_MINE = graphql(`
  mutation AcceptMyInvitation($invitationId: ID!) {
    acceptMyInvitation(invitationId: $invitationId) {
      id
      role
      organisationId
      invitedBy
      createdAt
      expiresAt
      tenant {
        siren
        name
      }
    }
  }
`);
const DECLINE_MINE = graphql(`
  mutation DeclineMyInvitation($invitationId: ID!) {
    declineMyInvitation(invitationId: $invitationId) {
      id
      role
      organisationId
      invitedBy
      createdAt
      expiresAt
      tenant {
        siren
        name
      }
    }
  }
`);

type PendingInvitation = MyInvitationsQuery['myInvitations'][number];

/** Where a person lands: their invitations waiting for an answer, their territories (one click each) and, for a delegate, their départements. */
export function HomePage() {
  const { tenants, user } = useSession();
  const departements = figureDepartements(tenants);
  return (
    <>
      <h1>Bonjour {user?.displayName}</h1>
      <PendingInvitations />
      <h2>Mes territoires</h2>
      {tenants.length === 0 ? (
        <p>Vous n'êtes membre d'aucun territoire pour l'instant.</p>
      ) : (
        <ul className="cards">
          {tenants.map((t) => (
            <li key={t.tenant.siren} className="card">
              <Link to={`/t/${t.tenant.siren}`}>{t.tenant.name}</Link>
              <span className="muted">
                {ROLE_LABELS[t.role] ?? t.role} · SIREN {t.tenant.siren} · département{t.tenant.departements.length > 1 ? 's' : ''}{' '}
                {t.tenant.departements.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {departements.length > 0 && (
        <>
          <h2>Consolidation départementale</h2>
          <ul className="cards">
            {departements.map((d) => (
              <li key={d} className="card">
                <Link to={`/departement/${d}`}>Département {d}</Link>
                <span className="muted">Les territoires de ce département où vous êtes membre</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * « Invitations en attente »: what territories propose to the signed-in person, to accept or decline. Shown
 * only when there are some. After an acceptance the page is loaded again from `/`: the session (restored
 * from its refresh token) lists the new territory in « Mes territoires ».
 */
function PendingInvitations() {
  const { data, error } = useGraphQLQuery(MY_INVITATIONS, {});
  const acceptMine = useGraphQLMutation(ACCEPT_MINE);
  const declineMine = useGraphQLMutation(DECLINE_MINE, { invalidates: [MY_INVITATIONS] });
  const [list, setList] = useState<PendingInvitation[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const [listOf, setListOf] = useState<typeof data>(undefined);
  if (data && data !== listOf) {
    setListOf(data);
    setList(data.myInvitations);
  }

  const answer = async (invitation: PendingInvitation, accept: boolean) => {
    const name = invitation.tenant.name;
    if (!accept && !window.confirm(`Refuser l'invitation ${de(name)} ? Vous ne deviendrez pas membre de ce territoire.`)) return;
    setBusy(invitation.id);
    setFailure(null);
    setMessage('');
    try {
      if (accept) {
        await acceptMine.mutateAsync({ invitationId: invitation.id });
        setMessage(`Vous êtes membre ${de(name)}. Chargement de vos territoires…`);
        // The session's territories are loaded when it opens: open it again, from its refresh token.
        window.location.assign('/');
        return;
      }
      const left = (await declineMine.mutateAsync({ invitationId: invitation.id })).declineMyInvitation;
      setList(left);
      setMessage(`Vous avez refusé l'invitation ${de(name)}.`);
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p role="status" className="status-line">
        {message}
      </p>
      <ErrorMessage error={error ?? failure} />
      {list && list.length > 0 && (
        <section aria-labelledby="pending-invitations-title">
          <h2 id="pending-invitations-title">Invitations en attente</h2>
          <ul className="cards">
            {list.map((i) => (
              <li key={i.id} className="card">
                <strong>{i.tenant.name}</strong>
                <span className="muted">
                  {ROLE_LABELS[i.role] ?? i.role} · invitation {i.invitedBy ? de(i.invitedBy) : "de l'administrateur du territoire"} ·
                  valable jusqu'au {dateTime(i.expiresAt)}
                </span>
                <span>
                  <button type="button" disabled={busy !== null} onClick={() => void answer(i, true)}>
                    Accepter<span className="sr-only"> l'invitation {de(i.tenant.name)}</span>
                  </button>{' '}
                  <button type="button" className="secondary" disabled={busy !== null} onClick={() => void answer(i, false)}>
                    Refuser<span className="sr-only"> l'invitation {de(i.tenant.name)}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
