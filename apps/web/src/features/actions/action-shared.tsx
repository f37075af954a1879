import { ReactNode, RefObject, useEffect, useId, useRef, useState } from 'react';
import { ApiError, request } from '../../shared/api';
import { asApiError } from '../../shared/errors';
import { Field } from '../../shared/components';
import { euros, eurosError, KIND_LABELS, parseEuros, plural } from '../../shared/format';
import { graphql } from '../../gql';
import type { ActionContratsQuery, ActionOrganisationsQuery, ActionStatus, AvisOpinion, DeadlineKind, DeadlineState, Permission } from '../../gql/graphql';
import { useQuery } from '../../shared/hooks';
import { useSession } from '../../shared/session';
import { formattedNumber, spreadsheetCell } from '@pilotis/shared/spreadsheet';

/** Helpers shared by the action screens (list, dossier, creation form). */

const CONTRATS = graphql(`
  query ActionContrats {
    contrats {
      id title startYear endYear
      pillars { id title position kind objectives { id code title } }
      qpvs { id code name enVeille }
    }
  }
`);

const ORGANISATIONS = graphql(`
  query ActionOrganisations($after: String) {
    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }
  }
`);

export type Contrat = ActionContratsQuery['contrats'][number];
export type Organisation = ActionOrganisationsQuery['organisations']['nodes'][number];

/**
 * My role in the territory of the page, or null, and what the API lets me do there (`myTenants.permissions`,
 * from its role matrix: the screens keep no copy of it). `can` is false everywhere outside a membership.
 */
export function useTenantRole(siren: string | undefined): { role: string | null; tenantName: string; can(permission: Permission): boolean } {
  const { tenants } = useSession();
  const t = tenants.find((x) => x.tenant.siren === siren);
  const permissions: readonly Permission[] = t?.permissions ?? [];
  return { role: t?.role ?? null, tenantName: t?.tenant.name ?? '', can: (permission) => permissions.includes(permission) };
}

/** The territory's current contract (the most recent) and all its partners, for filters and forms. */
export function useReferenceData(siren: string): { contrat: Contrat | null; contrats: Contrat[]; organisations: Organisation[]; error: ApiError | null; loading: boolean } {
  const contrats = useQuery(CONTRATS, {}, siren);
  const [orgs, setOrgs] = useState<{ list: Organisation[]; error: ApiError | null; loading: boolean }>({ list: [], error: null, loading: true });
  useEffect(() => {
    let current = true;
    void (async () => {
      const list: Organisation[] = [];
      try {
        let after: string | null = null;
        // Partners come 100 at a time, alphabetically; a territory rarely has more than a few pages.
        for (let page = 0; page < 20; page++) {
          const answer: ActionOrganisationsQuery = await request(ORGANISATIONS, { after }, siren);
          list.push(...answer.organisations.nodes);
          if (!answer.organisations.pageInfo.hasNextPage) break;
          after = answer.organisations.pageInfo.endCursor ?? null;
        }
        if (current) setOrgs({ list, error: null, loading: false });
      } catch (error) {
        if (current) setOrgs({ list: [], error: asApiError(error), loading: false });
      }
    })();
    return () => {
      current = false;
    };
  }, [siren]);
  return {
    contrat: contrats.data?.contrats[0] ?? null,
    contrats: contrats.data?.contrats ?? [],
    organisations: orgs.list,
    error: contrats.error ?? orgs.error,
    loading: contrats.loading || orgs.loading,
  };
}

/** The years of a contract, first to last. */
export const contratYears = (c: { startYear: number; endYear: number } | null): number[] =>
  c ? Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i) : [];

/**
 * One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused by the
 * server's own rule (`spreadsheetCell`), amounts stay numbers.
 */
