import { Link, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { civilDate, euros } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { ORGANISATION_KIND_LABELS } from '../admin/partner-labels';
import { civilDateTime } from './call-format';
import { PUBLIC_CALL } from './call-queries';

/** The public page of one published call: what it asks, of whom, until when, with which money. */
export function PublicCallPage() {
  const { siren = '', id = '' } = useParams();
  const query = useGraphQLQuery(PUBLIC_CALL, { siren, id }, { anonymous: true, renewSession: false, retry: false });
  const call = query.data?.publicCall;
  const total = call?.funders.reduce((sum, f) => sum + f.envelopeCents, 0) ?? 0;
  return (
    <div className="public-page">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <header className="top">
        <span className="brand">Pilotis</span>
        <Link to={`/appels/${siren}`}>Tous les appels du territoire</Link>
      </header>
      <main id="contenu" tabIndex={-1}>
        <ErrorMessage error={query.error} />
        {query.isLoading && <Loading />}
        {call && (
          <article>
            <h1>{call.title}</h1>
            <p className="muted">
              Exercice {call.exercise} · {call.open ? 'Ouvert aux dépôts' : 'Fermé aux dépôts en ce moment'}
            </p>
            <section aria-labelledby="dates-title">
              <h2 id="dates-title">Calendrier</h2>
              <dl>
                <dt>Ouverture des dépôts</dt>
                <dd>{civilDateTime(call.opensAtLocal)} (heure de Paris)</dd>
                <dt>Clôture des dépôts</dt>
                <dd>{civilDateTime(call.closesAtLocal)} (heure de Paris)</dd>
                {call.instructionDueDate && (
                  <>
                    <dt>Fin de l'instruction</dt>
                    <dd>{civilDate(call.instructionDueDate)}</dd>
                  </>
                )}
                {call.committeeDate && (
                  <>
                    <dt>Comité</dt>
                    <dd>{civilDate(call.committeeDate)}</dd>
                  </>
                )}
              </dl>
            </section>
            {call.open && (
              <p>
                <Link
                  className="button-link"
                  to={`/inscription?appel=${encodeURIComponent(call.id)}&territoire=${encodeURIComponent(siren)}`}
                >
                  Déposer un dossier
                </Link>
              </p>
            )}
            <section aria-labelledby="text-title">
              <h2 id="text-title">L'appel</h2>
              <div className="call-text">
                {call.description.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </div>
            </section>
            {(call.pillars.length > 0 || call.objectives.length > 0) && (
              <section aria-labelledby="priorities-title">
                <h2 id="priorities-title">Priorités</h2>
                <ul>
                  {call.pillars.map((p) => (
                    <li key={p.title}>{p.title}</li>
                  ))}
                  {call.objectives.map((o) => (
                    <li key={o.code}>
                      Objectif {o.code} : {o.title}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="qpv-title">
              <h2 id="qpv-title">Quartiers concernés</h2>
              {call.qpvs.length === 0 ? (
                <p>Tous les quartiers prioritaires du contrat.</p>
              ) : (
                <ul>
                  {call.qpvs.map((q) => (
                    <li key={q.code}>
                      {q.name} ({q.code})
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="eligible-title">
              <h2 id="eligible-title">Structures éligibles</h2>
              {call.eligibleKinds.length === 0 ? (
                <p>Toutes les structures.</p>
              ) : (
                <ul>
                  {call.eligibleKinds.map((k) => (
                    <li key={k}>{ORGANISATION_KIND_LABELS[k]}</li>
                  ))}
                </ul>
              )}
            </section>
            {call.funders.length > 0 && (
              <section aria-labelledby="funders-title">
                <h2 id="funders-title">Financeurs et enveloppes indicatives</h2>
                <div className="table-scroll">
                  <table>
                    <caption className="sr-only">Financeurs participants et enveloppes indicatives</caption>
                    <thead>
                      <tr>
                        <th scope="col">Financeur</th>
                        <th scope="col" className="num">
                          Enveloppe indicative
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {call.funders.map((f) => (
                        <tr key={f.name}>
                          <th scope="row">{f.name}</th>
                          <td className="num">{euros(f.envelopeCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">Total</th>
                        <td className="num">{euros(total)}</td>
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </section>
            )}
            <section aria-labelledby="pieces-title">
              <h2 id="pieces-title">Pièces à joindre</h2>
              <ol>
                {call.requiredPieces.map((p) => (
                  <li key={p.position}>
                    {p.label} {p.mandatory ? '(obligatoire)' : '(facultative)'}
                    {p.description && <span className="hint"> — {p.description}</span>}
                  </li>
                ))}
              </ol>
            </section>
          </article>
        )}
      </main>
    </div>
  );
}
