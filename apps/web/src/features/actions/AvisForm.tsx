import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';

import type { ApiError } from '../../common/api';
import { Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useFocusWhen } from '../../common/focus';
import { labelOf, sentence } from '../../common/format';
import { graphQLKey, useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { AvisOpinion } from '../../gql/graphql';
import { OPINION_LABELS } from './action-labels';
import { ACTION_DOSSIER, ACTION_READS } from './action-queries';

const GIVE_AVIS = graphql(`
  mutation GiveAvis($input: GiveAvisInput!) {
    giveAvis(input: $input) {
      id
      opinion
      comment
      organisationId
      updatedAt
    }
  }
`);

const OPINIONS: AvisOpinion[] = ['FAVORABLE', 'RESERVE', 'DEFAVORABLE'];
const COMMENT_MAX = 5000;

const isCommentField = (field: string): boolean => field === 'comment' || field.endsWith('.comment');

/**
 * "Donner un avis": the caller's opinion on an action in instruction (it replaces their previous one).
 * The comment is required for a reserved or unfavourable opinion; the API checks it, and its reasons are
 * shown next to the comment, or in an alert (NOT_IN_INSTRUCTION, FORBIDDEN…). Rendered only while the
 * action is in instruction — except a refusal, which stays visible once the dossier has been read again.
 * A given avis, or a refusal because the action left instruction, reads the dossier again.
 */
export function AvisForm({
  siren,
  action,
  current,
}: {
  siren: string;
  action: { id: string; reference: string; status: string };
  /** The caller's own avis on the action, if any. */
  current?: { opinion: string } | null;
}) {
  const queryClient = useQueryClient();
  const give = useGraphQLMutation(GIVE_AVIS, { tenant: siren, invalidates: ACTION_READS });
  const [opinion, setOpinion] = useState<AvisOpinion | ''>('');
  const [comment, setComment] = useState('');
  const [opinionError, setOpinionError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const refusalRef = useFocusWhen<HTMLDivElement>(refusal ? round : 0);
  const commentFocus = useFocusWhen<HTMLTextAreaElement>(commentError ? round : 0);
  const id = useId();
  const inInstruction = action.status === 'EN_INSTRUCTION';
  const commentRequired = opinion === 'RESERVE' || opinion === 'DEFAVORABLE';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setRefusal(null);
    setCommentError(null);
    if (!opinion) {
      setOpinionError('Choisissez le sens de votre avis.');
      return;
    }
    setOpinionError(null);
    try {
      const { giveAvis } = await give.mutateAsync({ input: { actionId: action.id, opinion, comment: comment.trim() || null } });
      setOpinion('');
      setComment('');
      setSaved(`Votre avis « ${OPINION_LABELS[giveAvis.opinion] ?? giveAvis.opinion} » sur l'action ${action.reference} a été enregistré.`);
    } catch (error) {
      const err = asApiError(error);
      const onComment = err.code === 'BAD_USER_INPUT' ? err.fields.filter((f) => isCommentField(f.field)) : [];
      if (onComment.length > 0 && onComment.length === err.fields.length) {
        setCommentError(onComment.map((f) => `${sentence(f.message)}.`).join(' '));
      } else {
        setRefusal(err);
      }
      setRound((r) => r + 1);
      // The action left instruction elsewhere: its dossier is read again.
      if (err.code === 'NOT_IN_INSTRUCTION') void queryClient.invalidateQueries({ queryKey: graphQLKey(ACTION_DOSSIER) });
    }
  };

  const alert = refusal && (
    <div className="alert" role="alert" tabIndex={-1} ref={refusalRef}>
      <p>
        <strong>Votre avis n'a pas été enregistré.</strong>
      </p>
      <p>
        {refusal.code === 'FORBIDDEN'
          ? 'Votre rôle dans ce territoire ne permet pas de donner un avis sur cette action.'
          : refusal.code === 'NOT_FOUND'
            ? "Cette action n'existe plus, ou votre organisation n'est pas sollicitée pour la financer."
            : refusal.message}
      </p>
      {refusal.fields.length > 0 && (
        <ul>
          {refusal.fields.map((f) => (
            <li key={`${f.field}-${f.reason}`}>{sentence(f.message)}.</li>
          ))}
        </ul>
      )}
    </div>
  );

  if (!inInstruction) return alert || null;

  return (
    <section aria-labelledby={`${id}-title`} className="panel avis-form">
      <h3 id={`${id}-title`}>Donner un avis</h3>
      <p className="muted">
        {current
          ? `Votre avis actuel : « ${labelOf(OPINION_LABELS, current.opinion)} ». Un nouvel avis le remplace.`
          : "L'action est en instruction : votre avis éclairera la décision du comité des financeurs."}
      </p>
      <div role="status">{saved && <p className="notice">{saved}</p>}</div>
      {alert}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <fieldset className="inline" aria-describedby={opinionError ? `${id}-opinion-error` : undefined}>
          <legend>Sens de l'avis</legend>
          {OPINIONS.map((o) => (
            <label key={o}>
              <input
                type="radio"
                name={`${id}-opinion`}
                value={o}
                checked={opinion === o}
                onChange={() => {
                  setOpinion(o);
                  setOpinionError(null);
                }}
              />{' '}
              {OPINION_LABELS[o]}
            </label>
          ))}
          {opinionError && (
            <span id={`${id}-opinion-error`} className="field-error">
              {opinionError}
            </span>
          )}
        </fieldset>
        <Field
          label={commentRequired ? 'Commentaire (obligatoire)' : 'Commentaire'}
          hint="Obligatoire pour un avis réservé ou défavorable, 5 000 caractères au plus."
          error={commentError ?? undefined}
        >
          {(p) => (
            <textarea
              {...p}
              ref={commentFocus}
              rows={4}
              maxLength={COMMENT_MAX}
              aria-required={commentRequired || undefined}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setCommentError(null);
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={give.isPending}>
            {give.isPending ? 'Enregistrement…' : 'Donner mon avis'}
          </button>
        </div>
      </form>
    </section>
  );
}
