import { useQueryClient } from '@tanstack/react-query';
import { ChangeEvent, FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field, Loading, Pager } from '../../common/components';
import { useSelectedContrat } from '../../common/contrat';
import { asApiError } from '../../common/errors';
import { plural } from '../../common/format';
import { graphQLKey, useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { ImportQpvsMutation, QpvGeneration } from '../../gql/graphql';
import { QpvContoursPanel } from './QpvContoursPanel';

const QPVS = graphql(`
  query QpvsList($first: Int!, $after: String, $generation: QpvGeneration, $search: String) {
    qpvs(first: $first, after: $after, generation: $generation, search: $search) {
      nodes {
        id
        code
        name
        communes
        generation
        enVeille
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
const IMPORT_QPVS = graphql(`
  mutation ImportQpvs($input: ImportQpvsInput!) {
    importQpvs(input: $input) {
      applied
      created
      updated
      unchanged
      skipped
      errors {
        line
        code
        reason
        message
      }
    }
  }
`);

const PAGE_SIZE = 50;
const GENERATIONS: Record<QpvGeneration, string> = { G2015: '2015', G2024: '2024' };

/** The territory's priority neighbourhoods (QPV), and the import of the official list (tenant admin). */
export function QpvsPage() {
  const { siren = '' } = useParams();
  const { can } = useTenantRole(siren);
  // The chosen contract's QPVs first; the list below is the territory's whole referential.
  const { contrat } = useSelectedContrat(siren);
  const [search, setSearch] = useState('');
  const [generation, setGeneration] = useState<QpvGeneration | ''>('');
  const filterKey = `${search}|${generation}`;
  // Keyset pagination: the cursors of the pages already passed; a new filter starts again at page 1.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  const list = useGraphQLQuery(
    QPVS,
    { first: PAGE_SIZE, after, generation: generation || null, search: search.trim() || null },
    { tenant: siren },
  );
  const queryClient = useQueryClient();
  const page = list.data?.qpvs;

  return (
    <>
      <h1>Quartiers prioritaires (QPV)</h1>
      <p className="muted">Les quartiers prioritaires de la politique de la ville du territoire, par code officiel.</p>
      {contrat && (
        <section aria-labelledby="qpv-contrat-title">
          <h2 id="qpv-contrat-title">Quartiers du contrat « {contrat.title} »</h2>
          {contrat.qpvs.length === 0 ? (
            <p>Ce contrat ne couvre encore aucun quartier.</p>
          ) : (
            <ul className="plain qpv-contrat">
              {contrat.qpvs.map((q) => (
                <li key={q.id}>
                  {q.name}{' '}
                  <span className="muted">
                    ({q.code}
                    {q.enVeille ? ', en veille' : ''})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {can('MANAGE_CONTRAT') && (
        <ImportPanel siren={siren} onImported={() => queryClient.invalidateQueries({ queryKey: graphQLKey(QPVS) })} />
      )}
      {can('MANAGE_CONTRAT') && <QpvContoursPanel siren={siren} />}
      <section aria-labelledby="qpv-list-title">
        <h2 id="qpv-list-title">Tous les quartiers du territoire</h2>
        <form className="filters" role="search" aria-label="Filtrer les quartiers" onSubmit={(e) => e.preventDefault()}>
          <Field label="Code ou nom">
            {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
          </Field>
          <Field label="Génération">
            {(p) => (
              <select {...p} value={generation} onChange={(e) => setGeneration(e.target.value as QpvGeneration | '')}>
                <option value="">Toutes</option>
                <option value="G2024">2024 (codes QN…)</option>
                <option value="G2015">2015 (codes QP…)</option>
              </select>
            )}
          </Field>
        </form>
        <ErrorMessage error={list.error} />
        {list.isPending && <Loading />}
        {page && (
          <>
            <div className="table-scroll">
              <table className="qpv-table">
                <caption className="sr-only">Quartiers prioritaires du territoire</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Nom</th>
                    <th scope="col">Communes (code INSEE)</th>
                    <th scope="col">Génération</th>
                    <th scope="col">En veille</th>
                  </tr>
                </thead>
                <tbody>
                  {page.nodes.map((q) => (
                    <tr key={q.id}>
                      <td>
                        <span className="reference">{q.code}</span>
                      </td>
                      <th scope="row">{q.name}</th>
                      <td>{q.communes.join(', ')}</td>
                      <td>{GENERATIONS[q.generation]}</td>
                      <td>{q.enVeille ? 'Oui' : 'Non'}</td>
                    </tr>
                  ))}
                  {page.nodes.length === 0 && (
                    <tr>
                      <td colSpan={5}>
                        {search || generation ? 'Aucun quartier ne correspond à ces critères.' : "Aucun quartier n'est encore enregistré."}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              label="Pages de quartiers"
              cursors={cursors}
              pageInfo={page.pageInfo}
              loading={list.isPending}
              onGoTo={(next) => setPaging({ key: filterKey, cursors: next })}
            />
          </>
        )}
      </section>
    </>
  );
}

type Report = ImportQpvsMutation['importQpvs'];

/** The all-or-nothing import of the official list: a CSV file read in the browser, then its report. */
function ImportPanel({ siren, onImported }: { siren: string; onImported(): Promise<void> }) {
  const importQpvs = useGraphQLMutation(IMPORT_QPVS, { tenant: siren });
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<{ dryRun: boolean; report: Report } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    setReport(null);
    setFailure(null);
    setFileError(undefined);
    const chosen = e.target.files?.[0];
    if (!chosen) return setFile(null);
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setFile(null);
      setFileError('Ce fichier ne peut pas être lu.');
    }
  };

  const send = async (dryRun: boolean) => {
    setReport(null);
    setFailure(null);
    if (!file) {
      setFileError('Choisissez d’abord le fichier CSV de la liste officielle.');
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      const result = (await importQpvs.mutateAsync({ input: { csv: file.text, dryRun } })).importQpvs;
      setReport({ dryRun, report: result });
      // A dry run changes nothing: only an applied import makes the list stale.
      if (result.applied) await onImported();
    } catch (error) {
      const apiError = asApiError(error);
      const csvProblem = apiError.fields.find((f) => f.field.replace(/^input\./, '') === 'csv');
      if (csvProblem) setFileError(csvProblem.message);
      setFailure(apiError);
    } finally {
      setBusy(false);
      resultRef.current?.focus();
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <section aria-labelledby="qpv-import-title" className="panel">
      <h2 id="qpv-import-title">Importer la liste officielle</h2>
      <p>
        Fichier CSV publié par l’ANCT (séparateur « ; » ou « , ») avec une ligne d’en-tête et les colonnes du code du quartier (code_qp…),
        de son nom (lib_qp…) et des codes INSEE de ses communes (insee_com…). Les quartiers hors du territoire sont ignorés ; les quartiers
        existants sont mis à jour par code.
      </p>
      <p>
        <strong>Tout ou rien :</strong> si une seule ligne est fautive, rien n’est importé et chaque ligne fautive est signalée.
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Fichier CSV de la liste officielle"
          error={fileError}
          hint={file ? `Fichier choisi : ${file.name}` : '5 Mo et 20 000 lignes au plus'}
        >
          {(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />}
        </Field>
        <div className="actions-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Envoi…' : 'Importer'}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void send(true)}>
            Vérifier sans importer
          </button>
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1} className="qpv-import-result">
        {failure && (
          <div role="alert" className="alert">
            <p>
              <strong>Fichier refusé : rien n’a été importé.</strong>
            </p>
            <p>
              {failure.code === 'FORBIDDEN'
                ? `Votre rôle ne permet pas cet import. ${failure.message}`
                : failure.fields.length > 0
                  ? failure.fields.map((f) => f.message).join(' ; ')
                  : failure.message}
            </p>
          </div>
        )}
        {report && <ImportReport dryRun={report.dryRun} report={report.report} />}
      </div>
    </section>
  );
}

function counts(r: Report): string {
  return [
    plural(r.created, 'quartier créé', 'quartiers créés'),
    plural(r.updated, 'mis à jour', 'mis à jour'),
    plural(r.unchanged, 'inchangé', 'inchangés'),
    plural(r.skipped, 'ligne ignorée (hors du territoire)', 'lignes ignorées (hors du territoire)'),
  ].join(', ');
}

function ImportReport({ dryRun, report }: { dryRun: boolean; report: Report }) {
  if (report.errors.length > 0) {
    return (
      <div role="alert" className="alert">
        <p>
          <strong>Fichier refusé : rien n’a été importé.</strong>{' '}
          {plural(report.errors.length, 'ligne est fautive', 'lignes sont fautives')} ; corrigez-les puis importez à nouveau le fichier
          entier.
        </p>
        <table className="compact">
          <caption>Lignes fautives</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Ligne
              </th>
              <th scope="col">Code lu</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.line}-${e.reason}`}>
                <th scope="row" className="num">
                  {e.line}
                </th>
                <td>{e.code ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div role="status" className="notice">
      {dryRun ? (
        <p>
          <strong>Fichier correct, rien n’a encore été enregistré.</strong> À l’import : {counts(report)}.
        </p>
      ) : (
        <p>
          <strong>Import enregistré :</strong> {counts(report)}.
        </p>
      )}
    </div>
  );
}
