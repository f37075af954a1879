import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { centsToInput, parseEuros, quantityToInput, STATUS_LABELS } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { ActionToEditQuery, FundingKind, UpdateActionInput, UpdateFundingLineInput } from '../../gql/graphql';
import {
  ActionDraft,
  actionErrorKey,
  FieldErrors,
  indicatorsInput,
  LineDraft,
  lineKey,
  localDraftErrors,
  mapFieldErrors,
  useActionDraft,
} from './action-draft';
import { ACTION_READS, ACTIONS_LIST } from './action-queries';
import { ActionFormFields } from './ActionFormFields';
import { FormErrorSummary } from './FormErrorSummary';
import { useReferenceData } from './reference-data';

const ACTION = graphql(`
  query ActionToEdit($id: ID!) {
    action(id: $id) {
      id
      reference
      title
      description
      startDate
      endDate
      totalBudgetCents
      status
      contratId
      editable
      pillar {
        id
      }
      objective {
        id
      }
      porteur {
        id
      }
      qpvs {
        id
      }
      indicators {
        id
        label
        target
        unit
      }
      fundingLines {
        id
        kind
        exerciseYear
        amountRequestedCents
        inKind
        pledge
        funder {
          id
          name
        }
      }
    }
  }
`);

const UPDATE_ACTION = graphql(`
  mutation UpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
      updatedAt
    }
  }
`);

const ADD_LINE = graphql(`
  mutation AddFundingLine($input: AddFundingLineInput!) {
    addFundingLine(input: $input) {
      id
    }
  }
`);

const UPDATE_LINE = graphql(`
  mutation UpdateFundingLine($input: UpdateFundingLineInput!) {
    updateFundingLine(input: $input) {
      id
    }
  }
`);

const REMOVE_LINE = graphql(`
  mutation RemoveFundingLine($id: ID!) {
    removeFundingLine(id: $id) {
      id
    }
  }
`);

type EditedAction = NonNullable<ActionToEditQuery['action']>;

/** The form's view of a saved action. */
function draftOf(a: EditedAction): ActionDraft {
  return {
    title: a.title,
    description: a.description,
    pillarId: a.pillar.id,
    objectiveId: a.objective?.id ?? '',
    porteurId: a.porteur.id,
    startDate: a.startDate,
    endDate: a.endDate,
    budget: centsToInput(a.totalBudgetCents),
    qpvIds: a.qpvs.map((q) => q.id),
    indicators: a.indicators.map((x) => ({ key: lineKey(), label: x.label, target: quantityToInput(x.target), unit: x.unit })),
    lines: a.fundingLines.map((l) => ({
      key: lineKey(),
      id: l.id,
      funderId: l.funder.id,
      kind: l.kind,
      exerciseYear: String(l.exerciseYear),
      amount: centsToInput(l.amountRequestedCents),
      inKind: l.inKind,
      pledge: l.pledge,
    })),
  };
}

/** The changed fields of the dossier, as the API's UpdateActionInput (absent: unchanged); null when none changed. */
function actionChanges(id: string, saved: ActionDraft, draft: ActionDraft): UpdateActionInput | null {
  const input: UpdateActionInput = { id };
  if (draft.title !== saved.title) input.title = draft.title;
  if (draft.description !== saved.description) input.description = draft.description;
  if (draft.objectiveId !== saved.objectiveId) input.objectiveId = draft.objectiveId || null;
  if (draft.porteurId !== saved.porteurId) input.porteurId = draft.porteurId;
  if (draft.startDate !== saved.startDate) input.startDate = draft.startDate;
  if (draft.endDate !== saved.endDate) input.endDate = draft.endDate;
  if (parseEuros(draft.budget) !== parseEuros(saved.budget)) input.totalBudgetCents = parseEuros(draft.budget) ?? 0;
  if ([...draft.qpvIds].sort().join() !== [...saved.qpvIds].sort().join()) input.qpvIds = draft.qpvIds;
  // The list is sent whole when anything in it changed (the API replaces it).
  const indicators = indicatorsInput(draft.indicators);
  if (JSON.stringify(indicators) !== JSON.stringify(indicatorsInput(saved.indicators))) input.indicators = indicators;
  return Object.keys(input).length > 1 ? input : null;
}

/** The changed fields of a saved line; null when none changed. */
function lineChanges(saved: LineDraft, line: LineDraft): UpdateFundingLineInput | null {
  const input: UpdateFundingLineInput = { id: line.id ?? '' };
  if (line.kind !== saved.kind) input.kind = line.kind as FundingKind;
  if (line.exerciseYear !== saved.exerciseYear) input.exerciseYear = Number(line.exerciseYear);
  if (parseEuros(line.amount) !== parseEuros(saved.amount)) input.amountRequestedCents = parseEuros(line.amount) ?? 0;
  if (line.inKind !== saved.inKind) input.inKind = line.inKind;
  if (line.pledge !== saved.pledge) input.pledge = line.pledge;
  return Object.keys(input).length > 1 ? input : null;
}

