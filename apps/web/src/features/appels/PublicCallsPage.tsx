import { Link, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { useGraphQLQuery } from '../../common/query';
import { civilDateTime } from './call-format';
import { PUBLIC_CALLS } from './call-queries';

/** The public list of a territory's open (or upcoming) calls for projects: no account needed. */
export function PublicCallsPage() {
  const { siren = '' } = useParams();
  const list = useGraphQLQuery(PUBLIC_CALLS, { siren }, { anonymous: true, renewSession: false, retry: false });
  const data = list.data?.publicCalls;
  return (
    <div className="public-page">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <header className="top">
        <span className="brand">Pilotis</span>
      </header>
      <main id="contenu" tabIndex={-1}>
        <h1>Appels à projets{data ? ` — ${data.territoryName}` : ''}</h1>
        <ErrorMessage error={list.error} />
        {list.isLoading && <Loading />}
        {data &&
          (data.calls.length === 0 ? (
            <p>Aucun appel à projets ouvert en ce moment.</p>
          ) : (
            <ul className="card-list">
              {data.calls.map((c) => (
                <li key={c.id} className="panel">
                  <h2>
                    <Link to={`/appels/${siren}/${c.id}`}>{c.title}</Link>
                  </h2>
                  <p>
                    Exercice {c.exercise} · {c.open ? 'Ouvert' : 'Ouverture prochaine'}
                  </p>
                  <p>
                    Dépôts du {civilDateTime(c.opensAtLocal)} au {civilDateTime(c.closesAtLocal)} (heure de Paris)
                  </p>
                </li>
              ))}
            </ul>
          ))}
      </main>
    </div>
  );
}
