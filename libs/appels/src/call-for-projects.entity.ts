import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { ContratDeVille } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { OrganisationKind } from '@pilotis/organisations';

/** Whether a call can be read by the public. An open call is a published one between its opening and closing instants. */
export enum CallStatus {
  BROUILLON = 'BROUILLON',
  PUBLIE = 'PUBLIE',
  CLOTURE = 'CLOTURE',
  ANNULE = 'ANNULE',
}
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: "État d'un appel à projets.",
  valuesMap: {
    BROUILLON: { description: 'Brouillon : visible des seuls agents du territoire.' },
    PUBLIE: { description: 'Publié : sa page est publique ; ouvert aux dépôts entre sa date d’ouverture et sa clôture.' },
    CLOTURE: { description: 'Clos : plus aucun dépôt ; ses dossiers sont instruits.' },
    ANNULE: { description: 'Annulé : retiré de la page publique, sans suite.' },
  },
});

/**
 * A call for projects (« appel à projets ») of one contract and one exercise: what the territory asks
 * porteurs to answer, published on a public page, open to dossiers between `opensAt` and `closesAt`.
 * Both are instants (timestamptz): the territory types a civil date and time in its own time zone
 * (Europe/Paris), and a dossier submitted one second after the closing instant is refused wherever its
 * sender is. Dossiers answering it are actions carrying its id (`actions.call_id`).
 */
@ObjectType({ description: 'Appel à projets du contrat pour un exercice.' })
@Entity('calls_for_projects')
@Index('calls_for_projects_contrat_idx', ['tenantId', 'contratId', 'exercise'])
@Check('calls_for_projects_dates_check', '"closes_at" > "opens_at"')
@Check('calls_for_projects_title_check', 'length(btrim("title")) >= 1 and length("title") <= 200')
@Check('calls_for_projects_exercise_check', '"exercise" between 2000 and 2100')
@Check('calls_for_projects_status_check', `"status" in ('BROUILLON', 'PUBLIE', 'CLOTURE', 'ANNULE')`)
@Check(
  'calls_for_projects_published_check',
  `"status" = 'BROUILLON' or ("published_at" is not null and "opens_at" is not null and "closes_at" is not null)`,
)
@Check(
  'calls_for_projects_eligible_kinds_check',
  `"eligible_kinds" <@ array[${Object.values(OrganisationKind)
    .map((k) => `'${k}'`)
    .join(', ')}]::text[]`,
)
@Check('calls_for_projects_description_check', 'length("description") <= 20000')
@Check('calls_for_projects_committee_check', '"committee_date" >= "instruction_due_date"')
export class CallForProjects extends TenantEntity {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @Column('uuid')
  contratId: string;

  @ManyToOne(() => ContratDeVille)
  @TenantJoin('calls_for_projects_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field(() => Int, { description: 'Exercice (année civile) financé.' })
  @Column('integer')
  exercise: number;

  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;

  @Field({ description: "Texte de l'appel (contexte, priorités, critères)." })
  @Column('text', { default: '' })
  description: string;

  @Field(() => CallStatus, { description: 'État.' })
  @Column('text', { default: CallStatus.BROUILLON })
  status: CallStatus;

  /** Empty while a draft does not say yet; required to publish. */
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Ouverture des dépôts (instant).' })
  @Column('timestamptz', { nullable: true })
  opensAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Clôture des dépôts (instant) : aucun dossier ne peut plus être déposé ensuite.',
  })
  @Column('timestamptz', { nullable: true })
  closesAt: Date | null;

  @Field(() => String, { nullable: true, description: "Date limite de l'instruction des dossiers (AAAA-MM-JJ, fuseau du territoire)." })
  @Column('date', { nullable: true })
  instructionDueDate: string | null;

  @Field(() => String, { nullable: true, description: 'Date du comité qui décidera (AAAA-MM-JJ, fuseau du territoire).' })
  @Column('date', { nullable: true })
  committeeDate: string | null;

  /**
   * The kinds of structures that may answer (OrganisationKind values); empty: any. A porteur whose
   * organisation is of another kind cannot submit a dossier to the call.
   */
  @Field(() => [OrganisationKind], { description: 'Natures de structures éligibles (vide : toutes).' })
  @Column('text', { array: true, default: () => "'{}'" })
  eligibleKinds: OrganisationKind[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de publication.' })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de clôture, ou d’annulation.' })
  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
