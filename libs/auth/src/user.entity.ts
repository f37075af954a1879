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
   * argon2id; null until the invited person chooses a password. Never loaded with a user (`select: false`):
   * only the statements that check or test it ask for it (sign-in, change of password, invitations' "has
   * this account a password?"), so that no entity carrying it can reach a snapshot or a response.
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

  /**
   * Bumped by « se déconnecter partout » and by every password change: access tokens carry the epoch they
   * were issued in (`ep`) and die with it, instead of living out their 15 minutes.
   */
  @Column('integer', { default: 0 })
  sessionEpoch: number;
}
