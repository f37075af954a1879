import { useState } from 'react';

import { de } from '@pilotis/shared/french';

import { ErrorMessage } from '../../common/components';
import { euros, KIND_LABELS, parseEuros } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { FundingKind } from '../../gql/graphql';
import { envelopeKey } from './committee-shared';
import { useCommittee } from './CommitteeContext';

/** The envelopes of the committee's contract; of one funder with `funderId`. Also the voter's own (VoterView). */
export const ENVELOPES = graphql(`
  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {
    envelopes(contratId: $contratId, funderId: $funderId) {
      id
      funderId
      exerciseYear
      kind
      amountCents
      consumedCents
      remainingCents
    }
  }
`);
const SET_ENVELOPE = graphql(`
  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) {
    setEnvelope(input: $input) {
      id
      remainingCents
    }
  }
`);

interface Envelope {
  id: string;
  funderId: string;
  exerciseYear: number;
  kind: FundingKind;
  amountCents: number;
  consumedCents: number;
  remainingCents: number;
}

/** What the agenda asks of one envelope: its key, and the sum requested at this committee. */
interface EnvelopeNeed {
  funderId: string;
  exerciseYear: number;
  kind: FundingKind;
  requestedCents: number;
}

/** The funders' envelopes that the agenda's lines draw on: a grant needs one, and cannot exceed what remains. */
export function EnvelopesEditor() {
  const { siren, committee: c, nameOf } = useCommittee();
  const envelopes = useGraphQLQuery(ENVELOPES, { contratId: c.contratId, funderId: null }, { tenant: siren });
  const keys = new Map<string, EnvelopeNeed>();
  for (const l of c.agendaItems.flatMap((i) => i.lines)) {
    const k = envelopeKey(l);
    const prev = keys.get(k);
    keys.set(k, {
      funderId: l.funderId,
      exerciseYear: l.exerciseYear,
      kind: l.kind,
      requestedCents: (prev?.requestedCents ?? 0) + l.amountRequestedCents,
    });
  }
  const byKey = new Map((envelopes.data?.envelopes ?? []).map((e) => [envelopeKey(e), e]));
  const rows = [...keys.entries()].sort(
    (a, b) => nameOf(a[1].funderId).localeCompare(nameOf(b[1].funderId), 'fr') || a[1].exerciseYear - b[1].exerciseYear,
  );
  return (
    <section aria-labelledby="envelopes-title">
      <h2 id="envelopes-title">Enveloppes des financeurs</h2>
      <p className="muted">
        Un financeur n'accorde rien sans enveloppe pour l'exercice et la nature de sa ligne, ni au-delà de ce qui en reste.
      </p>
      <ErrorMessage error={envelopes.error} />
      {rows.length === 0 ? (
        <p>Inscrivez des points pour voir les enveloppes concernées.</p>
      ) : (
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Enveloppes concernées par l'ordre du jour</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Exercice</th>
                <th scope="col">Nature</th>
                <th scope="col" className="num">
                  Demandé à ce comité
                </th>
                <th scope="col" className="num">
                  Enveloppe
                </th>
                <th scope="col" className="num">
                  Reste
                </th>
                <th scope="col">Définir l'enveloppe</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, row]) => (
                <EnvelopeRow key={k} row={row} envelope={byKey.get(k)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One envelope the agenda draws on, with its own form (and its own refusal) to set its amount. */
function EnvelopeRow({ row, envelope }: { row: EnvelopeNeed; envelope: Envelope | undefined }) {
  const { siren, committee: c, nameOf, announce } = useCommittee();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const save = useGraphQLMutation(SET_ENVELOPE, { tenant: siren, invalidates: [ENVELOPES] });
  const name = nameOf(row.funderId);
  const kind = KIND_LABELS[row.kind] ?? row.kind;
  const label = `Montant de l'enveloppe ${de(name)}, ${kind} ${row.exerciseYear}, en euros`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{row.exerciseYear}</td>
      <td>{kind}</td>
      <td className="num">{euros(row.requestedCents)}</td>
      <td className="num">{envelope ? euros(envelope.amountCents) : 'Aucune'}</td>
      <td className="num">{envelope ? euros(envelope.remainingCents) : '—'}</td>
      <td>
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const cents = parseEuros(text);
            setInvalid(cents === null);
            save.reset();
            if (cents === null) return;
            save.mutate(
              {
                input: {
                  contratId: c.contratId,
                  funderId: row.funderId,
                  exerciseYear: row.exerciseYear,
                  kind: row.kind,
                  amountCents: cents,
                },
              },
              {
                onSuccess: () => {
                  announce(`Enveloppe ${de(name)} (${kind}, ${row.exerciseYear}) : ${euros(cents)}.`);
                  setText('');
                },
              },
            );
          }}
        >
          <input
            aria-label={label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            inputMode="decimal"
            size={12}
            placeholder="ex. 10 000,00"
            aria-invalid={invalid || undefined}
          />
          <button type="submit" className="secondary" aria-label={`Définir l'enveloppe ${de(name)}, ${kind} ${row.exerciseYear}`}>
            Définir
          </button>
          {invalid && <span className="field-error">Montant en euros attendu, par exemple 10 000,00.</span>}
          <ErrorMessage error={save.error} context="operation" />
        </form>
      </td>
    </tr>
  );
}
