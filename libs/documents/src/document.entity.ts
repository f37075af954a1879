import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { Action } from '@pilotis/actions';
import { CallRequiredPiece } from '@pilotis/appels';
import { Committee } from '@pilotis/comites';
import { Convention } from '@pilotis/conventions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { BilanReceipt } from '@pilotis/deadlines';

/**
 * What a document is attached to. An owner is a kind and an id; each kind has its own nullable column with
 * a composite foreign key (`action_id`, `convention_id`, `bilan_id`), which the CHECK below ties to
 * `owner_id`. A later owner (a mandate « pour le compte de » in a committee or a signature) adds a value,
 * a column with its key, and a branch of the CHECK.
 */
export enum DocumentOwnerKind {
  ACTION = 'ACTION',
  CONVENTION = 'CONVENTION',
  BILAN = 'BILAN',
  /** A committee: the mandates under which votes were recorded « pour le compte de » an organisation. */
  COMMITTEE = 'COMMITTEE',
}
registerEnumType(DocumentOwnerKind, {
  name: 'DocumentOwnerKind',
  description: 'Ce à quoi une pièce est jointe.',
  valuesMap: {
    ACTION: { description: "Le dossier d'une action (pièces de la demande)." },
    CONVENTION: { description: 'Une convention de financement (exemplaire signé).' },
    BILAN: { description: "Le bilan d'une action pour un exercice." },
    COMMITTEE: { description: 'Un comité (mandats des votes enregistrés pour le compte d’une organisation).' },
  },
});

/** The type of a piece: what the person says it is (its content type is read from its bytes). */
export enum DocumentKind {
  DEMANDE_SUBVENTION_CERFA_12156 = 'DEMANDE_SUBVENTION_CERFA_12156',
  STATUTS = 'STATUTS',
  RIB = 'RIB',
  BUDGET_PREVISIONNEL = 'BUDGET_PREVISIONNEL',
  CONVENTION_SIGNEE = 'CONVENTION_SIGNEE',
  COMPTE_RENDU_FINANCIER_CERFA_15059 = 'COMPTE_RENDU_FINANCIER_CERFA_15059',
  BILAN_QUALITATIF = 'BILAN_QUALITATIF',
  /** The scanned mandate under which a vote or a signature is recorded « pour le compte de » an organisation. */
  MANDAT = 'MANDAT',
  AUTRE = 'AUTRE',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: "Type d'une pièce.",
  valuesMap: {
    DEMANDE_SUBVENTION_CERFA_12156: { description: 'Demande de subvention (CERFA 12156).' },
    STATUTS: { description: "Statuts de l'association." },
    RIB: { description: "Relevé d'identité bancaire." },
    BUDGET_PREVISIONNEL: { description: "Budget prévisionnel de l'action." },
    CONVENTION_SIGNEE: { description: 'Exemplaire signé de la convention (scan).' },
    COMPTE_RENDU_FINANCIER_CERFA_15059: { description: 'Compte-rendu financier (CERFA 15059).' },
    BILAN_QUALITATIF: { description: "Bilan qualitatif de l'action." },
    MANDAT: { description: "Mandat (scan) d'une organisation sans compte, pour un vote ou une signature enregistré pour son compte." },
    AUTRE: { description: 'Autre pièce.' },
  },
});

/** The types a piece may have on each kind of owner. */
export const KINDS_OF_OWNER: Readonly<Record<DocumentOwnerKind, readonly DocumentKind[]>> = {
  ACTION: [
    DocumentKind.DEMANDE_SUBVENTION_CERFA_12156,
    DocumentKind.STATUTS,
    DocumentKind.RIB,
    DocumentKind.BUDGET_PREVISIONNEL,
    DocumentKind.AUTRE,
  ],
  CONVENTION: [DocumentKind.CONVENTION_SIGNEE, DocumentKind.MANDAT, DocumentKind.AUTRE],
  BILAN: [DocumentKind.COMPTE_RENDU_FINANCIER_CERFA_15059, DocumentKind.BILAN_QUALITATIF, DocumentKind.AUTRE],
  COMMITTEE: [DocumentKind.MANDAT, DocumentKind.AUTRE],
};

const inList = (kinds: readonly string[]): string => kinds.map((k) => `'${k}'`).join(', ');

/**
 * A file attached to an owner. Its bytes are in the document store (`DocumentStorage`, key
 * `<tenant>/<id>`); this row says what it is, whose it is, who brought it and its SHA-256, checked again
 * at every download. Rows are never updated: a new version of a piece is a new document.
 */
