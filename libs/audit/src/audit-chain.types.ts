import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { GraphQLJSON } from './json.scalar';

@ObjectType({ description: "Résultat de la vérification de la chaîne d'audit du territoire." })
export class AuditChainReport {
  @Field({
    description:
      'Vrai si chaque événement est intact, relié au précédent, sans trou, jusqu’à la tête de chaîne et sans événement au-delà, et si le dernier point de contrôle signé correspond à la chaîne.',
  })
  valid: boolean;

  @Field(() => Int, { description: 'Nombre d’événements examinés (jusqu’au premier invalide inclus).' })
  checked: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rang du premier événement invalide (ou du point de contrôle en défaut), le cas échéant.',
  })
  firstInvalidSeq: number | null;

  @Field(() => ID, { nullable: true, description: 'Identifiant du premier événement invalide, le cas échéant.' })
  firstInvalidEventId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Motif : `hash_mismatch` (champs de l’événement modifiés), `payload_mismatch` (états avant/après modifiés sans caviardage), `broken_link` (lien au précédent rompu), `sequence_gap` (événement manquant), `head_mismatch` (fin de chaîne manquante ou tête altérée), `beyond_head` (événement écrit au-delà de la tête de chaîne), `checkpoint_mismatch` (la chaîne ne correspond plus au point de contrôle signé : réécrite), `checkpoint_signature` (signature du point de contrôle invalide), `redaction_unrecorded` (caviardage absent de la chaîne).',
  })
  reason: string | null;

  @Field(() => Int, { description: 'Rang de la tête de chaîne enregistrée (0 sans événement).' })
  headSeq: number;

  @Field(() => Int, { description: 'Nombre d’événements dont les états avant/après ont été caviardés (chacun consigné dans la chaîne).' })
  redacted: number;

  @Field(() => Int, { nullable: true, description: 'Rang du dernier point de contrôle signé, s’il y en a un.' })
  checkpointSeq: number | null;

  @Field(() => String, { nullable: true, description: 'Instant de signature du dernier point de contrôle (ISO 8601, UTC).' })
  checkpointAt: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Vrai si la signature (HMAC) du dernier point de contrôle a été vérifiée avec la clé ; nul sans point de contrôle.',
  })
  checkpointSignatureChecked: boolean | null;
}

@ObjectType({
  description: "Point de contrôle signé de la chaîne d'audit : la tête (rang, empreinte) à un instant, authentifiée par HMAC-SHA256.",
})
export class AuditCheckpointSigned {
  @Field(() => Int, { description: 'Rang de la tête de chaîne.' })
  seq: number;

  @Field({ description: 'Empreinte de l’événement de ce rang.' })
  hash: string;

  @Field({ description: 'Instant de signature (`YYYY-MM-DDTHH:MM:SS.mmmZ`, couvert par la signature).' })
  at: string;

  @Field({ description: 'HMAC-SHA256 (hexadécimal) avec la clé des points de contrôle, qui n’est jamais en base.' })
  mac: string;

  @Field({ description: 'Vrai pour le dernier point de contrôle enregistré par le worker ; faux pour celui signé pour cet export.' })
  stored: boolean;
}

@ObjectType({ description: "Événement chaîné du journal d'audit, avec les champs exacts couverts par son empreinte." })
export class AuditChainEvent {
  @Field(() => Int, { description: 'Rang dans la chaîne du territoire.' })
  seq: number;

  @Field(() => ID, { description: 'Identifiant.' })
  id: string;

  @Field({ description: 'Instant, forme canonique UTC à la microseconde (`YYYY-MM-DDTHH:MM:SS.ffffffZ`).' })
  occurredAt: string;

  @Field(() => ID, { nullable: true, description: 'Auteur (utilisateur), le cas échéant.' })
  actorUserId: string | null;

  @Field({ description: 'Opération.' })
  operation: string;

  @Field({ description: "Type de l'objet concerné." })
  entityType: string;

  @Field(() => ID, { nullable: true, description: "Identifiant de l'objet concerné." })
  entityId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'État avant (ou marque de caviardage).' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'État après (ou marque de caviardage).' })
  after: unknown;

  @Field({ description: 'Empreinte SHA-256 des états avant et après, couverte par l’empreinte de l’événement.' })
  payloadDigest: string;

  @Field({ description: "Empreinte de l'événement précédent (64 zéros pour le premier)." })
  prevHash: string;

  @Field({ description: "Empreinte SHA-256 de l'événement." })
  hash: string;
}

@ObjectType({ description: "Page d'export de la chaîne d'audit, vérifiable hors ligne (`scripts/verify-audit-export.ts`)." })
export class AuditExportPage {
  @Field(() => ID, { description: 'Identifiant du territoire (couvert par chaque empreinte).' })
  tenantId: string;

  @Field(() => [AuditChainEvent], { description: 'Événements, par rang croissant.' })
  events: AuditChainEvent[];

  @Field({ description: 'Vrai s’il reste des événements après cette page.' })
  hasMore: boolean;

  @Field(() => Int, { nullable: true, description: 'Rang du dernier événement de la page (à passer en `afterSeq` pour la suite).' })
  lastSeq: number | null;

  @Field(() => [AuditCheckpointSigned], {
    description:
      'Le dernier point de contrôle enregistré et un point de contrôle de la tête signé pour cet export (la page s’arrête à cette tête) : un export complet doit les atteindre.',
  })
  checkpoints: AuditCheckpointSigned[];
}

@ArgsType()
export class AuditExportArgs {
  @Field(() => Int, { defaultValue: 0, description: 'Exporter les événements de rang strictement supérieur (0 : depuis le début).' })
  @IsInt()
  @Min(0)
  afterSeq: number = 0;

  @Field(() => Int, { defaultValue: 100, description: 'Nombre d’événements de la page (1 à 100).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 100;
}
