import { useState } from 'react';

import type { ApiError } from '../../common/api';
import { eurosError, parseQuantity, sentence } from '../../common/format';
import { ACTION_FIELD_LABELS, INDICATOR_FIELD_LABELS, LINE_FIELD_LABELS } from './action-labels';
import type { Contrat } from './reference-data';

/** The action form's draft (creation and edition), its local checks and where the API's refusals go. */

export interface LineDraft {
  /** Stable key of the line on the page (lines are added and removed). */
  key: number;
  /** The saved line's id; none for a line still to add. */
  id?: string;
  funderId: string;
  kind: string;
  exerciseYear: string;
  amount: string;
  inKind: boolean;
  pledge: boolean;
}

/** An indicator of the action's objectives as typed: the target is text (« 62,5 »). */
export interface IndicatorDraft {
  /** Stable key of the row on the page (rows are added and removed). */
  key: number;
  label: string;
  target: string;
  unit: string;
}

export interface ActionDraft {
  title: string;
  description: string;
  pillarId: string;
  objectiveId: string;
  porteurId: string;
  startDate: string;
  endDate: string;
  budget: string;
  qpvIds: string[];
  indicators: IndicatorDraft[];
  lines: LineDraft[];
}

/** Field errors by the API's field paths (`title`, `fundingLines.1.amountRequestedCents`…). */
export type FieldErrors = Record<string, string>;

let nextLineKey = 1;
export const lineKey = (): number => nextLineKey++;
const defaultYear = (c: Contrat | null): string => {
  if (!c) return '';
  const now = new Date().getFullYear();
  return String(Math.min(Math.max(now, c.startYear), c.endYear));
};
export const newLineDraft = (c: Contrat | null): LineDraft => ({
  key: lineKey(),
  funderId: '',
  kind: 'DROIT_COMMUN',
  exerciseYear: defaultYear(c),
  amount: '',
  inKind: false,
  pledge: false,
});

export const newIndicatorDraft = (): IndicatorDraft => ({ key: lineKey(), label: '', target: '', unit: '' });

/** The indicators as the API's ActionIndicatorInput, in the order of the form (the whole list). */
export const indicatorsInput = (indicators: IndicatorDraft[]): { label: string; target: number; unit: string }[] =>
  indicators.map((i) => ({ label: i.label, target: parseQuantity(i.target) ?? 0, unit: i.unit }));

/** Where an error of the API goes on the form; null when it is about nothing the form shows. */
export function actionErrorKey(path: string): string | null {
  if (/^qpvIds(\.\d+)?$/.test(path)) return 'qpvIds';
  if (ACTION_FIELD_LABELS[path]) return path;
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (m) return m[2] && LINE_FIELD_LABELS[m[2]] ? path : `fundingLines.${m[1]}`;
  const ind = /^indicators\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (ind) return ind[2] && INDICATOR_FIELD_LABELS[ind[2]] ? path : 'indicators';
  return null;
}

/** The name of a field of the form, in the summary of errors. */
export function actionErrorLabel(key: string): string {
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (m) return `Ligne ${Number(m[1]) + 1}${m[2] ? ` — ${LINE_FIELD_LABELS[m[2]]}` : ''}`;
  const ind = /^indicators\.(\d+)\.(\w+)$/.exec(key);
  if (ind) return `Indicateur ${Number(ind[1]) + 1} — ${INDICATOR_FIELD_LABELS[ind[2]]}`;
  return ACTION_FIELD_LABELS[key] ?? key;
}

/** What cannot be sent at all; every other rule is the API's. */
export function localDraftErrors(draft: ActionDraft): FieldErrors {
  const local: FieldErrors = {};
  if (!draft.pillarId) local.pillarId = 'Choisissez le pilier de l’action.';
  if (!draft.porteurId) local.porteurId = 'Choisissez l’organisation qui porte l’action.';
  if (!draft.startDate) local.startDate = 'Indiquez la date de début.';
  if (!draft.endDate) local.endDate = 'Indiquez la date de fin.';
  const budgetError = eurosError(draft.budget);
  if (budgetError) local.totalBudgetCents = budgetError;
  draft.lines.forEach((l, i) => {
    if (!l.funderId) local[`fundingLines.${i}.funderId`] = 'Choisissez le financeur.';
    const amountError = eurosError(l.amount);
    if (amountError) local[`fundingLines.${i}.amountRequestedCents`] = amountError;
  });
  draft.indicators.forEach((ind, i) => {
    if (ind.label.trim() === '') local[`indicators.${i}.label`] = 'Indiquez le libellé de l’indicateur.';
    if (ind.target.trim() === '') local[`indicators.${i}.target`] = 'Indiquez la cible à atteindre.';
    else if (parseQuantity(ind.target) === null) {
      local[`indicators.${i}.target`] = 'Cible invalide : écrivez un nombre positif, deux décimales au plus, par exemple 40 ou 62,5.';
    }
  });
  return local;
}

/** The draft of the action form, and its changes that clear the errors of the fields they touch. */
export function useActionDraft(initial: ActionDraft) {
  const [draft, setDraft] = useState<ActionDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K], errorKey: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      if (!e[errorKey]) return e;
      const { [errorKey]: _gone, ...rest } = e;
      return rest;
    });
  };
  const setLine = (index: number, change: Partial<LineDraft>, field: string) => {
    setDraft((d) => ({ ...d, lines: d.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) }));
    const keys = [`fundingLines.${index}.${field}`, `fundingLines.${index}`];
    setErrors((e) => (keys.some((k) => e[k]) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));
  };
  const removeLine = (index: number) => {
    setDraft((d) => ({ ...d, lines: d.lines.filter((_, i) => i !== index) }));
    // Line numbers shift: their errors no longer point at the right line.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('fundingLines.'))));
  };
  const addLine = (line: LineDraft) => setDraft((d) => ({ ...d, lines: [...d.lines, line] }));
  const setIndicator = (index: number, change: Partial<IndicatorDraft>, field: string) => {
    setDraft((d) => ({ ...d, indicators: d.indicators.map((x, i) => (i === index ? { ...x, ...change } : x)) }));
    const keys = [`indicators.${index}.${field}`, 'indicators'];
    setErrors((e) => (keys.some((k) => e[k]) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));
  };
  const removeIndicator = (index: number) => {
    setDraft((d) => ({ ...d, indicators: d.indicators.filter((_, i) => i !== index) }));
    // Row numbers shift: their errors no longer point at the right row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('indicators'))));
  };
  const addIndicator = () => setDraft((d) => ({ ...d, indicators: [...d.indicators, newIndicatorDraft()] }));
  return { draft, setDraft, errors, setErrors, set, setLine, removeLine, addLine, setIndicator, removeIndicator, addIndicator };
}

/** Refused field errors of the API onto the form's keys; what matches no field comes back apart. */
export function mapFieldErrors(
  fields: ApiError['fields'],
  keyOf: (path: string) => string | null,
  qpvName: (index: number) => string = () => 'QPV',
): { mapped: FieldErrors; elsewhere: string[] } {
  const mapped: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const f of fields) {
    const key = keyOf(f.field);
    let message = sentence(f.message);
    const qpv = /^qpvIds\.(\d+)$/.exec(f.field);
    if (qpv) message = `${qpvName(Number(qpv[1]))} : ${f.message}`;
    if (key) mapped[key] = mapped[key] ? `${mapped[key]} ${message}` : message;
    else elsewhere.push(`${f.field} : ${f.message}`);
  }
  return { mapped, elsewhere };
}
