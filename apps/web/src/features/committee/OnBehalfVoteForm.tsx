import { FormEvent, useRef, useState } from 'react';

import { de } from '@pilotis/shared/french';

import { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { centsToInput, euros, KIND_LABELS, parseEuros } from '../../common/format';
import { MandateFields, uploadMandate } from '../../common/mandate';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { VoteDecision } from '../../gql/graphql';
import { COMMITTEE, Item, Line, useCommittee } from './CommitteeContext';
import { ENVELOPES } from './EnvelopesEditor';

const CAST_VOTE_ON_BEHALF = graphql(`
  mutation CastVoteOnBehalf($input: CastVoteOnBehalfInput!) {
    castVoteOnBehalf(input: $input) {
      id
      decision
      amountCents
    }
  }
`);

/**
 * « Saisir pour le compte de … »: the vote of a funder without an account, recorded on its mandate (who gave
 * it, and its scan, uploaded first as a MANDAT piece of the committee). Shown only where the API says the
 * viewer may (`AgendaLine.viewerMayRecordOnBehalf`); every other check is the API's, whose refusals are shown.
 */
export function OnBehalfVoteForm({ item, line }: { item: Item; line: Line }) {
  const { siren, committee, nameOf, announce } = useCommittee();
  const funder = nameOf(line.funderId);
  // A vote already recorded for the organisation is the starting point of its replacement.
  const recorded = line.onBehalf ? line : null;
  const [decision, setDecision] = useState<VoteDecision>(recorded?.decision ?? 'GRANT');
  const [amount, setAmount] = useState(centsToInput(recorded?.votedAmountCents ?? line.amountRequestedCents));
  const [comment, setComment] = useState(recorded?.comment ?? '');
  const [author, setAuthor] = useState(line.onBehalf?.mandateAuthor ?? '');
  const fileRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const vote = useGraphQLMutation(CAST_VOTE_ON_BEHALF, { tenant: siren, invalidates: [COMMITTEE, ENVELOPES] });
  const name = `behalf-${line.fundingLineId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const errors: Record<string, string> = {};
    let amountCents: number | undefined;
    if (decision === 'GRANT') {
      const cents = parseEuros(amount);
      if (cents === null) errors.amountCents = 'Indiquez un montant en euros, par exemple 1 234,56.';
      else amountCents = cents;
    }
    const file = fileRef.current?.files?.[0];
    if (!author.trim()) errors.mandateAuthor = "Indiquez qui, à l'organisation, a donné le mandat.";
    if (!file) errors.file = 'Joignez le scan du mandat.';
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !file) return;
    setBusy(true);
    try {
      const mandateDocumentId = await uploadMandate('committees', committee.id, file, siren);
      await vote.mutateAsync({
        input: {
          agendaItemId: item.id,
          fundingLineId: line.fundingLineId,
          decision,
          amountCents,
          comment: comment.trim() || undefined,
          mandateAuthor: author.trim(),
          mandateDocumentId,
        },
      });
      announce(`Vote enregistré pour le compte ${de(funder)} sur « ${item.action.title} ».`);
    } catch (error) {
      const apiError = asApiError(error);
      const fields = fieldMessages(apiError);
      if (Object.keys(fields).length > 0) setFieldErrors(fields);
      else setRefusal(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="on-behalf">
      <summary>
        {recorded ? 'Modifier le vote saisi' : 'Saisir'} pour le compte {de(funder)}
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Vote pour le compte ${de(funder)}`}>
        <fieldset>
          <legend>
            {funder} n'a pas de compte : son vote est enregistré sur son mandat — {KIND_LABELS[line.kind] ?? line.kind} {line.exerciseYear},{' '}
            {euros(line.amountRequestedCents)} demandés
          </legend>
          <ErrorMessage error={refusal} context="operation" />
          <div className="choices" role="radiogroup" aria-label="Décision">
            {(['GRANT', 'REFUSE', 'ABSTAIN'] as const).map((d) => (
              <label key={d}>
                <input type="radio" name={name} value={d} checked={decision === d} onChange={() => setDecision(d)} />{' '}
                {d === 'GRANT' ? 'Accorder' : d === 'REFUSE' ? 'Refuser' : "S'abstenir"}
              </label>
            ))}
          </div>
          {decision === 'GRANT' && (
            <Field label="Montant accordé (en euros)" error={fieldErrors.amountCents}>
              {(p) => <input {...p} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />}
            </Field>
          )}
          <Field label="Commentaire (facultatif)">
            {(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <MandateFields
            author={author}
            onAuthor={setAuthor}
            fileRef={fileRef}
            errors={fieldErrors}
            authorHint="Par exemple : Mme Claire Martin, directrice"
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : `Enregistrer le vote pour le compte ${de(funder)}`}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
