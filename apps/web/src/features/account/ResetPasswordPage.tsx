import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useGraphQLMutation } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import { NewPassword, NewPasswordErrors, newPasswordErrors, NewPasswordFields, TOO_SHORT } from './NewPasswordFields';

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** The token of the link, from the fragment only (`#jeton=…`): a fragment is never sent to a server. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('jeton')?.trim() ?? '';
}

/**
 * Public page of the link e-mailed by « Mot de passe oublié » (`/nouveau-mot-de-passe#jeton=…`): the token
 * is read once, then taken out of the address bar (history, bookmarks, a shared screen), and the person
 * chooses a new password twice.
 */
export function ResetPasswordPage() {
  const navigate = useNavigate();
  const session = useSession();
  const [token] = useState(tokenFromFragment);
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  // A public page: a refused token must not ask to sign in again.
  const resetPassword = useGraphQLMutation(RESET_PASSWORD, { renewSession: false });
  const [round, setRound] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  // After a refusal, the keyboard is taken to the first field in error.
  useEffect(() => {
    if (round > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [round]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    const own = newPasswordErrors(value);
    if (own.password || own.confirmation) {
      setErrors(own);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      await resetPassword.mutateAsync({ input: { token, password: value.password } });
      // Every session of the account has ended; one open in this tab would hide the sign-in page.
      if (session.status === 'signedIn') await session.signOut();
      void navigate('/connexion', { replace: true, state: { notice: 'Mot de passe changé : connectez-vous.' } });
      return;
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'UNAUTHENTICATED') setExpired(true);
      else if (error.code === 'BAD_USER_INPUT' && error.fields.some((f) => f.field.replace(/^input\./, '') === 'password')) {
        const f = error.fields.find((x) => x.field.replace(/^input\./, '') === 'password');
        setErrors({ password: f?.reason === 'minLength' ? TOO_SHORT : `Mot de passe : ${f?.message ?? error.message}.` });
      } else if (error.code === 'BAD_USER_INPUT' && error.fields.some((f) => f.field.replace(/^input\./, '') === 'token')) setExpired(true);
      else setProblem(error);
      setRound((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  const again = (
    <p>
      <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
    </p>
  );
  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Nouveau mot de passe</h2>
      {!token ? (
        <>
          <div role="alert" className="alert">
            Ce lien est incomplet : ouvrez le lien reçu par courriel tel quel, ou demandez-en un nouveau.
          </div>
          {again}
        </>
      ) : expired ? (
        <>
          <div role="alert" className="alert">
            Ce lien a expiré ou a déjà servi : il est valable une heure, une seule fois.
          </div>
          {again}
        </>
      ) : (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Choisir un nouveau mot de passe">
          <ErrorMessage error={problem} />
          <NewPasswordFields label="Nouveau mot de passe" value={value} errors={errors} onChange={setValue} />
          <button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Changer mon mot de passe'}
          </button>
        </form>
      )}
      <p>
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </main>
  );
}
