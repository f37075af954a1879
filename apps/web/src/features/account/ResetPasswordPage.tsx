import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, request } from '../../shared/api';
import { ErrorMessage, Field } from '../../shared/components';
import { graphql } from '../../gql';
import { useSession } from '../../shared/session';

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }
`);

/** The API's minimum length of a password (ResetPasswordInput). */
export const MIN_LENGTH = 12;
export const TOO_SHORT = `Mot de passe trop court : ${MIN_LENGTH} caractères au moins.`;
export const NOT_THE_SAME = 'Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe deux fois.';

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
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
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
    const own: typeof errors = {};
    if (password.length < MIN_LENGTH) own.password = password ? TOO_SHORT : `Choisissez un mot de passe de ${MIN_LENGTH} caractères au moins.`;
    if (password !== confirmation) own.confirmation = NOT_THE_SAME;
    if (own.password || own.confirmation) {
      setErrors(own);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      await request(RESET_PASSWORD, { input: { token, password } }, undefined, { renewSession: false });
      // Every session of the account has ended; one open in this tab would hide the sign-in page.
      if (session.status === 'signedIn') await session.signOut();
      void navigate('/connexion', { replace: true, state: { notice: 'Mot de passe changé : connectez-vous.' } });
      return;
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas.');
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
          <Field label="Nouveau mot de passe" hint={`${MIN_LENGTH} caractères au moins`} error={errors.password}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={MIN_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <Field label="Confirmation du nouveau mot de passe" hint="Le même mot de passe, une seconde fois" error={errors.confirmation}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />}
          </Field>
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
