import { FormEvent, useState } from 'react';

import { ConfirmButton, ErrorMessage, Field, Loading } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { civilDate, dateTime } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { CANCEL_COLLEAGUE_INVITATION, INVITE_COLLEAGUE, MY_COLLEAGUES, RESEND_COLLEAGUE_INVITATION } from './porteur-queries';

/** The people who share the organisation's space, its pending invitations, and the form to invite a colleague. */
export function Colleagues({ siren }: { siren: string }) {
  const colleagues = useGraphQLQuery(MY_COLLEAGUES, {}, { tenant: siren });
  const invite = useGraphQLMutation(INVITE_COLLEAGUE, { tenant: siren, invalidates: [MY_COLLEAGUES] });
  const resend = useGraphQLMutation(RESEND_COLLEAGUE_INVITATION, { tenant: siren, invalidates: [MY_COLLEAGUES] });
  const cancel = useGraphQLMutation(CANCEL_COLLEAGUE_INVITATION, { tenant: siren, invalidates: [MY_COLLEAGUES] });
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setSent(null);
    const own: Record<string, string> = {};
    if (!email.trim()) own.email = 'Indiquez son adresse e-mail.';
    if (!displayName.trim()) own.displayName = 'Indiquez son nom.';
    if (Object.keys(own).length > 0) return setErrors(own);
    try {
      await invite.mutateAsync({ input: { email: email.trim(), displayName: displayName.trim() } });
      setSent(email.trim());
      setEmail('');
      setDisplayName('');
    } catch (err) {
      setErrors(fieldMessages(asApiError(err)));
    }
  };

  return (
    <section aria-labelledby="colleagues-title">
      <h2 id="colleagues-title">Mes collègues</h2>
      {colleagues.isPending ? (
        <Loading />
      ) : colleagues.error ? (
        <ErrorMessage error={colleagues.error} />
      ) : (
        <>
          <ul>
            {colleagues.data.myColleagues.map((c) => (
              <li key={c.id}>
                {c.user.displayName}{' '}
                <span className="muted">
                  · {c.user.email} · depuis le {civilDate(c.createdAt.slice(0, 10))}
                </span>
              </li>
            ))}
          </ul>
          {colleagues.data.myOrganisationInvitations.length > 0 && (
            <>
              <h3>Invitations en attente</h3>
              <ul>
                {colleagues.data.myOrganisationInvitations.map((i) => (
                  <li key={i.id}>
                    {i.displayName}{' '}
                    <span className="muted">
                      · {i.email} · valable jusqu’au {dateTime(i.expiresAt)}
                    </span>{' '}
                    <button type="button" className="link-button" onClick={() => resend.mutate({ id: i.id })} disabled={resend.isPending}>
                      Renvoyer
                    </button>{' '}
                    <ConfirmButton
                      className="link-button"
                      label={`Annuler l’invitation de ${i.displayName}`}
                      question={`Annuler l’invitation envoyée à ${i.email} ? Son lien ne fonctionnera plus.`}
                      confirmLabel="Annuler l’invitation"
                      onConfirm={() => cancel.mutateAsync({ id: i.id }).then(() => undefined)}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {(resend.errorText || cancel.errorText) && (
        <p role="alert" className="alert">
          {resend.errorText ?? cancel.errorText}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Inviter un collègue">
        <h3>Inviter un collègue</h3>
        {invite.error && !Object.keys(errors).length && <ErrorMessage error={invite.error} context="operation" />}
        {sent && (
          <p role="status" className="notice">
            Invitation envoyée à {sent}.
          </p>
        )}
        <Field label="Nom du collègue" error={errors.displayName}>
          {(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field label="Adresse e-mail du collègue" error={errors.email}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Envoi…' : 'Envoyer l’invitation'}
        </button>
      </form>
    </section>
  );
}
