import type { RefObject } from 'react';

import { restCall } from './api';
import { Field } from './components';

/**
 * A mandate « pour le compte de »: its scan is uploaded first as a MANDAT piece of the committee or the
 * convention it is used in (`POST /documents/mandates/…`), then named by the vote or the signature. Shared by
 * the two on-behalf forms.
 */
export async function uploadMandate(owner: 'committees' | 'conventions', ownerId: string, file: File, siren: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'MANDAT');
  form.append('file', file, file.name);
  const document = await restCall<{ id: string }>(`/documents/mandates/${owner}/${ownerId}`, { method: 'POST', body: form }, siren);
  return document.id;
}

/** The mandate's author and its scan, with their errors (the API's field names: `mandateAuthor`, `mandateDocumentId`). */
export function MandateFields({
  author,
  onAuthor,
  fileRef,
  errors,
  authorHint,
}: {
  author: string;
  onAuthor(value: string): void;
  fileRef: RefObject<HTMLInputElement | null>;
  errors: Record<string, string>;
  authorHint?: string;
}) {
  return (
    <>
      <Field label="Auteur du mandat" hint={authorHint} error={errors.mandateAuthor}>
        {(p) => <input {...p} value={author} onChange={(e) => onAuthor(e.target.value)} />}
      </Field>
      <Field label="Mandat (scan : PDF, PNG ou JPEG)" error={errors.file ?? errors.mandateDocumentId}>
        {(p) => <input {...p} type="file" ref={fileRef} />}
      </Field>
    </>
  );
}
