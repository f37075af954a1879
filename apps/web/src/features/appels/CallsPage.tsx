import { Link, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { useContratLink, useSelectedContrat } from '../../common/contrat';
import { plural } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { civilDateTime } from './call-format';
import { CALL_LIST, CALL_STATUS_LABELS } from './call-queries';
import { CallForm } from './CallForm';

/** The calls for projects of the chosen contract; those who manage calls draft a new one here. */
export function CallsPage() {
  const withContrat = useContratLink();
  const { siren = '' } = useParams();
  const { tenants } = useSession();
  const me = tenants.find((t) => t.tenant.siren === siren);
  const contrats = useSelectedContrat(siren);
  const contrat = contrats.contrat;
  const list = useGraphQLQuery(CALL_LIST, { contratId: contrat?.id ?? '' }, { tenant: siren, enabled: !!contrat });
  const manager = !!me?.permissions.includes('MANAGE_CALLS');
  return (
    <>
      <h1>Appels à projets</h1>
      {contrat && <p className="muted">{contrat.title}</p>}
      <p>
        Page publique du territoire : <Link to={`/appels/${siren}`}>appels ouverts</Link>
      </p>
      <ErrorMessage error={contrats.error ?? list.error} />
      {(contrats.loading || list.isLoading) && <Loading />}
      {list.data && (
        <section aria-labelledby="calls-title">
          <h2 id="calls-title">Appels du contrat</h2>
          {list.data.calls.length === 0 ? (
            <p>Aucun appel à projets pour ce contrat.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="sr-only">Appels à projets du contrat</caption>
                <thead>
                  <tr>
                    <th scope="col">Intitulé</th>
                    <th scope="col">Exercice</th>
                    <th scope="col">Clôture</th>
                    <th scope="col">Dossiers</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.calls.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={withContrat(`/t/${siren}/appels/${c.id}`)}>{c.title}</Link>
                      </th>
                      <td>{c.exercise}</td>
                      <td>{civilDateTime(c.closesAtLocal)}</td>
                      <td>{plural(c.dossierCount, 'dossier', 'dossiers', 'Aucun')}</td>
                      <td>{CALL_STATUS_LABELS[c.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {manager && contrat && (
        <section aria-labelledby="new-call-title" className="panel">
          <h2 id="new-call-title">Nouvel appel à projets</h2>
          <CallForm siren={siren} contratId={contrat.id} />
        </section>
      )}
    </>
  );
}
