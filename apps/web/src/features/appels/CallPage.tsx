import { Link, useNavigate, useParams } from 'react-router-dom';

import { ConfirmButton, ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { civilDate, euros, plural } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { ORGANISATION_KIND_LABELS } from '../admin/partner-labels';
import { civilDateTime } from './call-format';
import { CALL_DETAIL, CALL_LIST, CALL_STATUS_LABELS, CANCEL_CALL, CLOSE_CALL, DELETE_CALL, PUBLISH_CALL } from './call-queries';
import { CallForm } from './CallForm';

/** One call: what it says, its state and dossiers; those who manage calls edit, publish, close, cancel or delete it. */
export function CallPage() {
  const { siren = '', id = '' } = useParams();
  const navigate = useNavigate();
  const withContrat = useContratLink();
  const { can } = useTenantRole(siren);
  const manager = can('MANAGE_CALLS');
  // A porteur's representative answers a published call from here (the API checks the dates and the kind).
  const mayFile = can('FILE_DOSSIER');
  const query = useGraphQLQuery(CALL_DETAIL, { id }, { tenant: siren });
  const call = query.data?.call;
  const invalidates = [CALL_DETAIL, CALL_LIST];
  const publish = useGraphQLMutation(PUBLISH_CALL, { tenant: siren, invalidates });
  const close = useGraphQLMutation(CLOSE_CALL, { tenant: siren, invalidates });
  const cancel = useGraphQLMutation(CANCEL_CALL, { tenant: siren, invalidates });
  const remove = useGraphQLMutation(DELETE_CALL, {
    tenant: siren,
    invalidates: [CALL_LIST],
    onSuccess: () => navigate(withContrat(`/t/${siren}/appels`)),
  });
  const error = publish.error ?? close.error ?? cancel.error ?? remove.error;
  return (
    <>
      <p>
        <Link to={withContrat(`/t/${siren}/appels`)}>Appels à projets</Link>
      </p>
      <ErrorMessage error={query.error} />
      {query.isLoading && <Loading />}
      {call && (
        <>
          <h1>{call.title}</h1>
          <p>
            Exercice {call.exercise} · <span className="badge">{CALL_STATUS_LABELS[call.status]}</span> ·{' '}
            {plural(call.dossierCount, 'dossier déposé', 'dossiers déposés', 'Aucun dossier')}
          </p>
          {call.status === 'PUBLIE' && (
            <p>
              Page publique : <Link to={`/appels/${siren}/${call.id}`}>{`/appels/${siren}/${call.id}`}</Link>
            </p>
          )}
          {mayFile && call.status === 'PUBLIE' && (
            <p>
              <Link className="button-link" to={`/t/${siren}/dossiers/nouveau?appel=${call.id}`}>
                Déposer un dossier
              </Link>
            </p>
          )}
          <ErrorMessage error={error} context="operation" />
          {manager && (
            <div className="actions-bar">
              {call.status === 'BROUILLON' && (
                <button type="button" disabled={publish.isPending} onClick={() => publish.mutate({ id: call.id })}>
                  {publish.isPending ? 'Publication…' : "Publier l'appel"}
                </button>
              )}
              {call.status === 'PUBLIE' && (
                <ConfirmButton
                  label="Clore l'appel"
                  question="Plus aucun dossier ne pourra être déposé."
                  confirmLabel="Clore"
                  onConfirm={async () => void (await close.mutateAsync({ id: call.id }).catch(() => undefined))}
                />
              )}
              {(call.status === 'PUBLIE' || call.status === 'CLOTURE') && (
                <ConfirmButton
                  label="Annuler l'appel"
                  question="L'appel quittera la page publique, sans suite."
                  confirmLabel="Annuler l'appel"
                  onConfirm={async () => void (await cancel.mutateAsync({ id: call.id }).catch(() => undefined))}
                />
              )}
              {call.dossierCount === 0 && (
                <ConfirmButton
                  label="Supprimer l'appel"
                  question="L'appel et ses pièces demandées seront supprimés."
                  confirmLabel="Supprimer"
                  onConfirm={async () => void (await remove.mutateAsync({ id: call.id }).catch(() => undefined))}
                />
              )}
            </div>
          )}
          <dl>
            <dt>Ouverture des dépôts</dt>
            <dd>{civilDateTime(call.opensAtLocal)}</dd>
            <dt>Clôture des dépôts</dt>
            <dd>{civilDateTime(call.closesAtLocal)}</dd>
            <dt>Fin de l'instruction</dt>
            <dd>{civilDate(call.instructionDueDate)}</dd>
            <dt>Comité</dt>
            <dd>{civilDate(call.committeeDate)}</dd>
            <dt>Structures éligibles</dt>
            <dd>{call.eligibleKinds.length === 0 ? 'Toutes' : call.eligibleKinds.map((k) => ORGANISATION_KIND_LABELS[k]).join(', ')}</dd>
            <dt>Financeurs</dt>
            <dd>{call.funders.length === 0 ? '—' : call.funders.map((f) => `${f.name} : ${euros(f.envelopeCents)}`).join(' ; ')}</dd>
          </dl>
          {manager && call.status !== 'ANNULE' && (
            <section aria-labelledby="edit-call-title" className="panel">
              <h2 id="edit-call-title">Modifier l'appel</h2>
              <CallForm key={`${call.id}-${call.status}`} siren={siren} contratId={call.contratId} call={call} />
            </section>
          )}
        </>
      )}
    </>
  );
}
