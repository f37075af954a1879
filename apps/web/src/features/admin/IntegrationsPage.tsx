import { FormEvent, useState } from 'react';
import { useParams } from 'react-router-dom';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field, Loading } from '../../common/components';
import { asApiError } from '../../common/errors';
import { dateTime } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { ApiKeyScope, WebhookEvent } from '../../gql/graphql';

const INTEGRATIONS = graphql(`
  query Integrations {
    apiKeys {
      id
      name
      scopes
      organisationId
      hint
      createdAt
      lastUsedAt
      revokedAt
      replacesId
    }
    webhookSubscriptions {
      id
      url
      events
      description
      createdAt
      disabledAt
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      token
      apiKey {
        id
        name
      }
    }
  }
`);
const ROTATE_KEY = graphql(`
  mutation RotateApiKey($id: ID!) {
    rotateApiKey(id: $id) {
      token
      apiKey {
        id
        name
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);
const SUBSCRIBE = graphql(`
  mutation SubscribeWebhook($input: SubscribeWebhookInput!) {
    subscribeWebhook(input: $input) {
      secret
      subscription {
        id
        url
      }
    }
  }
`);
const DISABLE = graphql(`
  mutation DisableWebhook($id: ID!) {
    disableWebhook(id: $id) {
      id
      disabledAt
    }
  }
`);
const DELIVERIES = graphql(`
  query WebhookDeliveries($filter: WebhookDeliveriesFilter!) {
    webhookDeliveries(filter: $filter) {
      id
      eventType
      state
      attempts
      replays
      lastStatusCode
      lastError
      createdAt
      deliveredAt
    }
  }
`);
const REPLAY = graphql(`
  mutation ReplayDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      state
      replays
    }
  }
