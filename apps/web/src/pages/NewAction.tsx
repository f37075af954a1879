import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, request } from '../api';
import { ErrorMessage, Field, Loading } from '../components';
import { euros, KIND_LABELS, plural } from '../format';
import { graphql } from '../gql';
import type { CreateActionInput, FundingKind } from '../gql/graphql';
import { Contrat, contratYears, eurosError, MANAGE_ACTIONS_ROLES, Organisation, parseEuros, sentence, useReferenceData, useTenantRole } from './action-shared';

const CREATE = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) { id reference }
  }
`);

interface LineDraft {
  /** Stable key of the line on the page (lines are added and removed). */
  key: number;
  funderId: string;
  kind: string;
  exerciseYear: string;
  amount: string;
  inKind: boolean;
  pledge: boolean;
}

interface Draft {
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
type Errors = Record<string, string>;

const TOP_FIELDS: Record<string, string> = {
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
const LINE_FIELDS: Record<string, string> = {
  funderId: 'Financeur',
  kind: 'Nature',
  exerciseYear: 'Exercice',
  amountRequestedCents: 'Montant demandé',
};

let nextKey = 1;
const defaultYear = (c: Contrat | null): string => {
  if (!c) return '';
  const now = new Date().getFullYear();
  return String(Math.min(Math.max(now, c.startYear), c.endYear));
};
const newLine = (c: Contrat | null): LineDraft => ({ key: nextKey++, funderId: '', kind: 'DROIT_COMMUN', exerciseYear: defaultYear(c), amount: '', inKind: false, pledge: false });

/** Where an error of the API goes on the form; null when it is about nothing the form shows. */
function fieldKey(path: string): string | null {
  if (/^qpvIds(\.\d+)?$/.test(path)) return 'qpvIds';
  if (TOP_FIELDS[path]) return path;
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (m) return m[2] && LINE_FIELDS[m[2]] ? path : `fundingLines.${m[1]}`;
  return null;
}

function label(key: string): string {
  const m = /^fundingLines\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (m) return `Ligne ${Number(m[1]) + 1}${m[2] ? ` — ${LINE_FIELDS[m[2]]}` : ''}`;
  return TOP_FIELDS[key] ?? key;
}

/** The creation of an action (brouillon) with its QPVs and financing plan; the API's errors go next to their fields. */
export function NewActionPage() {
  const { siren = '' } = useParams();
  const navigate = useNavigate();
  const { role } = useTenantRole(siren);
  const ref = useReferenceData(siren);
  const contrat = ref.contrat;
  const [draft, setDraft] = useState<Draft>({
    title: '',
    description: '',
    pillarId: '',
    objectiveId: '',
    porteurId: '',
    startDate: '',
    endDate: '',
    budget: '',
    qpvIds: [],
    lines: [],
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const qpvErrorId = useId();
  const lineErrorId = useId();
  const planErrorId = useId();

  // The first line appears once the contract's years are known (its exercise year defaults within them).
  const started = useRef(false);
  useEffect(() => {
    if (!contrat || started.current) return;
    started.current = true;
    setDraft((d) => (d.lines.length === 0 ? { ...d, lines: [newLine(contrat)] } : d));
  }, [contrat]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K], errorKey: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[errorKey]) setErrors(({ [errorKey]: _gone, ...rest }) => rest);
  };
  const setLine = (index: number, change: Partial<LineDraft>, field: string) => {
    setDraft((d) => ({ ...d, lines: d.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) }));
    const keys = [`fundingLines.${index}.${field}`, `fundingLines.${index}`];
    if (keys.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  };
  const removeLine = (index: number) => {
    setDraft((d) => ({ ...d, lines: d.lines.filter((_, i) => i !== index) }));
    // Line numbers shift: their errors no longer point at the right line.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('fundingLines.'))));
  };

  const pillar = contrat?.pillars.find((p) => p.id === draft.pillarId);
  const years = contratYears(contrat);
  const planCents = draft.lines.reduce((s, l) => s + (parseEuros(l.amount) ?? 0), 0);
  const budgetCents = parseEuros(draft.budget);

  // After each refused attempt, the summary of the errors takes the focus, so that it is read out.
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (attempts > 0) summary.current?.focus();
  }, [attempts]);
  const show = (next: Errors, message: string | null) => {
    setErrors(next);
    setFailure(message);
    setAttempts((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!contrat) return;
    // What cannot be sent at all is checked here; every other rule is the API's, answered in one go.
    const local: Errors = {};
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
    if (Object.keys(local).length > 0) return show(local, null);

    const input: CreateActionInput = {
      contratId: contrat.id,
      pillarId: draft.pillarId,
      objectiveId: draft.objectiveId || null,
      porteurId: draft.porteurId,
      title: draft.title,
      description: draft.description || null,
      startDate: draft.startDate,
      endDate: draft.endDate,
      totalBudgetCents: parseEuros(draft.budget) ?? 0,
      qpvIds: draft.qpvIds,
      fundingLines: draft.lines.map((l) => ({
        funderId: l.funderId,
        kind: l.kind as FundingKind,
        exerciseYear: Number(l.exerciseYear),
        amountRequestedCents: parseEuros(l.amount) ?? 0,
        inKind: l.inKind,
        pledge: l.pledge,
      })),
    };
    setSending(true);
    try {
      const { createAction } = await request(CREATE, { input }, siren);
      void navigate(`/t/${siren}/actions/${createAction.id}`, { state: { created: true } });
    } catch (error) {
      setSending(false);
      const err = error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas.');
      if (err.code !== 'BAD_USER_INPUT' || err.fields.length === 0) return show({}, err.message);
      const mapped: Errors = {};
      const elsewhere: string[] = [];
      for (const f of err.fields) {
        const key = fieldKey(f.field);
        let message = sentence(f.message);
        const qpv = /^qpvIds\.(\d+)$/.exec(f.field);
        if (qpv) message = `${contrat.qpvs.find((q) => q.id === draft.qpvIds[Number(qpv[1])])?.name ?? 'QPV'} : ${f.message}`;
        if (key) mapped[key] = mapped[key] ? `${mapped[key]} ${message}` : message;
        else elsewhere.push(`${f.field} : ${f.message}`);
      }
      show(mapped, elsewhere.length > 0 ? `Le serveur a refusé l’enregistrement : ${elsewhere.join(' ; ')}.` : null);
    }
  };

  const errorCount = Object.keys(errors).length;
  const orgOptions = (list: Organisation[]) =>
    list.map((o) => (
      <option key={o.id} value={o.id}>
        {o.name}
      </option>
    ));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/t/${siren}/actions`}>← Toutes les actions</Link>
      </p>
      <h1>Nouvelle action</h1>
      {role && !MANAGE_ACTIONS_ROLES.has(role) && (
        <p className="notice-warn">Votre rôle dans ce territoire ne permet pas, en principe, de créer une action : l’enregistrement risque d’être refusé.</p>
      )}
      <ErrorMessage error={ref.error} />
      {ref.loading && <Loading />}
      {!ref.loading && !ref.error && !contrat && <p>Ce territoire n'a pas encore de contrat de ville : une action s'inscrit dans un contrat.</p>}
      {(errorCount > 0 || failure) && (
        <div className="alert" tabIndex={-1} ref={summary} role="alert">
          {failure && <p>{failure}</p>}
          {errorCount > 0 && (
            <>
              <p>
                <strong>L'action n'est pas enregistrée : {plural(errorCount, 'champ est à corriger', 'champs sont à corriger')}.</strong>
              </p>
              <ul>
                {Object.entries(errors).map(([k, m]) => (
                  <li key={k}>
                    {label(k)} : {m}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {contrat && (
        <form className="action-form" noValidate onSubmit={(e) => void submit(e)}>
          <p className="muted">L'action est créée au statut brouillon dans le contrat « {contrat.title} ». Les montants sont en euros.</p>
          <fieldset>
            <legend>L'action</legend>
            <Field label="Intitulé" error={errors.title}>
              {(p) => <input {...p} value={draft.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />}
            </Field>
            <Field label="Description" error={errors.description} hint="Facultative : objectifs, public, déroulé.">
              {(p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => set('description', e.target.value)} />}
            </Field>
            <div className="form-grid">
              <Field label="Pilier" error={errors.pillarId}>
                {(p) => (
                  <select
                    {...p}
                    value={draft.pillarId}
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
                    {orgOptions(ref.organisations)}
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
            {draft.lines.length === 0 && <p className="muted">Aucune ligne : le plan pourra être complété avant le dépôt.</p>}
            {draft.lines.map((l, i) => {
              const lineError = errors[`fundingLines.${i}`];
              return (
                <fieldset key={l.key} className="funding-line" aria-describedby={lineError ? `${lineErrorId}-${i}` : undefined}>
                  <legend>Ligne {i + 1}</legend>
                  {lineError && (
                    <p id={`${lineErrorId}-${i}`} className="field-error">
                      {lineError}
                    </p>
                  )}
                  <div className="form-grid">
                    <Field label="Financeur" error={errors[`fundingLines.${i}.funderId`]}>
                      {(p) => (
                        <select {...p} value={l.funderId} onChange={(e) => setLine(i, { funderId: e.target.value }, 'funderId')}>
                          <option value="">Choisir…</option>
                          {orgOptions(ref.organisations)}
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
                          {years.map((y) => (
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
              <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, lines: [...d.lines, newLine(contrat)] }))}>
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

          <div className="form-actions">
            <button type="submit" disabled={sending}>
              {sending ? 'Enregistrement…' : 'Créer l’action'}
            </button>
            <Link to={`/t/${siren}/actions`}>Annuler</Link>
          </div>
        </form>
      )}
    </>
  );
}
