import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, request } from '../api';
import { ErrorMessage, Field } from '../components';
import { graphql } from '../gql';
import { useSession } from '../session';

const ACCEPT = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }
`);

/** The API's minimum length of a password (AcceptInvitationInput). */
const MIN_LENGTH = 12;
const TOO_SHORT = `Mot de passe trop court : ${MIN_LENGTH} caractères au moins.`;

type FieldName = 'token' | 'password' | 'confirmation';

/** The French message of an API refusal for one of the form's fields (BAD_USER_INPUT names them). */
function fieldMessage(field: string, reason: string, message: string): [FieldName, string] | null {
  const key = field.replace(/^input\./, '');
  if (key === 'password') return ['password', reason === 'minLength' ? TOO_SHORT : `Mot de passe : ${message}.`];
  if (key === 'token') return ['token', `Jeton d'invitation : ${message}.`];
  return null;
}

/**
 * Public page of the invitation link (`/invitation?jeton=…`): the invited person chooses their password,
 * then signs in. Without the link, the token received can be pasted.
 */
export function InvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const fromLink = params.get('jeton')?.trim() ?? '';
  const [token, setToken] = useState(fromLink);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  // After a refusal, the keyboard is taken to the first field in error (an alert announces itself).
  useEffect(() => {
    if (round === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [round]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    const own: Partial<Record<FieldName, string>> = {};
    if (!token.trim()) own.token = "Collez le jeton d'invitation reçu.";
    if (!password) own.password = `Choisissez un mot de passe de ${MIN_LENGTH} caractères au moins.`;
    if (password !== confirmation) own.confirmation = 'Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe deux fois.';
    if (Object.keys(own).length > 0) {
      setErrors(own);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      // The API answers true and opens no session: the person signs in with their new password.
      await request(ACCEPT, { input: { token: token.trim(), password } }, undefined, { renewSession: false });
      // Someone else's session open in this tab would hide the sign-in page.
      if (session.status === 'signedIn') await session.signOut();
      void navigate('/connexion', { replace: true, state: { notice: 'Votre compte est prêt : connectez-vous avec votre adresse e-mail et le mot de passe choisi.' } });
      return;
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas.');
      const fields: Partial<Record<FieldName, string>> = {};
      const elsewhere: string[] = [];
      if (error.code === 'BAD_USER_INPUT') {
        for (const f of error.fields) {
          const known = fieldMessage(f.field, f.reason, f.message);
          // The token field is shown only without the link: its errors then go to the alert.
          if (known && (known[0] !== 'token' || !fromLink)) fields[known[0]] = known[1];
          else elsewhere.push(known ? known[1] : `${f.field} : ${f.message}.`);
        }
      }
      setErrors(fields);
      setProblem(error.code !== 'BAD_USER_INPUT' || error.fields.length === 0 ? error : elsewhere.length > 0 ? new ApiError(error.code, elsewhere.join(' ')) : null);
      setRound((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Activer votre compte</h2>
      <p>Une invitation vous a été adressée pour rejoindre un territoire. Choisissez votre mot de passe, puis connectez-vous avec votre adresse e-mail.</p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Choisir votre mot de passe">
        <ErrorMessage error={problem} />
        {!fromLink && (
          <Field label="Jeton d'invitation" hint="Le jeton reçu de l'administrateur du territoire, à coller ici" error={errors.token}>
            {(p) => <input {...p} autoComplete="off" spellCheck={false} required value={token} onChange={(e) => setToken(e.target.value)} />}
          </Field>
        )}
        <Field label="Mot de passe" hint={`${MIN_LENGTH} caractères au moins`} error={errors.password}>
          {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={MIN_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label="Confirmation du mot de passe" hint="Le même mot de passe, une seconde fois" error={errors.confirmation}>
          {(p) => <input {...p} type="password" autoComplete="new-password" required value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Enregistrement…' : 'Choisir ce mot de passe'}
        </button>
      </form>
      <p>
        Vous avez déjà un compte ? <Link to="/connexion">Se connecter</Link>
      </p>
    </main>
  );
}