/** The action's dossier and financing plan, prefilled, once the action and the reference data are read. */
export function EditActionPage() {
  const withContrat = useContratLink();
  const { siren = '', id = '' } = useParams();
  // Never from the cache: the form starts from what the API holds now (a cached dossier may be outdated).
  const { data, error, isPending: loading } = useGraphQLQuery(ACTION, { id }, { tenant: siren, gcTime: 0 });
  const ref = useReferenceData(siren);
  const a = data?.action;
  return (
    <>
      <p className="breadcrumb">
        <Link to={withContrat(`/t/${siren}/actions/${id}`)}>← Retour à l'action</Link>
      </p>
      <ErrorMessage error={error ?? ref.error} />
      {(loading || ref.loading) && <Loading />}
      {a && !ref.loading && !ref.error && (
        <EditActionForm
          key={a.id}
          siren={siren}
          action={a}
          contrat={ref.contrats.find((c) => c.id === a.contratId) ?? ref.contrat}
          organisations={ref.organisations}
        />
      )}
    </>
  );
}

function EditActionForm({
  siren,
  action,
  contrat,
  organisations,
}: {
  siren: string;
  action: EditedAction;
  contrat: ReturnType<typeof useReferenceData>['contrat'];
  organisations: ReturnType<typeof useReferenceData>['organisations'];
}) {
  const withContrat = useContratLink();
  const navigate = useNavigate();
  const { role, can } = useTenantRole(siren);
  const [initial] = useState(() => draftOf(action));
  const form = useActionDraft(initial);
  const { draft, setDraft, errors, setErrors } = form;
  /** What the API holds: each change that it accepted moves in here, so that a second attempt sends only the rest. */
  const saved = useRef<ActionDraft>(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const [partial, setPartial] = useState(false);
  const [locked, setLocked] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Each accepted change makes the dossier and the list stale; they are read again when they open next.
  const stale = { tenant: siren, invalidates: [...ACTION_READS, ACTIONS_LIST] };
  const updateAction = useGraphQLMutation(UPDATE_ACTION, stale);
  const updateLine = useGraphQLMutation(UPDATE_LINE, stale);
  const addLine = useGraphQLMutation(ADD_LINE, stale);
  const removeLine = useGraphQLMutation(REMOVE_LINE, stale);
  const [attempts, setAttempts] = useState(0);
  const lockedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (locked) lockedRef.current?.focus();
  }, [locked]);
  const back = withContrat(`/t/${siren}/actions/${action.id}`);

  const show = (next: FieldErrors, message: string | null, someSaved = false) => {
    setErrors(next);
    setFailure(message);
    setPartial(someSaved);
    setAttempts((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = localDraftErrors(draft);
    if (Object.keys(local).length > 0) return show(local, null);
    const current = draft;
    const before = saved.current;
    const savedLines = new Map(before.lines.filter((l) => l.id).map((l) => [l.id as string, l]));
    const found: FieldErrors = {};
    const elsewhere: string[] = [];
    let accepted = 0;
    let tried = 0;
    const qpvName = (i: number) => contrat?.qpvs.find((q) => q.id === current.qpvIds[i])?.name ?? 'QPV';

    /** One operation; false when the whole edition must stop (the dossier is decided, or nothing answers). */
    let conflict = false;
    const run = async (send: () => Promise<void>, keyOf: (path: string) => string | null, prefix = ''): Promise<boolean> => {
      tried++;
      try {
        await send();
        accepted++;
        return true;
      } catch (error) {
        const err = asApiError(error);
        if (err.code === 'CONFLICT') {
          conflict = true;
          setLocked(err.message);
          return false;
        }
        if (err.code !== 'BAD_USER_INPUT' || err.fields.length === 0) {
          elsewhere.push(err.message);
          return err.code === 'BAD_USER_INPUT';
        }
        const { mapped, elsewhere: rest } = mapFieldErrors(err.fields, keyOf, qpvName);
        for (const [k, m] of Object.entries(mapped)) found[k] = found[k] ? `${found[k]} ${prefix}${m}` : `${prefix}${m}`;
        elsewhere.push(...rest);
        return true;
      }
    };

    setSending(true);
    let go = true;
    // 1. The dossier.
    const changes = actionChanges(action.id, before, current);
    if (changes) {
      go = await run(async () => {
        await updateAction.mutateAsync({ input: changes });
        saved.current = { ...saved.current, ...current, lines: saved.current.lines };
      }, actionErrorKey);
    }
    // 2. The saved lines that changed, then the new lines, then the removed ones (a deposited dossier keeps one line).
    for (const [i, line] of current.lines.entries()) {
      if (!go) break;
      const prefix = `fundingLines.${i}`;
      const lineKeyOf = (path: string) => actionErrorKey(path === 'id' ? prefix : `${prefix}.${path}`);
      const was = line.id ? savedLines.get(line.id) : undefined;
      if (was) {
        const input = lineChanges(was, line);
        if (!input) continue;
        go = await run(async () => {
          await updateLine.mutateAsync({ input });
          saved.current = { ...saved.current, lines: saved.current.lines.map((l) => (l.id === line.id ? { ...line } : l)) };
        }, lineKeyOf);
      } else if (!line.id) {
        go = await run(async () => {
          const { addFundingLine } = await addLine.mutateAsync({
            input: {
              actionId: action.id,
              funderId: line.funderId,
              kind: line.kind as FundingKind,
              exerciseYear: Number(line.exerciseYear),
              amountRequestedCents: parseEuros(line.amount) ?? 0,
              inKind: line.inKind,
              pledge: line.pledge,
            },
          });
          const added = { ...line, id: addFundingLine.id };
          saved.current = { ...saved.current, lines: [...saved.current.lines, added] };
          setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.key === line.key ? { ...l, id: addFundingLine.id } : l)) }));
        }, lineKeyOf);
      }
    }
    const kept = new Set(current.lines.map((l) => l.id).filter(Boolean));
    for (const old of before.lines) {
      if (!go) break;
      if (!old.id || kept.has(old.id)) continue;
      const funder = organisations.find((o) => o.id === old.funderId)?.name ?? 'financeur';
      go = await run(
        async () => {
          await removeLine.mutateAsync({ id: old.id as string });
          saved.current = { ...saved.current, lines: saved.current.lines.filter((l) => l.id !== old.id) };
        },
        // A refused removal is about a line no longer on the form: it is said about the plan.
        () => 'fundingLines',
        `Ligne retirée (${funder}) : `,
      );
    }
    setSending(false);
    if (conflict) return; // the dossier is decided: `locked` says so
    if (Object.keys(found).length > 0 || elsewhere.length > 0) {
      return show(found, elsewhere.length > 0 ? `Le serveur a refusé l’enregistrement : ${elsewhere.join(' ; ')}` : null, accepted > 0);
    }
    void navigate(back, { state: { updated: tried > 0 ? 'saved' : 'unchanged' } });
  };

  if (locked) {
    return (
      <>
        <h1>Modifier l'action</h1>
        <div className="alert" role="alert" tabIndex={-1} ref={lockedRef}>
          <p>
            <strong>Cette action n'est plus modifiable.</strong>
          </p>
          <p>{locked}</p>
          <p>
            <Link to={back}>Revenir au dossier de l'action {action.reference}</Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <h1>Modifier l'action</h1>
      <p className="lede">
        <span className="reference">{action.reference}</span>
        <span className="status-tag">État : {STATUS_LABELS[action.status] ?? action.status}</span>
      </p>
      {role && !can('MANAGE_ACTIONS') && (
        <p className="notice-warn">
          Votre rôle dans ce territoire ne permet pas, en principe, de modifier une action : l’enregistrement risque d’être refusé.
        </p>
      )}
      {can('MANAGE_ACTIONS') && !action.editable && (
        <p className="notice-warn">
          À l'étape « {STATUS_LABELS[action.status]} », le dossier est en principe décidé ou soumis à décision : seules les actions en
          brouillon, déposées ou en instruction se modifient, l’enregistrement risque d’être refusé.{' '}
          <Link to={back}>Revenir au dossier</Link>
        </p>
      )}
      <FormErrorSummary errors={errors} failure={failure} attempts={attempts} title="Les modifications ne sont pas toutes enregistrées">
        {partial && <p>Les autres modifications ont été enregistrées.</p>}
      </FormErrorSummary>
      {!contrat ? (
        <p>Le contrat de ville de cette action est introuvable.</p>
      ) : (
        <form className="action-form" noValidate onSubmit={(e) => void submit(e)}>
          <p className="muted">Les montants sont en euros. Seuls les champs modifiés sont envoyés.</p>
          <ActionFormFields
            form={form}
            contrat={contrat}
            organisations={organisations}
            pillarLocked
            emptyPlanHint="Aucune ligne : un dossier se dépose avec au moins une ligne de financement."
          />
          <div className="form-actions">
            <button type="submit" disabled={sending}>
              {sending ? 'Enregistrement…' : 'Enregistrer les modifications'}
            </button>
            <Link to={back}>Annuler</Link>
          </div>
        </form>
      )}
    </>
  );
}
