import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';

import { ApiError, download } from '../../common/api';
import { ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { dateTime, plural } from '../../common/format';
import { useTenantRole } from '../../common/session';
import { ReaderView } from './AgendaItemView';
import { COMMITTEE_KIND_LABELS, COMMITTEE_STATUS_LABELS } from './committee-shared';
import { CommitteeProvider, useCommittee, useCommitteePage } from './CommitteeContext';
import { ManagerView } from './ManagerView';
import { Minutes } from './Minutes';
import { Results } from './Results';
import { VoterView } from './VoterView';

/** A committee: its preparation and vote for the chef de projet, the vote of each funder, the results. */
export function CommitteePage() {
  const withContrat = useContratLink();
  const { siren = '', id = '' } = useParams();
  const { query, announcement, value } = useCommitteePage(siren, id);
  return (
    <>
      <p>
        <Link to={withContrat(`/t/${siren}/comites`)}>← Tous les comités</Link>
      </p>
      <h1>{query.data?.committee.title ?? 'Comité'}</h1>
      <ErrorMessage error={query.error} />
      {query.isLoading && <Loading />}
      <div role="status" aria-live="polite" className={announcement ? 'notice' : 'sr-only'}>
        {announcement}
      </div>
      {value && (
        <CommitteeProvider value={value}>
          <CommitteeBody />
        </CommitteeProvider>
      )}
    </>
  );
}

/** The committee's facts, then the view of the viewer's part in it, then what the close left. */
function CommitteeBody() {
  const { committee: c, manager, voterOrg } = useCommittee();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Nature</dt>
          <dd>{COMMITTEE_KIND_LABELS[c.kind] ?? c.kind}</dd>
        </div>
        <div>
          <dt>Séance</dt>
          <dd>{dateTime(c.scheduledAt)}</dd>
        </div>
        <div>
          <dt>Lieu</dt>
          <dd>{c.place || '—'}</dd>
        </div>
        <div>
          <dt>État</dt>
          <dd>
            <strong>{COMMITTEE_STATUS_LABELS[c.status] ?? c.status}</strong>
            {c.openedAt && c.status === 'VOTE_OUVERT' && <span className="muted"> depuis le {dateTime(c.openedAt)}</span>}
            {c.closedAt && <span className="muted"> le {dateTime(c.closedAt)}</span>}
          </dd>
        </div>
        <div>
          <dt>Quorum</dt>
          <dd>{plural(c.quorum, 'organisation votante', 'organisations votantes')}</dd>
        </div>
      </dl>
      {c.kind !== 'COMITE_DES_FINANCEURS' && <p>Ce comité n'a pas d'ordre du jour de financements : il ne vote pas.</p>}
      {c.kind === 'COMITE_DES_FINANCEURS' && (manager ? <ManagerView /> : voterOrg ? <VoterView org={voterOrg} /> : <ReaderView />)}
      {c.status === 'CLOS_SANS_QUORUM' && (
        <p className="notice">
          Le comité a été clos sans atteindre son quorum : rien n'a été décidé, et les actions sont retournées dans la file à arbitrer.
        </p>
      )}
      {c.status === 'CLOS' && c.results && (
        <>
          <Results />
          <Minutes />
        </>
      )}
      {c.kind === 'COMITE_DES_FINANCEURS' && <DauphinExport committeeId={c.id} />}
    </>
  );
}

/** The committee's crédits spécifiques for Dauphin (State P147 lines), to those the API lets export them. */
function DauphinExport({ committeeId }: { committeeId: string }) {
  const { siren = '' } = useParams();
  const { can } = useTenantRole(siren);
  const [error, setError] = useState<ApiError | null>(null);
  if (!can('EXPORT_DAUPHIN')) return null;
  const get = (format: 'csv' | 'xlsx') => {
    setError(null);
    void download(`/committees/dauphin.${format}?committeeId=${committeeId}`, siren, `dauphin-comite.${format}`).catch((e: unknown) =>
      setError(asApiError(e)),
    );
  };
  return (
    <section aria-labelledby="dauphin-title">
      <h2 id="dauphin-title">Crédits spécifiques pour Dauphin</h2>
      <p>Les lignes de crédits spécifiques (P147) de l’ordre du jour, avec leur numéro Dauphin et la décision du comité.</p>
      <div className="actions-row">
        <button type="button" className="secondary" onClick={() => get('csv')}>
          Exporter pour Dauphin (CSV)
        </button>
        <button type="button" className="secondary" onClick={() => get('xlsx')}>
          Exporter pour Dauphin (XLSX)
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
