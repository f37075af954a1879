import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field, Loading } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { dateTime } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import { NewPassword, NewPasswordErrors, newPasswordErrors, NewPasswordFields } from '../account/NewPasswordFields';

const SIGNUP_PREVIEW = graphql(`
  query PorteurSignupPreview($token: String!) {
    porteurSignupPreview(token: $token) {
      email
      tenantName
      organisationName
      accountReady
      expiresAt
    }
  }
`);

const COMPLETE_SIGNUP = graphql(`
  mutation CompletePorteurSignup($input: CompletePorteurSignupInput!) {
    completePorteurSignup(input: $input) {
      email
      siren
      tenantName
      organisationId
      callId
    }
  }
`);

/** The token of the link, from the fragment only (`#jeton=…`): a fragment is never sent to a server. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('jeton')?.trim() ?? '';
}

/**
 * Public page of the link e-mailed by the sign-up (`/inscription/confirmer#jeton=…`): what is confirmed,
 * then a new password (twice) — or the current one when the address already has an account —, then the
 * organisation's space, signed in.
 */
export function SignupConfirmPage() {
  const navigate = useNavigate();
  const session = useSession();
  const [token] = useState(tokenFromFragment);
  const preview = useGraphQLQuery(SIGNUP_PREVIEW, { token }, { enabled: !!token, renewSession: false, retry: false });
  const complete = useGraphQLMutation(COMPLETE_SIGNUP, { renewSession: false });
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [current, setCurrent] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  const accountReady = preview.data?.porteurSignupPreview.accountReady ?? false;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const own: NewPasswordErrors = accountReady
      ? current
        ? {}
        : { password: 'Saisissez votre mot de passe actuel.' }
      : newPasswordErrors(value);
    setErrors(own);
    if (own.password || own.confirmation) return;
    const password = accountReady ? current : value.password;
    setBusy(true);
    try {
      const done = (await complete.mutateAsync({ input: { token, password } })).completePorteurSignup;
      await session.signIn(done.email, password);
      void navigate(`/t/${done.siren}/espace${done.callId ? `?appel=${done.callId}` : ''}`, { replace: true });
    } catch (err) {
      const error = asApiError(err);
      const fields = fieldMessages(error);
      if (fields.password) setErrors({ password: fields.password });
      else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Confirmer mon inscription</h2>
      {!token ? (
        <p role="alert" className="alert">
          Lien incomplet : ouvrez le lien reçu par courriel en entier.
        </p>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.error ? (
        <>
          <ErrorMessage error={preview.error} />
          <p>
            <Link to="/inscription">Refaire une demande d’inscription</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Inscription de <strong>{preview.data?.porteurSignupPreview.organisationName}</strong> sur le territoire «&nbsp;
            {preview.data?.porteurSignupPreview.tenantName}&nbsp;», avec l’adresse {preview.data?.porteurSignupPreview.email} (lien valable
            jusqu’au {dateTime(preview.data?.porteurSignupPreview.expiresAt)}).
          </p>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Confirmer l’inscription">
            <ErrorMessage error={problem} context="operation" />
            {accountReady ? (
              <Field label="Mot de passe actuel" hint="Cette adresse a déjà un compte Pilotis" error={errors.password}>
                {(p) => (
                  <input
                    {...p}
                    type="password"
                    autoComplete="current-password"
                    required
                    value={current}
                    onChange={(e) => setCurrent(e.target.value)}
                  />
                )}
              </Field>
            ) : (
              <NewPasswordFields label="Mot de passe" value={value} errors={errors} onChange={setValue} />
            )}
            <button type="submit" disabled={busy}>
              {busy ? 'Création…' : 'Créer l’espace de mon organisation'}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
