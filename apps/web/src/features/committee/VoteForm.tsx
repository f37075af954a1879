import { FormEvent, useState } from 'react';

import { ErrorMessage, Field } from '../../common/components';
import { centsToInput, euros, KIND_LABELS, parseEuros } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { VoteDecision } from '../../gql/graphql';
import { voteText } from './AgendaItemView';
import { VOTE_LABELS } from './committee-shared';
import { COMMITTEE, Item, Line, useCommittee } from './CommitteeContext';
import { ENVELOPES } from './EnvelopesEditor';

const CAST_VOTE = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      id
      decision
      amountCents
      comment
    }
  }
`);

/** A funder's decision on its own line: grant an amount (the requested one by default), refuse or abstain. */
export function VoteForm({ item, line }: { item: Item; line: Line }) {
  const { siren, announce } = useCommittee();
  const [decision, setDecision] = useState<VoteDecision>(line.decision ?? 'GRANT');
  const [amount, setAmount] = useState(centsToInput(line.votedAmountCents ?? line.amountRequestedCents));
  const [comment, setComment] = useState(line.comment ?? '');
  const [amountError, setAmountError] = useState<string | undefined>();
  // A vote changes the line and the funder's envelope.
  const vote = useGraphQLMutation(CAST_VOTE, {
    tenant: siren,
    invalidates: [COMMITTEE, ENVELOPES],
    onError: (error) => {
      const fieldError = error.fields.find((f) => f.field.endsWith('amountCents'));
      if (fieldError) setAmountError(fieldError.message);
    },
  });
  const legendId = `vote-${line.fundingLineId}`;
  const name = `decision-${line.fundingLineId}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    vote.reset();
    let amountCents: number | undefined;
    if (decision === 'GRANT') {
      const cents = parseEuros(amount);
      if (cents === null || cents <= 0) {
        setAmountError('Indiquez un montant en euros, par exemple 1 234,56.');
        return;
      }
      if (cents > line.amountRequestedCents) {
        setAmountError(`Le montant accordé ne peut dépasser le montant demandé (${euros(line.amountRequestedCents)}).`);
        return;
      }
      amountCents = cents;
    }
    setAmountError(undefined);
    vote.mutate(
      {
        input: {
          agendaItemId: item.id,
          fundingLineId: line.fundingLineId,
          decision,
          amountCents,
          comment: comment.trim() || undefined,
          idempotencyKey: crypto.randomUUID(),
        },
      },
      {
        onSuccess: () =>
          announce(
            `Décision enregistrée sur « ${item.action.title} » : ${decision === 'GRANT' && amountCents !== undefined ? `accordé ${euros(amountCents)}` : VOTE_LABELS[decision].toLowerCase()}. Votre enveloppe est mise à jour.`,
          ),
      },
    );
  }

  return (
    <form className="vote-form" onSubmit={submit} noValidate aria-labelledby={legendId}>
      <fieldset>
        <legend id={legendId}>
          Votre décision — {KIND_LABELS[line.kind] ?? line.kind} {line.exerciseYear}, {euros(line.amountRequestedCents)} demandés
        </legend>
        <p className="muted">
          {line.decision
            ? `Décision enregistrée : ${voteText(line, false)}. Vous pouvez la modifier tant que le vote est ouvert.`
            : 'Pas encore décidé.'}
        </p>
        <ErrorMessage error={vote.error} context="operation" />
        <div className="choices" role="radiogroup" aria-label="Décision">
          {(['GRANT', 'REFUSE', 'ABSTAIN'] as const).map((d) => (
            <label key={d}>
              <input type="radio" name={name} value={d} checked={decision === d} onChange={() => setDecision(d)} />{' '}
              {d === 'GRANT' ? 'Accorder' : d === 'REFUSE' ? 'Refuser' : "S'abstenir"}
            </label>
          ))}
        </div>
        {decision === 'GRANT' && (
          <Field
            label="Montant accordé (en euros)"
            error={amountError}
            hint={`Au plus ${euros(line.amountRequestedCents)}, par exemple 1 234,56`}
          >
            {(p) => <input {...p} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />}
          </Field>
        )}
        <Field label="Commentaire (facultatif)">
          {(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <button type="submit" disabled={vote.isPending}>
          {vote.isPending ? 'Enregistrement…' : line.decision ? 'Modifier la décision' : 'Enregistrer la décision'}
        </button>
      </fieldset>
    </form>
  );
}