function csvCell(value: string, numeric: boolean): string {
  const safe = String(spreadsheetCell(numeric && value !== '' ? formattedNumber(value) : value) ?? '');
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file as French spreadsheets open it: UTF-8 with a BOM, `;` between cells, CRLF between lines. */
export function toCsv(header: string[], rows: { text: string; numeric?: boolean }[][]): string {
  const lines = [header.map((h) => csvCell(h, false)), ...rows.map((r) => r.map((c) => csvCell(c.text, !!c.numeric)))];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

/** Saves text as a file, in the browser. */
export function saveText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Rennes Métropole" → "rennes-metropole", for file names. */
export const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'territoire';

/** The API's field messages start in lower case ("l'intitulé est obligatoire"): a sentence shows them. */
export const sentence = (message: string): string => (message ? message.charAt(0).toUpperCase() + message.slice(1) : message);

export const OPINION_LABELS: Record<AvisOpinion, string> = { FAVORABLE: 'Favorable', RESERVE: 'Réservé', DEFAVORABLE: 'Défavorable' };

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = { OVERDUE: 'En retard', DUE: 'À échéance', UPCOMING: 'À venir', MET: 'Tenue' };

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  AGENDA_FREEZE: "Gel de l'ordre du jour",
  BILAN: 'Bilan',
  COMMITTEE_VOTE: 'Vote du comité',
  CONTRAT_END: 'Fin du contrat',
  CONVENTION_SIGNATURE: 'Signature de la convention',
  PAYMENT_TRANCHE: 'Versement',
};

export const AUDIT_OPERATION_LABELS: Record<string, string> = {
  'action.create': 'Création',
  'action.update': 'Modification',
  'action.transition': "Changement d'étape",
  'bilan.receive': 'Bilan reçu',
};

// ------------------------------------------------------------------ the action form (creation and edition)

/** The button of a step, by where it goes from where the action is (the steps themselves: `Action.allowedTransitions`). */
export function transitionLabel(from: ActionStatus, to: ActionStatus): string {
  switch (to) {
    case 'DEPOSEE':
      return from === 'BROUILLON' ? 'Déposer le dossier' : 'Revenir à l’étape « déposée »';
    case 'BROUILLON':
      return 'Repasser en brouillon';
    case 'EN_INSTRUCTION':
      return from === 'A_ARBITRER' ? 'Renvoyer en instruction' : 'Mettre en instruction';
    case 'A_ARBITRER':
      return 'Mettre à l’arbitrage';
    case 'EN_COURS':
      return 'Démarrer la réalisation';
    case 'BILAN_ATTENDU':
      return 'Passer en attente du bilan';
    case 'SOLDEE':
      return 'Solder l’action';
    case 'ABANDONNEE':
      return 'Abandonner l’action';
    default:
      return to;
  }
}

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
  lines: LineDraft[];
}

/** Field errors by the API's field paths (`title`, `fundingLines.1.amountRequestedCents`…). */
export type FieldErrors = Record<string, string>;

export const ACTION_FIELD_LABELS: Record<string, string> = {
  title: 'Intitulé',
  description: 'Description',
  pillarId: 'Pilier',
  objectiveId: 'Objectif',
  porteurId: 'Porteur',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  totalBudgetCents: 'Budget total',
  qpvIds: 'Quartiers prioritaires',
  fundingLines: 'Plan de financement',
};
export const LINE_FIELD_LABELS: Record<string, string> = {
  funderId: 'Financeur',
  kind: 'Nature',
  exerciseYear: 'Exercice',
  amountRequestedCents: 'Montant demandé',
};

let nextLineKey = 1;
export const lineKey = (): number => nextLineKey++;
const defaultYear = (c: Contrat | null): string => {
  if (!c) return '';
  const now = new Date().getFullYear();
  return String(Math.min(Math.max(now, c.startYear), c.endYear));
};
export const newLineDraft = (c: Contrat | null): LineDraft => ({ key: lineKey(), funderId: '', kind: 'DROIT_COMMUN', exerciseYear: defaultYear(c), amount: '', inKind: false, pledge: false });

/** Where an error of the API goes on the form; null when it is about nothing the form shows. */
export function actionErrorKey(path: string): string | null {
  if (/^qpvIds(\.\d+)?$/.test(path)) return 'qpvIds';
  if (ACTION_FIELD_LABELS[path]) return path;
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (m) return m[2] && LINE_FIELD_LABELS[m[2]] ? path : `fundingLines.${m[1]}`;
  return null;
}

