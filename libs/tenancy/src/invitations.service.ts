import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';

import { Role } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { AccountMail, AccountTokenPurpose, AccountTokens, AuthService, INVITATION_TOKEN_TTL_MS, normaliseEmail } from '@pilotis/auth';
import { Db, TenantScope } from '@pilotis/db';
import { Clock, conflict, DomainError, ErrorCode, notFound } from '@pilotis/shared';

import { Membership } from './membership.entity';
import { InvitationStatus, MembershipInvitation } from './membership-invitation.entity';
import { InvitationPreview, InviteMemberInput, PendingInvitation } from './tenancy.inputs';
import { membershipSnapshot, TenancyService } from './tenancy.service';
import { TENANCY_SQL } from './tenancy.sql';
import { Tenant } from './tenant.entity';

const ROLE_LABELS: Record<Role, string> = {
  TENANT_ADMIN: 'administrateur du territoire',
  CHEF_DE_PROJET: 'chef de projet',
  FUNDER_REPRESENTATIVE: 'représentant d’un financeur',
  DELEGUE_PREFET: 'délégué du préfet',
  AUDITOR: 'auditeur (lecture seule)',
  PORTEUR_REPRESENTATIVE: 'représentant d’un porteur de projet',
};

/** What the audit trail keeps of an invitation. */
function invitationSnapshot(i: MembershipInvitation): Record<string, unknown> {
  return {
    id: i.id,
    userId: i.userId,
    email: i.email,
    role: i.role,
    organisationId: i.organisationId,
    status: i.status,
    expiresAt: i.expiresAt,
  };
}

const SIGN_IN_REQUIRED =
  'Vous avez déjà un compte Pilotis : connectez-vous pour accepter ou refuser cette invitation (rubrique « Invitations en attente »).';

