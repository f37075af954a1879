import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum TenantKind {
  METROPOLE = 'METROPOLE',
  COMMUNAUTE_URBAINE = 'COMMUNAUTE_URBAINE',
  COMMUNAUTE_AGGLOMERATION = 'COMMUNAUTE_AGGLOMERATION',
  COMMUNAUTE_COMMUNES = 'COMMUNAUTE_COMMUNES',
  EPT = 'EPT',
}
registerEnumType(TenantKind, {
  name: 'TenantKind',
  description: "Nature juridique de l'intercommunalité.",
  valuesMap: {
    METROPOLE: { description: 'Métropole.' },
    COMMUNAUTE_URBAINE: { description: 'Communauté urbaine.' },
    COMMUNAUTE_AGGLOMERATION: { description: "Communauté d'agglomération." },
    COMMUNAUTE_COMMUNES: { description: 'Communauté de communes.' },
    EPT: { description: 'Établissement public territorial (Grand Paris).' },
  },
});

/**
 * An intercommunalité (EPCI or EPT) that holds a contrat de ville: one tenant each, identified by its
 * SIREN and described by the official list (@etalab/decoupage-administratif). Created by a platform
 * command, never by the runtime role.
 */
@ObjectType({ description: 'Une intercommunalité (EPCI ou EPT), locataire de Pilotis.' })
@Entity('tenants')
@Index('tenants_siren_key', ['siren'], { unique: true })
export class Tenant {
  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: "SIREN de l'intercommunalité (9 chiffres) ; c'est la valeur de l'en-tête X-Tenant." })
  @Column('varchar', { length: 9 })
  siren: string;

  @Field({ description: 'Nom officiel.' })
  @Column('text')
  name: string;

  @Field(() => TenantKind, { description: 'Nature juridique.' })
  @Column('text')
  kind: TenantKind;

  @Field(() => [String], { description: 'Codes des départements couverts.' })
  @Column('text', { array: true })
  departements: string[];

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
