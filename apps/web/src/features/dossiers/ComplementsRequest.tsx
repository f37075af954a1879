import { FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';

import { Field } from '../../common/components';
import { civilDate } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import type { DossierField } from '../../gql/graphql';
import { COMPLEMENTS_TARGET, REQUEST_COMPLEMENTS } from './dossier-queries';
import { DOSSIER_FIELD_LABELS } from './DossierPage';

/**
 * On an action's page, for an instructor: « Demander des compléments » opens a dialog listing the parts and
 * pieces to reopen, the message to the porteur and the due date; an open request is shown instead.
 */
export function ComplementsRequest({ siren, actionId }: { siren: string; actionId: string }) {
  const { data } = useGraphQLQuery(COMPLEMENTS_TARGET, { id: actionId }, { tenant: siren });
  const request = useGraphQLMutation(REQUEST_COMPLEMENTS, { tenant: siren, invalidates: [COMPLEMENTS_TARGET] });
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<DossierField[]>([]);
  const [pieceIds, setPieceIds] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [dueDate, setDueDate] = useState('');
  const action = data?.action;
  if (!action?.callId) return null;
  const pending = action.openComplementRequest;
  const dossierLink = (
    <p>
      <Link to={`/t/${siren}/dossiers/${actionId}`}>Ouvrir le dossier de demande de subvention</Link>
    </p>
  );
  if (pending) {
    return (
      <>
        {dossierLink}
        <p className="notice-warn">
          Compléments demandés au porteur, attendus avant le {civilDate(pending.dueDate)} : {pending.message}
        </p>
      </>
    );
  }
  if (!action.viewerMayRequestComplements) return dossierLink;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await request.mutateAsync({ input: { actionId, fields, pieceIds, message, dueDate } });
    setOpen(false);
  };
  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((x) => x !== value));

  return (
    <>
      {dossierLink}
      <button type="button" onClick={() => setOpen(true)}>
        Demander des compléments
      </button>
      {open && (
        <div className="overlay">
          <div role="dialog" aria-modal="true" aria-labelledby="complements-dialog-title" className="dialog">
            <h2 id="complements-dialog-title">Demander des compléments</h2>
            {request.errorText && (
              <div role="alert" className="alert">
                {request.errorText}
              </div>
            )}
            <form noValidate onSubmit={(e) => void submit(e).catch(() => undefined)}>
              <fieldset>
                <legend>Parties du dossier à rouvrir</legend>
                {(Object.keys(DOSSIER_FIELD_LABELS) as DossierField[]).map((f) => (
                  <label key={f} className="check">
                    <input type="checkbox" checked={fields.includes(f)} onChange={(e) => setFields(toggle(fields, f, e.target.checked))} />{' '}
                    {DOSSIER_FIELD_LABELS[f]}
                  </label>
                ))}
              </fieldset>
              {action.requiredPieces.length > 0 && (
                <fieldset>
                  <legend>Pièces à rouvrir</legend>
                  {action.requiredPieces.map(({ piece }) => (
                    <label key={piece.id} className="check">
                      <input
                        type="checkbox"
                        checked={pieceIds.includes(piece.id)}
                        onChange={(e) => setPieceIds(toggle(pieceIds, piece.id, e.target.checked))}
                      />{' '}
                      {piece.label}
                    </label>
                  ))}
                </fieldset>
              )}
              <Field label="Message au porteur">
                {(p) => <textarea {...p} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />}
              </Field>
              <Field label="À apporter avant le">
                {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
              </Field>
              <div className="form-actions">
                <button type="submit" disabled={request.isPending}>
                  Envoyer la demande
                </button>
                <button type="button" onClick={() => setOpen(false)}>
                  Annuler
                </button>
              </div>
            </form>
          </div>
        </div>
      )}
    </>
  );
}
