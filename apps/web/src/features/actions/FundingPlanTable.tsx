import { Figure } from '../../common/components';
import { euros, KIND_LABELS } from '../../common/format';
import type { ActionDossierQuery } from '../../gql/graphql';

const sum = (values: (number | null | undefined)[]): number => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/**
 * The action's financing plan, by funder, with its totals. Another funder's commitments and payments come
 * as null (they are its own): their totals are then not shown rather than partial.
 */
export function FundingPlanTable({ action: a }: { action: NonNullable<ActionDossierQuery['action']> }) {
  const lines = [...a.fundingLines].sort(
    (x, y) => x.funder.name.localeCompare(y.funder.name, 'fr') || x.exerciseYear - y.exerciseYear || x.kind.localeCompare(y.kind),
  );
  const anyDecided = lines.some((l) => l.decidedAmountCents !== null && l.decidedAmountCents !== undefined);
  const totals = {
    requested: sum(lines.map((l) => l.amountRequestedCents)),
    decided: anyDecided ? sum(lines.map((l) => l.decidedAmountCents)) : null,
    // Another funder's commitments and payments are its own (null here): no total then, rather than a partial one.
    committed: lines.some((l) => l.committedAmountCents === null) ? null : sum(lines.map((l) => l.committedAmountCents)),
    paid: lines.some((l) => l.paidAmountCents === null) ? null : sum(lines.map((l) => l.paidAmountCents)),
    remaining:
      anyDecided && !lines.some((l) => l.decidedAmountCents != null && l.remainingCents === null)
        ? sum(lines.map((l) => l.remainingCents))
        : null,
  };
  // Rows of one funder follow each other: the funder's name heads the first one only, and spans them.
  const spans = new Map<string, number>();
  for (const l of lines) spans.set(l.funder.id, (spans.get(l.funder.id) ?? 0) + 1);

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Plan de financement</h2>
      <section className="figures" aria-label="Totaux du plan">
        <Figure label="Budget total" value={euros(a.totalBudgetCents)} />
        <Figure label="Total demandé" value={euros(a.fundingTotals.requestedCents)} />
        <Figure
          label={a.fundingTotals.balanceCents < 0 ? 'Dépassement du budget' : 'Reste à financer'}
          value={euros(Math.abs(a.fundingTotals.balanceCents))}
        />
        <Figure label="Décidé" value={euros(totals.decided)} />
        <Figure label="Payé" value={euros(totals.paid)} />
      </section>
      {lines.length === 0 ? (
        <p>Aucune ligne de financement.</p>
      ) : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption className="sr-only">Plan de financement par financeur, avec les totaux</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Nature</th>
                <th scope="col" className="num">
                  Exercice
                </th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col" className="num">
                  Décidé
                </th>
                <th scope="col" className="num">
                  Engagé
                </th>
                <th scope="col" className="num">
                  Payé
                </th>
                <th scope="col" className="num">
                  Reste à payer
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => {
                const first = i === 0 || lines[i - 1].funder.id !== l.funder.id;
                return (
                  <tr key={l.id}>
                    {first && (
                      <th scope="row" rowSpan={spans.get(l.funder.id)}>
                        {l.funder.name}
                      </th>
                    )}
                    <td>
                      {KIND_LABELS[l.kind] ?? l.kind}
                      {l.inKind && <span className="badge">en nature</span>}
                      {l.pledge && <span className="badge">promesse</span>}
                      {l.dauphinNumber && <span className="muted"> · Dauphin n° {l.dauphinNumber}</span>}
                    </td>
                    <td className="num">{l.exerciseYear}</td>
                    <td className="num">{euros(l.amountRequestedCents)}</td>
                    <td className="num">
                      {l.decidedAmountCents === null || l.decidedAmountCents === undefined ? (
                        <span className="muted">non décidé</span>
                      ) : (
                        euros(l.decidedAmountCents)
                      )}
                    </td>
                    <td className="num">{euros(l.committedAmountCents)}</td>
                    <td className="num">{euros(l.paidAmountCents)}</td>
                    <td className="num">{euros(l.remainingCents)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td className="num">{euros(totals.requested)}</td>
                <td className="num">{euros(totals.decided)}</td>
                <td className="num">{euros(totals.committed)}</td>
                <td className="num">{euros(totals.paid)}</td>
                <td className="num">{euros(totals.remaining)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {(a.fundingTotals.inKindCents > 0 || a.fundingTotals.pledgeCents > 0) && (
        <p className="muted">
          Dont apports en nature : {euros(a.fundingTotals.inKindCents)} · dont promesses : {euros(a.fundingTotals.pledgeCents)}
        </p>
      )}
    </section>
  );
}
