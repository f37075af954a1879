import { FormEvent, useState } from 'react';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { useGraphQLMutation } from '../../common/query';
import type { MyOrganisationQuery, OrganisationKind, SiaeType } from '../../gql/graphql';
import { formatSiret, ORGANISATION_KIND_LABELS } from '../admin/partner-labels';
import { PORTEUR_KINDS, SIAE_TYPE_LABELS } from './porteur-labels';
import { DECLARE_MY_ORGANISATION, MY_ORGANISATION, UPDATE_MY_ORGANISATION } from './porteur-queries';

type Organisation = MyOrganisationQuery['myOrganisation'];
type LegalForms = MyOrganisationQuery['legalForms'];

/** The organisation's identity as the porteur declared it; « Modifier » opens the form in place. */
export function OrganisationCard({
  siren,
  organisation,
  legalForms,
}: {
  siren: string;
  organisation: Organisation;
  legalForms: LegalForms;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const labels = [
    organisation.esus && 'ESUS',
    organisation.iae && `IAE${organisation.siaeType ? ` (${organisation.siaeType})` : ''}`,
    organisation.ptce && 'PTCE',
  ]
    .filter(Boolean)
    .join(', ');
  if (editing)
    return (
      <OrganisationForm
        siren={siren}
        organisation={organisation}
        legalForms={legalForms}
        onDone={(didSave) => {
          setEditing(false);
          setSaved(didSave);
        }}
      />
    );
  return (
    <section aria-labelledby="organisation-title" className="card">
      <h2 id="organisation-title">{organisation.name}</h2>
      {saved && (
        <p role="status" className="notice">
          Identité enregistrée.
        </p>
      )}
      <dl className="facts">
        <dt>Nature</dt>
        <dd>{ORGANISATION_KIND_LABELS[organisation.kind]}</dd>
        <dt>SIRET</dt>
        <dd>{organisation.siret ? formatSiret(organisation.siret) : 'à déclarer'}</dd>
        <dt>Forme juridique</dt>
        <dd>{organisation.legalFormLabel ? `${organisation.legalFormLabel} (${organisation.legalForm})` : '—'}</dd>
        <dt>Numéro RNA</dt>
        <dd>{organisation.rna ?? '—'}</dd>
        <dt>Agréments et labels</dt>
        <dd>{labels || '—'}</dd>
        <dt>Adresse</dt>
        <dd>
          {[organisation.addressLine, [organisation.postalCode, organisation.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
            '—'}
        </dd>
        <dt>Contact</dt>
        <dd>{[organisation.contactEmail, organisation.contactPhone].filter(Boolean).join(' · ') || '—'}</dd>
      </dl>
      <p>
        <button type="button" onClick={() => setEditing(true)}>
          Modifier l’identité
        </button>
      </p>
    </section>
  );
}

interface Form {
  name: string;
  kind: OrganisationKind;
  siret: string;
  rna: string;
  legalForm: string;
  esus: boolean;
  iae: boolean;
  siaeType: SiaeType | '';
  ptce: boolean;
  addressLine: string;
  postalCode: string;
  city: string;
  contactEmail: string;
  contactPhone: string;
}

function OrganisationForm({
  siren,
  organisation,
  legalForms,
  onDone,
}: {
  siren: string;
  organisation: Organisation;
  legalForms: LegalForms;
  onDone(saved: boolean): void;
}) {
  const [form, setForm] = useState<Form>({
    name: organisation.name,
    kind: organisation.kind,
    siret: organisation.siret ?? '',
    rna: organisation.rna ?? '',
    legalForm: organisation.legalForm ?? '',
    esus: organisation.esus,
    iae: organisation.iae,
    siaeType: organisation.siaeType ?? '',
    ptce: organisation.ptce,
    addressLine: organisation.addressLine ?? '',
    postalCode: organisation.postalCode ?? '',
    city: organisation.city ?? '',
    contactEmail: organisation.contactEmail ?? '',
    contactPhone: organisation.contactPhone ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const declaring = !organisation.siret;
  const declare = useGraphQLMutation(DECLARE_MY_ORGANISATION, { tenant: siren, invalidates: [MY_ORGANISATION] });
  const update = useGraphQLMutation(UPDATE_MY_ORGANISATION, { tenant: siren, invalidates: [MY_ORGANISATION] });
  const save = declaring ? declare : update;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof Form, label: string, hint?: string, extra: Record<string, string> = {}) => (
    <Field label={label} hint={hint} error={errors[key]}>
      {(p) => <input {...p} {...extra} value={form[key] as string} onChange={(e) => set(key, e.target.value as never)} />}
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    try {
      await save.mutateAsync({
        input: {
          name: form.name,
          kind: form.kind,
          ...(declaring ? { siret: form.siret } : {}),
          rna: form.rna,
          legalForm: form.legalForm,
          esus: form.esus,
          iae: form.iae,
          siaeType: form.iae && form.siaeType ? form.siaeType : null,
          ptce: form.ptce,
          addressLine: form.addressLine,
          postalCode: form.postalCode,
          city: form.city,
          contactEmail: form.contactEmail,
          contactPhone: form.contactPhone,
        },
      });
      onDone(true);
    } catch (err) {
      const error = asApiError(err);
      const fields = fieldMessages(error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      setProblem(error);
    }
  };

  return (
    <section aria-labelledby="organisation-form-title" className="card">
      <h2 id="organisation-form-title">Identité de {organisation.name}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Identité de l’organisation" className="identity-form">
        <ErrorMessage error={problem} context="operation" />
        {text('name', 'Nom de l’organisation')}
        <Field label="Nature" error={errors.kind}>
          {(p) => (
            <select {...p} value={form.kind} onChange={(e) => set('kind', e.target.value as OrganisationKind)}>
              {PORTEUR_KINDS.map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {declaring ? (
          text('siret', 'SIRET', '14 chiffres ; ne se renseigne qu’une fois', { inputMode: 'numeric' })
        ) : (
          <p>
            SIRET : {formatSiret(organisation.siret)} <span className="muted">(verrouillé : l’équipe du territoire peut le corriger)</span>
          </p>
        )}
        <Field label="Forme juridique" error={errors.legalForm}>
          {(p) => (
            <select {...p} value={form.legalForm} onChange={(e) => set('legalForm', e.target.value)}>
              <option value="">Non renseignée</option>
              {legalForms.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.label} ({f.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('rna', 'Numéro RNA', 'Pour une association : W suivi de 9 chiffres')}
        <fieldset className="inline">
          <legend>Agréments et labels</legend>
          <label>
            <input type="checkbox" checked={form.esus} onChange={(e) => set('esus', e.target.checked)} /> ESUS
          </label>
          <label>
            <input type="checkbox" checked={form.iae} onChange={(e) => set('iae', e.target.checked)} /> IAE (structure conventionnée)
          </label>
          <label>
            <input type="checkbox" checked={form.ptce} onChange={(e) => set('ptce', e.target.checked)} /> Membre d’un PTCE
          </label>
        </fieldset>
        {form.iae && (
          <Field label="Type de SIAE" error={errors.siaeType}>
            {(p) => (
              <select {...p} value={form.siaeType} onChange={(e) => set('siaeType', e.target.value as SiaeType | '')}>
                <option value="">Non précisé</option>
                {(Object.entries(SIAE_TYPE_LABELS) as [SiaeType, string][]).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {text('addressLine', 'Adresse (numéro et voie)', undefined, { autoComplete: 'street-address' })}
        {text('postalCode', 'Code postal', undefined, { inputMode: 'numeric', autoComplete: 'postal-code' })}
        {text('city', 'Commune', undefined, { autoComplete: 'address-level2' })}
        {text('contactEmail', 'E-mail de contact', undefined, { type: 'email', autoComplete: 'email' })}
        {text('contactPhone', 'Téléphone de contact', undefined, { type: 'tel', autoComplete: 'tel' })}
        <p className="buttons">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer'}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => onDone(false)}>
            Annuler
          </button>
        </p>
      </form>
    </section>
  );
}
