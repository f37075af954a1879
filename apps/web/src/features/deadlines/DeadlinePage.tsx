import { Link, useParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { civilDate } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import { DEADLINE_KIND_LABELS, DEADLINE_STATE_LABELS, objectLink } from './deadline-links';

export const DEADLINE = graphql(`
  query DeadlineDetail($id: ID!) {
    deadline(id: $id) {
      id
      kind
      label
      dueDate
      state
      dueIn
      metAt
      metNote
      actionId
      committeeId
      conventionId
      contratId
      responsibles {
        userId
        displayName
      }
    }
  }
`);

/** One deadline, where a reminder's link lands: what it is, when, where it stands, and the way to its object. */
export function DeadlinePage() {
  const { siren = '', id = '' } = useParams();
  const { can } = useTenantRole(siren);
  const q = useGraphQLQuery(DEADLINE, { id }, { tenant: siren, retry: false });
  if (q.error?.code === 'NOT_FOUND' || q.error?.code === 'BAD_USER_INPUT') return <DeadlineNotFound />;
  const d = q.data?.deadline;
  const link = d ? objectLink(siren, d, can('READ_TENANT_FIGURES')) : null;
  return (
    <>
      <ErrorMessage error={q.error} />
      {q.isPending && <Loading />}
      {d && link && (
        <article aria-labelledby="deadline-title">
          <p className="muted">Échéance · {DEADLINE_KIND_LABELS[d.kind]}</p>
          <h1 id="deadline-title">{d.label}</h1>
          <dl className="facts">
            <dt>Date</dt>
            <dd>{civilDate(d.dueDate)}</dd>
            <dt>État</dt>
            <dd>
              <span className={`badge badge-${d.state.toLowerCase()}`}>{DEADLINE_STATE_LABELS[d.state]}</span>
              {d.state !== 'MET' && <> — {d.dueIn}</>}
              {d.metNote && <> — {d.metNote}</>}
            </dd>
            <dt>En répondent</dt>
            <dd>{d.responsibles.map((p) => p.displayName).join(', ') || '—'}</dd>
          </dl>
          {link.to !== `/t/${siren}/echeances/${d.id}` && (
            <p>
              <Link to={link.to}>Ouvrir {link.what}</Link>
            </p>
          )}
          <p>
            <Link to={`/t/${siren}/echeances`}>Toutes mes échéances</Link>
          </p>
        </article>
      )}
    </>
  );
}

/** The same words whether the deadline does not exist, belongs to a territory of someone else, or is not the person's to see. */
export function DeadlineNotFound() {
  return (
    <>
      <h1>Échéance introuvable</h1>
      <p>Cette échéance n'existe pas ou vous n'y avez pas accès.</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </>
  );
}
