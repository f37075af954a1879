import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { ApiKeyScope } from '@pilotis/access';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { WEBHOOK_SECRET_SQL_PATTERN, WebhookEvent } from '@pilotis/shared';

/**
 * An API key of a service account (a finance system): created by a tenant admin, shown once, stored as a
 * SHA-256 of its secret (the secret is 256 random bits: a slow hash would add nothing but latency). A key
 * bound to an organisation sees and writes only what that organisation's representative would. Rotation
 * creates a new key under the same name and revokes the old one; every use is audited with the name.
 */
@ObjectType({ description: "Clé d'API d'un compte de service (système financier…) ; le secret n'est montré qu'à la création." })
@Entity('api_keys')
@Index('api_keys_name_idx', ['tenantId', 'name'])
@Check('api_keys_scopes_check', `"scopes" <@ array['READ', 'FINANCE_WRITE']::text[] and cardinality("scopes") > 0`)
export class ApiKey extends TenantEntity {
  @Field({ description: 'Nom du compte de service (ex. « Comptabilité du Département »).' })
  @Column('text')
  name: string;

  @Field(() => [ApiKeyScope], { description: 'Droits.' })
  @Column('text', { array: true })
  scopes: ApiKeyScope[];

  @Field(() => ID, {
    nullable: true,
    description: 'Organisation au nom de laquelle la clé agit (un financeur) ; vide : tout le territoire.',
  })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('api_keys_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  /** SHA-256 (hex) of the secret part. */
  @Column('text')
  secretHash: string;

  @Field({ description: 'Fin du secret, pour reconnaître la clé (« …a1b2 »).' })
  @Column('text')
  hint: string;

  @Field(() => ID, { description: 'Créée par.' })
  @Column('uuid')
  createdBy: string;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Dernière utilisation.' })
  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de révocation ; une clé révoquée est refusée aussitôt.' })
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Clé que celle-ci remplace (rotation).' })
  @Column('uuid', { nullable: true })
  replacesId: string | null;
}

/** A URL that receives the tenant's events, signed with the subscription's secret. */
@ObjectType({ description: 'Abonnement webhook : une URL qui reçoit des événements signés.' })
@Entity('webhook_subscriptions')
// The secret is stored sealed (AES-256-GCM under WEBHOOK_SECRETS_KEY), never in clear: PostgreSQL refuses any other form.
@Check('webhook_subscriptions_secret_sealed_check', `"secret" ~ '${WEBHOOK_SECRET_SQL_PATTERN}'`)
export class WebhookSubscription extends TenantEntity {
  @Field({ description: 'URL de réception (https, ou http pour une adresse autorisée).' })
  @Column('text')
  url: string;

  @Field(() => [WebhookEvent], { description: 'Événements envoyés.' })
  @Column('text', { array: true })
  events: WebhookEvent[];

  @Field({ description: 'Description libre.' })
  @Column('text', { default: '' })
  description: string;

  /**
   * The HMAC key of the signatures, sealed for this row (`v1:<iv>:<ciphertext>:<tag>`, `@pilotis/shared`
   * webhook-secrets): the clear secret is returned once, at creation, and opened again only by the worker
   * when it signs a delivery.
   */
  @Column('text')
  secret: string;

  @Field(() => ID, { description: 'Créé par.' })
  @Column('uuid')
  createdBy: string;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Date de désactivation ; plus aucun envoi n'est fait." })
  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;
}

export enum DeliveryState {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryState, {
  name: 'DeliveryState',
  description: "État d'un envoi webhook.",
  valuesMap: {
    PENDING: { description: 'À envoyer ou en cours de nouvelles tentatives.' },
    SUCCEEDED: { description: 'Reçu (réponse 2xx).' },
    FAILED: { description: 'Abandonné après toutes les tentatives ; peut être rejoué.' },
  },
});

/**
 * One event for one subscription, written in the transaction that publishes the event (so exactly one per
 * event and subscription), then sent by the worker with retries; its log is kept.
 */
@ObjectType({ description: "Envoi d'un événement à un abonnement webhook, avec son journal." })
@Entity('webhook_deliveries')
@Index('webhook_deliveries_event_key', ['tenantId', 'subscriptionId', 'eventId'], { unique: true })
@Index('webhook_deliveries_subscription_idx', ['tenantId', 'subscriptionId', 'createdAt'])
@Index('webhook_deliveries_pending_idx', ['tenantId', 'createdAt'], { where: `"state" = 'PENDING'` })
@Check('webhook_deliveries_state_check', `"state" in ('PENDING', 'SUCCEEDED', 'FAILED')`)
export class WebhookDelivery extends TenantEntity {
  @Field(() => ID, { description: 'Abonnement.' })
  @Column('uuid')
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @TenantJoin('webhook_deliveries_subscription_fk', ['subscription_id', 'id'])
  subscription?: WebhookSubscription;

  @Field(() => ID, { description: "Identifiant de l'événement (le même à chaque tentative : clé de déduplication du destinataire)." })
  @Column('uuid')
  eventId: string;

  @Field(() => WebhookEvent, { description: 'Événement.' })
  @Column('text')
  eventType: WebhookEvent;

  /** The exact body sent (and signed) at every attempt. */
  @Column('text')
  body: string;

  @Field(() => DeliveryState, { description: 'État.' })
  @Column('text', { default: DeliveryState.PENDING })
  state: DeliveryState;

  @Field(() => Int, { description: 'Tentatives faites.' })
  @Column('integer', { default: 0 })
  attempts: number;

  @Field(() => Int, { description: 'Nombre de rejeux demandés.' })
  @Column('integer', { default: 0 })
  replays: number;

  @Field(() => Int, { nullable: true, description: 'Dernier code HTTP reçu.' })
  @Column('integer', { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Dernière erreur.' })
  @Column('text', { nullable: true })
  lastError: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Dernière tentative.' })
  @Column('timestamptz', { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de réception (2xx).' })
  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