`);

const SCOPES: [ApiKeyScope, string][] = [
  ['READ', 'Lecture'],
  ['FINANCE_WRITE', 'Engagements et paiements'],
];
const EVENTS: [WebhookEvent, string][] = [
  ['ACTION_PROGRAMMED', 'Action programmée'],
  ['DECISION_CORRECTED', 'Décision corrigée'],
  ['CONVENTION_SIGNED', 'Convention signée'],
  ['COMMITMENT_RECORDED', 'Engagement enregistré'],
  ['COMMITMENT_DECOMMITTED', 'Engagement réduit ou annulé'],
  ['PAYMENT_RECORDED', 'Paiement enregistré'],
  ['DEADLINE_OVERDUE', 'Échéance dépassée'],
];
const DELIVERY_STATES: Record<string, string> = { PENDING: 'En cours', SUCCEEDED: 'Reçu', FAILED: 'Échec' };

/** The tenant admin's integrations: API keys of service accounts, webhook subscriptions and their log. */
export function IntegrationsPage() {
  const { siren = '' } = useParams();
  const { data, error, isPending: loading } = useGraphQLQuery(INTEGRATIONS, {}, { tenant: siren });
  const changes = { tenant: siren, invalidates: [INTEGRATIONS] };
  const createKey = useGraphQLMutation(CREATE_KEY, changes);
  const rotateKey = useGraphQLMutation(ROTATE_KEY, changes);
  const revokeKey = useGraphQLMutation(REVOKE_KEY, changes);
  const subscribe = useGraphQLMutation(SUBSCRIBE, changes);
  const disable = useGraphQLMutation(DISABLE, changes);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  /** Runs an operation; its refusal is shown above the lists (the lists are read again by the mutation). */
  const act = async (fn: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await fn();
    } catch (e) {
      setFailure(asApiError(e));
    }
  };
  return (
    <>
      <h1>Intégrations</h1>
      <p className="muted">Clés d'API des systèmes financiers et abonnements webhook du territoire.</p>
      <ErrorMessage error={error ?? failure} />
      {secret && (
        <div className="notice" role="status">
          <p>
            <strong>{secret.label}</strong> — à conserver maintenant, il ne sera plus affiché :
          </p>
          <code className="secret">{secret.value}</code>
          <p>
            <button type="button" className="secondary" onClick={() => setSecret(null)}>
              C'est noté
            </button>
          </p>
        </div>
      )}
      {loading && <Loading />}
      {data && (
        <>
          <section aria-labelledby="keys-title">
            <h2 id="keys-title">Clés d'API</h2>
            <NewKeyForm
              onCreate={(input) =>
                act(async () => {
                  const created = (await createKey.mutateAsync({ input })).createApiKey;
                  setSecret({ label: `Jeton de la clé « ${created.apiKey.name} »`, value: created.token });
                })
              }
            />
            <table>
              <thead>
                <tr>
                  <th scope="col">Compte de service</th>
                  <th scope="col">Droits</th>
                  <th scope="col">Fin du secret</th>
                  <th scope="col">Dernier usage</th>
                  <th scope="col">État</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>{k.scopes.map((s) => SCOPES.find(([v]) => v === s)?.[1] ?? s).join(', ')}</td>
                    <td>…{k.hint}</td>
                    <td>{dateTime(k.lastUsedAt)}</td>
                    <td>{k.revokedAt ? `Révoquée le ${dateTime(k.revokedAt)}` : 'Active'}</td>
                    <td>
                      {!k.revokedAt && (
                        <>
                          <button
                            type="button"
                            className="secondary"
                            onClick={() =>
                              void act(async () => {
                                const rotated = (await rotateKey.mutateAsync({ id: k.id })).rotateApiKey;
                                setSecret({ label: `Nouveau jeton de la clé « ${rotated.apiKey.name} »`, value: rotated.token });
                              })
                            }
                          >
                            Renouveler<span className="sr-only"> la clé {k.name}</span>
                          </button>{' '}
                          <button
                            type="button"
                            className="secondary"
                            onClick={() =>
                              window.confirm(`Révoquer la clé « ${k.name} » ? Elle sera refusée immédiatement.`) &&
                              void act(() => revokeKey.mutateAsync({ id: k.id }))
                            }
                          >
                            Révoquer<span className="sr-only"> la clé {k.name}</span>
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="hooks-title">
            <h2 id="hooks-title">Webhooks</h2>
            <NewWebhookForm
              onCreate={(input) =>
                act(async () => {
                  const created = (await subscribe.mutateAsync({ input })).subscribeWebhook;
                  setSecret({ label: `Secret de signature de ${created.subscription.url}`, value: created.secret });
                })
              }
            />
            {data.webhookSubscriptions.map((w) => (
              <Subscription key={w.id} siren={siren} subscription={w} onDisable={() => void act(() => disable.mutateAsync({ id: w.id }))} />
            ))}
          </section>
        </>
      )}
    </>
  );
}

function NewKeyForm({ onCreate }: { onCreate(input: { name: string; scopes: ApiKeyScope[] }): Promise<void> }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['READ']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onCreate({ name, scopes }).then(() => setName(''));
  };
  return (
    <form onSubmit={submit} className="filters" aria-label="Nouvelle clé d'API">
      <Field label="Nom du compte de service">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />}
      </Field>
      <fieldset className="inline">
        <legend>Droits</legend>
        {SCOPES.map(([value, label]) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={scopes.includes(value)}
              onChange={(e) => setScopes(e.target.checked ? [...scopes, value] : scopes.filter((s) => s !== value))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit">Créer la clé</button>
    </form>
  );
}

function NewWebhookForm({ onCreate }: { onCreate(input: { url: string; events: WebhookEvent[]; description: string }): Promise<void> }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['PAYMENT_RECORDED']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onCreate({ url, events, description: '' }).then(() => setUrl(''));
  };
  return (
    <form onSubmit={submit} aria-label="Nouvel abonnement webhook">
      <Field label="URL de réception" hint="https ; les adresses privées sont refusées sauf réglage de la plateforme">
        {(p) => <input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required size={60} />}
      </Field>
      <fieldset className="inline">
        <legend>Événements</legend>
        {EVENTS.map(([value, label]) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={events.includes(value)}
              onChange={(e) => setEvents(e.target.checked ? [...events, value] : events.filter((s) => s !== value))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit">S'abonner</button>
    </form>
  );
}

function Subscription({
  siren,
  subscription,
  onDisable,
}: {
  siren: string;
  subscription: { id: string; url: string; events: string[]; disabledAt?: string | null };
  onDisable(): void;
}) {
  const { data, error } = useGraphQLQuery(DELIVERIES, { filter: { subscriptionId: subscription.id, first: 20 } }, { tenant: siren });
  const replay = useGraphQLMutation(REPLAY, { tenant: siren, invalidates: [DELIVERIES] });
  return (
    <article className="card" aria-label={`Abonnement ${subscription.url}`}>
      <h3>{subscription.url}</h3>
      <p className="muted">
        {subscription.events.map((e) => EVENTS.find(([v]) => v === e)?.[1] ?? e).join(', ')}
        {subscription.disabledAt ? ` · désactivé le ${dateTime(subscription.disabledAt)}` : ''}
      </p>
      {!subscription.disabledAt && (
        <p>
          <button type="button" className="secondary" onClick={onDisable}>
            Désactiver
          </button>
        </p>
      )}
      <ErrorMessage error={error} />
      <ErrorMessage error={replay.error} context="operation" />
      {data && data.webhookDeliveries.length > 0 && (
        <table className="compact">
          <caption>Derniers envois</caption>
          <thead>
            <tr>
              <th scope="col">Événement</th>
              <th scope="col">Créé</th>
              <th scope="col">État</th>
              <th scope="col" className="num">
                Tentatives
              </th>
              <th scope="col">Dernière réponse</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.webhookDeliveries.map((d) => (
              <tr key={d.id}>
                <td>{EVENTS.find(([v]) => v === d.eventType)?.[1] ?? d.eventType}</td>
                <td>{dateTime(d.createdAt)}</td>
                <td>{DELIVERY_STATES[d.state] ?? d.state}</td>
                <td className="num">{d.attempts}</td>
                <td>{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}</td>
                <td>
                  {d.state !== 'PENDING' && (
                    <button type="button" className="secondary" onClick={() => replay.mutate({ id: d.id })}>
                      Rejouer
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
