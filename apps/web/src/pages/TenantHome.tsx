import { useParams } from 'react-router-dom';
import { ErrorMessage, Loading } from '../components';
import { civilDate, dateTime, plural } from '../format';
import { graphql } from '../gql';
import { useQuery } from '../hooks';
import { useSession } from '../session';

const MINE = graphql(`
  query MyWork($userId: ID!) {
    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {
      nodes { id kind label dueDate state }
    }
    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }
  }
`);

const STATE_LABELS: Record<string, string> = { OVERDUE: 'En retard', DUE: "À faire aujourd'hui", UPCOMING: 'À venir', MET: 'Tenue' };

/** A territory's first screen for everyone: my deadlines and my reminders there. */
export function TenantHomePage() {
  const { siren } = useParams();
  const { user, tenants } = useSession();
  const tenant = tenants.find((t) => t.tenant.siren === siren);
  const { data, error, loading } = useQuery(MINE, { userId: user?.id ?? '' }, siren, !user);
  return (
    <>
      <h1>{tenant?.tenant.name ?? 'Territoire'}</h1>
      <ErrorMessage error={error} />
      {loading && <Loading />}
      {data && (
        <div className="columns">
          <section aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">Mes échéances</h2>
            {data.deadlines.nodes.length === 0 ? (
              <p>Aucune échéance en cours.</p>
            ) : (
              <table>
                <caption className="sr-only">Mes échéances, les plus proches d'abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Échéance</th>
                    <th scope="col">Date</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deadlines.nodes.map((d) => (
                    <tr key={d.id}>
                      <td>{d.label}</td>
                      <td>{civilDate(d.dueDate)}</td>
                      <td>
                        <span className={`badge badge-${d.state.toLowerCase()}`}>{STATE_LABELS[d.state] ?? d.state}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="notifications-title">
            <h2 id="notifications-title">Mes relances</h2>
            <p className="muted">{plural(data.myNotifications.nodes.filter((n) => !n.readAt).length, 'relance non lue', 'relances non lues', 'Aucune relance non lue')}</p>
            <ul className="plain">
              {data.myNotifications.nodes.map((n) => (
                <li key={n.id}>
                  {n.readAt ? '' : <strong>Nouveau · </strong>}
                  {n.title} <span className="muted">({dateTime(n.createdAt)})</span>
                  {n.escalation && <span className="badge">Escalade</span>}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
