import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ORGANISATION_BOUND_ROLES, Role } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { AuthService, hashSecret, newSecret, normaliseEmail, secretMatches, splitToken, User, UserInvitation } from '@pilotis/auth';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { conflict, invalidField, notFound, unauthenticated } from '@pilotis/shared';
import { Membership } from './membership.entity';
import { Tenant } from './tenant.entity';
import { AcceptInvitationInput, ChangeMemberRoleInput, InviteMemberInput, MyTenant } from './tenancy.inputs';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
const FUNDER_KINDS_HINT = 'un représentant de financeur ou de porteur doit représenter une organisation du territoire';

@Injectable()
export class TenancyService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async myTenants(): Promise<MyTenant[]> {
    const manager = await this.db.manager();
    const memberships = await manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndSelect('m.tenant', 't')
      .where('m.userId = :userId', { userId: this.db.actor().userId })
      .andWhere('m.revokedAt IS NULL')
      .orderBy('t.name')
      .getMany();
    return memberships.map((m) => ({ tenant: m.tenant as Tenant, role: m.role, organisationId: m.organisationId }));
  }

  async currentTenant(): Promise<Tenant> {
    const manager = await this.db.manager();
    return manager.findOneOrFail(Tenant, { where: { id: this.db.tenant().tenantId } });
  }

  async members(includeRevoked: boolean): Promise<Membership[]> {
    const manager = await this.db.manager();
    const qb = manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
      .orderBy('u.email');
    if (!includeRevoked) qb.andWhere('m.revokedAt IS NULL');
    return qb.getMany();
  }

  async invite(input: InviteMemberInput): Promise<{ membership: Membership; invitationToken: string | null }> {
    const tenantId = this.db.tenant().tenantId;
    const manager = await this.db.manager();
    await this.checkOrganisation(input.role, input.organisationId ?? null);
    const email = normaliseEmail(input.email);
    let user = await manager.findOne(User, { where: { email } });
    if (!user) {
      user = manager.create(User, { id: randomUUID(), email, displayName: input.displayName.trim(), passwordHash: null, platformAdmin: false });
      await manager.insert(User, user);
    }
    let invitationToken: string | null = null;
    if (!user.passwordHash) {
      const secret = newSecret();
      const id = randomUUID();
      await manager.insert(UserInvitation, {
        id,
        userId: user.id,
        tokenHash: hashSecret(secret),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        usedAt: null,
      });
      invitationToken = `${id}.${secret}`;
    }
    const existing = await manager.findOne(Membership, { where: { tenantId, userId: user.id } });
    let membership: Membership;
    if (existing && !existing.revokedAt) {
      throw conflict('Cette personne est déjà membre du territoire.');
    } else if (existing) {
      const before = { ...existing };
      await manager.update(Membership, { tenantId, id: existing.id }, { role: input.role, organisationId: input.organisationId ?? null, revokedAt: null });
      membership = await manager.findOneOrFail(Membership, { where: { tenantId, id: existing.id }, relations: { user: true } });
      await this.audit.record({ operation: 'membership.reinstate', entityType: 'Membership', entityId: membership.id, before, after: membership });
    } else {
      const id = randomUUID();
      await manager.insert(Membership, { tenantId, id, userId: user.id, role: input.role, organisationId: input.organisationId ?? null });
      membership = await manager.findOneOrFail(Membership, { where: { tenantId, id }, relations: { user: true } });
      await this.audit.record({ operation: 'membership.invite', entityType: 'Membership', entityId: id, after: membership });
    }
    return { membership, invitationToken };
  }

  async changeRole(input: ChangeMemberRoleInput): Promise<Membership> {
    const membership = await this.findMembership(input.membershipId);
    if (membership.revokedAt) throw conflict('Cette appartenance est révoquée.');
    await this.checkOrganisation(input.role, input.organisationId ?? null);
    if (membership.role === Role.TENANT_ADMIN && input.role !== Role.TENANT_ADMIN) await this.assertNotLastAdmin();
    const manager = await this.db.manager();
    await manager.update(
      Membership,
      { tenantId: membership.tenantId, id: membership.id },
      { role: input.role, organisationId: input.organisationId ?? null },
    );
    const after = await this.findMembership(membership.id);
    await this.audit.record({ operation: 'membership.change_role', entityType: 'Membership', entityId: membership.id, before: membership, after });
    return after;
  }

  /** Takes effect at once: the next request of that person in this tenant is refused. */
  async revoke(membershipId: string): Promise<Membership> {
    const membership = await this.findMembership(membershipId);
    if (membership.revokedAt) return membership;
    if (membership.role === Role.TENANT_ADMIN) await this.assertNotLastAdmin();
    const manager = await this.db.manager();
    await manager.update(Membership, { tenantId: membership.tenantId, id: membership.id }, { revokedAt: new Date() });
    const after = await this.findMembership(membership.id);
    await this.audit.record({ operation: 'membership.revoke', entityType: 'Membership', entityId: membership.id, before: membership, after });
    return after;
  }

  async acceptInvitation(input: AcceptInvitationInput): Promise<boolean> {
    const parts = splitToken(input.token);
    const manager = await this.db.manager();
    const invitation = parts
      ? await manager.createQueryBuilder(UserInvitation, 'i').setLock('pessimistic_write').where('i.id = :id', { id: parts.id }).getOne()
      : null;
    if (!parts || !invitation || !secretMatches(parts.secret, invitation.tokenHash)) throw unauthenticated("Jeton d'invitation invalide.");
    if (invitation.usedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated("Invitation expirée ou déjà utilisée : demandez-en une nouvelle.");
    }
    await manager.update(UserInvitation, { id: invitation.id }, { usedAt: new Date() });
    await manager.update(User, { id: invitation.userId }, { passwordHash: await AuthService.hashPassword(input.password) });
    await this.audit.recordPlatform('auth.invitation_accepted', { invitationId: invitation.id }, invitation.userId);
    return true;
  }

  private async findMembership(id: string): Promise<Membership> {
    const manager = await this.db.manager();
    const membership = await manager.findOne(Membership, {
      where: { tenantId: this.db.tenant().tenantId, id },
      relations: { user: true },
    });
    if (!membership) throw notFound('Membre');
    return membership;
  }

  private async checkOrganisation(role: Role, organisationId: string | null): Promise<void> {
    if (ORGANISATION_BOUND_ROLES.has(role) && !organisationId) {
      throw invalidField('organisationId', 'required', FUNDER_KINDS_HINT);
    }
    if (organisationId) {
      const manager = await this.db.manager();
      const exists = await manager.exists(Organisation, { where: { tenantId: this.db.tenant().tenantId, id: organisationId } });
      if (!exists) throw invalidField('organisationId', 'not_found', 'organisation inconnue dans ce territoire');
    }
  }

  private async assertNotLastAdmin(): Promise<void> {
    const manager = await this.db.manager();
    // Locks the tenant's admin memberships so that two concurrent demotions cannot both pass.
    const admins = await manager.query(
      `select id from memberships where tenant_id = $1 and role = 'TENANT_ADMIN' and revoked_at is null for update`,
      [this.db.tenant().tenantId],
    );
    if ((admins as unknown[]).length <= 1) throw conflict('Le territoire doit garder au moins un administrateur.');
  }
}