/**
 * Invitations into a territory, and the invited person's consent.
 *
 * An admin invites an address; the invitation is e-mailed to that address — inside the inviting
 * transaction, so that « invitation envoyée » means the mail server took it — and the admin never sees a
 * token. The invitation grants nothing until the person accepts it: through the e-mailed link when the
 * account has no password yet (they choose one), or from their own session otherwise. The admin's answer
 * and view are the same whether or not the address already had an account.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
    private readonly tokens: AccountTokens,
    private readonly mail: AccountMail,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async invite(input: InviteMemberInput): Promise<MembershipInvitation> {
    await this.tenancy.checkOrganisation(input.role, input.organisationId ?? null);
    const email = normaliseEmail(input.email);
    const userId = await this.accountOf(email, input.displayName.trim());
    if (await (await this.db.repository(Membership)).exists({ userId, revokedAt: IsNull() }))
      throw conflict('Cette personne est déjà membre du territoire.');
    return this.record(userId, email, input.displayName.trim(), input.role, input.organisationId ?? null);
  }

  /**
   * A porteur invites a colleague into its own organisation's space (role PORTEUR_REPRESENTATIVE, bound to
   * the same organisation). ALREADY_MEMBER only when the address already represents that same organisation;
   * a member of anything else in the territory is invited like anyone (the answer tells nothing about
   * them; they will be told, not the inviter, when they try to accept).
   */
  async inviteColleague(rawEmail: string, displayName: string): Promise<MembershipInvitation> {
    const organisationId = this.ownOrganisation();
    const email = normaliseEmail(rawEmail);
    const userId = await this.accountOf(email, displayName.trim());
    if (await (await this.db.repository(Membership)).exists({ userId, organisationId, revokedAt: IsNull() })) {
      throw new DomainError(ErrorCode.ALREADY_MEMBER, 'Cette personne fait déjà partie de votre organisation sur ce territoire.');
    }
    return this.record(userId, email, displayName.trim(), Role.PORTEUR_REPRESENTATIVE, organisationId);
  }

  /** The pending invitations of the caller's own organisation. */
  async ofMyOrganisation(): Promise<MembershipInvitation[]> {
    return (await this.db.repository(MembershipInvitation)).find({
      where: { organisationId: this.ownOrganisation(), role: Role.PORTEUR_REPRESENTATIVE, status: InvitationStatus.PENDING },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Re-sends one of the caller's organisation's invitations (another's is NOT_FOUND). */
  async resendColleague(invitationId: string): Promise<MembershipInvitation> {
    await this.assertOfMyOrganisation(invitationId);
    return this.resend(invitationId);
  }

  async cancelColleague(invitationId: string): Promise<MembershipInvitation> {
    await this.assertOfMyOrganisation(invitationId);
    return this.cancel(invitationId);
  }

  private ownOrganisation(): string {
    const organisationId = this.db.tenant().organisationId;
    // A bound membership that names no organisation has no space (the role allows it; there is nothing to show).
    if (!organisationId) throw notFound('Organisation');
    return organisationId;
  }

  private async assertOfMyOrganisation(invitationId: string): Promise<void> {
    const invitation = await (await this.db.repository(MembershipInvitation)).findOne({ id: invitationId });
    if (!invitation || invitation.organisationId !== this.ownOrganisation() || invitation.role !== Role.PORTEUR_REPRESENTATIVE) {
      throw notFound('Invitation');
    }
  }

  /**
   * Records a pending invitation and e-mails it: one pending invitation per address, territory and
   * organisation, so that whether another organisation invited the address tells nothing.
   */
  private async record(
    userId: string,
    email: string,
    displayName: string,
    role: Role,
    organisationId: string | null,
  ): Promise<MembershipInvitation> {
    const invitations = await this.db.repository(MembershipInvitation);
    if (await invitations.exists({ userId, organisationId: organisationId ?? IsNull(), status: InvitationStatus.PENDING })) {
      throw conflict('Une invitation est déjà en attente pour cette adresse : renvoyez-la ou annulez-la.');
    }
    const invitation: MembershipInvitation = {
      tenantId: invitations.tenantId,
      id: randomUUID(),
      userId,
      email,
      displayName,
      role,
      organisationId,
      invitedBy: this.db.actor().userId,
      status: InvitationStatus.PENDING,
      createdAt: this.clock.now(),
      expiresAt: new Date(this.clock.now().getTime() + INVITATION_TOKEN_TTL_MS),
      sentAt: this.clock.now(),
      respondedAt: null,
    };
    await invitations.insert(invitation);
    await this.audit.record({
      operation: 'invitation.create',
      entityType: 'MembershipInvitation',
      entityId: invitation.id,
      after: invitationSnapshot(invitation),
    });
    await this.send(invitation);
    return invitation;
  }

  /** A new link (the earlier ones stop working) and a new week to answer. */
  async resend(invitationId: string): Promise<MembershipInvitation> {
    const invitation = await this.lockOwnTenant(invitationId);
    if (invitation.status !== InvitationStatus.PENDING) throw conflict('Cette invitation n’est plus en attente.');
    const before = invitationSnapshot(invitation);
    invitation.expiresAt = new Date(this.clock.now().getTime() + INVITATION_TOKEN_TTL_MS);
    invitation.sentAt = this.clock.now();
    await (
      await this.db.repository(MembershipInvitation)
    ).update({ id: invitation.id }, { expiresAt: invitation.expiresAt, sentAt: invitation.sentAt });
    await this.audit.record({
      operation: 'invitation.resend',
      entityType: 'MembershipInvitation',
      entityId: invitation.id,
      before,
      after: invitationSnapshot(invitation),
    });
    await this.send(invitation);
    return invitation;
  }

  async cancel(invitationId: string): Promise<MembershipInvitation> {
    const invitation = await this.lockOwnTenant(invitationId);
    if (invitation.status !== InvitationStatus.PENDING) throw conflict('Cette invitation n’est plus en attente.');
    return this.close(invitation, InvitationStatus.CANCELLED, 'invitation.cancel');
  }

  async list(includeAnswered: boolean): Promise<MembershipInvitation[]> {
    return (await this.db.repository(MembershipInvitation)).find({
      where: includeAnswered ? {} : { status: InvitationStatus.PENDING },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * « Invitations en attente »: the caller's own, in every territory, not expired. Cross-tenant (no tenant
   * repository applies): the context's SQL, then the platform `tenants` table through the manager.
   */
  async mine(): Promise<PendingInvitation[]> {
    const rows = await this.db.query<{
      id: string;
      tenant_id: string;
      role: Role;
      organisation_id: string | null;
      expires_at: Date;
      created_at: Date;
      inviter: string | null;
    }>(TENANCY_SQL.pendingInvitationsOf, [this.db.actor().userId, this.clock.now()]);
    if (rows.length === 0) return [];
    const manager = await this.db.manager();
    const tenants = new Map((await manager.find(Tenant, { where: { id: In(rows.map((r) => r.tenant_id)) } })).map((t) => [t.id, t]));
    return rows.map((r) => ({
      id: r.id,
      tenant: tenants.get(r.tenant_id) as Tenant,
      role: r.role,
      organisationId: r.organisation_id,
      invitedBy: r.inviter,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }

  /** What the invitation page shows before anything is decided: the token is read, not spent. */
  async preview(token: string): Promise<InvitationPreview> {
    const found = await this.tokens.peek(token, AccountTokenPurpose.INVITATION);
    const invitation = await this.enterInvitationTenant(found.tenantId as string, found.invitationId as string, found.userId, false);
    this.assertOpen(invitation);
    const [tenant] = await this.db.query<{ name: string }>('select name from tenants where id = $1', [invitation.tenantId]);
    const [account] = await this.db.query<{ has_password: boolean; inviter: string | null }>(
      `select u.password_hash is not null as has_password, (select display_name from users where id = $2) as inviter from users u where u.id = $1`,
      [invitation.userId, invitation.invitedBy],
    );
    return {
      email: invitation.email,
      tenantName: tenant.name,
      role: invitation.role,
      invitedBy: account.inviter,
      expiresAt: invitation.expiresAt,
      accountReady: account.has_password,
    };
  }

  /**
   * Accepting through the e-mailed link: only for an account that has no password yet, which the person
   * chooses here. An account that has one is answered SIGN_IN_REQUIRED and its token is left unspent: its
   * owner accepts from their session, so that whoever gets hold of a link cannot add a territory to someone
   * else's account.
   */
  async acceptWithToken(token: string, password: string | undefined): Promise<boolean> {
    const found = await this.tokens.peek(token, AccountTokenPurpose.INVITATION);
    const [account] = await this.db.query<{ has_password: boolean; disabled: boolean }>(
      'select password_hash is not null as has_password, disabled_at is not null as disabled from users where id = $1',
      [found.userId],
    );
    if (account.has_password) throw new DomainError(ErrorCode.SIGN_IN_REQUIRED, SIGN_IN_REQUIRED);
    if (account.disabled) throw new DomainError(ErrorCode.FORBIDDEN, 'Ce compte est désactivé.');
    if (!password)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Choisissez votre mot de passe.', {
        fields: [{ field: 'password', reason: 'isNotEmpty', message: 'obligatoire' }],
      });
    await this.tokens.redeem(token, AccountTokenPurpose.INVITATION);
    this.db.setActor({ userId: found.userId });
    const invitation = await this.enterInvitationTenant(found.tenantId as string, found.invitationId as string, found.userId, true);
    this.assertOpen(invitation);
    await this.join(invitation);
    // Sets the password, ends any session, and voids every other outstanding link of this person: their
    // other invitations now wait in « Invitations en attente », to be answered from the session.
    await this.auth.setPassword(found.userId, password);
    await this.audit.recordPlatform(
      'auth.invitation_accepted',
      { tenantId: invitation.tenantId, invitationId: invitation.id },
      found.userId,
    );
    return true;
  }

  /** Declining through the e-mailed link (no account needed). */
  async declineWithToken(token: string): Promise<boolean> {
    const found = await this.tokens.redeem(token, AccountTokenPurpose.INVITATION);
    this.db.setActor({ userId: found.userId });
    const invitation = await this.enterInvitationTenant(found.tenantId as string, found.invitationId as string, found.userId, true);
    if (invitation.status !== InvitationStatus.PENDING) throw conflict('Cette invitation n’est plus en attente.');
    await this.close(invitation, InvitationStatus.DECLINED, 'invitation.decline');
    return true;
  }

  /** The signed-in person accepts one of their own invitations. */
  async acceptMine(invitationId: string): Promise<PendingInvitation[]> {
    const invitation = await this.lockMine(invitationId);
    this.assertOpen(invitation);
    await this.join(invitation);
    await this.tokens.voidInvitation(invitation.tenantId, invitation.id);
    return this.afterAnswer();
  }

  async declineMine(invitationId: string): Promise<PendingInvitation[]> {
    const invitation = await this.lockMine(invitationId);
    if (invitation.status !== InvitationStatus.PENDING) throw conflict('Cette invitation n’est plus en attente.');
    await this.close(invitation, InvitationStatus.DECLINED, 'invitation.decline');
    return this.afterAnswer();
  }

  /** What is left to answer (RLS shows a person their own invitations in every tenant). */
  private afterAnswer(): Promise<PendingInvitation[]> {
    return this.mine();
  }

  /** Creates the membership (or reinstates a revoked one) with the invitation's role. */
  private async join(invitation: MembershipInvitation): Promise<void> {
    // The invitation's tenant is the current one (entered by enterInvitationTenant, or the caller's own).
    const memberships = await this.db.repository(Membership);
    const existing = await memberships.findOne({ userId: invitation.userId });
    if (existing && !existing.revokedAt) throw conflict('Vous êtes déjà membre de ce territoire.');
    const values = { role: invitation.role, organisationId: invitation.organisationId, revokedAt: null };
    let membership: Membership;
    if (existing) {
      await memberships.update({ id: existing.id }, values);
      membership = { ...existing, ...values };
      await this.audit.record({
        operation: 'membership.reinstate',
        entityType: 'Membership',
        entityId: existing.id,
        before: membershipSnapshot(existing),
        after: membershipSnapshot(membership),
      });
    } else {
      membership = { tenantId: memberships.tenantId, id: randomUUID(), userId: invitation.userId, ...values, createdAt: this.clock.now() };
      await memberships.insert(membership);
      await this.audit.record({
        operation: 'membership.join',
        entityType: 'Membership',
        entityId: membership.id,
        after: { ...membershipSnapshot(membership), invitationId: invitation.id },
      });
    }
    await this.close(invitation, InvitationStatus.ACCEPTED, 'invitation.accept');
  }

  private async close(invitation: MembershipInvitation, status: InvitationStatus, operation: string): Promise<MembershipInvitation> {
    const before = invitationSnapshot(invitation);
    invitation.status = status;
    invitation.respondedAt = this.clock.now();
    await (await this.db.repository(MembershipInvitation)).update({ id: invitation.id }, { status, respondedAt: invitation.respondedAt });
    if (status !== InvitationStatus.ACCEPTED) await this.tokens.voidInvitation(invitation.tenantId, invitation.id);
    await this.audit.record({
      operation,
      entityType: 'MembershipInvitation',
      entityId: invitation.id,
      before,
      after: invitationSnapshot(invitation),
    });
    return invitation;
  }

  private assertOpen(invitation: MembershipInvitation): void {
    if (invitation.status !== InvitationStatus.PENDING) throw conflict('Cette invitation n’est plus en attente.');
    if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw conflict('Cette invitation a expiré : demandez à l’administrateur du territoire de vous la renvoyer.');
    }
  }

  /** The person's account for this address: created without a password when there is none. */
  private async accountOf(email: string, displayName: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(TENANCY_SQL.accountOf, [randomUUID(), email, displayName]);
    return row.id;
  }

  private async send(invitation: MembershipInvitation): Promise<void> {
    const { token, expiresAt } = await this.tokens.issueInvitation(invitation.userId, invitation.tenantId, invitation.id);
    const [facts] = await this.db.query<{ tenant: string; inviter: string | null; has_password: boolean }>(
      TENANCY_SQL.invitationMailFacts,
      [invitation.tenantId, invitation.invitedBy, invitation.userId],
    );
    try {
      await this.mail.invitation({
        to: invitation.email,
        tenantName: facts.tenant,
        inviterName: facts.inviter ?? 'L’administrateur du territoire',
        roleLabel: ROLE_LABELS[invitation.role],
        token: facts.has_password ? null : token,
        expiresAt,
      });
    } catch (error) {
      throw new DomainError(
        ErrorCode.MAIL_DELIVERY_FAILED,
        `Le courriel d’invitation n’a pas pu être envoyé : rien n’a été enregistré, réessayez plus tard. (${(error as Error).message})`,
      );
    }
  }

  private async lockOwnTenant(invitationId: string): Promise<MembershipInvitation> {
    const invitation = await (await this.db.repository(MembershipInvitation)).findOne({ id: invitationId }, { lock: 'pessimistic_write' });
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  /** One of the caller's own invitations, read under RLS as theirs, then locked in its tenant. */
  private async lockMine(invitationId: string): Promise<MembershipInvitation> {
    const userId = this.db.actor().userId;
    // Plain SQL: its tenant is not known yet, so no tenant repository can read it.
    const [row] = await this.db.query<{ tenant_id: string }>(
      'select tenant_id from membership_invitations where id = $1 and user_id = $2',
      [invitationId, userId],
    );
    if (!row) throw notFound('Invitation');
    return this.enterInvitationTenant(row.tenant_id, invitationId, userId, true);
  }

  /**
   * Enters the invitation's tenant for the rest of the transaction (its writes and audit events go there,
   * under RLS) and reads the invitation, which must be the person's own.
   */
  private async enterInvitationTenant(
    tenantId: string,
    invitationId: string,
    userId: string,
    lock: boolean,
  ): Promise<MembershipInvitation> {
    // The person is no member yet: no role, nothing but this invitation's own rows and trail.
    const scope: TenantScope = { tenantId, siren: '', role: 'INVITEE', organisationId: null, membershipId: '' };
    await this.db.enterTenant(scope);
    // `tenants` is a platform table: plain SQL; the invitation itself through the repository of the tenant just entered.
    const [tenant] = await this.db.query<{ siren: string }>('select siren from tenants where id = $1', [tenantId]);
    if (!tenant) throw notFound('Invitation');
    scope.siren = tenant.siren;
    const invitation = await (
      await this.db.repository(MembershipInvitation)
    ).findOne({ id: invitationId, userId }, lock ? { lock: 'pessimistic_write' } : {});
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }
}
