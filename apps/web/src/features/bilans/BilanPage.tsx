import { FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ErrorMessage, Field, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { centsToInput, dateTime, euros, parseEuros, parseQuantity, quantity, quantityToInput, sentence } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { BilanSheetQuery, BilanStatus } from '../../gql/graphql';

const SHEET = graphql(`
  query BilanSheet($actionId: ID!, $exerciseYear: Int) {
    bilanSheet(actionId: $actionId, exerciseYear: $exerciseYear) {
      actionId
      actionReference
      actionTitle
      porteurName
      exerciseYear
      exercises
      exerciseEnded
      viewerMayFile
      viewerMayReview
      report {
        id
        status
        qualitative
        correctionsMessage
        submittedAt
        acceptedAt
        updatedAt
      }
      budgetLines {
        budgetLineId
        side
        account
        label
        plannedCents
        realisedCents
        explanation
        explanationRequired
      }
      funderShares {
        fundingLineId
        funderName
        kind
        plannedCents
        realisedCents
        explanation
        explanationRequired
      }
      indicators {
        actionIndicatorId
        label
        unit
        target
        definitionCode
        value
      }
    }
  }
`);
const SAVE = graphql(`
  mutation SaveBilanDraft($input: SaveBilanDraftInput!) {
    saveBilanDraft(input: $input) {
      actionId
      report {
        id
        status
      }
    }
  }
`);
const SUBMIT = graphql(`
  mutation SubmitBilan($input: BilanRefInput!) {
    submitBilan(input: $input) {
      actionId
      report {
        id
        status
      }
    }
  }
`);
const ACCEPT = graphql(`
  mutation AcceptBilan($input: BilanRefInput!) {
    acceptBilan(input: $input) {
      actionId
      report {
        id
        status
      }
    }
  }
`);
const CORRECTIONS = graphql(`
  mutation RequestBilanCorrections($input: RequestBilanCorrectionsInput!) {
    requestBilanCorrections(input: $input) {
      actionId
      report {
        id
        status
      }
    }
  }
`);

type Sheet = BilanSheetQuery['bilanSheet'];

export const BILAN_STATUS_LABELS: Record<BilanStatus, string> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Déposé, en attente de relecture',
  CORRECTIONS_REQUESTED: 'Corrections demandées',
  ACCEPTED: 'Accepté',
};

/** « +12,5 % » / « −40 % » of the plan, or « — » when nothing is realised yet or nothing was planned. */
function gap(planned: number, realised: number | null): string {
  if (realised === null || planned === 0) return '—';
  const ratio = (realised - planned) / planned;
  return `${ratio > 0 ? '+' : ratio < 0 ? '−' : ''}${quantity(Math.round(Math.abs(ratio) * 1000) / 10)} %`;
}

/**
 * The bilan of an action for an exercise: the porteur (or the chef de projet for a porteur without account)
 * types the budget realised against the budget prévisionnel, each funder's share, the indicators' values and
 * the qualitative text, saves and submits; the chef de projet accepts or asks for corrections on the same
 * page. What each person may do comes from the API (`viewerMayFile`, `viewerMayReview`).
 */
