import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { useContratLink } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { useFocusWhen } from '../../common/focus';
import { sentence, STATUS_LABELS } from '../../common/format';
import { graphQLKey, useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { ActionStatus } from '../../gql/graphql';
import { transitionLabel } from './action-labels';
import { ACTION_DOSSIER, ACTION_READS } from './action-queries';

const TRANSITION = graphql(`
  mutation TransitionAction($input: TransitionActionInput!) {
    transitionAction(input: $input) {
      id
      status
      updatedAt
    }
  }
`);

/**
 * The action's next steps, as buttons: each asks for confirmation (with an optional comment, kept in the audit
 * trail) before `transitionAction`; the API's refusals (INVALID_TRANSITION, an incomplete dossier) are shown.
 */
export function ActionSteps({
  siren,
  action,
  onDone,
}: {
  siren: string;
  /** The steps and whether the dossier may change come from the API (`allowedTransitions`, `editable`). */
  action: {
    id: string;
    reference: string;
    status: ActionStatus;
    allowedTransitions: ActionStatus[];
    editable: boolean;
    stepsDecidedElsewhere: boolean;
  };
  /** The step is changed and the dossier read again. */
  onDone(status: ActionStatus): void;
}) {
  const withContrat = useContratLink();
  const queryClient = useQueryClient();
  const transition = useGraphQLMutation(TRANSITION, { tenant: siren, invalidates: ACTION_READS });
  const [chosen, setChosen] = useState<ActionStatus | null>(null);
  const [comment, setComment] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const confirmRef = useFocusWhen<HTMLHeadingElement>(chosen);
  const refusalRef = useFocusWhen<HTMLDivElement>(refusal ? round : 0);
  const commentId = useId();
  const steps = action.allowedTransitions;

  const choose = (to: ActionStatus) => {
    setChosen(to);
    setComment('');
    setRefusal(null);
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    try {
      const { transitionAction } = await transition.mutateAsync({ input: { id: action.id, to: chosen, comment: comment.trim() || null } });
      setChosen(null);
      setRefusal(null);
      onDone(transitionAction.status);
    } catch (error) {
      const err = asApiError(error);
      setRefusal(err);
      setRound((r) => r + 1);
      if (err.code === 'INVALID_TRANSITION') {
        // The action changed step elsewhere: its dossier is read again, and with it the steps it allows now.
        setChosen(null);
        void queryClient.invalidateQueries({ queryKey: graphQLKey(ACTION_DOSSIER) });
      }
    }
  };

  return (
    <section aria-labelledby="steps-title" className="panel action-steps">
      <h2 id="steps-title">Étapes suivantes</h2>
      {steps.length === 0 ? (
        <p className="muted">
          Aucune étape ne se choisit à la main depuis l'étape « {STATUS_LABELS[action.status]} »
          {action.stepsDecidedElsewhere ? ' : le comité des financeurs ou la convention décident de la suite.' : '.'}
        </p>
      ) : (
        <ul className="step-buttons">
          {steps.map((to) => (
            <li key={to}>
              <button
                type="button"
                className={to === 'ABANDONNEE' ? 'secondary danger' : chosen === to ? '' : 'secondary'}
                aria-expanded={chosen === to}
                onClick={() => choose(to)}
              >
                {transitionLabel(action.status, to)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {refusal && (
        <div className="alert" role="alert" tabIndex={-1} ref={refusalRef}>
          <p>
            <strong>
              {refusal.code === 'INVALID_TRANSITION'
                ? 'Ce changement d’étape est refusé.'
                : refusal.code === 'BAD_USER_INPUT'
                  ? 'Le dossier est incomplet.'
                  : 'Le changement d’étape a échoué.'}
            </strong>
          </p>
          <p>
            {refusal.code === 'FORBIDDEN'
              ? "Votre rôle dans ce territoire ne permet pas de changer l'étape d'une action."
              : refusal.message}
          </p>
          {refusal.fields.length > 0 && (
            <ul>
              {refusal.fields.map((f) => (
                <li key={`${f.field}-${f.reason}`}>{sentence(f.message)}.</li>
              ))}
            </ul>
          )}
          {refusal.code === 'INVALID_TRANSITION' && (
            <p>Le dossier vient d'être relu : les boutons ci-dessus sont les étapes possibles depuis son étape actuelle.</p>
          )}
          {refusal.code === 'BAD_USER_INPUT' && action.editable && (
            <p>
              <Link to={withContrat(`/t/${siren}/actions/${action.id}/modifier`)}>Compléter le dossier</Link>
            </p>
          )}
        </div>
      )}
      {chosen && (
        <form className="step-confirm" onSubmit={(e) => void confirm(e)} aria-labelledby={`${commentId}-title`}>
          <h3 id={`${commentId}-title`} tabIndex={-1} ref={confirmRef}>
            {transitionLabel(action.status, chosen)} : l'action {action.reference} passera de l'étape « {STATUS_LABELS[action.status]} » à «{' '}
            {STATUS_LABELS[chosen]} ».
          </h3>
          {chosen === 'ABANDONNEE' && (
            <p className="notice-warn">Une action abandonnée ne change plus d'étape : l'abandon est définitif.</p>
          )}
          <div className="field">
            <label htmlFor={commentId}>Commentaire (facultatif)</label>
            <span id={`${commentId}-hint`} className="hint">
              Conservé dans l'historique de l'action, 2 000 caractères au plus.
            </span>
            <textarea
              id={commentId}
              aria-describedby={`${commentId}-hint`}
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={transition.isPending}>
              {transition.isPending ? 'Enregistrement…' : 'Confirmer'}
            </button>
            <button type="button" className="secondary" onClick={() => setChosen(null)}>
              Annuler
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
