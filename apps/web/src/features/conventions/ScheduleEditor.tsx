import { useState } from 'react';

import { ErrorMessage } from '../../common/components';
import { type GraphQLMutationOptions, useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';

const SET_SCHEDULE = graphql(`
  mutation SetPaymentSchedule($input: SetPaymentScheduleInput!) {
    setPaymentSchedule(input: $input) {
      id
      status
    }
  }
`);

interface TrancheRow {
  percent: string;
  dueDate: string;
  condition: string;
}

/**
 * A funder's payment schedule, edited by the chef de projet before anyone signs: the advance, tranches
 * (dated, conditioned or both) and the funder's own bilan date; the balance is what is left. Saving makes a
 * new version of the convention (the API refuses it with SIGNATURE_STARTED once a signatory has signed).
 */
export function ScheduleEditor({
  conventionId,
  funder,
  siren,
  invalidates,
  onSaved,
}: {
  conventionId: string;
  funder: {
    organisationId: string;
    name: string;
    advancePercent: number;
    bilanDueDate?: string | null;
    tranches: { percent: number; dueDate?: string | null; condition?: string | null }[];
  };
  siren: string;
  invalidates: GraphQLMutationOptions<unknown, Record<string, unknown>>['invalidates'];
  onSaved(text: string): void;
}) {
  const save = useGraphQLMutation(SET_SCHEDULE, { tenant: siren, invalidates });
  const [advance, setAdvance] = useState(String(funder.advancePercent));
  const [bilan, setBilan] = useState(funder.bilanDueDate ?? '');
  const [tranches, setTranches] = useState<TrancheRow[]>(
    funder.tranches.map((t) => ({ percent: String(t.percent), dueDate: t.dueDate ?? '', condition: t.condition ?? '' })),
  );
  const used = Number(advance || 0) + tranches.reduce((sum, t) => sum + Number(t.percent || 0), 0);
  const id = (s: string) => `schedule-${conventionId}-${funder.organisationId}-${s}`;
  const setTranche = (i: number, change: Partial<TrancheRow>) =>
    setTranches((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form
      className="schedule-editor"
      aria-label={`Échéancier de ${funder.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save
          .mutateAsync({
            input: {
              conventionId,
              funderId: funder.organisationId,
              advancePercent: Number(advance),
              bilanDueDate: bilan || null,
              tranches: tranches.map((t) => ({ percent: Number(t.percent), dueDate: t.dueDate || null, condition: t.condition || null })),
            },
          })
          .then(() => onSaved(`Échéancier de ${funder.name} enregistré : une nouvelle version est à signer.`))
          .catch(() => undefined);
      }}
    >
      <fieldset>
        <legend>Échéancier de {funder.name}</legend>
        <label htmlFor={id('advance')}>Avance à la signature (%)</label>
        <input id={id('advance')} type="number" min={0} max={100} required value={advance} onChange={(e) => setAdvance(e.target.value)} />
        {tranches.map((t, i) => (
          <fieldset key={i}>
            <legend>Tranche {i + 1}</legend>
            <label htmlFor={id(`p${i}`)}>Part (%)</label>
            <input
              id={id(`p${i}`)}
              type="number"
              min={1}
              max={100}
              required
              value={t.percent}
              onChange={(e) => setTranche(i, { percent: e.target.value })}
            />
            <label htmlFor={id(`d${i}`)}>Date de versement</label>
            <input id={id(`d${i}`)} type="date" value={t.dueDate} onChange={(e) => setTranche(i, { dueDate: e.target.value })} />
            <label htmlFor={id(`c${i}`)}>Condition de versement</label>
            <input id={id(`c${i}`)} maxLength={300} value={t.condition} onChange={(e) => setTranche(i, { condition: e.target.value })} />
            <button type="button" className="link-button" onClick={() => setTranches((rows) => rows.filter((_, j) => j !== i))}>
              Retirer la tranche {i + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() => setTranches((rows) => [...rows, { percent: '', dueDate: '', condition: '' }])}
        >
          Ajouter une tranche
        </button>
        <p className="muted">Solde après le bilan : {100 - used} %</p>
        <label htmlFor={id('bilan')}>Date limite du bilan pour ce financeur (facultatif)</label>
        <input id={id('bilan')} type="date" value={bilan} onChange={(e) => setBilan(e.target.value)} />
        <ErrorMessage error={save.error} context="operation" />
        <button type="submit" disabled={save.isPending}>
          Enregistrer l'échéancier
        </button>
      </fieldset>
    </form>
  );
}
