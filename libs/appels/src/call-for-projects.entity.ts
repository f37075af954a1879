import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { ContratDeVille } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';

/** Whether a call can be read by the public. An open call is a published one between its opening and closing instants. */
export enum CallStatus {
  BROUILLON = 'BROUILLON',
  PUBLIE = 'PUBLIE',
}
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: "État d'un appel à projets.",
  valuesMap: {
    BROUILLON: { description: 'Brouillon : visible des seuls agents du territoire.' },
    PUBLIE: { description: 'Publié : sa page est publique ; ouvert aux dépôts entre sa date d’ouverture et sa clôture.' },
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
export class CallForProjects extends TenantEntity {
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

  @Field(() => GraphQLISODateTime, { description: 'Ouverture des dépôts.' })
  @Column('timestamptz')
  opensAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Clôture des dépôts : aucun dossier ne peut plus être déposé ensuite.' })
  @Column('timestamptz')
  closesAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de publication.' })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
