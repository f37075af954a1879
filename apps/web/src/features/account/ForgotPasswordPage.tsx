import { FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';

const REQUEST_RESET = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const RESET_SENT = 'Si un compte correspond à cette adresse, un lien vient de lui être envoyé. Il est valable une heure.';

/**
 * Public page « Mot de passe oublié » (`/mot-de-passe-oublie`): the API answers the same whether or not the
 * address has an account, and so does this page.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const requestReset = useGraphQLMutation(REQUEST_RESET, { renewSession: false });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setEmailError(undefined);
    if (!email.trim()) {
      setEmailError('Saisissez l’adresse e-mail de votre compte.');
      return;
    }
    setBusy(true);
    try {
      await requestReset.mutateAsync({ input: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'BAD_USER_INPUT' && error.fields.some((f) => f.field.replace(/^input\./, '') === 'email'))
        setEmailError('Adresse e-mail invalide.');
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Mot de passe oublié</h2>
      {sent ? (
        <p role="status" className="notice">
          {RESET_SENT}
        </p>
      ) : (
        <>
          <p>Indiquez l’adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Demander un lien de réinitialisation">
            <ErrorMessage error={problem} />
            <Field label="Adresse e-mail" error={emailError}>
              {(p) => (
                <input {...p} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
              )}
            </Field>
            <button type="submit" disabled={busy}>
              {busy ? 'Envoi…' : 'Recevoir un lien'}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </main>
  );
}
