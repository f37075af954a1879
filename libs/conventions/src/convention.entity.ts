import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { Action } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import type { PaymentTranche } from './convention-text';

export enum ConventionStatus {
  BROUILLON = 'BROUILLON',
  EN_SIGNATURE = 'EN_SIGNATURE',
  SIGNEE = 'SIGNEE',
  ANNULEE = 'ANNULEE',
}
registerEnumType(ConventionStatus, {
  name: 'ConventionStatus',
  description: "État d'une convention de financement.",
  valuesMap: {
    BROUILLON: { description: 'Brouillon : aucune signature encore.' },
    EN_SIGNATURE: { description: 'En signature : au moins un signataire a signé la version en vigueur.' },
    SIGNEE: { description: 'Signée par tous les signataires de la version en vigueur.' },
    ANNULEE: { description: 'Annulée.' },
  },
});

export enum SignatoryRole {
  PORTEUR = 'PORTEUR',
  FINANCEUR = 'FINANCEUR',
}
registerEnumType(SignatoryRole, {
  name: 'SignatoryRole',
  description: "Qualité d'un signataire de convention.",
  valuesMap: {
    PORTEUR: { description: "Porteur de l'action." },
    FINANCEUR: { description: 'Financeur ayant accordé au moins une ligne.' },
  },
});

/** One tranche of a funder's schedule, as GraphQL serves it. */
@ObjectType('PaymentTranche', { description: "Tranche d'un échéancier : une part du montant, versée à une date ou sous une condition." })
export class PaymentTrancheType implements PaymentTranche {
  @Field(() => Int, { description: 'Part du montant du financeur, en pour cent.' })
  percent: number;

  @Field(() => String, { nullable: true, description: 'Condition de versement (« à la remise du bilan intermédiaire »).' })
  condition: string | null;

  @Field(() => String, { nullable: true, description: 'Date de versement (AAAA-MM-JJ).' })
  dueDate: string | null;
}

/** The convention de financement of one action; its text lives in versions. */
@ObjectType({ description: "Convention de financement d'une action, signée par le porteur et chaque financeur." })
@Entity('conventions')
@Index('conventions_action_key', ['tenantId', 'actionId'], { unique: true })
@Index('conventions_status_idx', ['tenantId', 'status'])
export class Convention extends TenantEntity {
  @Field(() => ID, { description: 'Action conventionnée.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('conventions_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => ConventionStatus, { description: 'État de la convention.' })
  @Column('text', { default: ConventionStatus.BROUILLON })
  status: ConventionStatus;

  @Field({ description: "Signature séquentielle : chaque signataire attend que le précédent (dans l'ordre) ait signé." })
  @Column('boolean', { default: false })
  sequential: boolean;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

/** One text of a convention: the first draft, then each avenant. A version is never edited. */
@ObjectType({ description: "Version d'une convention : le projet initial puis chaque avenant." })
@Entity('convention_versions')
@Index('convention_versions_number_key', ['tenantId', 'conventionId', 'number'], { unique: true })
@Check('convention_versions_number_check', '"number" >= 1')
export class ConventionVersion extends TenantEntity {
  @Field(() => ID, { description: 'Convention.' })
  @Column('uuid')
  conventionId: string;

  @ManyToOne(() => Convention, { onDelete: 'CASCADE' })
  @TenantJoin('convention_versions_convention_fk', ['convention_id', 'id'])
  convention?: Convention;

  @Field(() => Int, { description: 'Numéro de version (1 pour le projet initial, puis un par avenant).' })
  @Column('integer')
  number: number;

  /** Kept as rendered: what was signed must be readable as it was, even if the action changes later. */
  @Column('text')
  text: string;

  @Field({ description: 'Empreinte SHA-256 (hexadécimale) du texte canonique : la valeur à signer.' })
  @Column('text')
  hash: string;

  @Field(() => String, { nullable: true, description: "Motif de l'avenant (vide pour la version initiale)." })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Date limite du bilan fixée par la convention (AAAA-MM-JJ) ; vide : six mois après la fin de l'exercice.",
  })
  @Column('date', { nullable: true })
  bilanDueDate: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de création de la version.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Date à laquelle un avenant a remplacé cette version (vide si en vigueur).',
  })
  @Column('timestamptz', { nullable: true })
  supersededAt: Date | null;
}

/** A party to one version, with what it commits to (a funder) and its place in a sequential order. */
@ObjectType({ description: "Signataire d'une version de convention : porteur ou financeur, avec montant et échéancier." })
@Entity('convention_signatories')
@Index('convention_signatories_key', ['tenantId', 'versionId', 'organisationId'], { unique: true })
@Index('convention_signatories_organisation_idx', ['tenantId', 'organisationId'])
@Check('convention_signatories_advance_check', '"advance_percent" between 0 and 100')
@Check('convention_signatories_amount_check', '"amount_cents" >= 0')
export class ConventionSignatory extends TenantEntity {
  @Field(() => ID, { description: 'Version de la convention.' })
  @Column('uuid')
  versionId: string;

