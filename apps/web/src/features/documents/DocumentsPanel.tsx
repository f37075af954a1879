import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useRef, useState } from 'react';

import { ApiError, download, restCall } from '../../common/api';
import { ConfirmButton, Field } from '../../common/components';
import { asApiError, errorText } from '../../common/errors';
import { dateTime } from '../../common/format';
import { graphQLKey, type Invalidation } from '../../common/query';
import type { DocumentKind } from '../../gql/graphql';

/** The labels of the types of pieces (a new value of the enum fails this type check). */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  DEMANDE_SUBVENTION_CERFA_12156: 'Demande de subvention (CERFA 12156)',
  STATUTS: 'Statuts',
  RIB: 'RIB',
  BUDGET_PREVISIONNEL: 'Budget prévisionnel',
  CONVENTION_SIGNEE: 'Convention signée',
  COMPTE_RENDU_FINANCIER_CERFA_15059: 'Compte-rendu financier (CERFA 15059)',
  BILAN_QUALITATIF: 'Bilan qualitatif',
  MANDAT: 'Mandat (pour le compte de)',
  AUTRE: 'Autre pièce',
};

/** What the panel shows of a document (the fields every owner's query reads). */
export interface PanelDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploaderName?: string | null;
  downloadPath: string;
  viewerMayDelete: boolean;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.odt,.ods,.docx,.xlsx,application/pdf,image/png,image/jpeg';

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${bytes} o`;
}

/**
 * The pieces attached to one owner (an action's dossier, a convention, a bilan): their list with download,
 * and, when the API says the person may (`viewerMayAttachDocuments`, `viewerMayDelete`), the upload of a
 * piece with its type and its deletion. Type and size are checked by the API, which answers why it refuses.
 */
export function DocumentsPanel({
  siren,
  title,
  titleLevel = 2,
  owner,
  ownerId,
  documents,
  kinds,
  mayAttach,
  invalidates,
  emptyText = 'Aucune pièce pour l’instant.',
}: {
  siren: string;
  title: string;
  titleLevel?: 2 | 3;
  owner: 'actions' | 'conventions' | 'bilans';
  ownerId: string;
  documents: readonly PanelDocument[];
  kinds: readonly DocumentKind[];
  mayAttach: boolean;
  invalidates: readonly Invalidation[];
  emptyText?: string;
}) {
  const client = useQueryClient();
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [kindError, setKindError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const headingId = `documents-${owner}-${ownerId}`;
  const Heading = titleLevel === 2 ? 'h2' : 'h3';

  const refresh = () =>
    Promise.all(
      invalidates.map((i) =>
        client.invalidateQueries({ queryKey: Array.isArray(i) ? i : graphQLKey(i as Parameters<typeof graphQLKey>[0]) }),
      ),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setNotice(null);
    const file = fileRef.current?.files?.[0];
    setKindError(kind ? undefined : 'Choisissez le type de pièce.');
    setFileError(file ? undefined : 'Choisissez un fichier.');
    if (!kind || !file) return;
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    setBusy(true);
    try {
      const stored = await restCall<{ fileName: string }>(`/documents/${owner}/${ownerId}`, { method: 'POST', body: form }, siren);
      await refresh();
      setNotice(`La pièce « ${stored.fileName} » a été ajoutée.`);
      setKind('');
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      const e = asApiError(error);
      const field = e.fields.find((f) => f.field === 'file' || f.field === 'kind');
      if (field?.field === 'file') setFileError(field.message);
      else if (field?.field === 'kind') setKindError(field.message);
      else setRefusal(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(d: PanelDocument) {
    setRefusal(null);
    setNotice(null);
    try {
      await restCall(`/documents/${d.id}`, { method: 'DELETE' }, siren);
      await refresh();
      setNotice(`La pièce « ${d.fileName} » a été supprimée.`);
    } catch (error) {
      setRefusal(asApiError(error));
    }
  }

  async function save(d: PanelDocument) {
    setRefusal(null);
    try {
      await download(d.downloadPath, siren, d.fileName);
    } catch (error) {
      setRefusal(asApiError(error));
    }
  }

  return (
    <section aria-labelledby={headingId} className="panel documents">
      <Heading id={headingId}>{title}</Heading>
      {notice && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      {refusal && (
        <div role="alert" className="alert">
          {errorText(refusal, 'operation')}
        </div>
      )}
      {documents.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <table className="compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Pièce</th>
              <th scope="col">Type</th>
              <th scope="col">Déposée</th>
              <th scope="col">
                <span className="sr-only">Opérations</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.fileName} <span className="muted">({size(d.sizeBytes)})</span>
                </th>
                <td>{DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}</td>
                <td>
                  {dateTime(d.uploadedAt)}
                  {d.uploaderName && <span className="muted"> · {d.uploaderName}</span>}
                </td>
                <td className="actions-row">
                  <button type="button" onClick={() => void save(d)}>
                    Télécharger<span className="sr-only"> {d.fileName}</span>
                  </button>
                  {d.viewerMayDelete && (
                    <ConfirmButton
                      label={`Supprimer ${d.fileName}`}
                      question={`Supprimer la pièce « ${d.fileName} » ? Le fichier sera effacé.`}
                      confirmLabel="Supprimer"
                      onConfirm={() => remove(d)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayAttach && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Ajouter une pièce : ${title}`}>
          <div className="form-row">
            <Field label="Type de pièce" error={kindError}>
              {(p) => (
                <select {...p} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | '')}>
                  <option value="">— choisir —</option>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {DOCUMENT_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Fichier" error={fileError} hint="PDF, image (PNG, JPEG) ou document bureautique (ODT, ODS, DOCX, XLSX).">
              {(p) => <input {...p} ref={fileRef} type="file" accept={ACCEPT} />}
            </Field>
          </div>
          <button type="submit" disabled={busy}>
            {busy ? 'Envoi…' : 'Ajouter la pièce'}
          </button>
        </form>
      )}
    </section>
  );
}
