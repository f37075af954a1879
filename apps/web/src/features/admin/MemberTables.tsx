import { ReactNode, useEffect, useRef, useState } from 'react';

import { de } from '@pilotis/shared/french';

import { dateTime, ROLE_LABELS } from '../../common/format';
import { day, type Invitation, type Member } from './member-roles';

/** « Invitations en attente »: sent, not answered yet; each can be sent again (a new link) or cancelled. */
export function PendingList({
  invitations,
  organisationName,
  onResend,
  onCancel,
}: {
  invitations: Invitation[];
  organisationName(id: string | null | undefined): string;
  onResend(i: Invitation): void;
  onCancel(i: Invitation): void;
}) {
  // When the list was shown: which invitations have expired is read once, not at each render.
  const [now] = useState(() => Date.now());
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">Invitations en attente</h2>
      {invitations.length === 0 ? (
        <p className="muted">Aucune invitation en attente.</p>
      ) : (
        <div className="table-scroll">
          <table className="members-table">
            <caption className="sr-only">Invitations envoyées, en attente de réponse</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">Organisation représentée</th>
                <th scope="col">Envoyée le</th>
                <th scope="col">Valable jusqu'au</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.displayName}</th>
                  <td>{i.email}</td>
                  <td>{ROLE_LABELS[i.role] ?? i.role}</td>
                  <td>{organisationName(i.organisationId)}</td>
                  <td className="nowrap">{dateTime(i.sentAt)}</td>
                  <td className="nowrap">
                    {new Date(i.expiresAt).getTime() <= now ? `expirée (${day(i.expiresAt)})` : dateTime(i.expiresAt)}
                  </td>
                  <td className="nowrap">
                    <button type="button" className="secondary" onClick={() => onResend(i)}>
                      Renvoyer<span className="sr-only"> l'invitation {de(i.displayName)}</span>
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => onCancel(i)}>
                      Annuler<span className="sr-only"> l'invitation {de(i.displayName)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function MemberRow({
  member: m,
  isMe,
  organisationName,
  editing,
  onEdit,
  onRevoke,
  editor,
}: {
  member: Member;
  isMe: boolean;
  organisationName: string;
  editing: boolean;
  onEdit(): void;
  onRevoke(): void;
  editor: ReactNode;
}) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  // Back on the button once the form closes, so that the keyboard keeps its place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <>
      <tr className={m.revokedAt ? 'revoked' : undefined}>
        <th scope="row">
          {m.user.displayName}
          {isMe && <span className="muted"> (vous)</span>}
        </th>
        <td>{m.user.email}</td>
        <td>{ROLE_LABELS[m.role] ?? m.role}</td>
        <td>{organisationName}</td>
        <td className="nowrap">{day(m.createdAt)}</td>
        <td>{m.revokedAt ? `Révoquée le ${dateTime(m.revokedAt)}` : 'Active'}</td>
        <td className="nowrap">
          {!m.revokedAt && (
            <>
              <button type="button" className="secondary" ref={editButton} onClick={onEdit} aria-expanded={editing} disabled={editing}>
                Changer le rôle<span className="sr-only"> {de(m.user.displayName)}</span>
              </button>{' '}
              <button type="button" className="secondary" onClick={onRevoke}>
                Révoquer<span className="sr-only"> {m.user.displayName}</span>
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="row-editor">
          <td colSpan={7}>{editor}</td>
        </tr>
      )}
    </>
  );
}
