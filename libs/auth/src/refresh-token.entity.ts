import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from './user.entity';

/**
 * One refresh token of a rotation family. Presenting a token marks it used and issues the next one of the
 * same family; presenting a used token again means it was stolen, and revokes the whole family.
 */
@Entity('refresh_tokens')
@Index('refresh_tokens_family_idx', ['familyId'])
@Index('refresh_tokens_user_idx', ['userId'])
export class RefreshToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'refresh_tokens_user_fk' })
  user?: User;

  @Column('uuid')
  familyId: string;

  /** SHA-256 of the secret part; the secret itself is never stored. */
  @Column('text')
  tokenHash: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** When the session (the family) began, copied on every rotation: a session ends at the latest this plus the absolute lifetime. */
  @Column('timestamptz', { default: () => 'now()' })
  sessionStartedAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
