import { useId } from 'react';

import { Field } from '../../common/components';
import type { useActionDraft } from './action-draft';
import { FundingPlanFields, OrganisationOptions } from './FundingPlanFields';
import { IndicatorFields } from './IndicatorFields';
import type { Contrat, Organisation } from './reference-data';

/**
 * The fieldsets of the action form: the action, its dates and budget, its QPVs, the indicators of its
 * objectives and its financing plan.
 * In edition the pillar does not change (the API's UpdateActionInput has none) and neither does the funder of
 * a saved line (the line is removed and another one added).
 */
export function ActionFormFields({
  form,
  contrat,
  organisations,
  pillarLocked = false,
  emptyPlanHint = 'Aucune ligne : le plan pourra être complété avant le dépôt.',
}: {
  form: ReturnType<typeof useActionDraft>;
  contrat: Contrat;
  organisations: Organisation[];
  pillarLocked?: boolean;
  emptyPlanHint?: string;
}) {
  const { draft, errors, set } = form;
  const qpvErrorId = useId();
  const pillar = contrat.pillars.find((p) => p.id === draft.pillarId);
  return (
    <>
      <fieldset>
        <legend>L'action</legend>
        <Field label="Intitulé" error={errors.title}>
          {(p) => <input {...p} value={draft.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description} hint="Facultative : objectifs, public, déroulé.">
          {(p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field label="Pilier" error={errors.pillarId} hint={pillarLocked ? 'Le pilier ne change pas après la création.' : undefined}>
            {(p) => (
              <select
                {...p}
                value={draft.pillarId}
                disabled={pillarLocked}
                onChange={(e) => {
                  set('pillarId', e.target.value);
                  set('objectiveId', '');
                }}
              >
                <option value="">Choisir…</option>
                {contrat.pillars.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Objectif (facultatif)" error={errors.objectiveId}>
            {(p) => (
              <select
                {...p}
                value={draft.objectiveId}
                disabled={!pillar || pillar.objectives.length === 0}
                onChange={(e) => set('objectiveId', e.target.value)}
              >
                <option value="">Aucun</option>
                {pillar?.objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.code} {o.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Porteur" error={errors.porteurId}>
            {(p) => (
              <select {...p} value={draft.porteurId} onChange={(e) => set('porteurId', e.target.value)}>
                <option value="">Choisir…</option>
                <OrganisationOptions organisations={organisations} />
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Dates et budget</legend>
        <div className="form-grid">
          <Field label="Date de début" error={errors.startDate} hint={`Au plus tôt le 1er janvier ${contrat.startYear}.`}>
            {(p) => (
              <input
                {...p}
                type="date"
                min={`${contrat.startYear}-01-01`}
                max={`${contrat.endYear}-12-31`}
                value={draft.startDate}
                onChange={(e) => set('startDate', e.target.value)}
              />
            )}
          </Field>
          <Field label="Date de fin" error={errors.endDate} hint={`Au plus tard le 31 décembre ${contrat.endYear}.`}>
            {(p) => (
              <input
                {...p}
                type="date"
                min={`${contrat.startYear}-01-01`}
                max={`${contrat.endYear}-12-31`}
                value={draft.endDate}
                onChange={(e) => set('endDate', e.target.value)}
              />
            )}
          </Field>
          <Field label="Budget total (€)" error={errors.totalBudgetCents} hint="Par exemple 45 000 ou 12 345,67.">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                autoComplete="off"
                value={draft.budget}
                onChange={(e) => set('budget', e.target.value, 'totalBudgetCents')}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset aria-describedby={errors.qpvIds ? qpvErrorId : undefined}>
        <legend>Quartiers prioritaires (QPV) où l'action se déroule</legend>
        {errors.qpvIds && (
          <p id={qpvErrorId} className="field-error">
            {errors.qpvIds}
          </p>
        )}
        <ul className="checks">
          {contrat.qpvs.map((q) => (
            <li key={q.id}>
              <label>
                <input
                  type="checkbox"
                  checked={draft.qpvIds.includes(q.id)}
                  onChange={(e) => set('qpvIds', e.target.checked ? [...draft.qpvIds, q.id] : draft.qpvIds.filter((x) => x !== q.id))}
                />{' '}
                {q.name}{' '}
                <span className="muted">
                  ({q.code}
                  {q.enVeille ? ', en veille' : ''})
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <IndicatorFields form={form} />

      <FundingPlanFields form={form} contrat={contrat} organisations={organisations} emptyPlanHint={emptyPlanHint} />
    </>
  );
}
