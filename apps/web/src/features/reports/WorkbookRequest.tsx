import { useEffect, useId, useState } from 'react';

import { ApiError, download } from '../../common/api';
import { ErrorMessage } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { WorkbookReportsQuery } from '../../gql/graphql';

const MY_REPORTS = graphql(`
  query WorkbookReports {
    reports(first: 50) {
      id
      kind
      contratId
      exerciseYear
      state
      fileName
      downloadPath
      failureReason
    }
  }
`);
const REQUEST_WORKBOOK = graphql(`
  mutation RequestWorkbook($input: RequestReportInput!) {
    requestReport(input: $input) {
      id
      state
    }
  }
`);

/** The worker writes a workbook in seconds: its state is followed closely meanwhile. */
const WORKBOOK_POLL_MS = 1500;

type Report = WorkbookReportsQuery['reports'][number];

const isPending = (r: Report | undefined) => r?.state === 'QUEUED' || r?.state === 'RUNNING';

/**
 * « Classeur de programmation »: asks the API for the contract's workbook of an exercise (a report the
 * worker generates), follows its state, and downloads it once ready — the reports' own request and download
 * flow, as the committee's procès-verbal. `years` are the exercises offered, `initialYear` the one chosen
 * first.
 */
export function WorkbookRequest({
  siren,
  contratId,
  years,
  initialYear,
}: {
  siren: string;
  contratId: string;
  years: readonly number[];
  initialYear: number;
}) {
  const yearId = useId();
  const [year, setYear] = useState(initialYear);
  // The report asked for from this screen: downloaded by itself when it is ready.
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const reports = useGraphQLQuery(
    MY_REPORTS,
    {},
    {
      tenant: siren,
      enabled: !!awaiting,
      refetchInterval: (q) =>
        awaiting && !q.state.data?.reports.some((r) => r.id === awaiting && !isPending(r)) ? WORKBOOK_POLL_MS : false,
    },
  );
  const report = reports.data?.reports.find((r) => r.id === awaiting);
  const ask = useGraphQLMutation(REQUEST_WORKBOOK, {
    tenant: siren,
    invalidates: [MY_REPORTS],
    onSuccess: (res) => {
      setAwaiting(res.requestReport.id);
      setMessage(`Classeur de programmation ${year} demandé : il est en cours de génération.`);
    },
  });
  useEffect(() => {
    if (!awaiting || !report || isPending(report)) return;
    // Goes with the announcement below: both follow the polled answer together.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAwaiting(null);
    if (report.state === 'DONE' && report.downloadPath) {
      setMessage('Le classeur de programmation est prêt : il est téléchargé.');
      void download(report.downloadPath, siren, report.fileName ?? 'programmation.xlsx').catch((error: unknown) =>
        setDownloadError(asApiError(error)),
      );
    } else {
      setMessage(`La génération du classeur a échoué : ${report.failureReason ?? 'motif inconnu'}.`);
    }
  }, [awaiting, report, siren]);

  const pending = ask.isPending || !!awaiting;
  return (
    <div className="workbook-request">
      <label htmlFor={yearId}>Exercice du classeur</label>{' '}
      <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))} disabled={pending}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          setDownloadError(null);
          ask.mutate({ input: { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: year } });
        }}
      >
        {pending ? 'Génération du classeur…' : 'Classeur de programmation'}
      </button>
      <span role="status" className="muted">
        {' '}
        {message}
      </span>
      <ErrorMessage error={ask.error ?? downloadError ?? reports.error} context="operation" />
    </div>
  );
}

/** The exercise a workbook starts on: this year when offered, else the latest offered. */
export function defaultExercise(years: readonly number[]): number {
  const now = new Date().getFullYear();
  return years.includes(now) ? now : (years[years.length - 1] ?? now);
}
