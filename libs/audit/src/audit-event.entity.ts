import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { GraphQLJSON } from './json.scalar';

/** `bigint` column read as a number (a chain will not reach 2^53 events). */
export const seqTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * Append-only record of a decision or change in a tenant: who, when, what, before and after. The runtime
 * role may insert and read these rows, never update or delete them (grants and a trigger say so). A
 * trigger owned by the schema owner assigns `seq`, `prevHash`, `occurredAt`, `payloadDigest` and `hash`
 * (see audit-chain.ts); only an owner-side redaction may later replace `before`/`after` by a marker.
 */
@ObjectType({ description: "Événement du journal d'audit (lecture seule, ajout uniquement)." })
@Entity('audit_events')
@Index('audit_events_occurred_idx', ['tenantId', 'occurredAt'])
@Index('audit_events_entity_idx', ['tenantId', 'entityType', 'entityId'])
@Index('audit_events_seq_key', ['tenantId', 'seq'], { unique: true })
export class AuditEvent {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime, { description: "Instant de l'événement." })
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: "Auteur (utilisateur), si l'événement en a un." })
  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Field({ description: 'Opération, par exemple `action.transition`.' })
  @Column('text')
  operation: string;

  @Field({ description: "Type de l'objet concerné, par exemple `Action`." })
  @Column('text')
  entityType: string;

  @Field(() => ID, { nullable: true, description: "Identifiant de l'objet concerné." })
  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'État avant.' })
  @Column('jsonb', { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'État après.' })
  @Column('jsonb', { nullable: true })
  after: unknown;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Field({
    description: "Empreinte SHA-256 des états avant et après (couverte par l'empreinte de l'événement ; survit à leur caviardage).",
  })
  @Column('text')
  payloadDigest: string;

  @Field(() => Int, { description: 'Rang de l’événement dans la chaîne du territoire (1, 2, 3…).' })
  @Column('bigint', { transformer: seqTransformer })
  seq: number;

  @Field({ description: "Empreinte SHA-256 de l'événement précédent du territoire (64 zéros pour le premier)." })
  @Column('text')
  prevHash: string;

  @Field({ description: "Empreinte SHA-256 (hexadécimal) de la forme canonique de l'événement." })
  @Column('text')
  hash: string;
}
