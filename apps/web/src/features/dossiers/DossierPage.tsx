import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { download, restCall } from '../../common/api';
import { ErrorMessage, Field, Loading } from '../../common/components';
import { asApiError, errorText } from '../../common/errors';
import { centsToInput, civilDate, dateTime, euros, KIND_LABELS, parseEuros, parseQuantity, STATUS_LABELS } from '../../common/format';
import { graphQLKey, useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import type { BudgetSide, DossierField, DossierQuery, FundingKind, UpdateDossierInput } from '../../gql/graphql';
import { useReferenceData } from '../actions/reference-data';
import {
  ANSWER_COMPLEMENTS,
  CREATE_DOSSIER,
  DOSSIER,
  DOSSIER_INDICATOR_CATALOGUE,
  SUBMIT_DOSSIER,
  UPDATE_DOSSIER,
} from './dossier-queries';

type Dossier = NonNullable<DossierQuery['action']>;

/** The parts of the form, as the API names them (a demande de compléments reopens some of them). */
export const DOSSIER_FIELD_LABELS: Record<DossierField, string> = {
  TITLE: 'Intitulé',
  DESCRIPTION: 'Description',
  TARGET_PUBLIC: 'Public visé',
  OBJECTIVES: 'Objectifs',
  REPRESENTATIVE: 'Représentant',
  DATES: 'Dates',
  PILLAR: 'Pilier',
  QPVS: 'Quartiers (QPV)',
  BUDGET: 'Budget prévisionnel',
  FUNDING: 'Plan de financement',
  INDICATORS: 'Indicateurs',
};

const CHARGE_ACCOUNTS = ['60', '61', '62', '63', '64', '65', '66', '67', '68', '86'];
const PRODUIT_ACCOUNTS = ['70', '71', '72', '73', '74', '75', '76', '77', '78', '87'];
const ACCOUNT_LABELS: Record<string, string> = {
  '60': '60 – Achats',
  '61': '61 – Services extérieurs',
  '62': '62 – Autres services extérieurs',
  '63': '63 – Impôts et taxes',
  '64': '64 – Charges de personnel',
  '65': '65 – Autres charges de gestion courante',
  '66': '66 – Charges financières',
  '67': '67 – Charges exceptionnelles',
  '68': '68 – Dotations aux amortissements',
  '86': '86 – Emplois des contributions volontaires en nature',
  '70': '70 – Ventes, prestations',
  '71': '71 – Production stockée',
  '72': '72 – Production immobilisée',
  '73': '73 – Dotations et produits de tarification',
  '74': "74 – Subventions d'exploitation",
  '75': '75 – Autres produits de gestion courante',
  '76': '76 – Produits financiers',
  '77': '77 – Produits exceptionnels',
  '78': '78 – Reprises sur amortissements',
  '87': '87 – Contributions volontaires en nature',
};
const KINDS: FundingKind[] = ['CREDITS_SPECIFIQUES_P147', 'DROIT_COMMUN', 'FEDER', 'FSE', 'AUTRE'];

interface Draft {
  title: string;
  description: string;
  targetPublic: string;
  objectives: string;
  representativeName: string;
  representativeFunction: string;
  startDate: string;
  endDate: string;
  qpvIds: string[];
  budget: { side: BudgetSide; account: string; label: string; amount: string }[];
  funding: { funderId: string; kind: FundingKind; amount: string }[];
  /** `definitionId`: the catalogue's indicator it measures, '' for none. */
  indicators: { label: string; target: string; unit: string; definitionId: string }[];
}

const draftOf = (d: Dossier): Draft => ({
  title: d.title,
  description: d.description,
  targetPublic: d.targetPublic,
  objectives: d.objectives,
  representativeName: d.representativeName,
  representativeFunction: d.representativeFunction,
  startDate: d.startDate,
  endDate: d.endDate,
  qpvIds: d.qpvs.map((q) => q.id),
  budget: d.budgetLines.map((l) => ({ side: l.side, account: l.account, label: l.label, amount: centsToInput(l.plannedCents) })),
  funding: d.fundingLines.map((l) => ({ funderId: l.funderId, kind: l.kind, amount: centsToInput(l.amountRequestedCents) })),
  indicators: d.indicators.map((i) => ({
    label: i.label,
    target: String(i.target).replace('.', ','),
    unit: i.unit,
    definitionId: i.definitionId ?? '',
  })),
});

/** The input for the parts that may change now (all of a draft, the reopened ones during compléments). */
function inputOf(id: string, draft: Draft, may: (f: DossierField) => boolean): UpdateDossierInput {
  const input: UpdateDossierInput = { id };
  if (may('TITLE')) input.title = draft.title;
  if (may('DESCRIPTION')) input.description = draft.description;
  if (may('TARGET_PUBLIC')) input.targetPublic = draft.targetPublic;
  if (may('OBJECTIVES')) input.objectives = draft.objectives;
  if (may('REPRESENTATIVE')) {
    input.representativeName = draft.representativeName;
    input.representativeFunction = draft.representativeFunction;
  }
  if (may('DATES')) {
    input.startDate = draft.startDate;
    input.endDate = draft.endDate;
  }
  if (may('QPVS')) input.qpvIds = draft.qpvIds;
  if (may('BUDGET')) {
    input.budgetLines = draft.budget.map((l) => ({
      side: l.side,
      account: l.account,
      label: l.label,
      plannedCents: parseEuros(l.amount) ?? -1,
    }));
  }
  if (may('FUNDING')) {
    input.fundingLines = draft.funding.map((l) => ({
      funderId: l.funderId,
      kind: l.kind,
      amountRequestedCents: parseEuros(l.amount) ?? 0,
    }));
  }
  if (may('INDICATORS')) {
    input.indicators = draft.indicators.map((i) => ({
      label: i.label,
      target: parseQuantity(i.target) ?? -1,
      unit: i.unit,
      definitionId: i.definitionId || null,
    }));
  }
  return input;
}

/** `/t/:siren/dossiers/nouveau?appel=<id>`: the porteur opens a dossier on a call (its title), then fills it in. */
export function NewDossierPage() {
  const { siren = '' } = useParams();
  const [params] = useSearchParams();
  const callId = params.get('appel') ?? '';
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const create = useGraphQLMutation(CREATE_DOSSIER, { tenant: siren });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { createDossier } = await create.mutateAsync({ input: { callId, title } });
    void navigate(`/t/${siren}/dossiers/${createDossier.id}`);
  };
  return (
    <>
      <h1>Nouveau dossier de demande de subvention</h1>
      <p className="muted">Le dossier (CERFA 12156) est enregistré en brouillon ; vous le complétez, puis le déposez une seule fois.</p>
      {create.errorText && (
        <div role="alert" className="alert">
          {create.errorText}
        </div>
      )}
      <form className="dossier-form" noValidate onSubmit={(e) => void submit(e).catch(() => undefined)}>
        <Field label="Intitulé de l'action">{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <div className="form-actions">
          <button type="submit" disabled={create.isPending || !callId}>
            {create.isPending ? 'Création…' : 'Créer le dossier'}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * `/t/:siren/dossiers/:id`: the porteur's dossier, section by section (identity, representative, the action,
 * QPVs, budget, plan de financement, indicators, pieces), saved as a draft, its completeness shown, submitted
 * once; during a demande de compléments only the reopened parts can be changed.
 */
export function DossierPage() {
  const { siren = '', id = '' } = useParams();
  const client = useQueryClient();
  const { data, error, isPending } = useGraphQLQuery(DOSSIER, { id }, { tenant: siren });
  const ref = useReferenceData(siren);
  const catalogue = useGraphQLQuery(DOSSIER_INDICATOR_CATALOGUE, {}, { tenant: siren }).data?.indicatorDefinitions ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const loadedFor = useRef<string | null>(null);
  const invalidates = [DOSSIER];
  const update = useGraphQLMutation(UPDATE_DOSSIER, { tenant: siren, invalidates });
  const submitting = useGraphQLMutation(SUBMIT_DOSSIER, { tenant: siren, invalidates });
  const answer = useGraphQLMutation(ANSWER_COMPLEMENTS, { tenant: siren, invalidates });
  const dossier = data?.action;

  useEffect(() => {
    if (dossier && loadedFor.current !== dossier.id) {
      loadedFor.current = dossier.id;
      setDraft(draftOf(dossier));
    }
  }, [dossier]);

  if (isPending) return <Loading />;
  if (error || !dossier || !draft) return <ErrorMessage error={error} />;

  const request = dossier.openComplementRequest;
  const isDraft = !dossier.submittedAt && dossier.status === 'BROUILLON';
  const editable = dossier.viewerMayFileDossier;
  const reopened = new Set<string>(request?.fields ?? []);
  const may = (f: DossierField): boolean => editable && (isDraft || reopened.has(f));
  const mayPiece = (pieceId: string): boolean => editable && (isDraft || (request?.pieceIds ?? []).includes(pieceId));
  const contrat = ref.contrats.find((c) => c.id === dossier.contratId) ?? null;
  // The call's funders first: a porteur new to the territory sees no other partner (it sees only those
  // funding its own actions), and those are the ones a dossier answering the call asks.
  const funders = [
    ...(dossier.call?.funders ?? []).map((f) => ({ id: f.organisationId, name: f.name })),
    ...ref.organisations.filter((o) => o.id !== dossier.porteur.id && !dossier.call?.funders.some((f) => f.organisationId === o.id)),
  ];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const fail = (e: unknown) => {
    const err = asApiError(e);
    setNotice(null);
    setRefusal(errorText(err, 'operation'));
    setFieldErrors(err.fields.map((f) => `${f.field} : ${f.message}`));
  };
  const save = async (): Promise<boolean> => {
    setRefusal(null);
    setFieldErrors([]);
    try {
      await update.mutateAsync({ input: inputOf(dossier.id, draft, may) });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (await save()) setNotice(isDraft ? 'Brouillon enregistré.' : 'Compléments enregistrés.');
  };
  const onSubmit = async () => {
    if (!(await save())) return;
    try {
      await submitting.mutateAsync({ id: dossier.id });
      setNotice('Dossier déposé : il entre dans la file d’instruction du territoire.');
    } catch (e) {
      fail(e);
    }
  };
  const onAnswer = async () => {
    if (!(await save())) return;
    try {
      await answer.mutateAsync({ actionId: dossier.id });
      setNotice('Compléments envoyés : la demande est close.');
    } catch (e) {
      fail(e);
    }
  };
  const refresh = () => client.invalidateQueries({ queryKey: graphQLKey(DOSSIER) });
  const attach = async (pieceId: string, file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await restCall(`/documents/dossiers/${dossier.id}?piece=${pieceId}`, { method: 'POST', body: form }, siren);
      await refresh();
      setRefusal(null);
      setNotice(`Pièce « ${file.name} » jointe.`);
    } catch (e) {
      fail(e);
    }
  };
  const detach = async (documentId: string, fileName: string) => {
    try {
      await restCall(`/documents/dossiers/${documentId}`, { method: 'DELETE' }, siren);
      await refresh();
      setNotice(`Pièce « ${fileName} » retirée.`);
    } catch (e) {
      fail(e);
    }
  };
  const busy = update.isPending || submitting.isPending || answer.isPending;
  const completeness = data.dossierCompleteness;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/t/${siren}`}>← Territoire</Link>
      </p>
      <h1>
        Dossier {dossier.reference} <span className="muted">· {STATUS_LABELS[dossier.status]}</span>
      </h1>
      {dossier.call && (
        <p>
          En réponse à l’appel à projets « {dossier.call.title} », clos le {dateTime(dossier.call.closesAt)}.
        </p>
      )}
      {dossier.submittedAt && <p>Déposé le {dateTime(dossier.submittedAt)}.</p>}
      {request && (
        <section className="notice-warn" aria-labelledby="complements-title">
          <h2 id="complements-title">Demande de compléments</h2>
          <p>{request.message}</p>
          <p>
            À apporter avant le {civilDate(request.dueDate)}. Parties rouvertes :{' '}
            {[
              ...request.fields.map((f) => DOSSIER_FIELD_LABELS[f]),
              ...dossier.requiredPieces.filter((p) => request.pieceIds.includes(p.piece.id)).map((p) => `pièce « ${p.piece.label} »`),
            ].join(', ')}
            . Le reste du dossier n’est plus modifiable.
          </p>
        </section>
      )}
      <div aria-live="polite">
        {notice && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
      </div>
      {refusal && (
        <div role="alert" className="alert">
          <p>{refusal}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <section className="panel" aria-labelledby="completeness-title">
        <h2 id="completeness-title">Complétude</h2>
        {completeness.complete ? (
          <p>Le dossier est complet.</p>
        ) : (
          <>
            <p>Il manque encore :</p>
            <ul>
              {completeness.missing.map((m) => (
                <li key={m.field}>{m.message}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <form className="dossier-form" noValidate onSubmit={(e) => void onSave(e)}>
        <fieldset className="panel" disabled>
          <legend>Identification du porteur</legend>
          <p>
            {dossier.porteur.name} · SIRET {dossier.porteur.siret ?? 'non renseigné'}
          </p>
        </fieldset>

        <fieldset className="panel" disabled={!may('REPRESENTATIVE')}>
          <legend>Représentant légal ou personne habilitée</legend>
          <Field label="Nom et prénom">
            {(p) => <input {...p} value={draft.representativeName} onChange={(e) => set('representativeName', e.target.value)} />}
          </Field>
          <Field label="Fonction">
            {(p) => <input {...p} value={draft.representativeFunction} onChange={(e) => set('representativeFunction', e.target.value)} />}
          </Field>
        </fieldset>

        <fieldset className="panel">
          <legend>L’action</legend>
          <Field label="Intitulé">
            {(p) => <input {...p} disabled={!may('TITLE')} value={draft.title} onChange={(e) => set('title', e.target.value)} />}
          </Field>
          <Field label="Description">
            {(p) => (
              <textarea
                {...p}
                rows={4}
                disabled={!may('DESCRIPTION')}
                value={draft.description}
                onChange={(e) => set('description', e.target.value)}
              />
            )}
          </Field>
          <Field label="Public visé">
            {(p) => (
              <textarea
                {...p}
                rows={3}
                disabled={!may('TARGET_PUBLIC')}
                value={draft.targetPublic}
                onChange={(e) => set('targetPublic', e.target.value)}
              />
            )}
          </Field>
          <Field label="Objectifs">
            {(p) => (
              <textarea
                {...p}
                rows={3}
                disabled={!may('OBJECTIVES')}
                value={draft.objectives}
                onChange={(e) => set('objectives', e.target.value)}
              />
            )}
          </Field>
          <div className="form-row">
            <Field label="Date de début">
              {(p) => (
                <input
                  {...p}
                  type="date"
                  disabled={!may('DATES')}
                  value={draft.startDate}
                  onChange={(e) => set('startDate', e.target.value)}
                />
              )}
            </Field>
            <Field label="Date de fin">
              {(p) => (
                <input {...p} type="date" disabled={!may('DATES')} value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="panel" disabled={!may('QPVS')}>
          <legend>Quartiers prioritaires (QPV)</legend>
          {(contrat?.qpvs ?? []).map((q) => (
            <label key={q.id} className="check">
              <input
                type="checkbox"
                checked={draft.qpvIds.includes(q.id)}
                onChange={(e) => set('qpvIds', e.target.checked ? [...draft.qpvIds, q.id] : draft.qpvIds.filter((x) => x !== q.id))}
              />{' '}
              {q.name} ({q.code})
            </label>
          ))}
          {contrat && contrat.qpvs.length === 0 && <p className="muted">Le contrat ne liste aucun QPV.</p>}
        </fieldset>

        <fieldset className="panel" disabled={!may('BUDGET')}>
          <legend>Budget prévisionnel (en euros)</legend>
          {draft.budget.map((l, i) => (
            <div className="dossier-row" key={i} role="group" aria-label={`Ligne de budget ${i + 1}`}>
              <Field label="Côté">
                {(p) => (
                  <select
                    {...p}
                    value={l.side}
                    onChange={(e) => {
                      const side = e.target.value as BudgetSide;
                      set(
                        'budget',
                        draft.budget.map((x, j) => (j === i ? { ...x, side, account: side === 'CHARGE' ? '60' : '74' } : x)),
                      );
                    }}
                  >
                    <option value="CHARGE">Charge</option>
                    <option value="PRODUIT">Produit</option>
                  </select>
                )}
              </Field>
              <Field label="Compte">
                {(p) => (
                  <select
                    {...p}
                    value={l.account}
                    onChange={(e) =>
                      set(
                        'budget',
                        draft.budget.map((x, j) => (j === i ? { ...x, account: e.target.value } : x)),
                      )
                    }
                  >
                    {(l.side === 'CHARGE' ? CHARGE_ACCOUNTS : PRODUIT_ACCOUNTS).map((a) => (
                      <option key={a} value={a}>
                        {ACCOUNT_LABELS[a]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Libellé">
                {(p) => (
                  <input
                    {...p}
                    value={l.label}
                    onChange={(e) =>
                      set(
                        'budget',
                        draft.budget.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <Field label="Montant">
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={l.amount}
                    onChange={(e) =>
                      set(
                        'budget',
                        draft.budget.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                onClick={() =>
                  set(
                    'budget',
                    draft.budget.filter((_, j) => j !== i),
                  )
                }
              >
                Retirer<span className="sr-only"> la ligne de budget {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('budget', [...draft.budget, { side: 'CHARGE', account: '60', label: '', amount: '' }])}>
            Ajouter une ligne de budget
          </button>
        </fieldset>

        <fieldset className="panel" disabled={!may('FUNDING')}>
          <legend>Plan de financement : subventions demandées (en euros)</legend>
          {draft.funding.map((l, i) => (
            <div className="dossier-row" key={i} role="group" aria-label={`Subvention ${i + 1}`}>
              <Field label="Financeur">
                {(p) => (
                  <select
                    {...p}
                    value={l.funderId}
                    onChange={(e) =>
                      set(
                        'funding',
                        draft.funding.map((x, j) => (j === i ? { ...x, funderId: e.target.value } : x)),
                      )
                    }
                  >
                    <option value="">— choisir —</option>
                    {funders.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Nature">
                {(p) => (
                  <select
                    {...p}
                    value={l.kind}
                    onChange={(e) =>
                      set(
                        'funding',
                        draft.funding.map((x, j) => (j === i ? { ...x, kind: e.target.value as FundingKind } : x)),
                      )
                    }
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Montant demandé">
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={l.amount}
                    onChange={(e) =>
                      set(
                        'funding',
                        draft.funding.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                onClick={() =>
                  set(
                    'funding',
                    draft.funding.filter((_, j) => j !== i),
                  )
                }
              >
                Retirer<span className="sr-only"> la subvention {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('funding', [...draft.funding, { funderId: '', kind: 'DROIT_COMMUN', amount: '' }])}>
            Ajouter une subvention
          </button>
        </fieldset>

        <fieldset className="panel" disabled={!may('INDICATORS')}>
          <legend>Indicateurs et cibles</legend>
          {draft.indicators.map((l, i) => (
            <div className="dossier-row" key={i} role="group" aria-label={`Indicateur ${i + 1}`}>
              <Field label="Indicateur du catalogue (facultatif)">
                {(p) => (
                  <select
                    {...p}
                    value={l.definitionId}
                    onChange={(e) => {
                      // Choosing a catalogue indicator fills the label and unit still empty, so that the
                      // bilans of every action measuring it add up on the dashboard.
                      const chosen = catalogue.find((c) => c.id === e.target.value);
                      set(
                        'indicators',
                        draft.indicators.map((x, j) =>
                          j === i
                            ? {
                                ...x,
                                definitionId: e.target.value,
                                label: x.label || chosen?.label || '',
                                unit: x.unit || chosen?.unit || '',
                              }
                            : x,
                        ),
                      );
                    }}
                  >
                    <option value="">— aucun —</option>
                    {catalogue.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Indicateur">
                {(p) => (
                  <input
                    {...p}
                    value={l.label}
                    onChange={(e) =>
                      set(
                        'indicators',
                        draft.indicators.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <Field label="Cible">
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={l.target}
                    onChange={(e) =>
                      set(
                        'indicators',
                        draft.indicators.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <Field label="Unité">
                {(p) => (
                  <input
                    {...p}
                    value={l.unit}
                    onChange={(e) =>
                      set(
                        'indicators',
                        draft.indicators.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                onClick={() =>
                  set(
                    'indicators',
                    draft.indicators.filter((_, j) => j !== i),
                  )
                }
              >
                Retirer<span className="sr-only"> l’indicateur {i + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => set('indicators', [...draft.indicators, { label: '', target: '', unit: '', definitionId: '' }])}
          >
            Ajouter un indicateur
          </button>
        </fieldset>

        {editable && (
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {isDraft ? 'Enregistrer le brouillon' : 'Enregistrer les compléments'}
            </button>
            {isDraft && (
              <button type="button" disabled={busy} onClick={() => void onSubmit()}>
                Déposer le dossier
              </button>
            )}
            {request && (
              <button type="button" disabled={busy} onClick={() => void onAnswer()}>
                Envoyer les compléments
              </button>
            )}
          </div>
        )}
      </form>

      <section className="panel" aria-labelledby="pieces-title">
        <h2 id="pieces-title">Pièces demandées par l’appel</h2>
        <ul className="pieces">
          {dossier.requiredPieces.map(({ piece, document }) => (
            <li key={piece.id}>
              <strong>{piece.label}</strong> {piece.mandatory ? '(obligatoire)' : '(facultative)'}
              {document ? (
                <div className="dossier-row">
                  <button type="button" onClick={() => void download(document.downloadPath, siren, document.fileName).catch(fail)}>
                    {document.fileName}
                  </button>
                  {mayPiece(piece.id) && (
                    <button type="button" onClick={() => void detach(document.id, document.fileName)}>
                      Retirer<span className="sr-only"> {document.fileName}</span>
                    </button>
                  )}
                </div>
              ) : mayPiece(piece.id) ? (
                <Field label={`Fichier : ${piece.label}`} hint="PDF, image ou document bureautique, 10 Mo au plus.">
                  {(p) => <input {...p} type="file" onChange={(e) => void attach(piece.id, e.target.files?.[0])} />}
                </Field>
              ) : (
                <p className="muted">Aucun fichier.</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      {dossier.status !== 'BROUILLON' && (
        <p className="muted">Montants du plan : {euros(dossier.fundingLines.reduce((s, l) => s + l.amountRequestedCents, 0))}.</p>
      )}
    </>
  );
}
