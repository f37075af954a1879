import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { AmountFigures, ErrorMessage, Figure, Loading } from '../../common/components';
import { useContratLink, useSelectedContrat } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { civilDate, dateTime, plural } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession, useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import { DEADLINE_STATE_LABELS, objectLink } from '../deadlines/deadline-links';

const MINE = graphql(`
  query MyWork($userId: ID!, $contratId: ID) {
    deadlines(first: 10, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING], contratId: $contratId }) {
      nodes {
        id
        kind
        label
        dueDate
        state
        dueIn
        actionId
        committeeId
        conventionId
        contratId
      }
      pageInfo {
        hasNextPage
      }
    }
    myNotifications(first: 20) {
      nodes {
        id
        title
        createdAt
        readAt
        escalation
        deadline {
          id
          kind
          actionId
          committeeId
          conventionId
          contratId
        }
      }
    }
  }
`);

/** The chosen contract's headline figures: those of its dashboard, for the roles that read them. */
const CONTRAT_FIGURES = graphql(`
  query HomeContratFigures($contratId: ID!) {
    contratDashboard(contratId: $contratId) {
      contratId
      totals {
        requestedCents
        decidedCents
        committedCents
        paidCents
      }
      actionCount
      overdueBilanCount
      unsignedConventionCount
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);
const MARK_ALL_READ = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/**
 * A territory's first screen for everyone, on the contract chosen in the frame (`?contrat=`, as every
 * territory screen): that contract's headline figures (its dashboard's, for the roles that read them), my
 * nearest deadlines of that contract, each leading to its object, and my reminders there (all of them, their
 * links as sent: a reminder is a message already sent, read or not whatever the contract). The whole list, filtered and
 * paged, is « Mes échéances » (/t/:siren/echeances); every link keeps the contract.
 */
export function TenantHomePage() {
  const { siren } = useParams();
  const { user, tenants } = useSession();
  const { can } = useTenantRole(siren);
  const figures = can('READ_TENANT_FIGURES');
  const tenant = tenants.find((t) => t.tenant.siren === siren);
  const chosen = useSelectedContrat(siren);
  const contrat = chosen.contrat;
  const withContrat = useContratLink();
  // Waits for the territory's contracts, so that the list is never first shown for every contract; a
  // territory without any lists all my deadlines.
  const {
    data,
    error,
    isLoading: loading,
  } = useGraphQLQuery(
    MINE,
    { userId: user?.id ?? '', contratId: contrat?.id ?? null },
    { tenant: siren, enabled: !!user && !chosen.loading },
  );
  const dash = useGraphQLQuery(CONTRAT_FIGURES, { contratId: contrat?.id ?? '' }, { tenant: siren, enabled: figures && !!contrat });
  const headline = dash.data?.contratDashboard.contratId === contrat?.id ? dash.data?.contratDashboard : undefined;
  const markRead = useGraphQLMutation(MARK_READ, { tenant: siren, invalidates: [MINE] });
  const markAllRead = useGraphQLMutation(MARK_ALL_READ, { tenant: siren, invalidates: [MINE] });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [marking, setMarking] = useState(false);
  const notificationsTitle = useRef<HTMLHeadingElement>(null);
  const unread = data ? data.myNotifications.nodes.filter((n) => !n.readAt).length : 0;

  /** Marks one reminder (or all) read, then the list is read again; the keyboard goes back to the list's title. */
  const mark = async (id?: string) => {
    setMarking(true);
    setFailure(null);
    try {
      if (id) await markRead.mutateAsync({ id });
      else await markAllRead.mutateAsync({});
      notificationsTitle.current?.focus();
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setMarking(false);
    }
  };

  return (
    <>
      <h1>{tenant?.tenant.name ?? 'Territoire'}</h1>
      <ErrorMessage error={chosen.error ?? error ?? dash.error ?? failure} />
      {(loading || chosen.loading) && <Loading />}
      {contrat && headline && (
        <section aria-labelledby="contrat-title">
          <h2 id="contrat-title">
            {contrat.title} ({contrat.startYear}–{contrat.endYear})
          </h2>
          <div className="figures">
            <AmountFigures amounts={headline.totals} />
            <Figure label="Actions" value={plural(headline.actionCount, 'action', 'actions')} />
            <Figure label="Bilans en retard" value={String(headline.overdueBilanCount)} />
            <Figure label="Conventions à signer" value={String(headline.unsignedConventionCount)} />
          </div>
          <p>
            <Link to={withContrat(`/t/${siren}/contrat`)}>Tableau de bord du contrat</Link> ·{' '}
            <Link to={withContrat(`/t/${siren}/actions`)}>Actions du contrat</Link>
          </p>
        </section>
      )}
      {data && (
        <div className="columns">
          <section aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">Mes échéances</h2>
            {contrat && <p className="muted">Celles du contrat « {contrat.title} ».</p>}
            {data.deadlines.nodes.length === 0 ? (
              <p>Aucune échéance en cours.</p>
            ) : (
              <table>
                <caption className="sr-only">Mes échéances, les plus proches d'abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Échéance</th>
                    <th scope="col">Date</th>
                    <th scope="col">Quand</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deadlines.nodes.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <Link to={withContrat(objectLink(siren ?? '', d, figures).to)}>{d.label}</Link>
                      </td>
                      <td className="nowrap">{civilDate(d.dueDate)}</td>
                      <td>{d.dueIn}</td>
                      <td>
                        <span className={`badge badge-${d.state.toLowerCase()}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <Link to={withContrat(`/t/${siren}/echeances`)}>
                {data.deadlines.pageInfo.hasNextPage ? 'Toutes mes échéances' : 'Mes échéances'}, avec filtres
              </Link>
            </p>
          </section>
          <section aria-labelledby="notifications-title">
            <h2 id="notifications-title" ref={notificationsTitle} tabIndex={-1}>
              Mes relances
            </h2>
            <p className="muted" role="status">
              {plural(unread, 'relance non lue', 'relances non lues', 'Aucune relance non lue')}
            </p>
            {unread > 0 && (
              <p>
                <button type="button" className="secondary" onClick={() => void mark()} disabled={marking}>
                  Tout marquer comme lu
                </button>
              </p>
            )}
            <ul className="plain">
              {data.myNotifications.nodes.map((n) => (
                <li key={n.id}>
                  {n.readAt ? '' : <strong>Nouveau · </strong>}
                  <Link to={objectLink(siren ?? '', n.deadline, figures).to}>{n.title}</Link>{' '}
                  <span className="muted">({dateTime(n.createdAt)})</span>
                  {n.escalation && <span className="badge">Escalade</span>}
                  {!n.readAt && (
                    <>
                      {' '}
                      <button type="button" className="secondary" onClick={() => void mark(n.id)} disabled={marking}>
                        Marquer comme lue<span className="sr-only"> : {n.title}</span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
