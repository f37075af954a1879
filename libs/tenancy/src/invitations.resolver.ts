import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated, Permission, Public } from '@pilotis/access';
import { uuid } from '@pilotis/shared';

import { InvitationsService } from './invitations.service';
import { MembershipInvitation } from './membership-invitation.entity';
import { AcceptInvitationInput, InvitationPreview, InviteMemberInput, PendingInvitation } from './tenancy.inputs';

/** A token argument: bounded, so that nothing huge is hashed or looked up. */
class TokenPipe {
  transform(value: unknown): string {
    return typeof value === 'string' ? value.slice(0, 300) : '';
  }
}

@Resolver()
export class InvitationsResolver {
  constructor(private readonly service: InvitationsService) {}

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => MembershipInvitation, {
    description:
      "Invite une personne avec un rôle : l'invitation lui est envoyée par courriel (jamais à l'administrateur) et n'ouvre aucun accès tant qu'elle ne l'a pas acceptée. La réponse est la même que l'adresse ait déjà un compte ou non.",
  })
  inviteMember(@Args('input', { description: 'La personne et son rôle.' }) input: InviteMemberInput): Promise<MembershipInvitation> {
    return this.service.invite(input);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => MembershipInvitation, {
    description: 'Renvoie une invitation en attente : nouveau lien (les précédents ne fonctionnent plus), nouveau délai de 7 jours.',
  })
  resendInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<MembershipInvitation> {
    return this.service.resend(invitationId);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => MembershipInvitation, { description: 'Annule une invitation en attente : son lien ne fonctionne plus.' })
  cancelInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<MembershipInvitation> {
    return this.service.cancel(invitationId);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Query(() => [MembershipInvitation], { description: 'Les invitations du territoire (en attente, ou toutes).' })
  invitations(
    @Args('includeAnswered', { defaultValue: false, description: 'Inclure les invitations acceptées, refusées ou annulées.' })
    includeAnswered: boolean,
  ): Promise<MembershipInvitation[]> {
    return this.service.list(includeAnswered);
  }

  @Authenticated()
  @Query(() => [PendingInvitation], { description: 'Mes invitations en attente, dans tous les territoires (sans en-tête X-Tenant).' })
  myInvitations(): Promise<PendingInvitation[]> {
    return this.service.mine();
  }

  @Authenticated()
  @Mutation(() => [PendingInvitation], {
    description: "J'accepte une de mes invitations : je deviens membre du territoire. Renvoie celles qui restent.",
  })
  acceptMyInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<PendingInvitation[]> {
    return this.service.acceptMine(invitationId);
  }

  @Authenticated()
  @Mutation(() => [PendingInvitation], { description: 'Je refuse une de mes invitations. Renvoie celles qui restent.' })
  declineMyInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<PendingInvitation[]> {
    return this.service.declineMine(invitationId);
  }

  @Public()
  @Query(() => InvitationPreview, { description: "Ce que propose un lien d'invitation (le jeton n'est pas consommé)." })
  invitationPreview(
    @Args('token', { description: 'Le jeton du lien (après « #jeton= »).' }, TokenPipe) token: string,
  ): Promise<InvitationPreview> {
    return this.service.preview(token);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Accepte une invitation par le lien reçu en choisissant le premier mot de passe du compte. Un compte qui a déjà un mot de passe reçoit SIGN_IN_REQUIRED : sa personne se connecte et accepte depuis sa session.',
  })
  acceptInvitation(
    @Args('input', { description: 'Le jeton reçu et le mot de passe choisi.' }) input: AcceptInvitationInput,
  ): Promise<boolean> {
    return this.service.acceptWithToken(input.token, input.password);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Refuse une invitation par le lien reçu.' })
  declineInvitation(@Args('token', { description: 'Le jeton du lien (après « #jeton= »).' }, TokenPipe) token: string): Promise<boolean> {
    return this.service.declineWithToken(token);
  }
}
