import { useId } from 'react';

import { Field } from '../../common/components';
import { euros, KIND_LABELS, parseEuros } from '../../common/format';
import { newLineDraft, type useActionDraft } from './action-draft';
import { type Contrat, contratYears, type Organisation } from './reference-data';

/** The partners of the territory as the options of a select. */
export function OrganisationOptions({ organisations }: { organisations: Organisation[] }) {
  return (
    <>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}

/**
 * The financing plan's editor: one fieldset per line (funder, nature, year, amount, in kind, pledge), lines
 * added and removed, and the plan's total against the budget. The funder of a saved line does not change.
 */
export function FundingPlanFields({
  form,
  contrat,
  organisations,
  emptyPlanHint,
}: {
  form: ReturnType<typeof useActionDraft>;
  contrat: Contrat;
  organisations: Organisation[];
  emptyPlanHint: string;
}) {
  const { draft, errors, setLine, removeLine, addLine } = form;
  const lineErrorId = useId();
  const planErrorId = useId();
  const years = contratYears(contrat);
  const planCents = draft.lines.reduce((s, l) => s + (parseEuros(l.amount) ?? 0), 0);
  const budgetCents = parseEuros(draft.budget);
  return (
    <fieldset aria-describedby={errors.fundingLines ? planErrorId : undefined}>
      <legend>Plan de financement</legend>
      {errors.fundingLines && (
        <p id={planErrorId} className="field-error">
          {errors.fundingLines}
        </p>
      )}
      {draft.lines.length === 0 && <p className="muted">{emptyPlanHint}</p>}
      {draft.lines.map((l, i) => {
        const lineError = errors[`fundingLines.${i}`];
        const lineYears = l.exerciseYear && !years.includes(Number(l.exerciseYear)) ? [Number(l.exerciseYear), ...years] : years;
        return (
          <fieldset key={l.key} className="funding-line" aria-describedby={lineError ? `${lineErrorId}-${i}` : undefined}>
            <legend>Ligne {i + 1}</legend>
            {lineError && (
              <p id={`${lineErrorId}-${i}`} className="field-error">
                {lineError}
              </p>
            )}
            <div className="form-grid">
              <Field
                label="Financeur"
                error={errors[`fundingLines.${i}.funderId`]}
                hint={l.id ? 'Le financeur d’une ligne enregistrée ne change pas : retirez-la et ajoutez-en une autre.' : undefined}
              >
                {(p) => (
                  <select
                    {...p}
                    value={l.funderId}
                    disabled={!!l.id}
                    onChange={(e) => setLine(i, { funderId: e.target.value }, 'funderId')}
                  >
                    <option value="">Choisir…</option>
                    <OrganisationOptions organisations={organisations} />
                  </select>
                )}
              </Field>
              <Field label="Nature" error={errors[`fundingLines.${i}.kind`]}>
                {(p) => (
                  <select {...p} value={l.kind} onChange={(e) => setLine(i, { kind: e.target.value }, 'kind')}>
                    {Object.entries(KIND_LABELS).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Exercice" error={errors[`fundingLines.${i}.exerciseYear`]}>
                {(p) => (
                  <select {...p} value={l.exerciseYear} onChange={(e) => setLine(i, { exerciseYear: e.target.value }, 'exerciseYear')}>
                    {lineYears.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Montant demandé (€)" error={errors[`fundingLines.${i}.amountRequestedCents`]}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    autoComplete="off"
                    value={l.amount}
                    onChange={(e) => setLine(i, { amount: e.target.value }, 'amountRequestedCents')}
                  />
                )}
              </Field>
            </div>
            <div className="line-options">
              <label>
                <input type="checkbox" checked={l.inKind} onChange={(e) => setLine(i, { inKind: e.target.checked }, 'inKind')} /> Apport en
                nature
              </label>
              <label>
                <input type="checkbox" checked={l.pledge} onChange={(e) => setLine(i, { pledge: e.target.checked }, 'pledge')} /> Promesse
                (engagement non ferme)
              </label>
              <button type="button" className="secondary" onClick={() => removeLine(i)}>
                Retirer la ligne {i + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="plan-summary">
        <button type="button" className="secondary" onClick={() => addLine(newLineDraft(contrat))}>
          Ajouter une ligne de financement
        </button>
        <p>
          Total demandé : <strong>{euros(planCents)}</strong>
          {budgetCents !== null && budgetCents > 0 && (
            <>
              {' '}
              · budget : {euros(budgetCents)} ·{' '}
              {planCents <= budgetCents
                ? `reste à financer : ${euros(budgetCents - planCents)}`
                : `dépassement du budget : ${euros(planCents - budgetCents)}`}
            </>
          )}
        </p>
      </div>
    </fieldset>
  );
}
