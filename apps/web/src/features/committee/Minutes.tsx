import { useEffect, useState } from 'react';

import { ApiError, download } from '../../common/api';
import { ErrorMessage } from '../../common/components';
import { asApiError } from '../../common/errors';
import { dateTime } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { CommitteeReportsQuery } from '../../gql/graphql';
import { useCommittee } from './CommitteeContext';

const MY_REPORTS = graphql(`
  query CommitteeReports {
    reports(first: 50) {
      id
      kind
      committeeId
      state
      fileName
      downloadPath
      failureReason
      requestedAt
    }
  }
`);
const REQUEST_MINUTES = graphql(`
  mutation RequestMinutes($input: RequestReportInput!) {
    requestReport(input: $input) {
      id
      state
    }
  }
`);

const REPORT_STATE_LABELS: Record<string, string> = {
  QUEUED: 'en attente de génération',
  RUNNING: 'en cours de génération',
  DONE: 'prêt',
  FAILED: 'en échec',
  EXPIRED: 'expiré (fichier supprimé) : générez-le de nouveau',
};
/** The worker generates a procès-verbal in a few seconds: its state is followed closely meanwhile. */
const MINUTES_POLL_MS = 1500;

type Report = CommitteeReportsQuery['reports'][number];

/** The latest procès-verbal of the committee, and whether it is still to come (requested, not yet listed, or being generated). */
function minutesOf(reports: readonly Report[] | undefined, committeeId: string, awaiting: string | null) {
  const latest = (reports ?? []).find((r) => r.kind === 'COMMITTEE_MINUTES' && r.committeeId === committeeId);
  const pending = latest?.state === 'QUEUED' || latest?.state === 'RUNNING' || (!!awaiting && latest?.id !== awaiting);
  return { latest, pending };
}

/** The procès-verbal: requested, generated in the background (its state is polled), then downloaded. */
export function Minutes() {
  const { siren, committee, announce } = useCommittee();
  const committeeId = committee.id;
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const reports = useGraphQLQuery(
    MY_REPORTS,
    {},
    { tenant: siren, refetchInterval: (q) => (minutesOf(q.state.data?.reports, committeeId, awaiting).pending ? MINUTES_POLL_MS : false) },
  );
  const { latest, pending } = minutesOf(reports.data?.reports, committeeId, awaiting);
  const ask = useGraphQLMutation(REQUEST_MINUTES, {
    tenant: siren,
    invalidates: [MY_REPORTS],
    onSuccess: (res) => {
      setAwaiting(res.requestReport.id);
      announce('Procès-verbal demandé : il est en cours de génération.');
    },
  });
  useEffect(() => {
    if (!awaiting || !latest || latest.id !== awaiting) return;
    if (latest.state === 'DONE' || latest.state === 'FAILED') {
      // Goes with the announcement, which the page shows: both follow the polled answer together.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAwaiting(null);
      announce(
        latest.state === 'DONE'
          ? 'Le procès-verbal est prêt : vous pouvez le télécharger.'
          : `La génération du procès-verbal a échoué : ${latest.failureReason ?? 'motif inconnu'}.`,
      );
    }
  }, [awaiting, latest, announce]);

  return (
    <section aria-labelledby="minutes-title" className="panel">
      <h2 id="minutes-title">Procès-verbal</h2>
      <ErrorMessage error={ask.error ?? downloadError} context="operation" />
      <ErrorMessage error={reports.error} />
      {latest && (
        <p>
          Procès-verbal demandé le {dateTime(latest.requestedAt)} : <strong>{REPORT_STATE_LABELS[latest.state] ?? latest.state}</strong>
          {latest.state === 'FAILED' && latest.failureReason && ` (${latest.failureReason})`}.
        </p>
      )}
      <div className="actions-row">
        {latest?.state === 'DONE' && latest.downloadPath && (
          <button
            type="button"
            onClick={() => {
              setDownloadError(null);
              void download(latest.downloadPath ?? '', siren, latest.fileName ?? 'proces-verbal.pdf').catch((error: unknown) =>
                setDownloadError(asApiError(error)),
              );
            }}
          >
            Télécharger le procès-verbal (PDF)
          </button>
        )}
        <button
          type="button"
          className={latest ? 'secondary' : undefined}
          disabled={ask.isPending || pending}
          onClick={() => {
            setDownloadError(null);
            ask.mutate({ input: { kind: 'COMMITTEE_MINUTES', committeeId } });
          }}
        >
          {pending ? 'Génération en cours…' : latest ? 'Générer de nouveau le procès-verbal' : 'Demander le procès-verbal'}
        </button>
      </div>
    </section>
  );
}
