import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from './user.entity';

/** What a one-time account token lets its holder do. */
export enum AccountTokenPurpose {
  /** Answer an invitation into a territory (and choose a first password when the account has none). */
  INVITATION = 'INVITATION',
  /** Choose a new password (« mot de passe oublié »). */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Confirm a porteur's self sign-up (the address is theirs) and open its space in the territory. */
  PORTEUR_SIGNUP = 'PORTEUR_SIGNUP',
}

/**
 * A one-time token sent by e-mail to the address it belongs to, never to anyone else: the only proof that
 * the holder controls that address. Only SHA-256 of its 256-bit secret is kept. It is spent once (`used_at`)
 * or voided (`voided_at`: a newer token, the account's password set another way, the invitation answered
 * or cancelled), and it expires.
 *
 * A platform table (no RLS), like refresh tokens: the holder is not signed in, so nothing else could find
 * the row. An invitation token names its tenant and invitation; the invitation itself is then read under
 * RLS in that tenant. (No foreign key to it: the tenancy context depends on this one, not the reverse.)
 */
@Entity('account_tokens')
@Check('account_tokens_purpose_check', `"purpose" IN ('INVITATION', 'PASSWORD_RESET', 'PORTEUR_SIGNUP')`)
@Check('account_tokens_invitation_check', `("purpose" = 'INVITATION') = ("invitation_id" IS NOT NULL)`)
@Check('account_tokens_signup_check', `("purpose" = 'PORTEUR_SIGNUP') = ("signup_id" IS NOT NULL)`)
@Check('account_tokens_tenant_check', `("purpose" IN ('INVITATION', 'PORTEUR_SIGNUP')) = ("tenant_id" IS NOT NULL)`)
@Index('account_tokens_user_idx', ['userId'])
@Index('account_tokens_invitation_idx', ['tenantId', 'invitationId'])
export class AccountToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_tokens_user_fk' })
  user?: User;

  @Column('text')
  purpose: AccountTokenPurpose;

  @Column('text')
  tokenHash: string;

  /** For an invitation: its tenant and id. */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column('uuid', { nullable: true })
  invitationId: string | null;

  /** For a porteur's sign-up: the request (`porteur_signups`, in `tenant_id`). */
  @Column('uuid', { nullable: true })
  signupId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  voidedAt: Date | null;
}
