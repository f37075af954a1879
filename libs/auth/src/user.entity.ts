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
   * argon2id; null until the invited person chooses a password. Never loaded unless asked for
   * (`addSelect('u.passwordHash')`), so that a user loaded with a relation cannot carry it into a snapshot,
   * a log or a response.
   */
  @Column('text', { nullable: true, select: false })
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
