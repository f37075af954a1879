import { FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useSession } from '../../common/session';
import { NewPassword, newPasswordErrors, NewPasswordFields, TOO_SHORT } from './NewPasswordFields';

type FieldName = 'currentPassword' | 'newPassword' | 'confirmation';

/** « Mon compte » (`/compte`): change of password, and sign-out of every session. */
export function AccountPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState<NewPassword>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [everywhereError, setEverywhereError] = useState<ApiError | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (round > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [round]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    setDone(false);
    const own: Partial<Record<FieldName, string>> = {};
    if (!current) own.currentPassword = 'Saisissez votre mot de passe actuel.';
    const { password: newPassword, confirmation } = newPasswordErrors(fresh);
    if (newPassword) own.newPassword = newPassword;
    if (confirmation) own.confirmation = confirmation;
    if (Object.keys(own).length > 0) {
      setErrors(own);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      await session.changePassword(current, fresh.password);
      setCurrent('');
      setFresh({ password: '', confirmation: '' });
      setDone(true);
    } catch (err) {
      const error = asApiError(err);
      const fields: Partial<Record<FieldName, string>> = {};
      for (const f of error.code === 'BAD_USER_INPUT' ? error.fields : []) {
        const key = f.field.replace(/^input\./, '');
        if (key === 'currentPassword')
          fields.currentPassword = f.reason === 'incorrect' ? 'Mot de passe actuel incorrect.' : `Mot de passe actuel : ${f.message}.`;
        else if (key === 'newPassword') fields.newPassword = f.reason === 'minLength' ? TOO_SHORT : `Nouveau mot de passe : ${f.message}.`;
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setProblem(error);
      setRound((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  const signOutEverywhere = async () => {
    setEverywhereError(null);
    try {
      // The sign-in page tells it (session.notice).
      await session.signOutEverywhere();
      void navigate('/connexion', { replace: true });
    } catch (err) {
      setEverywhereError(asApiError(err));
    }
  };

  return (
    <>
      <h1>Mon compte</h1>
      <p>
        {session.user?.displayName} · {session.user?.email}
      </p>
      <section aria-labelledby="password-title">
        <h2 id="password-title">Changer de mot de passe</h2>
        {done && (
          <p role="status" className="notice">
            Mot de passe changé ; vos autres sessions sont fermées.
          </p>
        )}
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Changer de mot de passe">
          <ErrorMessage error={problem} />
          <input type="email" autoComplete="username" value={session.user?.email ?? ''} readOnly hidden />
          <Field label="Mot de passe actuel" error={errors.currentPassword}>
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
          <NewPasswordFields
            label="Nouveau mot de passe"
            value={fresh}
            errors={{ password: errors.newPassword, confirmation: errors.confirmation }}
            onChange={setFresh}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Changer mon mot de passe'}
          </button>
        </form>
      </section>
      <section aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Sessions</h2>
        <p>Un appareil perdu, un poste partagé ? Fermez toutes vos sessions ouvertes, sur tous vos appareils, celle-ci comprise.</p>
        <ErrorMessage error={everywhereError} />
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="everywhere-confirm">
            <p id="everywhere-confirm">Fermer toutes vos sessions ? Il faudra vous reconnecter sur chaque appareil.</p>
            <button type="button" onClick={() => void signOutEverywhere()}>
              Confirmer la déconnexion partout
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Se déconnecter partout
          </button>
        )}
      </section>
    </>
  );
}
