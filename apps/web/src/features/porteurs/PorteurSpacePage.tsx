import { Link, useParams, useSearchParams } from 'react-router-dom';

import { ErrorMessage, Loading } from '../../common/components';
import { civilDate, euros, STATUS_LABELS } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { CONVENTION_STATUS_LABELS } from '../conventions/conventions-queries';
import { DEADLINE_STATE_LABELS } from '../deadlines/deadline-links';
import { Colleagues } from './Colleagues';
import { OrganisationCard } from './OrganisationCard';
import { MY_ORGANISATION, PORTEUR_SPACE } from './porteur-queries';

/**
 * « Mon espace » (`/t/<siren>/espace`): a porteur's landing page in a territory — its organisation, its
 * colleagues, its actions with their status, the conventions it has to sign, the payments made to it and its
 * deadlines. Everything comes from the API's reads, which show a porteur its own organisation's only.
 */
export function PorteurSpacePage() {
  const { siren = '' } = useParams();
  const [params] = useSearchParams();
  const callId = params.get('appel');
  const session = useSession();
  const membership = session.tenants.find((t) => t.tenant.siren === siren);
  const organisation = useGraphQLQuery(MY_ORGANISATION, {}, { tenant: siren });
  const space = useGraphQLQuery(PORTEUR_SPACE, {}, { tenant: siren });
  const orgId = membership?.organisationId ?? null;

  if (organisation.isPending) return <Loading />;
  if (organisation.error) return <ErrorMessage error={organisation.error} />;
  const actions = space.data?.actions.nodes ?? [];
  const titleOf = new Map(actions.map((a) => [a.id, `${a.reference} — ${a.title}`]));
  const toSign = (space.data?.conventions.nodes ?? []).filter(
    (c) =>
      (c.status === 'BROUILLON' || c.status === 'EN_SIGNATURE') &&
      c.currentVersion.signatories.some((s) => s.organisationId === orgId) &&
      !c.currentVersion.signatures.some((s) => s.organisationId === orgId),
  );
  const paidLines = actions.flatMap((a) =>
    a.fundingLines.filter((l) => l.decidedAmountCents !== null).map((l) => ({ ...l, action: `${a.reference} — ${a.title}` })),
  );

  return (
    <div className="porteur-space">
      <h1>Mon espace</h1>
      {callId && (
        <p className="notice" role="status">
          Votre organisation est inscrite. <Link to={`/t/${siren}/appels/${callId}`}>Revenir à l’appel à projets</Link>
        </p>
      )}
      <OrganisationCard siren={siren} organisation={organisation.data.myOrganisation} legalForms={organisation.data.legalForms} />
      <Colleagues siren={siren} />
      {space.isPending ? (
        <Loading />
      ) : space.error ? (
        <ErrorMessage error={space.error} />
      ) : (
        <>
          <section aria-labelledby="actions-title">
            <h2 id="actions-title">Mes actions</h2>
            {actions.length === 0 ? (
              <p>Aucune action pour l’instant.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="sr-only">Les actions de mon organisation</caption>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">État</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link to={`/t/${siren}/actions/${a.id}`}>
                            {a.reference} — {a.title}
                          </Link>
                        </td>
                        <td>{STATUS_LABELS[a.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="to-sign-title">
            <h2 id="to-sign-title">Conventions à signer</h2>
            {toSign.length === 0 ? (
              <p>Aucune convention n’attend votre signature.</p>
            ) : (
              <ul>
                {toSign.map((c) => (
                  <li key={c.id}>
                    <Link to={`/t/${siren}/conventions?action=${c.actionId}`}>{titleOf.get(c.actionId) ?? 'Convention'}</Link>{' '}
                    <span className="muted">
                      · {CONVENTION_STATUS_LABELS[c.status]} · {c.signedCount} signature{c.signedCount > 1 ? 's' : ''} sur{' '}
                      {c.signatoryCount}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="payments-title">
            <h2 id="payments-title">Financements décidés et paiements</h2>
            {paidLines.length === 0 ? (
              <p>Aucun financement décidé pour l’instant.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="sr-only">Financements décidés, payés et restant à payer</caption>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">Financeur</th>
                      <th scope="col">Exercice</th>
                      <th scope="col" className="num">
                        Décidé
                      </th>
                      <th scope="col" className="num">
                        Payé
                      </th>
                      <th scope="col" className="num">
                        Reste à payer
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {paidLines.map((l) => (
                      <tr key={l.id}>
                        <td>{l.action}</td>
                        <td>{l.funder.name}</td>
                        <td>{l.exerciseYear}</td>
                        <td className="num">{euros(l.decidedAmountCents)}</td>
                        <td className="num">{euros(l.paidAmountCents)}</td>
                        <td className="num">{euros(l.remainingCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">Mes échéances</h2>
            {space.data.deadlines.nodes.length === 0 ? (
              <p>Aucune échéance.</p>
            ) : (
              <ul>
                {space.data.deadlines.nodes.map((d) => (
                  <li key={d.id}>
                    <Link to={`/t/${siren}/echeances/${d.id}`}>{d.label}</Link>{' '}
                    <span className="muted">
                      · {civilDate(d.dueDate)} ({d.dueIn}) · {DEADLINE_STATE_LABELS[d.state]}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
