import { FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field, Loading } from '../../common/components';
import { asApiError } from '../../common/errors';
import { sentence } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { TenantSettingsQuery } from '../../gql/graphql';

const SETTINGS = graphql(`
  query TenantSettings {
    tenantSettings {
      reminderSteps {
        offsetDays
        escalation
      }
      senderName
      timeZone
      signatureDelayDays
      agendaFreezeDays
      bilanDelayMonths
      paymentDelayDays
    }
  }
`);
const UPDATE_SETTINGS = graphql(`
  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      reminderSteps {
        offsetDays
        escalation
      }
      senderName
      timeZone
      signatureDelayDays
      agendaFreezeDays
      bilanDelayMonths
      paymentDelayDays
    }
  }
`);

type Settings = TenantSettingsQuery['tenantSettings'];
type DelayKey = 'signatureDelayDays' | 'agendaFreezeDays' | 'bilanDelayMonths' | 'paymentDelayDays';

const MAX_STEPS = 10;
const DELAYS: { key: DelayKey; label: string; hint: string }[] = [
  {
    key: 'signatureDelayDays',
    label: 'Délai de signature des conventions (jours)',
    hint: 'Après la décision du comité, de 1 à 365 jours.',
  },
  { key: 'agendaFreezeDays', label: "Gel de l'ordre du jour (jours)", hint: 'Avant la séance du comité, de 0 à 90 jours.' },
  { key: 'bilanDelayMonths', label: 'Délai du bilan (mois)', hint: "Après la fin de l'exercice, de 1 à 24 mois." },
  {
    key: 'paymentDelayDays',
    label: 'Délai de versement (jours)',
    hint: 'Après la signature (avance) ou le bilan (solde), de 0 à 365 jours.',
  },
];
// The time zones of France (metropolitan and overseas); the API accepts any IANA zone.
const TIME_ZONES: [string, string][] = [
  ['Europe/Paris', 'Métropole et Corse (Europe/Paris)'],
  ['America/Guadeloupe', 'Guadeloupe (America/Guadeloupe)'],
  ['America/Martinique', 'Martinique (America/Martinique)'],
  ['America/Cayenne', 'Guyane (America/Cayenne)'],
  ['Indian/Reunion', 'La Réunion (Indian/Reunion)'],
  ['Indian/Mayotte', 'Mayotte (Indian/Mayotte)'],
  ['America/Miquelon', 'Saint-Pierre-et-Miquelon (America/Miquelon)'],
  ['Pacific/Noumea', 'Nouvelle-Calédonie (Pacific/Noumea)'],
  ['Pacific/Tahiti', 'Polynésie française (Pacific/Tahiti)'],
  ['Pacific/Wallis', 'Wallis-et-Futuna (Pacific/Wallis)'],
];

interface Step {
  key: number;
  offset: string;
  escalation: boolean;
}
interface Form {
  steps: Step[];
  senderName: string;
  timeZone: string;
  delays: Record<DelayKey, string>;
}

let nextKey = 1;
const toForm = (s: Settings): Form => ({
  steps: s.reminderSteps.map((r) => ({ key: nextKey++, offset: String(r.offsetDays), escalation: r.escalation })),
  senderName: s.senderName,
  timeZone: s.timeZone,
  delays: {
    signatureDelayDays: String(s.signatureDelayDays),
    agendaFreezeDays: String(s.agendaFreezeDays),
    bilanDelayMonths: String(s.bilanDelayMonths),
    paymentDelayDays: String(s.paymentDelayDays),
  },
});

/** "J-30 : 30 jours avant l'échéance", "J : le jour de l'échéance", "J+7 : 7 jours après". */
function describeOffset(text: string): string {
  if (!/^[-+−]?\d+$/.test(text.trim())) return '';
  const n = Number(text.trim().replace('−', '-'));
  if (n === 0) return "J : le jour de l'échéance";
  const days = Math.abs(n) === 1 ? '1 jour' : `${Math.abs(n)} jours`;
  return n < 0 ? `J-${-n} : ${days} avant l'échéance` : `J+${n} : ${days} après l'échéance`;
}

/** An integer typed by a person (the minus sign may be typographic), or null. */
function parseInteger(text: string): number | null {
  const t = text.trim().replace('−', '-');
  return /^[-+]?\d+$/.test(t) ? Number(t) : null;
}

