import { FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';

import { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useSession } from '../../common/session';

/** The sign-in form; also used over the page when a session expires (SignInDialog). */
export function SignInForm({
  onSignIn,
  submitLabel = 'Se connecter',
  fixedEmail,
}: {
  onSignIn(email: string, password: string): Promise<void>;
  submitLabel?: string;
  fixedEmail?: string;
}) {
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSignIn(email, password);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={error} />
      <Field label="Adresse e-mail">
        {(p) => (
          <input
            {...p}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            readOnly={!!fixedEmail}
          />
        )}
      </Field>
      <Field label="Mot de passe">
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Connexion…' : submitLabel}
      </button>
    </form>
  );
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  // A notice brought by the page before (the invitation accepted: "Votre compte est prêt").
  // (or the session itself: signed out everywhere).
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? session.notice;
  if (session.status === 'signedIn') return <Navigate to="/" replace />;
  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Connexion</h2>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <SignInForm
        onSignIn={async (email, password) => {
          await session.signIn(email, password);
          void navigate('/', { replace: true });
        }}
      />
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <p>
        Association, coopérative, régie de quartier… ? <Link to="/inscription">Inscrire mon organisation</Link>
      </p>
    </main>
  );
}

/** Over the page when the session has expired: what was being typed underneath stays as it was. */
export function SignInDialog() {
  const session = useSession();
  if (!session.reauthenticating) return null;
  return (
    <div className="overlay">
      <div role="dialog" aria-modal="true" aria-labelledby="reauth-title" className="dialog">
        <h2 id="reauth-title">Votre session a expiré</h2>
        <p>Reconnectez-vous pour poursuivre : ce que vous étiez en train de saisir est conservé.</p>
        <SignInForm onSignIn={session.completeReauthentication} submitLabel="Se reconnecter" fixedEmail={session.user?.email} />
      </div>
    </div>
  );
}
