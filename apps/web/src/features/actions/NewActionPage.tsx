import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { parseEuros } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { CreateActionInput, FundingKind } from '../../gql/graphql';
import {
  actionErrorKey,
  FieldErrors,
  indicatorsInput,
  localDraftErrors,
  mapFieldErrors,
  newLineDraft,
  useActionDraft,
} from './action-draft';
import { ACTIONS_LIST } from './action-queries';
import { ActionFormFields } from './ActionFormFields';
import { FormErrorSummary } from './FormErrorSummary';
import { useReferenceData } from './reference-data';

const CREATE = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      id
      reference
    }
  }
`);

/** The creation of an action (brouillon) with its QPVs and financing plan; the API's errors go next to their fields. */
export function NewActionPage() {
  const withContrat = useContratLink();
  const { siren = '' } = useParams();
  const navigate = useNavigate();
  const { role, can } = useTenantRole(siren);
  const ref = useReferenceData(siren);
  const contrat = ref.contrat;
  const form = useActionDraft({
    title: '',
    description: '',
    pillarId: '',
    objectiveId: '',
    porteurId: '',
    startDate: '',
    endDate: '',
    budget: '',
    qpvIds: [],
    indicators: [],
    lines: [],
  });
  const { draft, setDraft, errors, setErrors } = form;
  const [failure, setFailure] = useState<string | null>(null);
  // The list of actions is read again when it opens next.
  const create = useGraphQLMutation(CREATE, { tenant: siren, invalidates: [ACTIONS_LIST] });
  const [attempts, setAttempts] = useState(0);

  // Another contract chosen in the frame: the pillar, objective and QPVs were the previous contract's.
  const [draftContrat, setDraftContrat] = useState(contrat?.id);
  if (contrat?.id !== draftContrat) {
    setDraftContrat(contrat?.id);
    if (draftContrat) setDraft((d) => ({ ...d, pillarId: '', objectiveId: '', qpvIds: [] }));
  }

  // The first line appears once the contract's years are known (its exercise year defaults within them).
  const started = useRef(false);
  useEffect(() => {
    if (!contrat || started.current) return;
    started.current = true;
    setDraft((d) => (d.lines.length === 0 ? { ...d, lines: [newLineDraft(contrat)] } : d));
  }, [contrat, setDraft]);

  // After each refused attempt, the summary of the errors takes the focus (FormErrorSummary), so that it is read out.
  const show = (next: FieldErrors, message: string | null) => {
    setErrors(next);
    setFailure(message);
    setAttempts((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!contrat) return;
    // What cannot be sent at all is checked here; every other rule is the API's, answered in one go.
    const local = localDraftErrors(draft);
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
      indicators: indicatorsInput(draft.indicators),
      fundingLines: draft.lines.map((l) => ({
        funderId: l.funderId,
        kind: l.kind as FundingKind,
        exerciseYear: Number(l.exerciseYear),
        amountRequestedCents: parseEuros(l.amount) ?? 0,
        inKind: l.inKind,
        pledge: l.pledge,
      })),
    };
    try {
      const { createAction } = await create.mutateAsync({ input });
      void navigate(withContrat(`/t/${siren}/actions/${createAction.id}`), { state: { created: true } });
    } catch (error) {
      const err = asApiError(error);
      if (err.code !== 'BAD_USER_INPUT' || err.fields.length === 0) return show({}, err.message);
      const qpvName = (i: number) => contrat.qpvs.find((q) => q.id === draft.qpvIds[i])?.name ?? 'QPV';
      const { mapped, elsewhere } = mapFieldErrors(err.fields, actionErrorKey, qpvName);
      show(mapped, elsewhere.length > 0 ? `Le serveur a refusé l’enregistrement : ${elsewhere.join(' ; ')}.` : null);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={withContrat(`/t/${siren}/actions`)}>← Toutes les actions</Link>
      </p>
      <h1>Nouvelle action</h1>
      {role && !can('MANAGE_ACTIONS') && (
        <p className="notice-warn">
          Votre rôle dans ce territoire ne permet pas, en principe, de créer une action : l’enregistrement risque d’être refusé.
        </p>
      )}
      <ErrorMessage error={ref.error} />
      {ref.loading && <Loading />}
      {!ref.loading && !ref.error && !contrat && (
        <p>Ce territoire n'a pas encore de contrat de ville : une action s'inscrit dans un contrat.</p>
      )}
      <FormErrorSummary errors={errors} failure={failure} attempts={attempts} title="L'action n'est pas enregistrée" />
      {contrat && (
        <form className="action-form" noValidate onSubmit={(e) => void submit(e)}>
          <p className="muted">L'action est créée au statut brouillon dans le contrat « {contrat.title} ». Les montants sont en euros.</p>
          <ActionFormFields form={form} contrat={contrat} organisations={ref.organisations} />
          <div className="form-actions">
            <button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Enregistrement…' : 'Créer l’action'}
            </button>
            <Link to={withContrat(`/t/${siren}/actions`)}>Annuler</Link>
          </div>
        </form>
      )}
    </>
  );
}
