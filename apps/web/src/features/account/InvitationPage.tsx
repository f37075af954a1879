import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';

import { ApiError } from '../../common/api';
import { ErrorMessage, Loading } from '../../common/components';
import { asApiError } from '../../common/errors';
import { dateTime, ROLE_LABELS } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import { CHOOSE_ONE, NewPassword, NewPasswordErrors, NewPasswordFields, NOT_THE_SAME, TOO_SHORT } from './NewPasswordFields';

const PREVIEW = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      tenantName
      role
      invitedBy
      expiresAt
      accountReady
    }
  }
`);
const ACCEPT = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input)
  }
`);
const DECLINE = graphql(`
  mutation DeclineInvitation($token: String!) {
    declineInvitation(token: $token)
  }
`);

const INVALID_LINK =
  "Ce lien d'invitation n'est pas valable : il a expiré, a déjà servi ou a été annulé. Demandez à l'administrateur du territoire de vous renvoyer l'invitation.";

/** The token of the e-mailed link, in its fragment (`#jeton=…`): never sent to the server, never in a Referer. */
function tokenOfLink(): string {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return fragment.get('jeton')?.trim() ?? '';
}

/**
 * Public page of the e-mailed invitation link (`/invitation#jeton=…`): what is proposed, then, for a new
 * account, the choice of its password; an existing account answers from its session. Declining is always
 * possible.
 */
export function InvitationPage() {
  const navigate = useNavigate();
  const session = useSession();
  const [token] = useState(tokenOfLink);
  // A public page: no session to renew. Accepting or declining does not read the preview again: the used
  // link would then read as invalid, over the answer the person just gave.
  const previewQuery = useGraphQLQuery(PREVIEW, { token }, { enabled: !!token, renewSession: false });
  const preview = previewQuery.data?.invitationPreview ?? null;
  const linkRefused =
    !!previewQuery.error && ['UNAUTHENTICATED', 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(previewQuery.error.code);
  const loadError = linkRefused ? null : previewQuery.error;
  const [refused, setInvalid] = useState(!token);
  const invalid = refused || linkRefused;
  const accept = useGraphQLMutation(ACCEPT, { renewSession: false });
  const declineInvitation = useGraphQLMutation(DECLINE, { renewSession: false });
  const [signInRequired, setSignInRequired] = useState(false);
  const [declined, setDeclined] = useState(false);
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  // The token leaves the address bar at once (history, bookmarks, a screen shared).
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  }, []);

  // After a refusal, the keyboard is taken to the first field in error (an alert announces itself).
  useEffect(() => {
    if (round === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [round]);

  const refuse = (error: ApiError) => {
    if (error.code === 'UNAUTHENTICATED') setInvalid(true);
    else if (error.code === 'SIGN_IN_REQUIRED') setSignInRequired(true);
    else setProblem(error);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    // Only presence and sameness here: the length is the API's rule, and its refusal shows at the field.
    const own: NewPasswordErrors = {};
    if (!value.password) own.password = CHOOSE_ONE;
    if (value.password !== value.confirmation) own.confirmation = NOT_THE_SAME;
    if (Object.keys(own).length > 0) {
      setErrors(own);
      setRound((r) => r + 1);
      return;
    }
    setBusy(true);
    try {
      // The API answers true and opens no session: the person signs in with their new password.
      await accept.mutateAsync({ input: { token, password: value.password } });
      // Someone else's session open in this tab would hide the sign-in page.
      if (session.status === 'signedIn') await session.signOut();
      void navigate('/connexion', {
        replace: true,
        state: { notice: 'Votre compte est prêt : connectez-vous avec votre adresse e-mail et le mot de passe choisi.' },
      });
      return;
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
        const fields: NewPasswordErrors = {};
        const elsewhere: string[] = [];
        for (const f of error.fields) {
          if (f.field.replace(/^input\./, '') === 'password')
            fields.password = f.reason === 'minLength' ? TOO_SHORT : `Mot de passe : ${f.message}.`;
          else elsewhere.push(`${f.field} : ${f.message}.`);
        }
        setErrors(fields);
        if (elsewhere.length > 0) setProblem(new ApiError(error.code, elsewhere.join(' ')));
      } else refuse(error);
      setRound((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  const decline = async () => {
    if (!preview) return;
    if (!window.confirm(`Refuser l'invitation à rejoindre ${preview.tenantName} ? Le lien ne fonctionnera plus.`)) return;
    setProblem(null);
    setBusy(true);
    try {
      await declineInvitation.mutateAsync({ token });
      setDeclined(true);
    } catch (err) {
      refuse(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (invalid) {
    body = (
      <div role="alert" className="alert">
        {INVALID_LINK}
      </div>
    );
  } else if (declined) {
    body = (
      <p role="status" className="notice">
        Vous avez refusé l'invitation à rejoindre {preview?.tenantName}. Rien d'autre ne sera fait : vous pouvez fermer cette page.
      </p>
    );
  } else if (loadError) {
    body = <ErrorMessage error={loadError} />;
  } else if (!preview) {
    body = <Loading label="Lecture de l'invitation…" />;
  } else {
    const ready = preview.accountReady || signInRequired;
    body = (
      <>
        <p>
          <strong>
            {preview.invitedBy ?? "L'administrateur du territoire"} vous invite à rejoindre {preview.tenantName} comme{' '}
            {ROLE_LABELS[preview.role] ?? preview.role}.
          </strong>
        </p>
        <p className="muted">
          Invitation adressée à {preview.email}, valable jusqu'au {dateTime(preview.expiresAt)}.
        </p>
        {ready ? (
          <>
            <ErrorMessage error={problem} />
            <p className="notice">
              Vous avez déjà un compte : connectez-vous, puis acceptez l'invitation depuis « Invitations en attente ».
            </p>
            <p>
              <Link to="/connexion">Se connecter</Link>
            </p>
          </>
        ) : (
          <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label="Choisir votre mot de passe">
            <ErrorMessage error={problem} />
            <p>Pour accepter, choisissez votre mot de passe, puis connectez-vous avec votre adresse e-mail.</p>
            <NewPasswordFields label="Mot de passe" value={value} errors={errors} onChange={setValue} />
            <button type="submit" disabled={busy}>
              {busy ? 'Enregistrement…' : 'Accepter et choisir ce mot de passe'}
            </button>
          </form>
        )}
        <p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void decline()}>
            Refuser l'invitation
          </button>
        </p>
      </>
    );
  }

  return (
    <main id="contenu" className="login">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Invitation à rejoindre un territoire</h2>
      {body}
      {(invalid || declined) && (
        <p>
          <Link to="/connexion">Se connecter</Link>
        </p>
      )}
    </main>
  );
}
