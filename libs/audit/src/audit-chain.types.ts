import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from './json.scalar';

@ObjectType({ description: "Résultat de la vérification de la chaîne d'audit du territoire." })
export class AuditChainReport {
  @Field({ description: 'Vrai si chaque événement est intact, relié au précédent, sans trou, jusqu’à la tête de chaîne.' })
  valid: boolean;

  @Field(() => Int, { description: 'Nombre d’événements examinés (jusqu’au premier invalide inclus).' })
  checked: number;

  @Field(() => Int, { nullable: true, description: 'Rang du premier événement invalide, le cas échéant.' })
  firstInvalidSeq: number | null;

  @Field(() => ID, { nullable: true, description: 'Identifiant du premier événement invalide, le cas échéant.' })
  firstInvalidEventId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Motif : `hash_mismatch` (contenu modifié), `broken_link` (lien au précédent rompu), `sequence_gap` (événement manquant), `head_mismatch` (fin de chaîne manquante ou tête altérée).',
  })
  reason: string | null;
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

  @Field(() => GraphQLJSON, { nullable: true, description: 'État avant.' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'État après.' })
  after: unknown;

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
