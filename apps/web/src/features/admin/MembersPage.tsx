import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';

import { de } from '@pilotis/shared/french';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Loading } from '../../common/components';
import { asApiError } from '../../common/errors';
import { plural, ROLE_LABELS } from '../../common/format';
import { useAllPages } from '../../common/pages';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import { type Invitation, type Member, RoleRulesContext } from './member-roles';
import { InviteForm, RoleForm } from './MemberForms';
import { MemberRow, PendingList } from './MemberTables';

const MEMBERS = graphql(`
  query TenantMembers {
    members(includeRevoked: true) {
      id
      role
      organisationId
      createdAt
      revokedAt
      user {
        id
        displayName
        email
      }
    }
    roleRules {
      role
      permissions
      organisationBound
    }
  }
`);
const ORGANISATIONS = graphql(`
  query MemberOrganisations($after: String) {
    organisations(first: 100, after: $after) {
      nodes {
        id
        name
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
const INVITE = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      displayName
    }
  }
`);
const INVITATIONS = graphql(`
  query TenantInvitations {
    invitations {
      id
      email
      displayName
      role
      organisationId
      status
      createdAt
      sentAt
      expiresAt
    }
  }
`);
const RESEND = graphql(`
  mutation ResendInvitation($invitationId: ID!) {
    resendInvitation(invitationId: $invitationId) {
      id
      sentAt
      expiresAt
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelInvitation($invitationId: ID!) {
    cancelInvitation(invitationId: $invitationId) {
      id
      status
    }
  }
`);
const CHANGE_ROLE = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
      organisationId
    }
  }
`);
const REVOKE = graphql(`
  mutation RevokeMembership($membershipId: ID!) {
    revokeMembership(membershipId: $membershipId) {
      id
      revokedAt
    }
  }
`);

/** The tenant admin's members: who has which role, invitations (e-mailed, pending ones listed), role changes, revocations. */
export function MembersPage() {
  const { siren = '' } = useParams();
  const session = useSession();
  const { data, error, isPending: loading } = useGraphQLQuery(MEMBERS, {}, { tenant: siren });
  const invitations = useGraphQLQuery(INVITATIONS, {}, { tenant: siren, enabled: !!data });
  // All the territory's partners (100 a page), for the organisation a representative acts for.
  const organisations = useAllPages(ORGANISATIONS, (answer) => answer.organisations, { tenant: siren, enabled: !!data });
  const organisationList = organisations.data ?? [];
  const revokeMembership = useGraphQLMutation(REVOKE, { tenant: siren, invalidates: [MEMBERS] });
  const changeRole = useGraphQLMutation(CHANGE_ROLE, { tenant: siren, invalidates: [MEMBERS] });
  const invite = useGraphQLMutation(INVITE, { tenant: siren, invalidates: [INVITATIONS] });
  const resendInvitation = useGraphQLMutation(RESEND, { tenant: siren, invalidates: [INVITATIONS] });
  const cancelInvitation = useGraphQLMutation(CANCEL, { tenant: siren, invalidates: [INVITATIONS] });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const sentBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) sentBox.current?.focus();
  }, [sentTo]);

  const orgName = (id: string | null | undefined) => (id ? (organisationList.find((o) => o.id === id)?.name ?? '…') : '—');
  // Active memberships first, then the revoked ones; the API gives them by e-mail.
  const members = data ? [...data.members].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt)) : [];
  const activeCount = members.filter((m) => !m.revokedAt).length;

  const revoke = async (m: Member) => {
    if (
      !window.confirm(`Révoquer l'appartenance ${de(m.user.displayName)} (${m.user.email}) ? Son accès au territoire cesse immédiatement.`)
    )
      return;
    setFailure(null);
    setMessage('');
    try {
      await revokeMembership.mutateAsync({ membershipId: m.id });
      setMessage(`L'appartenance ${de(m.user.displayName)} est révoquée.`);
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  const resend = async (i: Invitation) => {
    setFailure(null);
    setMessage('');
    setSentTo(null);
    try {
      await resendInvitation.mutateAsync({ invitationId: i.id });
      setMessage(`Invitation renvoyée à ${i.email}.`);
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  const cancel = async (i: Invitation) => {
    if (!window.confirm(`Annuler l'invitation ${de(i.displayName)} (${i.email}) ? Le lien reçu ne fonctionnera plus.`)) return;
    setFailure(null);
    setMessage('');
    setSentTo(null);
    try {
      await cancelInvitation.mutateAsync({ invitationId: i.id });
      setMessage(`L'invitation ${de(i.displayName)} est annulée.`);
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  return (
    <RoleRulesContext.Provider value={data?.roleRules ?? []}>
      <h1>Membres du territoire</h1>
      <p className="muted">Les personnes qui ont accès au territoire, leur rôle et l'organisation qu'elles représentent.</p>
      <ErrorMessage error={error ?? failure ?? organisations.error ?? invitations.error} />
      {sentTo && (
        <div className="notice" role="status" ref={sentBox} tabIndex={-1}>
          <p>
            <strong>Invitation envoyée à {sentTo}.</strong> La personne reçoit un courriel pour accepter ou refuser ; elle ne devient membre
            qu'après avoir accepté.
          </p>
          <p>
            <button type="button" className="secondary" onClick={() => setSentTo(null)}>
              C'est noté
            </button>
          </p>
        </div>
      )}
      <p role="status" className="status-line">
        {message}
      </p>
      {loading && !data && <Loading />}
      {data && (
        <>
          <section aria-labelledby="invite-title" className="panel">
            <h2 id="invite-title">Inviter une personne</h2>
            <InviteForm
              organisations={organisationList}
              onInvite={async (input) => {
                const { inviteMember } = await invite.mutateAsync({ input });
                setMessage('');
                setSentTo(inviteMember.email);
              }}
            />
          </section>
          {invitations.data && (
            <PendingList
              invitations={invitations.data.invitations}
              organisationName={orgName}
              onResend={(i) => void resend(i)}
              onCancel={(i) => void cancel(i)}
            />
          )}
          <section aria-labelledby="members-title">
            <h2 id="members-title">Membres</h2>
            <p className="muted">
              {plural(activeCount, 'membre actif', 'membres actifs', 'Aucun membre actif')}
              {members.length > activeCount
                ? `, ${plural(members.length - activeCount, 'appartenance révoquée', 'appartenances révoquées')}`
                : ''}
              .
            </p>
            <div className="table-scroll">
              <table className="members-table">
                <caption className="sr-only">Membres du territoire et appartenances révoquées</caption>
                <thead>
                  <tr>
                    <th scope="col">Personne</th>
                    <th scope="col">Adresse e-mail</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Organisation représentée</th>
                    <th scope="col">Membre depuis</th>
                    <th scope="col">État</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <MemberRow
                      key={m.id}
                      member={m}
                      isMe={m.user.id === session.user?.id}
                      organisationName={orgName(m.organisationId)}
                      editing={editing === m.id}
                      onEdit={() => {
                        setEditing(m.id);
                        setFailure(null);
                      }}
                      onRevoke={() => void revoke(m)}
                      editor={
                        <RoleForm
                          member={m}
                          organisations={organisationList}
                          onCancel={() => setEditing(null)}
                          onSave={async (input) => {
                            await changeRole.mutateAsync({ input: { membershipId: m.id, ...input } });
                            setEditing(null);
                            setMessage(`Rôle ${de(m.user.displayName)} : ${ROLE_LABELS[input.role] ?? input.role}.`);
                          }}
                        />
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </RoleRulesContext.Provider>
  );
}