export function BilanPage() {
  const { siren = '', id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const withContrat = useContratLink();
  const yearParam = params.get('exercice');
  const sheet = useGraphQLQuery(SHEET, { actionId: id, exerciseYear: yearParam ? Number(yearParam) : null }, { tenant: siren });
  const s = sheet.data?.bilanSheet;
  return (
    <>
      <p>
        <Link to={withContrat(`/t/${siren}/actions/${id}`)}>← Retour à l'action</Link>
      </p>
      <ErrorMessage error={sheet.error} />
      {sheet.isPending && <Loading />}
      {s && (
        <>
          <h1>
            Bilan {s.exerciseYear} · {s.actionTitle}
          </h1>
          <p className="lede">
            <span className="reference">{s.actionReference}</span> <span className="muted">Porteur : {s.porteurName}</span>{' '}
            <span className="status-tag">État : {s.report ? BILAN_STATUS_LABELS[s.report.status] : 'Non commencé'}</span>
          </p>
          {s.exercises.length > 1 && (
            <Field label="Exercice">
              {(p) => (
                <select
                  {...p}
                  value={s.exerciseYear}
                  onChange={(e) => {
                    const next = new URLSearchParams(params);
                    next.set('exercice', e.target.value);
                    setParams(next);
                  }}
                >
                  {s.exercises.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {s.report?.status === 'CORRECTIONS_REQUESTED' && s.report.correctionsMessage && (
            <div className="notice" role="status">
              Corrections demandées : {s.report.correctionsMessage}
            </div>
          )}
          {s.report?.submittedAt && <p className="muted">Déposé le {dateTime(s.report.submittedAt)}.</p>}
          {s.report?.acceptedAt && <p className="muted">Accepté le {dateTime(s.report.acceptedAt)}.</p>}
          {s.viewerMayFile ? (
            <BilanForm key={`${s.exerciseYear}-${s.report?.updatedAt ?? 'new'}`} siren={siren} sheet={s} />
          ) : (
            <BilanView sheet={s} />
          )}
          {s.viewerMayReview && <Review siren={siren} sheet={s} />}
        </>
      )}
    </>
  );
}

/** The bilan as filed, to read. */
function BilanView({ sheet: s }: { sheet: Sheet }) {
  return (
    <>
      <section aria-labelledby="budget-title" className="panel">
        <h2 id="budget-title">Budget réalisé</h2>
        <ul className="plain bilan-lines">
          {s.budgetLines.map((l) => (
            <li key={l.budgetLineId}>
              <strong>
                {l.account} {l.label}
              </strong>{' '}
              : prévu {euros(l.plannedCents)}, réalisé {l.realisedCents === null ? 'non saisi' : euros(l.realisedCents)} (écart{' '}
              {gap(l.plannedCents, l.realisedCents ?? null)}){l.explanation && <> — {l.explanation}</>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="shares-title" className="panel">
        <h2 id="shares-title">Parts des financeurs</h2>
        <ul className="plain bilan-lines">
          {s.funderShares.map((l) => (
            <li key={l.fundingLineId}>
              <strong>{l.funderName}</strong> : accordé {euros(l.plannedCents)}, réalisé{' '}
              {l.realisedCents === null ? 'non saisi' : euros(l.realisedCents)} (écart {gap(l.plannedCents, l.realisedCents ?? null)})
              {l.explanation && <> — {l.explanation}</>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">Indicateurs</h2>
        <ul className="plain bilan-lines">
          {s.indicators.map((i) => (
            <li key={i.actionIndicatorId}>
              <strong>{i.label}</strong> : cible {quantity(i.target)} {i.unit}, réalisé{' '}
              {i.value === null ? 'non saisi' : `${quantity(i.value)} ${i.unit}`}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="text-title" className="panel">
        <h2 id="text-title">Bilan qualitatif</h2>
        <p className="description">{s.report?.qualitative || 'Non rédigé.'}</p>
      </section>
    </>
  );
}

interface AmountDraft {
  realised: string;
  explanation: string;
}

/** What the porteur types, kept as text until it is sent (French amounts and decimals). */
function BilanForm({ siren, sheet: s }: { siren: string; sheet: Sheet }) {
  const amounts = (lines: { realisedCents?: number | null; explanation: string }[]) =>
    lines.map((l) => ({ realised: l.realisedCents == null ? '' : centsToInput(l.realisedCents), explanation: l.explanation }));
  const [budget, setBudget] = useState<AmountDraft[]>(() => amounts(s.budgetLines));
  const [shares, setShares] = useState<AmountDraft[]>(() => amounts(s.funderShares));
  const [values, setValues] = useState<string[]>(() => s.indicators.map((i) => (i.value == null ? '' : quantityToInput(i.value))));
  const [qualitative, setQualitative] = useState(s.report?.qualitative ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useGraphQLMutation(SAVE, { tenant: siren });
  const submit = useGraphQLMutation(SUBMIT, { tenant: siren, invalidates: [SHEET] });
  const error = submit.error ?? save.error;
  // By full path (`budgetLines.0.explanation`): the lines share their last segment.
  const apiErrors: Record<string, string> = Object.fromEntries((error?.fields ?? []).map((f) => [f.field, f.message]));
  const errorOf = (field: string): string | undefined => localErrors[field] ?? (apiErrors[field] ? sentence(apiErrors[field]) : undefined);

  /** The draft as the API takes it; null (and field errors shown) when something typed is not a number. */
  function input() {
    const errors: Record<string, string> = {};
    const lines = <T,>(drafts: AmountDraft[], prefix: string, idOf: (i: number) => T) =>
      drafts.flatMap((d, i) => {
        if (d.realised.trim() === '') return [];
        const cents = parseEuros(d.realised);
        if (cents === null) {
          errors[`${prefix}.${i}.realisedCents`] = 'Montant invalide : écrivez des euros, par exemple 12 500 ou 1 234,56.';
          return [];
        }
        return [{ ...idOf(i), realisedCents: cents, explanation: d.explanation.trim() || null }];
      });
    const budgetLines = lines(budget, 'budgetLines', (i) => ({ budgetLineId: s.budgetLines[i].budgetLineId }));
    const funderShares = lines(shares, 'funderShares', (i) => ({ fundingLineId: s.funderShares[i].fundingLineId }));
    const indicatorValues = values.flatMap((v, i) => {
      if (v.trim() === '') return [];
      const value = parseQuantity(v);
      if (value === null) {
        errors[`indicatorValues.${i}.value`] = 'Valeur invalide : un nombre positif, deux décimales au plus (62,5).';
        return [];
      }
      return [{ actionIndicatorId: s.indicators[i].actionIndicatorId, value }];
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return null;
    return { actionId: s.actionId, exerciseYear: s.exerciseYear, qualitative, budgetLines, funderShares, indicatorValues };
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    const draft = input();
    if (!draft) return;
    submit.reset();
    await save.mutateAsync({ input: draft }).catch(() => undefined);
    if (!save.error) setDone('Brouillon enregistré.');
  }

  async function onSubmit() {
    const draft = input();
    if (!draft) return;
    setDone(null);
    try {
      await save.mutateAsync({ input: draft });
      await submit.mutateAsync({ input: { actionId: s.actionId, exerciseYear: s.exerciseYear } });
    } catch {
      // Shown below, next to the fields the API names.
    }
  }

  const amountFields = (
    lines: { plannedCents: number; explanationRequired: boolean }[],
    drafts: AmountDraft[],
    setDrafts: (next: AmountDraft[]) => void,
    prefix: string,
    title: (i: number) => string,
  ) =>
    lines.map((l, i) => {
      const d = drafts[i];
      const set = (patch: Partial<AmountDraft>) => setDrafts(drafts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
      const realised = d.realised.trim() === '' ? null : parseEuros(d.realised);
      return (
        <fieldset key={i} className="bilan-line">
          <legend>{title(i)}</legend>
          <p className="muted">
            Prévu : {euros(l.plannedCents)} · écart : {gap(l.plannedCents, realised)}
          </p>
          <Field label="Réalisé (€)" error={errorOf(`${prefix}.${i}.realisedCents`)}>
            {(p) => <input {...p} inputMode="decimal" value={d.realised} onChange={(e) => set({ realised: e.target.value })} />}
          </Field>
          <Field
            label="Explication de l'écart"
            hint={
              l.explanationRequired
                ? 'Obligatoire : l’écart dépasse 15 % du prévu.'
                : 'Obligatoire au dépôt si l’écart dépasse 15 % du prévu.'
            }
            error={errorOf(`${prefix}.${i}.explanation`)}
          >
            {(p) => <textarea {...p} rows={2} value={d.explanation} onChange={(e) => set({ explanation: e.target.value })} />}
          </Field>
        </fieldset>
      );
    });

  return (
    <form onSubmit={(e) => void onSave(e)} className="bilan-form" noValidate>
      <section aria-labelledby="budget-title" className="panel">
        <h2 id="budget-title">Budget réalisé face au budget prévisionnel</h2>
        {s.budgetLines.length === 0 && <p>Le dossier n'a pas de budget prévisionnel détaillé.</p>}
        {amountFields(s.budgetLines, budget, setBudget, 'budgetLines', (i) =>
          `${s.budgetLines[i].side === 'CHARGE' ? 'Charge' : 'Produit'} ${s.budgetLines[i].account} ${s.budgetLines[i].label}`.trim(),
        )}
      </section>
      <section aria-labelledby="shares-title" className="panel">
        <h2 id="shares-title">Parts des financeurs</h2>
        {amountFields(s.funderShares, shares, setShares, 'funderShares', (i) => s.funderShares[i].funderName)}
      </section>
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">Indicateurs</h2>
        {s.indicators.length === 0 && <p>L'action n'a pas d'indicateur de suivi.</p>}
        {s.indicators.map((ind, i) => (
          <Field
            key={ind.actionIndicatorId}
            label={`${ind.label}${ind.unit ? ` (${ind.unit})` : ''}`}
            hint={`Cible : ${quantity(ind.target)}${ind.unit ? ` ${ind.unit}` : ''}`}
            error={errorOf(`indicatorValues.${i}.value`)}
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={values[i]}
                onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
              />
            )}
          </Field>
        ))}
      </section>
      <section aria-labelledby="text-title" className="panel">
        <h2 id="text-title">Bilan qualitatif</h2>
        <Field label="Ce qui a été fait, pour qui, les difficultés et les suites" error={errorOf('qualitative')}>
          {(p) => <textarea {...p} rows={8} value={qualitative} onChange={(e) => setQualitative(e.target.value)} />}
        </Field>
      </section>
      <ErrorMessage error={error} context="operation" />
      {done && !error && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {!s.exerciseEnded && (
        <p className="muted">
          L'exercice {s.exerciseYear} n'est pas terminé : le bilan se dépose à partir du 1er janvier {s.exerciseYear + 1}.
        </p>
      )}
      <div className="actions-row">
        <button type="submit" className="secondary" disabled={save.isPending || submit.isPending}>
          Enregistrer le brouillon
        </button>
        <button type="button" disabled={save.isPending || submit.isPending} onClick={() => void onSubmit()}>
          Déposer le bilan
        </button>
      </div>
    </form>
  );
}

/** The chef de projet's review of a submitted bilan. */
function Review({ siren, sheet: s }: { siren: string; sheet: Sheet }) {
  const [message, setMessage] = useState('');
  const accept = useGraphQLMutation(ACCEPT, { tenant: siren, invalidates: [SHEET] });
  const corrections = useGraphQLMutation(CORRECTIONS, { tenant: siren, invalidates: [SHEET] });
  const ref = { actionId: s.actionId, exerciseYear: s.exerciseYear };
  return (
    <section aria-labelledby="review-title" className="panel">
      <h2 id="review-title">Relecture</h2>
      <p>Accepter le bilan tient son échéance et fait compter ses indicateurs dans les tableaux de bord.</p>
      <ErrorMessage error={accept.error ?? corrections.error} context="operation" />
      <div className="actions-row">
        <button type="button" disabled={accept.isPending} onClick={() => accept.mutate({ input: ref })}>
          Accepter le bilan
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          corrections.mutate({ input: { ...ref, message } });
        }}
      >
        <Field label="Corrections à demander au porteur">
          {(p) => <textarea {...p} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </Field>
        <button type="submit" disabled={corrections.isPending || message.trim() === ''}>
          Demander des corrections
        </button>
      </form>
    </section>
  );
}
