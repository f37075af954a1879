import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { TenantEntity } from '@pilotis/db';

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

/** A partner of the tenant's contract: a funder (État, Région, CAF…) or a porteur (association, SCIC…). */
@ObjectType({ description: 'Partenaire du contrat : financeur ou porteur de projets.' })
@Entity('organisations')
@Index('organisations_siret_key', ['tenantId', 'siret'], { unique: true, where: 'siret IS NOT NULL' })
@Index('organisations_name_idx', ['tenantId', 'name'])
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

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field({ description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
