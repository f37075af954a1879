import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';

import { de } from '@pilotis/shared/french';

import type { ApiError } from '../../common/api';
import { ConfirmButton, ErrorMessage, Loading } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { asApiError, errorText } from '../../common/errors';
import { dateTime, euros } from '../../common/format';
import { graphQLKey, useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ConventionPdfButton } from './ConventionPapers';
import { awaits, Convention, CONVENTION_STATUS_LABELS, CONVENTIONS } from './conventions-queries';
import { OnBehalfSignForm } from './OnBehalfSignForm';
import { ScheduleEditor } from './ScheduleEditor';

const ACTION = graphql(`
  query ConventionAction($id: ID!) {
    action(id: $id) {
      id
      title
      reference
      status
      porteur {
        name
      }
    }
  }
`);

const TEXT = graphql(`
  query ConventionText($versionId: ID!) {
    conventionText(versionId: $versionId)
  }
`);

const SIGN = graphql(`
  mutation SignConvention($input: SignConventionInput!) {
    signConvention(input: $input) {
      id
      status
      signedCount
      signatoryCount
    }
  }
`);

/**
 * One convention: its action, status, version in force and signatories, its signature by my organisation
 * (or for an organisation without an account), its schedule, documents and text.
 */
export function ConventionCard({
  c,
  siren,
  org,
  announce,
}: {
  c: Convention;
  siren: string;
  org: string | null;
  announce(text: string): void;
}) {
  const action = useGraphQLQuery(ACTION, { id: c.actionId }, { tenant: siren });
  const queryClient = useQueryClient();
  const sign = useGraphQLMutation(SIGN, { tenant: siren, invalidates: [CONVENTIONS] });
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [showText, setShowText] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { can } = useTenantRole(siren);
  const withContrat = useContratLink();
  const v = c.currentVersion;
  const signedBy = new Map(v.signatures.map((s) => [s.organisationId, s.signedAt]));
  const onBehalfOf = new Map(v.signatures.map((s) => [s.organisationId, s.onBehalf]));
  const a = action.data?.action;
  const title = a ? a.title : 'Convention';
  const headingId = `convention-${c.id}`;
  const myTurnBlocked =
    c.sequential && org
      ? v.signatories.some(
          (s) => s.position < (v.signatories.find((x) => x.organisationId === org)?.position ?? 0) && !signedBy.has(s.organisationId),
        )
      : false;
  return (
    <li className="card" id={`convention-${c.id}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        {a && (
          <p className="muted">
            {a.reference} · porté par {a.porteur.name}
          </p>
        )}
        <p>
          <strong>
            {c.signedCount} sur {c.signatoryCount} signatures
          </strong>{' '}
          · {CONVENTION_STATUS_LABELS[c.status] ?? c.status}
          {v.number > 1 && ` · avenant n° ${v.number - 1}`}
          {c.sequential && ' · signature dans l’ordre'}
        </p>
        {v.reason && <p className="muted">Motif de l'avenant : {v.reason}</p>}
        {/* On a phone the four columns are wider than the screen: the table scrolls, not the page (focusable to scroll by keyboard). */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Signataires de la version ${v.number}`}>
          <table className="compact">
            <caption className="sr-only">Signataires de la version {v.number}</caption>
            <thead>
              <tr>
                <th scope="col">Signataire</th>
                <th scope="col" className="num">
                  Montant
                </th>
                <th scope="col">Échéancier</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {v.signatories.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {c.sequential && `${s.position}. `}
                    {s.organisation.name}
                    <span className="muted"> ({s.role === 'PORTEUR' ? 'porteur' : 'financeur'})</span>
                  </th>
                  <td className="num">{s.role === 'PORTEUR' ? '—' : euros(s.amountCents)}</td>
                  <td>
                    {s.role === 'PORTEUR' && s.amountCents === 0
                      ? '—'
                      : [
                          `avance ${s.advancePercent} %`,
                          ...s.tranches.map((t, i) => `tranche ${i + 1} : ${t.percent} %`),
                          `solde ${s.balancePercent} % après le bilan`,
                        ].join(' · ')}
                    {/* The API refuses a schedule once a signature is given (SIGNATURE_STARTED): the button follows the status it serves. */}
                    {c.status === 'BROUILLON' && can('MANAGE_ACTIONS') && s.role === 'FINANCEUR' && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={editing === s.organisationId}
                          onClick={() => setEditing((e) => (e === s.organisationId ? null : s.organisationId))}
                        >
                          Modifier l'échéancier
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    {signedBy.has(s.organisationId) ? `Signée le ${dateTime(signedBy.get(s.organisationId))}` : 'En attente'}
                    {onBehalfOf.get(s.organisationId) && (
                      <span className="on-behalf-mention">
                        {' '}
                        — signé par {onBehalfOf.get(s.organisationId)?.signerName} ({onBehalfOf.get(s.organisationId)?.signerQuality}) pour
                        le compte {de(s.organisation.name)} sur mandat {de(onBehalfOf.get(s.organisationId)?.mandateAuthor ?? '')},
                        enregistré par {onBehalfOf.get(s.organisationId)?.recordedByName}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing && (
          <ScheduleEditor
            conventionId={c.id}
            funder={{
              ...(v.signatories.find((s) => s.organisationId === editing) as Convention['currentVersion']['signatories'][number]),
              name: v.signatories.find((s) => s.organisationId === editing)?.organisation.name ?? '',
            }}
            siren={siren}
            invalidates={[CONVENTIONS]}
            onSaved={(text) => {
              setEditing(null);
              announce(text);
            }}
          />
        )}
        {v.signatories
          .filter((s) => s.viewerMaySignOnBehalf)
          .map((s) => (
            <OnBehalfSignForm
              key={s.id}
              conventionId={c.id}
              versionHash={v.hash}
              organisationId={s.organisationId}
              organisationName={s.organisation.name}
              siren={siren}
              invalidates={[CONVENTIONS]}
              onSigned={announce}
            />
          ))}
        {a && <ConventionPdfButton conventionId={c.id} versionNumber={v.number} reference={a.reference} siren={siren} />}
        <button type="button" className="link-button" aria-expanded={showText} onClick={() => setShowText((s) => !s)}>
          {showText ? 'Masquer le texte' : `Lire le texte de la version ${v.number}`}
        </button>
        {showText && <ConventionText versionId={v.id} siren={siren} />}
        <DocumentsPanel
          siren={siren}
          title="Exemplaire signé"
          titleLevel={3}
          owner="conventions"
          ownerId={c.id}
          documents={c.documents}
          kinds={['CONVENTION_SIGNEE', 'AUTRE']}
          mayAttach={c.viewerMayAttachDocuments}
          invalidates={[CONVENTIONS]}
          emptyText="Aucun exemplaire signé déposé."
        />
        <ErrorMessage error={problem} context="operation" />
        {awaits(c, org) && (
          <>
            {myTurnBlocked && <p className="muted">Signature dans l'ordre : les signataires précédents n'ont pas tous signé.</p>}
            <ConfirmButton
              label={`Signer « ${title} »`}
              question={
                <>
                  Vous signez pour votre organisation la version {v.number} de cette convention (empreinte{' '}
                  <code>{v.hash.slice(0, 12)}…</code>). La signature est définitive. Confirmer ?
                </>
              }
              confirmLabel="Confirmer la signature"
              onConfirm={async () => {
                setProblem(null);
                try {
                  const res = await sign.mutateAsync({ input: { conventionId: c.id, versionHash: v.hash } });
                  const s = res.signConvention;
                  announce(
                    s.status === 'SIGNEE'
                      ? `Convention « ${title} » signée de tous (${s.signedCount} sur ${s.signatoryCount}) : l'action est conventionnée.`
                      : `Votre signature est enregistrée : ${s.signedCount} sur ${s.signatoryCount} signatures.`,
                  );
                } catch (error) {
                  const apiError = asApiError(error);
                  setProblem(apiError);
                  if (apiError.code === 'VERSION_SUPERSEDED' || apiError.code === 'ALREADY_SIGNED') {
                    // The list changes under the card: the explanation is announced for the whole page too.
                    announce(errorText(apiError, 'operation'));
                    await queryClient.invalidateQueries({ queryKey: graphQLKey(CONVENTIONS) });
                  }
                }
              }}
            />
          </>
        )}
        {a && (
          <p>
            <Link to={withContrat(`/t/${siren}/actions/${c.actionId}`)}>Voir l'action {a.reference}</Link>
          </p>
        )}
      </article>
    </li>
  );
}

function ConventionText({ versionId, siren }: { versionId: string; siren: string }) {
  const text = useGraphQLQuery(TEXT, { versionId }, { tenant: siren });
  return (
    <>
      <ErrorMessage error={text.error} />
      {text.isPending && <Loading label="Chargement du texte…" />}
      {text.data && (
        <pre className="convention-text" tabIndex={0} aria-label="Texte de la convention">
          {text.data.conventionText}
        </pre>
      )}
    </>
  );
}