@ObjectType({ description: "Pièce jointe à un dossier d'action, une convention, un bilan ou un comité." })
@Entity('documents')
@Index('documents_owner_idx', ['tenantId', 'ownerKind', 'ownerId', 'uploadedAt'])
@Index('documents_action_idx', ['tenantId', 'actionId'])
@Index('documents_convention_idx', ['tenantId', 'conventionId'])
@Index('documents_bilan_idx', ['tenantId', 'bilanId'])
@Index('documents_committee_idx', ['tenantId', 'committeeId'])
// The hourly upload quota counts a person's recent uploads at every upload (`DocumentService`).
@Index('documents_uploader_idx', ['tenantId', 'uploadedBy', 'uploadedAt'])
@Index('documents_required_piece_key', ['tenantId', 'actionId', 'requiredPieceId'], {
  unique: true,
  where: '"required_piece_id" is not null',
})
@Check(
  'documents_owner_check',
  `("owner_kind" = 'ACTION' and "action_id" = "owner_id" and "convention_id" is null and "bilan_id" is null and "committee_id" is null and "kind" in (${inList(KINDS_OF_OWNER.ACTION)}))` +
    ` or ("owner_kind" = 'CONVENTION' and "convention_id" = "owner_id" and "action_id" is not null and "bilan_id" is null and "committee_id" is null and "kind" in (${inList(KINDS_OF_OWNER.CONVENTION)}))` +
    ` or ("owner_kind" = 'BILAN' and "bilan_id" = "owner_id" and "action_id" is not null and "convention_id" is null and "committee_id" is null and "kind" in (${inList(KINDS_OF_OWNER.BILAN)}))` +
    ` or ("owner_kind" = 'COMMITTEE' and "committee_id" = "owner_id" and "action_id" is null and "convention_id" is null and "bilan_id" is null and "kind" in (${inList(KINDS_OF_OWNER.COMMITTEE)}))`,
)
@Check('documents_sha256_check', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('documents_size_check', '"size_bytes" > 0')
export class Document extends TenantEntity {
  @Field(() => DocumentOwnerKind, { description: 'Nature de ce à quoi la pièce est jointe.' })
  @Column('text')
  ownerKind: DocumentOwnerKind;

  @Field(() => ID, { description: 'Identifiant de ce à quoi la pièce est jointe (action, convention, bilan ou comité).' })
  @Column('uuid')
  ownerId: string;

  /** The action the piece concerns: the owner itself, or the action of the convention or the bilan; none for a committee. */
  @Field(() => ID, { nullable: true, description: 'Action concernée (aucune pour une pièce de comité).' })
  @Column('uuid', { nullable: true })
  actionId: string | null;

  @ManyToOne(() => Action)
  @TenantJoin('documents_action_fk', ['action_id', 'id'])
  action?: Action;

  @Column('uuid', { nullable: true })
  conventionId: string | null;

  @ManyToOne(() => Convention)
  @TenantJoin('documents_convention_fk', ['convention_id', 'id'])
  convention?: Convention;

  @Column('uuid', { nullable: true })
  bilanId: string | null;

  @ManyToOne(() => BilanReceipt)
  @TenantJoin('documents_bilan_fk', ['bilan_id', 'id'])
  bilan?: BilanReceipt;

  @Column('uuid', { nullable: true })
  committeeId: string | null;

  @ManyToOne(() => Committee)
  @TenantJoin('documents_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  /** The call's required piece this file answers (a dossier's piece, one per piece and dossier), if any. */
  @Field(() => ID, { nullable: true, description: "Pièce demandée par l'appel à projets à laquelle ce fichier répond, s'il y en a une." })
  @Column('uuid', { nullable: true })
  requiredPieceId: string | null;

  @ManyToOne(() => CallRequiredPiece)
  @TenantJoin('documents_required_piece_fk', ['required_piece_id', 'id'])
  requiredPiece?: CallRequiredPiece;

  @Field(() => DocumentKind, { description: 'Type de la pièce.' })
  @Column('text')
  kind: DocumentKind;

  @Field({ description: 'Nom du fichier (nettoyé : sans dossier ni caractère réservé, avec l’extension de son type réel).' })
  @Column('text')
  fileName: string;

  @Field({ description: 'Type du contenu, lu dans le fichier lui-même (PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX).' })
  @Column('text')
  contentType: string;

  @Field(() => Int, { description: 'Taille, en octets.' })
  @Column('integer')
  sizeBytes: number;

  @Field({ description: 'Empreinte SHA-256 du contenu, en hexadécimal (vérifiée à chaque téléchargement).' })
  @Column('text')
  sha256: string;

  @Field(() => ID, { nullable: true, description: 'Personne qui a déposé la pièce.' })
  @Column('uuid', { nullable: true })
  uploadedBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Date du dépôt.' })
  @Column('timestamptz', { default: () => 'now()' })
  uploadedAt: Date;
}
