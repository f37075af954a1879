import { FormEvent, useState } from 'react';

import { Field } from '../../common/components';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import { ACTION_READS } from './action-queries';

const SET_DAUPHIN_NUMBER = graphql(`
  mutation SetDauphinNumber($input: SetDauphinNumberInput!) {
    setDauphinNumber(input: $input) {
      id
      dauphinNumber
    }
  }
`);

/**
 * The Dauphin file number of one State (P147) line: the number of the porteur's request in the State's
 * grant platform, set or cleared by the chef de projet at any step. The API checks its format and answers
 * why it refuses one.
 */
export function DauphinNumberForm({
  siren,
  line,
}: {
  siren: string;
  line: { id: string; exerciseYear: number; dauphinNumber?: string | null; funder: { name: string } };
}) {
  const [value, setValue] = useState(line.dauphinNumber ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const set = useGraphQLMutation(SET_DAUPHIN_NUMBER, { tenant: siren, invalidates: ACTION_READS });
  const fieldError = set.error?.fields.find((f) => f.field.endsWith('dauphinNumber'))?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const answer = await set.mutateAsync({ input: { fundingLineId: line.id, dauphinNumber: value.trim() || null } }).catch(() => null);
    if (answer) {
      setValue(answer.setDauphinNumber.dauphinNumber ?? '');
      setSaved(answer.setDauphinNumber.dauphinNumber ? 'Numéro Dauphin enregistré.' : 'Numéro Dauphin effacé.');
    }
  }

  return (
    <form
      className="form-row"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Numéro Dauphin, ${line.funder.name} ${line.exerciseYear}`}
    >
      <Field
        label={`N° Dauphin (${line.funder.name}, ${line.exerciseYear})`}
        error={fieldError}
        hint="Des chiffres, éventuellement groupés par des tirets (ex. 2025-001234) ; vide pour l’effacer."
      >
        {(p) => <input {...p} value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" maxLength={40} />}
      </Field>
      <button type="submit" disabled={set.isPending}>
        Enregistrer<span className="sr-only"> le numéro Dauphin</span>
      </button>
      {saved && (
        <span role="status" className="muted">
          {saved}
        </span>
      )}
      {set.error && !fieldError && (
        <span role="alert" className="field-error">
          {set.errorText}
        </span>
      )}
    </form>
  );
}
