import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission, scopeAllows } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { uuid } from '@pilotis/shared';

import { Committee } from './committee.entity';
import { CommitteeDefaultMembership, CommitteeMemberCandidate } from './committee-membership.inputs';
import { CommitteeMembership } from './committee-membership.service';

/**
 * Who may sit on a committee (served, so that the web app offers exactly the organisations the API
 * accepts) and the default membership of its kind on its contract. Both read for whoever manages
 * committees: they name the contract's funders, which organisation-bound roles do not all see.
 */
@Resolver(() => Committee)
export class CommitteeMembershipResolver {
  constructor(
    private readonly membership: CommitteeMembership,
    private readonly db: Db,
  ) {}

  @ResolveField(() => [CommitteeMemberCandidate], {
    nullable: true,
    description:
      'Organisations qui peuvent être membres du comité : les financeurs et les signataires de son contrat, par nom ; les seules que setCommitteeMembers accepte. Pour qui gère les comités ; null sinon.',
  })
  async memberCandidates(@Parent() committee: Committee): Promise<CommitteeMemberCandidate[] | null> {
    if (!this.mayManage()) return null;
    return this.membership.candidates(committee.contratId);
  }

  @ResolveField(() => CommitteeDefaultMembership, {
    nullable: true,
    description:
      "Composition par défaut enregistrée pour les comités de cette nature de ce contrat (null s'il n'y en a pas, ou pour qui ne gère pas les comités).",
  })
  async defaultMembership(@Parent() committee: Committee): Promise<CommitteeDefaultMembership | null> {
    if (!this.mayManage()) return null;
    return this.membership.defaultOf(committee.contratId, committee.kind);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => CommitteeDefaultMembership, {
    nullable: true,
    description:
      "Enregistre les membres actuels du comité (et leur voix délibérative) comme composition par défaut des comités de sa nature pour son contrat : chaque nouveau comité de cette nature commence avec elle. Remplace la précédente ; une composition vide la supprime (réponse null). Refusé (NOT_A_COMMITTEE_CANDIDATE) si un membre n'est plus financeur ni signataire du contrat.",
  })
  saveCommitteeMembersAsDefault(
    @Args('committeeId', { type: () => ID, description: 'Comité dont la composition est reprise.' }, uuid('committeeId'))
    committeeId: string,
  ): Promise<CommitteeDefaultMembership | null> {
    return this.membership.saveAsDefault(committeeId);
  }

  private mayManage(): boolean {
    return scopeAllows(this.db.tenant(), Permission.MANAGE_COMMITTEES);
  }
}
