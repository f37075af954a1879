import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { ORGANISATION_BOUND_ROLES, permissionsOfRole, Role } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { conflict, invalidField, notFound } from '@pilotis/shared';

import { Membership } from './membership.entity';
import { ChangeMemberRoleInput, MyTenant, RoleRule } from './tenancy.inputs';
import { Tenant } from './tenant.entity';

const FUNDER_KINDS_HINT = 'un représentant de financeur ou de porteur doit représenter une organisation du territoire';

/**
 * What the audit trail keeps of a membership: its own fields, never the person's account (which holds a
 * password hash) nor any other loaded relation.
 */
export function membershipSnapshot(m: Membership): Record<string, unknown> {
  return { id: m.id, userId: m.userId, role: m.role, organisationId: m.organisationId, createdAt: m.createdAt, revokedAt: m.revokedAt };
}

@Injectable()
export class TenancyService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** The caller's memberships in every tenant: read before any tenant is chosen, so through the manager. */
  async myTenants(): Promise<MyTenant[]> {
    const manager = await this.db.manager();
    const memberships = await manager
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndSelect('m.tenant', 't')
      .where('m.userId = :userId', { userId: this.db.actor().userId })
      .andWhere('m.revokedAt IS NULL')
      .orderBy('t.name')
      .getMany();
    return memberships.map((m) => ({
      tenant: m.tenant as Tenant,
      role: m.role,
      organisationId: m.organisationId,
      permissions: permissionsOfRole(m.role),
    }));
  }

  /** The role matrix, as the API applies it (`ROLE_PERMISSIONS`, `ORGANISATION_BOUND_ROLES`). */
  roleRules(): RoleRule[] {
    return Object.values(Role).map((role) => ({
      role,
      permissions: permissionsOfRole(role),
      organisationBound: ORGANISATION_BOUND_ROLES.has(role),
    }));
  }

  async currentTenant(): Promise<Tenant> {
    // `tenants` is a platform table (no tenant_id column): the manager, not a tenant repository.
    const manager = await this.db.manager();
    return manager.findOneOrFail(Tenant, { where: { id: this.db.tenant().tenantId } });
  }

  async members(includeRevoked: boolean): Promise<Membership[]> {
    // A query builder for the ordering by the joined account's e-mail, which find options cannot say.
    const qb = (await this.db.repository(Membership)).queryBuilder('m').innerJoinAndSelect('m.user', 'u').orderBy('u.email');
    if (!includeRevoked) qb.andWhere('m.revokedAt IS NULL');
    return qb.getMany();
  }

  async changeRole(input: ChangeMemberRoleInput): Promise<Membership> {
    const membership = await this.findMembership(input.membershipId);
    if (membership.revokedAt) throw conflict('Cette appartenance est révoquée.');
    await this.checkOrganisation(input.role, input.organisationId ?? null);
    if (membership.role === Role.TENANT_ADMIN && input.role !== Role.TENANT_ADMIN) await this.assertNotLastAdmin();
    await (
      await this.db.repository(Membership)
    ).update({ id: membership.id }, { role: input.role, organisationId: input.organisationId ?? null });
    const after = await this.findMembership(membership.id);
    await this.audit.record({
      operation: 'membership.change_role',
      entityType: 'Membership',
      entityId: membership.id,
      before: membershipSnapshot(membership),
      after: membershipSnapshot(after),
    });
    return after;
  }

  /** Takes effect at once: the next request of that person in this tenant is refused. */
  async revoke(membershipId: string): Promise<Membership> {
    const membership = await this.findMembership(membershipId);
    if (membership.revokedAt) return membership;
    if (membership.role === Role.TENANT_ADMIN) await this.assertNotLastAdmin();
    await (await this.db.repository(Membership)).update({ id: membership.id }, { revokedAt: new Date() });
    const after = await this.findMembership(membership.id);
    await this.audit.record({
      operation: 'membership.revoke',
      entityType: 'Membership',
      entityId: membership.id,
      before: membershipSnapshot(membership),
      after: membershipSnapshot(after),
    });
    return after;
  }

  private async findMembership(id: string): Promise<Membership> {
    // A query builder to load the account with the membership (the tenant repository's find has no relations).
    const membership = await (
      await this.db.repository(Membership)
    )
      .queryBuilder('m')
      .leftJoinAndSelect('m.user', 'u')
      .andWhere('m.id = :id', { id })
      .getOne();
    if (!membership) throw notFound('Membre');
    return membership;
  }

  /** Public for the invitations service: a role bound to an organisation needs one of this tenant. */
  async checkOrganisation(role: Role, organisationId: string | null): Promise<void> {
    if (ORGANISATION_BOUND_ROLES.has(role) && !organisationId) {
      throw invalidField('organisationId', 'required', FUNDER_KINDS_HINT);
    }
    if (organisationId) {
      const exists = await (await this.db.repository(Organisation)).exists({ id: organisationId });
      if (!exists) throw invalidField('organisationId', 'not_found', 'organisation inconnue dans ce territoire');
    }
  }

  private async assertNotLastAdmin(): Promise<void> {
    // Locks the tenant's admin memberships so that two concurrent demotions cannot both pass.
    const admins = await (
      await this.db.repository(Membership)
    ).find({ where: { role: Role.TENANT_ADMIN, revokedAt: IsNull() }, lock: 'pessimistic_write' });
    if (admins.length <= 1) throw conflict('Le territoire doit garder au moins un administrateur.');
  }
}
