import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { Committee } from './committee.entity';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  REPRESENTE = 'REPRESENTE',
  EXCUSE = 'EXCUSE',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: "Présence d'une organisation membre à la séance d'un comité.",
  valuesMap: {
    PRESENT: { description: 'Présente.' },
    REPRESENTE: { description: 'Représentée (le nom du représentant est noté).' },
    EXCUSE: { description: 'Excusée.' },
  },
});

/**
 * The attendance of one member organisation at a committee's séance, as the chef de projet records it.
 * Beside the membership, not in it: who is a member is decided before the séance, who came during it;
 * an organisation without a row is simply « non renseignée » in the procès-verbal.
 */
@ObjectType({ description: "Présence d'une organisation membre à la séance d'un comité." })
@Entity('committee_attendance')
@Index('committee_attendance_organisation_idx', ['tenantId', 'organisationId'])
@Check('committee_attendance_representative_check', `("status" = 'REPRESENTE') = ("representative_name" is not null)`)
@Check('committee_attendance_status_check', `"status" in ('PRESENT', 'REPRESENTE', 'EXCUSE')`)
export class CommitteeAttendance {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Comité.' })
  @PrimaryColumn('uuid')
  committeeId: string;

  @Field(() => ID, { description: 'Organisation membre.' })
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @TenantJoin('committee_attendance_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  @ManyToOne(() => Organisation)
  @TenantJoin('committee_attendance_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field(() => AttendanceStatus, { description: 'Présente, représentée ou excusée.' })
  @Column('text')
  status: AttendanceStatus;

  @Field(() => String, { nullable: true, description: 'Nom du représentant, pour une organisation représentée (vide sinon).' })
  @Column('text', { nullable: true })
  representativeName: string | null;

  @Field(() => ID, { nullable: true, description: 'Utilisateur ayant noté la présence.' })
  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de la saisie.' })
  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
