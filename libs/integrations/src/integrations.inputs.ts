import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { ApiKeyScope } from '@pilotis/access';
import { MultiLine, WebhookEvent } from '@pilotis/shared';

import { ApiKey, DeliveryState, WebhookDelivery, WebhookSubscription } from './integrations.entities';

@InputType({ description: "Création d'une clé d'API pour un compte de service." })
export class CreateApiKeyInput {
  @Field({ description: 'Nom du compte de service (1 à 100 caractères), repris dans le journal d’audit à chaque usage.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => [ApiKeyScope], { description: 'Droits (au moins un).' })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ApiKeyScope, { each: true })
  scopes: ApiKeyScope[];

  @Field(() => ID, {
    nullable: true,
    description: "Financeur au nom duquel la clé agit : elle ne verra et n'écrira que ce qui le concerne.",
  })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;
}

@ObjectType({ description: "Clé d'API créée : le jeton n'est montré qu'ici, une seule fois." })
export class ApiKeyCreated {
  @Field(() => ApiKey, { description: 'La clé.' })
  apiKey: ApiKey;

  @Field({
    description: 'Jeton à transmettre dans l’en-tête X-Api-Key (ou Authorization: Bearer). Conservez-le : il ne sera plus affiché.',
  })
  token: string;
}

@InputType({ description: "Abonnement d'une URL à des événements." })
export class SubscribeWebhookInput {
  @Field({ description: 'URL de réception (https ; http seulement vers une adresse privée autorisée).' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEvent], { description: 'Événements à recevoir (au moins un).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEnum(WebhookEvent, { each: true })
  events: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'Description libre (200 caractères au plus).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @MultiLine()
  description?: string | null;
}

@ObjectType({ description: 'Abonnement créé : le secret de signature n’est montré qu’ici.' })
export class WebhookSubscriptionCreated {
  @Field(() => WebhookSubscription, { description: "L'abonnement." })
  subscription: WebhookSubscription;

  @Field({ description: 'Secret HMAC-SHA256 des signatures (en-tête Pilotis-Signature). Conservez-le : il ne sera plus affiché.' })
  secret: string;
}

@InputType({ description: 'Filtre des envois webhook.' })
export class WebhookDeliveriesFilter {
  @Field(() => ID, { description: 'Abonnement.' })
  @IsUUID('all')
  subscriptionId: string;

  @Field(() => DeliveryState, { nullable: true, description: 'Seulement cet état.' })
  @IsOptional()
  @IsEnum(DeliveryState)
  state?: DeliveryState | null;

  @Field(() => Int, { nullable: true, description: 'Nombre maximal (100 au plus, 50 par défaut), les plus récents d’abord.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;
}

export type { WebhookDelivery };
