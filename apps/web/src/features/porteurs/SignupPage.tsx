import { FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { OrganisationKind } from '../../gql/graphql';
import { PORTEUR_KINDS } from './porteur-labels';

const REQUEST_SIGNUP = graphql(`
  mutation RequestPorteurSignup($input: RequestPorteurSignupInput!) {
    requestPorteurSignup(input: $input)
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Form {
  territorySiren: string;
  displayName: string;
  email: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  siret: string;
  consent: boolean;
}

/**
 * Public page « Inscription d'un porteur » (`/inscription?territoire=<SIREN>&appel=<id>`): the person, its
 * organisation and its consent. The API e-mails a confirmation link and answers the same whatever the
 * address, and so does this page. `appel` travels with the request so that the confirmation brings the
 * person back to the call for projects they came from.
 */
export function SignupPage() {
  const [params] = useSearchParams();
  const callId = params.get('appel') ?? '';
  const [form, setForm] = useState<Form>({
    territorySiren: (params.get('territoire') ?? '').replace(/\D/g, '').slice(0, 9),
    displayName: '',
    email: '',
    organisationName: '',
    organisationKind: 'ASSOCIATION',
    siret: '',
    consent: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const request = useGraphQLMutation(REQUEST_SIGNUP, { renewSession: false });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const ownErrors = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!/^\d{9}$/.test(form.territorySiren)) e.territorySiren = 'Le SIREN du territoire compte 9 chiffres.';
    if (!form.displayName.trim()) e.displayName = 'Indiquez vos prénom et nom.';
    if (!form.email.trim()) e.email = 'Indiquez votre adresse e-mail.';
    if (!form.organisationName.trim()) e.organisationName = 'Indiquez le nom de votre organisation.';
    if (!/^\d{14}$/.test(form.siret.replace(/[\s.]/g, ''))) e.siret = 'Le SIRET compte 14 chiffres.';
    if (!form.consent) e.consent = 'Votre accord est nécessaire pour créer le compte.';
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const own = ownErrors();
    setErrors(own);
    if (Object.keys(own).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      await request.mutateAsync({
        input: {
          territorySiren: form.territorySiren,
          displayName: form.displayName.trim(),
          email: form.email.trim(),
          organisationName: form.organisationName.trim(),
          organisationKind: form.organisationKind,
          siret: form.siret,
          consent: form.consent,
          callId: UUID.test(callId) ? callId : null,
        },
      });
      setSentTo(form.email.trim());
    } catch (err) {
      const error = asApiError(err);
      const fields = fieldMessages(error);
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login signup">
      <h1>Pilotis</h1>
      <p className="muted">Co-pilotage des contrats de ville</p>
      <h2>Inscrire mon organisation</h2>
      {sentTo ? (
        <div role="status" className="notice">
          <p>
            Un lien de confirmation vient d’être envoyé à <strong>{sentTo}</strong>. Il est valable 24 heures et ne sert qu’une fois :
            ouvrez-le pour choisir votre mot de passe et accéder à l’espace de votre organisation.
          </p>
        </div>
      ) : (
        <>
          <p>
            Association, régie de quartier, coopérative… : créez l’espace de votre organisation sur le territoire pour déposer vos projets
            et suivre vos conventions. Si votre organisation y a déjà un espace, demandez à l’un de ses membres de vous inviter.
          </p>
          <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Inscription d’un porteur de projets">
            <ErrorMessage error={problem} context="operation" />
            <fieldset>
              <legend>Le territoire</legend>
              <Field
                label="SIREN de l’intercommunalité"
                hint="9 chiffres, par exemple 243500139 pour Rennes Métropole"
                error={errors.territorySiren}
              >
                {(p) => (
                  <input
                    {...p}
                    inputMode="numeric"
                    required
                    value={form.territorySiren}
                    onChange={(e) => set('territorySiren', e.target.value)}
                  />
                )}
              </Field>
            </fieldset>
            <fieldset>
              <legend>Vous</legend>
              <Field label="Prénom et nom" error={errors.displayName}>
                {(p) => (
                  <input
                    {...p}
                    autoComplete="name"
                    required
                    value={form.displayName}
                    onChange={(e) => set('displayName', e.target.value)}
                  />
                )}
              </Field>
              <Field label="Adresse e-mail" hint="Le lien de confirmation y sera envoyé" error={errors.email}>
                {(p) => (
                  <input
                    {...p}
                    type="email"
                    autoComplete="email"
                    required
                    value={form.email}
                    onChange={(e) => set('email', e.target.value)}
                  />
                )}
              </Field>
            </fieldset>
            <fieldset>
              <legend>Votre organisation</legend>
              <Field label="Nom de l’organisation" error={errors.organisationName}>
                {(p) => (
                  <input
                    {...p}
                    autoComplete="organization"
                    required
                    value={form.organisationName}
                    onChange={(e) => set('organisationName', e.target.value)}
                  />
                )}
              </Field>
              <Field label="Nature" error={errors.organisationKind}>
                {(p) => (
                  <select
                    {...p}
                    value={form.organisationKind}
                    onChange={(e) => set('organisationKind', e.target.value as OrganisationKind)}
                  >
                    {PORTEUR_KINDS.map(([kind, label]) => (
                      <option key={kind} value={kind}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="SIRET" hint="14 chiffres (avis de situation au répertoire Sirene)" error={errors.siret}>
                {(p) => <input {...p} inputMode="numeric" required value={form.siret} onChange={(e) => set('siret', e.target.value)} />}
              </Field>
            </fieldset>
            <div className="field">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={form.consent}
                  aria-invalid={errors.consent ? true : undefined}
                  aria-describedby={errors.consent ? 'consent-error' : undefined}
                  onChange={(e) => set('consent', e.target.checked)}
                />{' '}
                J’accepte que mes données et celles de mon organisation soient traitées par le territoire pour instruire et suivre ses
                projets.
              </label>
              {errors.consent && (
                <span id="consent-error" className="field-error">
                  {errors.consent}
                </span>
              )}
            </div>
            <button type="submit" disabled={busy}>
              {busy ? 'Envoi…' : 'Recevoir le lien de confirmation'}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">J’ai déjà un compte : me connecter</Link>
      </p>
    </main>
  );
}
