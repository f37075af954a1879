import { ChangeEvent, FormEvent, useRef, useState } from 'react';

import type { ApiError } from '../../common/api';
import { Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { plural } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { ImportQpvContoursMutation } from '../../gql/graphql';

const IMPORT_CONTOURS = graphql(`
  mutation ImportQpvContours($input: ImportQpvContoursInput!) {
    importQpvContours(input: $input) {
      applied
      created
      updated
      skipped
      withoutContour
      errors {
        feature
        code
        reason
        message
      }
    }
  }
`);

type Report = ImportQpvContoursMutation['importQpvContours'];

const counts = (r: Report): string =>
  [
    plural(r.created, 'contour ajouté', 'contours ajoutés'),
    plural(r.updated, 'remplacé', 'remplacés'),
    plural(r.skipped, 'quartier ignoré (autre territoire)', 'quartiers ignorés (autres territoires)'),
  ].join(', ');

/** The all-or-nothing import of the QPVs' official outlines (GeoJSON), read in the browser, then its report. */
export function QpvContoursPanel({ siren }: { siren: string }) {
  const importContours = useGraphQLMutation(IMPORT_CONTOURS, { tenant: siren });
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
      setFileError('Choisissez d’abord le fichier GeoJSON des contours.');
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      setReport({ dryRun, report: (await importContours.mutateAsync({ input: { geojson: file.text, dryRun } })).importQpvContours });
    } catch (error) {
      const apiError = asApiError(error);
      const problem = apiError.fields.find((f) => f.field.replace(/^input\./, '') === 'geojson');
      if (problem) setFileError(problem.message);
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
    <section aria-labelledby="qpv-contours-title" className="panel">
      <h2 id="qpv-contours-title">Importer les contours des quartiers</h2>
      <p>
        Fichier GeoJSON (FeatureCollection en WGS84) publié pour la géographie prioritaire de 2024 (propriétés code_qp, lib_qp) ou de 2015
        (CODE_QP, NOM_QP). Les contours sont rattachés aux quartiers du territoire par leur code ; les autres sont ignorés. Ils dessinent la
        carte des tableaux de bord.
      </p>
      <p>
        <strong>Tout ou rien :</strong> si un seul contour est fautif, rien n’est importé et chaque élément fautif est signalé.
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Fichier GeoJSON des contours"
          error={fileError}
          hint={file ? `Fichier choisi : ${file.name}` : '8 Mo, 2 000 quartiers et 20 000 sommets par quartier au plus'}
        >
          {(p) => (
            <input {...p} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => void choose(e)} />
          )}
        </Field>
        <div className="actions-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Envoi…' : 'Importer les contours'}
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
            <p>{failure.fields.length > 0 ? failure.fields.map((f) => f.message).join(' ; ') : failure.message}</p>
          </div>
        )}
        {report && report.report.errors.length > 0 && (
          <div role="alert" className="alert">
            <p>
              <strong>Fichier refusé : rien n’a été importé.</strong>{' '}
              {plural(report.report.errors.length, 'élément est fautif', 'éléments sont fautifs')}.
            </p>
            <table className="compact">
              <caption>Éléments fautifs</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Élément
                  </th>
                  <th scope="col">Code lu</th>
                  <th scope="col">Motif</th>
                </tr>
              </thead>
              <tbody>
                {report.report.errors.map((e) => (
                  <tr key={`${e.feature}-${e.reason}`}>
                    <th scope="row" className="num">
                      {e.feature}
                    </th>
                    <td>{e.code ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {report && report.report.errors.length === 0 && (
          <div role="status" className="notice">
            <p>
              <strong>{report.dryRun ? 'Fichier correct, rien n’a encore été enregistré. À l’import :' : 'Import enregistré :'}</strong>{' '}
              {counts(report.report)}.
            </p>
            {report.report.withoutContour.length > 0 && (
              <p>Quartiers du territoire encore sans contour : {report.report.withoutContour.join(', ')}.</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