/** The tenant's reminder steps, sender name, time zone and delays; saved by the tenant admin. */
export function SettingsPage() {
  const { siren = '' } = useParams();
  const { role, can } = useTenantRole(siren);
  const { data, error, isPending: loading } = useGraphQLQuery(SETTINGS, {}, { tenant: siren });
  const update = useGraphQLMutation(UPDATE_SETTINGS, { tenant: siren, invalidates: [SETTINGS] });
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  // A new answer of the API resets the form (adjusted while rendering, not in an effect).
  const [formOf, setFormOf] = useState<typeof data>(undefined);
  if (data && data !== formOf) {
    setFormOf(data);
    setForm(toForm(data.tenantSettings));
  }

  const change = (next: Partial<Form>) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, ...next } : f));
  };
  const changeStep = (index: number, next: Partial<Step>) =>
    form && change({ steps: form.steps.map((s, i) => (i === index ? { ...s, ...next } : s)) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setSaved(false);
    setFailure(null);
    // Only what the API cannot read is checked here: whole numbers. Ranges and rules are the API's.
    const found: Record<string, string> = {};
    const steps = form.steps.map((s, i) => {
      const offsetDays = parseInteger(s.offset);
      if (offsetDays === null) found[`reminderSteps.${i}.offsetDays`] = 'Nombre entier de jours attendu (négatif avant l’échéance).';
      return { offsetDays: offsetDays ?? 0, escalation: s.escalation };
    });
    const delays = Object.fromEntries(
      DELAYS.map(({ key }) => {
        const value = parseInteger(form.delays[key]);
        if (value === null) found[key] = 'Nombre entier attendu.';
        return [key, value ?? 0];
      }),
    ) as Record<DelayKey, number>;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      messageRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = (
        await update.mutateAsync({ input: { reminderSteps: steps, senderName: form.senderName, timeZone: form.timeZone, ...delays } })
      ).updateTenantSettings;
      setForm(toForm(next));
      setSaved(true);
    } catch (caught) {
      const apiError = asApiError(caught);
      const fieldErrors: Record<string, string> = {};
      for (const f of apiError.fields) {
        const field = f.field.replace(/^input\./, '');
        fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ; ${f.message}` : sentence(f.message);
      }
      setErrors(fieldErrors);
      setFailure(apiError);
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  }

  const stepsError = errors.reminderSteps;
  return (
    <>
      <h1>Réglages du territoire</h1>
      <p className="muted">
        Relances des échéances, expéditeur des courriels et délais de la programmation. Les échéances sont recalculées après chaque
        modification.
      </p>
      {role && !can('MANAGE_MEMBERS') && <p className="notice-warn">Seul l’administrateur du territoire peut modifier ces réglages.</p>}
      <ErrorMessage error={error} />
      {loading && <Loading />}
      <div ref={messageRef} tabIndex={-1} className="settings-message">
        {saved && (
          <div role="status" className="notice">
            Réglages enregistrés. Les échéances seront recalculées.
          </div>
        )}
        {failure && (
          <div role="alert" className="alert">
            {failure.code === 'FORBIDDEN'
              ? `Enregistrement refusé : ${failure.message} Seul l’administrateur du territoire peut modifier les réglages.`
              : failure.code === 'BAD_USER_INPUT'
                ? 'Enregistrement refusé : corrigez les champs signalés ci-dessous.'
                : failure.message}
          </div>
        )}
        {!failure && Object.keys(errors).length > 0 && (
          <div role="alert" className="alert">
            Corrigez les champs signalés ci-dessous.
          </div>
        )}
      </div>
      {form && (
        <form onSubmit={(e) => void submit(e)} noValidate className="action-form settings-form">
          <fieldset aria-describedby={stepsError ? 'steps-error' : 'steps-hint'}>
            <legend>Étapes de relance</legend>
            <p id="steps-hint" className="hint">
              Décalage en jours par rapport à l’échéance : de −365 à 365, négatif avant (−30 = 30 jours avant), 0 le jour même, positif
              après. Une étape d’escalade prévient le chef de projet et le délégué du préfet plutôt que les responsables. De 1 à {MAX_STEPS}{' '}
              étapes, de décalages distincts.
            </p>
            {stepsError && (
              <p id="steps-error" className="field-error">
                {stepsError}
              </p>
            )}
            <ol className="reminder-steps">
              {form.steps.map((s, i) => (
                <li key={s.key} className="reminder-step">
                  <Field
                    label={`Décalage de l’étape ${i + 1} (jours)`}
                    error={errors[`reminderSteps.${i}.offsetDays`] ?? errors[`reminderSteps.${i}`]}
                    hint={describeOffset(s.offset) || undefined}
                  >
                    {(p) => (
                      <input
                        {...p}
                        type="text"
                        inputMode="numeric"
                        size={6}
                        value={s.offset}
                        onChange={(e) => changeStep(i, { offset: e.target.value })}
                      />
                    )}
                  </Field>
                  <label className="step-escalation">
                    <input type="checkbox" checked={s.escalation} onChange={(e) => changeStep(i, { escalation: e.target.checked })} />{' '}
                    Escalade
                    <span className="sr-only"> de l’étape {i + 1}</span>
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    disabled={form.steps.length <= 1}
                    onClick={() => change({ steps: form.steps.filter((_, j) => j !== i) })}
                  >
                    Retirer<span className="sr-only"> l’étape {i + 1}</span>
                  </button>
                </li>
              ))}
            </ol>
            <p>
              <button
                type="button"
                className="secondary"
                disabled={form.steps.length >= MAX_STEPS}
                onClick={() => {
                  const used = new Set(form.steps.map((s) => parseInteger(s.offset)));
                  let offset = 7;
                  while (used.has(offset)) offset += 7;
                  change({ steps: [...form.steps, { key: nextKey++, offset: String(offset), escalation: false }] });
                }}
              >
                Ajouter une étape
              </button>
            </p>
          </fieldset>
          <fieldset>
            <legend>Courriels</legend>
            <div className="form-grid">
              <Field
                label="Nom de l’expéditeur"
                error={errors.senderName}
                hint="Affiché comme expéditeur des relances : obligatoire, 100 caractères au plus."
              >
                {(p) => <input {...p} value={form.senderName} maxLength={100} onChange={(e) => change({ senderName: e.target.value })} />}
              </Field>
              <Field label="Fuseau horaire" error={errors.timeZone} hint="Pour les dates des échéances.">
                {(p) => (
                  <select {...p} value={form.timeZone} onChange={(e) => change({ timeZone: e.target.value })}>
                    {!TIME_ZONES.some(([z]) => z === form.timeZone) && <option value={form.timeZone}>{form.timeZone}</option>}
                    {TIME_ZONES.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>Délais</legend>
            <div className="form-grid">
              {DELAYS.map(({ key, label, hint }) => (
                <Field key={key} label={label} error={errors[key]} hint={hint}>
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      inputMode="numeric"
                      size={6}
                      value={form.delays[key]}
                      onChange={(e) => change({ delays: { ...form.delays, [key]: e.target.value } })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Enregistrement…' : 'Enregistrer les réglages'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
