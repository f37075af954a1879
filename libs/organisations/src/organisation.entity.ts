import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index } from 'typeorm';

import { TenantEntity } from '@pilotis/db';

import { SiaeType } from './organisation-identity';

/** What kind of partner an organisation is: a funder, a porteur of actions, or both. */
export enum OrganisationKind {
  ETAT = 'ETAT',
  REGION = 'REGION',
  DEPARTEMENT = 'DEPARTEMENT',
  EPCI = 'EPCI',
  COMMUNE = 'COMMUNE',
  CAF = 'CAF',
  BAILLEUR_SOCIAL = 'BAILLEUR_SOCIAL',
  BANQUE_DES_TERRITOIRES = 'BANQUE_DES_TERRITOIRES',
  FRANCE_TRAVAIL = 'FRANCE_TRAVAIL',
  ARS = 'ARS',
  UNION_EUROPEENNE = 'UNION_EUROPEENNE',
  FONDATION = 'FONDATION',
  ASSOCIATION = 'ASSOCIATION',
  SCIC = 'SCIC',
  SCOP = 'SCOP',
  CAE = 'CAE',
  REGIE_DE_QUARTIER = 'REGIE_DE_QUARTIER',
  SIAE = 'SIAE',
  ENTREPRISE = 'ENTREPRISE',
  AUTRE = 'AUTRE',
}
/** French labels of the kinds, for exports and documents (and, with a full stop, the schema's descriptions). */
export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  ETAT: 'État (préfecture, ministères)',
  REGION: 'Région',
  DEPARTEMENT: 'Département',
  EPCI: 'Intercommunalité (EPCI ou EPT)',
  COMMUNE: 'Commune',
  CAF: "Caisse d'allocations familiales",
  BAILLEUR_SOCIAL: 'Bailleur social',
  BANQUE_DES_TERRITOIRES: 'Banque des Territoires (Caisse des Dépôts)',
  FRANCE_TRAVAIL: 'France Travail',
  ARS: 'Agence régionale de santé',
  UNION_EUROPEENNE: 'Union européenne (FEDER, FSE…)',
  FONDATION: 'Fondation',
  ASSOCIATION: 'Association',
  SCIC: "Société coopérative d'intérêt collectif",
  SCOP: 'Société coopérative et participative',
  CAE: "Coopérative d'activité et d'emploi",
  REGIE_DE_QUARTIER: 'Régie de quartier',
  SIAE: "Structure d'insertion par l'activité économique (ACI, EI, AI…)",
  ENTREPRISE: 'Entreprise',
  AUTRE: 'Autre',
};
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'Nature du partenaire.',
  valuesMap: Object.fromEntries(Object.entries(ORGANISATION_KIND_LABELS).map(([kind, label]) => [kind, { description: `${label}.` }])),
});

/** Kinds that belong to the social and solidarity economy (ESS) whatever their ESUS status. */
export const ESS_KINDS: ReadonlySet<OrganisationKind> = new Set([
  OrganisationKind.ASSOCIATION,
  OrganisationKind.SCIC,
  OrganisationKind.SCOP,
  OrganisationKind.CAE,
  OrganisationKind.REGIE_DE_QUARTIER,
  OrganisationKind.SIAE,
  OrganisationKind.FONDATION,
]);

/** Kinds a porteur declares itself as when it signs up or edits its identity (never a funder's). */
export const PORTEUR_KINDS: ReadonlySet<OrganisationKind> = new Set([...ESS_KINDS, OrganisationKind.ENTREPRISE, OrganisationKind.AUTRE]);

/** A partner of the tenant's contract: a funder (État, Région, CAF…) or a porteur (association, SCIC…). */
@ObjectType({ description: 'Partenaire du contrat : financeur ou porteur de projets.' })
@Entity('organisations')
@Index('organisations_siret_key', ['tenantId', 'siret'], { unique: true, where: 'siret IS NOT NULL' })
@Index('organisations_name_idx', ['tenantId', 'name'])
@Check('organisations_rna_check', `"rna" ~ '^W[0-9]{9}$'`)
@Check('organisations_legal_form_check', `"legal_form" ~ '^[0-9]{4}$'`)
@Check('organisations_siae_check', `"siae_type" IS NULL OR ("iae" AND "siae_type" IN ('ACI', 'AI', 'EI', 'ETTI', 'EITI'))`)
@Check('organisations_postal_code_check', `"postal_code" ~ '^[0-9]{5}$'`)
export class Organisation extends TenantEntity {
  @Field({ description: 'Raison sociale ou nom usuel.' })
  @Column('text')
  name: string;

  @Field(() => OrganisationKind, { description: 'Nature du partenaire.' })
  @Column('text')
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'SIRET (14 chiffres, clé de contrôle vérifiée).' })
  @Column('varchar', { length: 14, nullable: true })
  siret: string | null;

  @Field({ description: "Titulaire de l'agrément ESUS (entreprise solidaire d'utilité sociale)." })
  @Column('boolean', { default: false })
  esus: boolean;

  @Field(() => String, { nullable: true, description: 'Numéro RNA (répertoire national des associations : W suivi de 9 chiffres).' })
  @Column('varchar', { length: 10, nullable: true })
  rna: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Forme juridique : code de catégorie juridique de l'INSEE (9220 : association déclarée…), voir `legalForms`.",
  })
  @Column('varchar', { length: 4, nullable: true })
  legalForm: string | null;

  @Field({ description: "Structure d'insertion par l'activité économique conventionnée (IAE)." })
  @Column('boolean', { default: false })
  iae: boolean;

  @Field(() => SiaeType, { nullable: true, description: 'Type de SIAE, pour une structure IAE.' })
  @Column('text', { nullable: true })
  siaeType: SiaeType | null;

  @Field({ description: "Membre d'un pôle territorial de coopération économique (PTCE)." })
  @Column('boolean', { default: false })
  ptce: boolean;

  @Field(() => String, { nullable: true, description: 'Adresse postale : numéro et voie.' })
  @Column('text', { nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true, description: 'Code postal (5 chiffres).' })
  @Column('varchar', { length: 5, nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'Commune.' })
  @Column('text', { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'Adresse e-mail de contact.' })
  @Column('text', { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Téléphone de contact.' })
  @Column('varchar', { length: 12, nullable: true })
  contactPhone: string | null;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field({ description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
