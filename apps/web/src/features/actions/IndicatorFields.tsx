import { useId } from 'react';

import { Field } from '../../common/components';
import type { useActionDraft } from './action-draft';

/** The API's ceiling (MAX_INDICATORS_PER_ACTION). */
const MAX_INDICATORS = 20;

/**
 * The indicators of the action's objectives: one fieldset per indicator (libellé, cible, unité), added and
 * removed, in the order the convention will print them. The target is typed in French (« 62,5 »).
 */
export function IndicatorFields({ form }: { form: ReturnType<typeof useActionDraft> }) {
  const { draft, errors, setIndicator, removeIndicator, addIndicator } = form;
  const listErrorId = useId();
  const hintId = useId();
  const describedBy = [hintId, errors.indicators ? listErrorId : ''].filter(Boolean).join(' ');
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>Indicateurs de suivi</legend>
      <p id={hintId} className="muted">
        Ce que l’action compte ou mesure et la cible visée (par exemple « Jeunes accompagnés », 40, « personnes ») : la convention les
        reprend dans l’ordre.
      </p>
      {errors.indicators && (
        <p id={listErrorId} className="field-error">
          {errors.indicators}
        </p>
      )}
      {draft.indicators.length === 0 && <p className="muted">Aucun indicateur pour l’instant.</p>}
      {draft.indicators.map((ind, i) => (
        <fieldset key={ind.key} className="funding-line">
          <legend>Indicateur {i + 1}</legend>
          <div className="form-grid">
            <Field label="Libellé" error={errors[`indicators.${i}.label`]}>
              {(p) => (
                <input {...p} value={ind.label} maxLength={200} onChange={(e) => setIndicator(i, { label: e.target.value }, 'label')} />
              )}
            </Field>
            <Field label="Cible" error={errors[`indicators.${i}.target`]} hint="Par exemple 40 ou 62,5.">
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  autoComplete="off"
                  value={ind.target}
                  onChange={(e) => setIndicator(i, { target: e.target.value }, 'target')}
                />
              )}
            </Field>
            <Field label="Unité" error={errors[`indicators.${i}.unit`]} hint="Facultative : personnes, %, ateliers…">
              {(p) => <input {...p} value={ind.unit} maxLength={40} onChange={(e) => setIndicator(i, { unit: e.target.value }, 'unit')} />}
            </Field>
          </div>
          <div className="line-options">
            <button type="button" className="secondary" onClick={() => removeIndicator(i)}>
              Retirer l’indicateur {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="plan-summary">
        <button type="button" className="secondary" disabled={draft.indicators.length >= MAX_INDICATORS} onClick={addIndicator}>
          Ajouter un indicateur
        </button>
      </div>
    </fieldset>
  );
}
