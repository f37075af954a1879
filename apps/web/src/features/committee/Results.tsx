import { euros, KIND_LABELS, STATUS_LABELS } from '../../common/format';
import { byFunderName, DECISION_LABELS } from './committee-shared';
import { Line, useCommittee } from './CommitteeContext';

/** After the close: the decision per point and funder, the totals per funder, the envelopes as they are left. */
export function Results() {
  const { committee: c, nameOf } = useCommittee();
  const results = c.results;
  if (!results) return null;
  const lineOf = new Map(c.agendaItems.flatMap((i) => i.lines.map((l): [string, Line] => [l.fundingLineId, l])));
  const itemOf = new Map(c.agendaItems.map((i) => [i.id, i]));
  const totalRequested = results.byFunder.reduce((s, f) => s + f.requestedCents, 0);
  const totalDecided = results.byFunder.reduce((s, f) => s + f.decidedCents, 0);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Résultats</h2>
      <ol className="agenda">
        {results.items.map((r) => {
          const item = itemOf.get(r.agendaItemId);
          return (
            <li key={r.agendaItemId}>
              <article className="agenda-item" aria-labelledby={`result-${r.agendaItemId}`}>
                <h3 id={`result-${r.agendaItemId}`}>
                  {item ? `Point ${item.position} : ${item.action.title}` : 'Point'} — {STATUS_LABELS[r.actionStatus] ?? r.actionStatus}
                </h3>
                {item && (
                  <p className="muted">
                    {item.action.reference} · porté par {item.action.porteur.name}
                  </p>
                )}
                <div className="table-scroll">
                  <table className="compact">
                    <caption className="sr-only">Décisions par financeur pour « {item?.action.title} »</caption>
                    <thead>
                      <tr>
                        <th scope="col">Financeur</th>
                        <th scope="col">Nature et exercice</th>
                        <th scope="col" className="num">
                          Demandé
                        </th>
                        <th scope="col" className="num">
                          Décidé
                        </th>
                        <th scope="col">Décision</th>
                      </tr>
                    </thead>
                    <tbody>
                      {byFunderName(nameOf, r.lines).map((l) => {
                        const line = lineOf.get(l.fundingLineId);
                        return (
                          <tr key={l.fundingLineId}>
                            <th scope="row">{nameOf(l.funderId)}</th>
                            <td>{line ? `${KIND_LABELS[line.kind] ?? line.kind} ${line.exerciseYear}` : '—'}</td>
                            <td className="num">{euros(l.amountRequestedCents)}</td>
                            <td className="num">{euros(l.decidedAmountCents)}</td>
                            <td>
                              {DECISION_LABELS[l.kind] ?? l.kind}
                              {line?.comment && <span className="muted"> — « {line.comment} »</span>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <div className="columns">
        <section aria-labelledby="by-funder-title">
          <h3 id="by-funder-title">Par financeur</h3>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col" className="num">
                  Décidé
                </th>
              </tr>
            </thead>
            <tbody>
              {byFunderName(nameOf, results.byFunder).map((f) => (
                <tr key={f.funderId}>
                  <th scope="row">{nameOf(f.funderId)}</th>
                  <td className="num">{euros(f.requestedCents)}</td>
                  <td className="num">{euros(f.decidedCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{euros(totalRequested)}</td>
                <td className="num">{euros(totalDecided)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
        <section aria-labelledby="results-envelopes-title">
          <h3 id="results-envelopes-title">Enveloppes après le comité</h3>
          {results.envelopes.length === 0 ? (
            <p>Aucune enveloppe concernée.</p>
          ) : (
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">Financeur</th>
                  <th scope="col" className="num">
                    Enveloppe
                  </th>
                  <th scope="col" className="num">
                    Consommé
                  </th>
                  <th scope="col" className="num">
                    Reste
                  </th>
                </tr>
              </thead>
              <tbody>
                {byFunderName(nameOf, results.envelopes).map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {nameOf(e.funderId)}{' '}
                      <span className="muted">
                        ({KIND_LABELS[e.kind] ?? e.kind} {e.exerciseYear})
                      </span>
                    </th>
                    <td className="num">{euros(e.amountCents)}</td>
                    <td className="num">{euros(e.consumedCents)}</td>
                    <td className="num">{euros(e.remainingCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}