  @ManyToOne(() => ConventionVersion, { onDelete: 'CASCADE' })
  @TenantJoin('convention_signatories_version_fk', ['version_id', 'id'])
  version?: ConventionVersion;

  @Field(() => ID, { description: 'Organisation signataire.' })
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('convention_signatories_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field(() => SignatoryRole, { description: 'Porteur ou financeur.' })
  @Column('text')
  role: SignatoryRole;

  @Field(() => Int, {
    description: 'Rang de signature (1 = le porteur, puis les financeurs par nom) ; contraignant si la signature est séquentielle.',
  })
  @Column('integer')
  position: number;

  @Field(() => CentsScalar, {
    description: 'Montant accordé par ce financeur (somme de ses lignes décidées), en centimes ; 0 pour le porteur.',
  })
  @Column('bigint', { transformer: centsTransformer, default: 0 })
  amountCents: bigint;

  @Field(() => Int, { description: 'Part versée en avance à la signature, en pour cent (le solde est versé après le bilan).' })
  @Column('integer', { default: 50 })
  advancePercent: number;

  /** Part of the signed text (hence of the hash): changed only by a new version, like the amount. */
  @Field(() => [PaymentTrancheType], {
    description: "Tranches versées entre l'avance et le solde, dans l'ordre (vide : l'avance puis le solde).",
  })
  @Column('jsonb', { default: () => "'[]'" })
  tranches: PaymentTranche[];

  @Field(() => String, {
    nullable: true,
    description: 'Date limite du bilan propre à ce financeur (AAAA-MM-JJ) ; vide : celle de la convention.',
  })
  @Column('date', { nullable: true })
  bilanDueDate: string | null;
}

/** A signature: the organisation, the person who signed for it, and the exact text (hash) they signed. */
@ObjectType({ description: "Signature d'une version de convention par une organisation signataire." })
@Entity('convention_signatures')
@Index('convention_signatures_key', ['tenantId', 'versionId', 'organisationId'], { unique: true })
@Index('convention_signatures_mandate_document_idx', ['tenantId', 'mandateDocumentId'])
@Check(
  'convention_signatures_on_behalf_check',
  `("on_behalf" AND "signer_name" IS NOT NULL AND "signer_quality" IS NOT NULL AND "mandate_author" IS NOT NULL AND "mandate_document_id" IS NOT NULL)` +
    ` OR (NOT "on_behalf" AND "signer_name" IS NULL AND "signer_quality" IS NULL AND "mandate_author" IS NULL AND "mandate_document_id" IS NULL)`,
)
export class ConventionSignature extends TenantEntity {
  @Field(() => ID, { description: 'Version signée.' })
  @Column('uuid')
  versionId: string;

  @ManyToOne(() => ConventionVersion, { onDelete: 'CASCADE' })
  @TenantJoin('convention_signatures_version_fk', ['version_id', 'id'])
  version?: ConventionVersion;

  @Field(() => ID, { description: 'Organisation pour laquelle la signature est donnée.' })
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('convention_signatures_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field(() => ID, {
    description:
      "Utilisateur signataire, représentant de cette organisation ; pour une signature enregistrée pour le compte de l'organisation, celui qui l'a enregistrée.",
  })
  @Column('uuid')
  signedByUserId: string;

  /**
   * Recorded « pour le compte de » the organisation, which has no account, on its mandate: the person who
   * signed the paper is `signerName` (`signerQuality`), `signedByUserId` the one who recorded it. Served as
   * `onBehalf` (see `signature-on-behalf.resolver.ts`).
   */
  @Column('boolean', { default: false })
  onBehalf: boolean;

  @Column('text', { nullable: true })
  signerName: string | null;

  @Column('text', { nullable: true })
  signerQuality: string | null;

  /** Who at the organisation gave the mandate. */
  @Column('text', { nullable: true })
  mandateAuthor: string | null;

  /** The scanned mandate, a document (kind MANDAT) of the convention. */
  @Column('uuid', { nullable: true })
  mandateDocumentId: string | null;

  // By the entity's name: `@pilotis/documents` builds on this context, importing its class would close a cycle.
  @ManyToOne('Document')
  @TenantJoin('convention_signatures_mandate_document_fk', ['mandate_document_id', 'id'])
  mandateDocument?: unknown;

  @Field(() => GraphQLISODateTime, { description: 'Date de la signature.' })
  @Column('timestamptz', { default: () => 'now()' })
  signedAt: Date;

  @Field({ description: 'Empreinte SHA-256 du texte signé.' })
  @Column('text')
  hash: string;
}
