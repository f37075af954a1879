import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { uuid } from '@pilotis/shared';

import { ApiKeyService } from './api-key.service';
import { ApiKey, WebhookDelivery, WebhookSubscription } from './integrations.entities';
import {
  ApiKeyCreated,
  CreateApiKeyInput,
  SubscribeWebhookInput,
  WebhookDeliveriesFilter,
  WebhookSubscriptionCreated,
} from './integrations.inputs';
import { WebhookService } from './webhook.service';

/** API keys and webhooks: the tenant admin's integration settings. */
@Resolver()
export class IntegrationsResolver {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly webhooks: WebhookService,
  ) {}

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Query(() => [ApiKey], { description: "Clés d'API des comptes de service du territoire (sans leurs secrets)." })
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => ApiKeyCreated, { description: "Crée une clé d'API ; son jeton n'est montré qu'une fois." })
  createApiKey(@Args('input', { description: 'Nom, droits, financeur éventuel.' }) input: CreateApiKeyInput): Promise<ApiKeyCreated> {
    return this.keys.create(input);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => ApiKeyCreated, {
    description: "Remplace une clé par une nouvelle (mêmes nom, droits et financeur) ; l'ancienne est révoquée aussitôt.",
  })
  rotateApiKey(@Args('id', { type: () => ID, description: 'Clé à remplacer.' }, uuid('id')) id: string): Promise<ApiKeyCreated> {
    return this.keys.rotate(id);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => ApiKey, { description: 'Révoque une clé : elle est refusée dès la requête suivante.' })
  revokeApiKey(@Args('id', { type: () => ID, description: 'Clé à révoquer.' }, uuid('id')) id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Query(() => [WebhookSubscription], { description: 'Abonnements webhook du territoire.' })
  webhookSubscriptions(): Promise<WebhookSubscription[]> {
    return this.webhooks.list();
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => WebhookSubscriptionCreated, {
    description:
      "Abonne une URL à des événements. L'adresse est vérifiée : adresses privées, locales et réservées refusées (ADDRESS_NOT_ALLOWED) sauf réglage du territoire.",
  })
  subscribeWebhook(
    @Args('input', { description: 'URL et événements.' }) input: SubscribeWebhookInput,
  ): Promise<WebhookSubscriptionCreated> {
    return this.webhooks.subscribe(input);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => WebhookSubscription, { description: 'Désactive un abonnement : plus aucun envoi.' })
  disableWebhook(@Args('id', { type: () => ID, description: 'Abonnement.' }, uuid('id')) id: string): Promise<WebhookSubscription> {
    return this.webhooks.disable(id);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Query(() => [WebhookDelivery], {
    description: "Journal des envois d'un abonnement : état, tentatives, dernier code et dernière erreur.",
  })
  webhookDeliveries(
    @Args('filter', { description: 'Abonnement, état, nombre.' }) filter: WebhookDeliveriesFilter,
  ): Promise<WebhookDelivery[]> {
    return this.webhooks.deliveries(filter);
  }

  @Allow(Permission.MANAGE_INTEGRATIONS)
  @Mutation(() => WebhookDelivery, {
    description: 'Rejoue un envoi (échoué ou réussi) : même corps, même identifiant d’événement, nouvelle signature.',
  })
  replayWebhookDelivery(@Args('id', { type: () => ID, description: 'Envoi.' }, uuid('id')) id: string): Promise<WebhookDelivery> {
    return this.webhooks.replay(id);
  }
}
