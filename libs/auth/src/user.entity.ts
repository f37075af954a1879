import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person. Users are platform-wide (one person may belong to several tenants); what they may see of a
 * tenant comes only from their memberships.
 */
@ObjectType({ description: 'Une personne utilisatrice de Pilotis.' })
@Entity('users')
@Index('users_email_key', ['email'], { unique: true })
export class User {
  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: 'Adresse e-mail (identifiant de connexion), en minuscules.' })
  @Column('text')
  email: string;

  @Field({ description: 'Nom affiché.' })
  @Column('text')
  displayName: string;

  /**
   * argon2id; null until the invited person chooses a password. Meant to be `select: false` (sign-in
   * already asks for it explicitly); it stays loaded until invitations (libs/tenancy) ask for it too, since
   * their "has this account a password?" check would otherwise see none and hand out an invitation token
   * for an existing account. Snapshots drop it meanwhile (`snapshot` in libs/audit).
   */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Field({ description: 'Administrateur de la plateforme (sans accès aux données des territoires).' })
  @Column('boolean', { default: false })
  platformAdmin: boolean;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;
}