/** The name of a field of the form, in the summary of errors. */
export function actionErrorLabel(key: string): string {
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (m) return `Ligne ${Number(m[1]) + 1}${m[2] ? ` — ${LINE_FIELD_LABELS[m[2]]}` : ''}`;
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
  return { draft, setDraft, errors, setErrors, set, setLine, removeLine, addLine };
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

/**
 * The summary of what is refused, above the form: it takes the focus after each refused attempt (`attempts`
 * grows), so that it is read out.
 */
export function FormErrorSummary({ errors, failure, attempts, title, children }: { errors: FieldErrors; failure: string | null; attempts: number; title: string; children?: ReactNode }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempts > 0) summary.current?.focus();
  }, [attempts]);
  const count = Object.keys(errors).length;
  if (count === 0 && !failure) return null;
  return (
    <div className="alert" tabIndex={-1} ref={summary} role="alert">
      {failure && <p>{failure}</p>}
      {count > 0 && (
        <>
          <p>
            <strong>
              {title} : {plural(count, 'champ est à corriger', 'champs sont à corriger')}.
            </strong>
          </p>
          <ul>
            {Object.entries(errors).map(([k, m]) => (
              <li key={k}>
                {actionErrorLabel(k)} : {m}
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </div>
  );
}

/**
 * The fieldsets of the action form: the action, its dates and budget, its QPVs and its financing plan.
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
  const { draft, errors, set, setLine, removeLine, addLine } = form;
  const qpvErrorId = useId();
  const lineErrorId = useId();
  const planErrorId = useId();
  const pillar = contrat.pillars.find((p) => p.id === draft.pillarId);
  const years = contratYears(contrat);
  const planCents = draft.lines.reduce((s, l) => s + (parseEuros(l.amount) ?? 0), 0);
  const budgetCents = parseEuros(draft.budget);
  const orgOptions = (list: Organisation[]) =>
    list.map((o) => (
      <option key={o.id} value={o.id}>
        {o.name}
      </option>
    ));
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
              <select {...p} value={draft.objectiveId} disabled={!pillar || pillar.objectives.length === 0} onChange={(e) => set('objectiveId', e.target.value)}>
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
                {orgOptions(organisations)}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Dates et budget</legend>
        <div className="form-grid">
          <Field label="Date de début" error={errors.startDate} hint={`Au plus tôt le 1er janvier ${contrat.startYear}.`}>
            {(p) => <input {...p} type="date" min={`${contrat.startYear}-01-01`} max={`${contrat.endYear}-12-31`} value={draft.startDate} onChange={(e) => set('startDate', e.target.value)} />}
          </Field>
          <Field label="Date de fin" error={errors.endDate} hint={`Au plus tard le 31 décembre ${contrat.endYear}.`}>
            {(p) => <input {...p} type="date" min={`${contrat.startYear}-01-01`} max={`${contrat.endYear}-12-31`} value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} />}
          </Field>
          <Field label="Budget total (€)" error={errors.totalBudgetCents} hint="Par exemple 45 000 ou 12 345,67.">
            {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={draft.budget} onChange={(e) => set('budget', e.target.value, 'totalBudgetCents')} />}
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
                {q.name} <span className="muted">({q.code}{q.enVeille ? ', en veille' : ''})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

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
                    <select {...p} value={l.funderId} disabled={!!l.id} onChange={(e) => setLine(i, { funderId: e.target.value }, 'funderId')}>
                      <option value="">Choisir…</option>
                      {orgOptions(organisations)}
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
                  {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={l.amount} onChange={(e) => setLine(i, { amount: e.target.value }, 'amountRequestedCents')} />}
                </Field>
              </div>
              <div className="line-options">
                <label>
                  <input type="checkbox" checked={l.inKind} onChange={(e) => setLine(i, { inKind: e.target.checked }, 'inKind')} /> Apport en nature
                </label>
                <label>
                  <input type="checkbox" checked={l.pledge} onChange={(e) => setLine(i, { pledge: e.target.checked }, 'pledge')} /> Promesse (engagement non ferme)
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
                {planCents <= budgetCents ? `reste à financer : ${euros(budgetCents - planCents)}` : `dépassement du budget : ${euros(planCents - budgetCents)}`}
              </>
            )}
          </p>
        </div>
      </fieldset>
    </>
  );
}

/** Moves the focus to an element once `when` becomes true (a confirmation that opens, a message that comes). */
export function useFocusWhen<T extends HTMLElement>(when: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
