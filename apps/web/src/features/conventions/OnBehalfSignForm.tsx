import { FormEvent, useRef, useState } from 'react';

import { de } from '@pilotis/shared/french';

import { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError, fieldMessages } from '../../common/errors';
import { MandateFields, uploadMandate } from '../../common/mandate';
import { type GraphQLMutationOptions, useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';

const SIGN_ON_BEHALF = graphql(`
  mutation SignConventionOnBehalf($input: SignConventionOnBehalfInput!) {
    signConventionOnBehalf(input: $input) {
      id
      status
      signedCount
      signatoryCount
    }
  }
`);

/**
 * « Signer pour le compte de … »: the signature of a signatory without an account, recorded on its mandate
 * (who signed the paper and in which quality, who gave the mandate, its scan uploaded first as a MANDAT piece
 * of the convention). Shown only where the API says the viewer may (`ConventionSignatory.viewerMaySignOnBehalf`);
 * the signature signs the hash of the version shown, as any signature.
 */
export function OnBehalfSignForm({
  conventionId,
  versionHash,
  organisationId,
  organisationName,
  siren,
  invalidates,
  onSigned,
}: {
  conventionId: string;
  versionHash: string;
  organisationId: string;
  organisationName: string;
  siren: string;
  invalidates: GraphQLMutationOptions<unknown, Record<string, unknown>>['invalidates'];
  onSigned(text: string): void;
}) {
  const [signerName, setSignerName] = useState('');
  const [signerQuality, setSignerQuality] = useState('');
  const [author, setAuthor] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const sign = useGraphQLMutation(SIGN_ON_BEHALF, { tenant: siren, invalidates });
  const of = de(organisationName);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const file = fileRef.current?.files?.[0];
    const errors: Record<string, string> = {};
    if (!signerName.trim()) errors.signerName = 'Indiquez qui a signé.';
    if (!signerQuality.trim()) errors.signerQuality = 'Indiquez sa qualité.';
    if (!author.trim()) errors.mandateAuthor = "Indiquez qui, à l'organisation, a donné le mandat.";
    if (!file) errors.file = 'Joignez le scan du mandat.';
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !file) return;
    setBusy(true);
    try {
      const mandateDocumentId = await uploadMandate('conventions', conventionId, file, siren);
      const res = await sign.mutateAsync({
        input: {
          conventionId,
          versionHash,
          organisationId,
          signerName: signerName.trim(),
          signerQuality: signerQuality.trim(),
          mandateAuthor: author.trim(),
          mandateDocumentId,
        },
      });
      const s = res.signConventionOnBehalf;
      onSigned(`Signature enregistrée pour le compte ${of} : ${s.signedCount} sur ${s.signatoryCount} signatures.`);
    } catch (error) {
      const apiError = asApiError(error);
      const fields = fieldMessages(apiError);
      if (Object.keys(fields).length > 0) setFieldErrors(fields);
      else setRefusal(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="on-behalf">
      <summary>Signer pour le compte {of}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Signature pour le compte ${of}`}>
        <fieldset>
          <legend>{organisationName} n'a pas de compte : sa signature est enregistrée sur son mandat, sur la version affichée</legend>
          <ErrorMessage error={refusal} context="operation" />
          <Field label="Nom du signataire" error={fieldErrors.signerName}>
            {(p) => <input {...p} value={signerName} onChange={(e) => setSignerName(e.target.value)} />}
          </Field>
          <Field label="Qualité du signataire" hint="Par exemple : directrice générale" error={fieldErrors.signerQuality}>
            {(p) => <input {...p} value={signerQuality} onChange={(e) => setSignerQuality(e.target.value)} />}
          </Field>
          <MandateFields author={author} onAuthor={setAuthor} fileRef={fileRef} errors={fieldErrors} />
          <button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : `Enregistrer la signature pour le compte ${of}`}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
