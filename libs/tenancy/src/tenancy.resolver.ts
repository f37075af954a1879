import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated, Permission } from '@pilotis/access';
import { uuid } from '@pilotis/shared';

import { Membership } from './membership.entity';
import { ChangeMemberRoleInput, MyTenant, RoleRule } from './tenancy.inputs';
import { TenancyService } from './tenancy.service';
import { Tenant } from './tenant.entity';

@Resolver()
export class TenancyResolver {
  constructor(private readonly tenancy: TenancyService) {}

  @Authenticated()
  @Query(() => [MyTenant], { description: 'Les territoires dont je suis membre (sans en-tête X-Tenant).' })
  myTenants(): Promise<MyTenant[]> {
    return this.tenancy.myTenants();
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Query(() => [RoleRule], {
    description: "Les rôles, ce que chacun permet et s'il représente une organisation (pour inviter et changer un rôle).",
  })
  roleRules(): RoleRule[] {
    return this.tenancy.roleRules();
  }

  @Allow(Permission.READ)
  @Query(() => Tenant, { description: "Le territoire de l'en-tête X-Tenant." })
  currentTenant(): Promise<Tenant> {
    return this.tenancy.currentTenant();
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Query(() => [Membership], { description: 'Les membres du territoire.' })
  members(
    @Args('includeRevoked', { defaultValue: false, description: 'Inclure les appartenances révoquées.' }) includeRevoked: boolean,
  ): Promise<Membership[]> {
    return this.tenancy.members(includeRevoked);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => Membership, { description: "Change le rôle d'un membre." })
  changeMemberRole(@Args('input', { description: 'Le membre et son nouveau rôle.' }) input: ChangeMemberRoleInput): Promise<Membership> {
    return this.tenancy.changeRole(input);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => Membership, { description: 'Révoque une appartenance, avec effet immédiat.' })
  revokeMembership(
    @Args('membershipId', { type: () => ID, description: 'Appartenance à révoquer.' }, uuid('membershipId')) membershipId: string,
  ): Promise<Membership> {
    return this.tenancy.revoke(membershipId);
  }
}
