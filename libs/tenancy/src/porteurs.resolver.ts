import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission, Public } from '@pilotis/access';
import { Organisation, OrganisationIdentityInput } from '@pilotis/organisations';
import { uuid } from '@pilotis/shared';

import { InvitationsService } from './invitations.service';
import { Membership } from './membership.entity';
import { MembershipInvitation } from './membership-invitation.entity';
import { PorteurSignupService } from './porteur-signup.service';
import { PorteurSpaceService } from './porteur-space.service';
import {
  CompletePorteurSignupInput,
  InvitePorteurColleagueInput,
  PorteurSignupPreview,
  PorteurSignupResult,
  RequestPorteurSignupInput,
} from './porteurs.inputs';

interface RequestWithIp {
  ip?: string;
}

/** A token argument: bounded, so that nothing huge is hashed or looked up. */
class TokenPipe {
  transform(value: unknown): string {
    return typeof value === 'string' ? value.slice(0, 300) : '';
  }
}

/** Porteurs: their self sign-up, their organisation's identity, their colleagues. */
@Resolver()
export class PorteursResolver {
  constructor(
    private readonly signups: PorteurSignupService,
    private readonly space: PorteurSpaceService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Demande d'inscription d'un porteur sur un territoire (formulaire public) : un lien de confirmation, à usage unique, est envoyé à l'adresse. Réponse identique que l'adresse ait un compte ou non ; demandes limitées par adresse et par client (RATE_LIMITED).",
  })
  requestPorteurSignup(
    @Args('input', { description: 'La personne, son organisation, le territoire et son accord.' }) input: RequestPorteurSignupInput,
    @Context('req') req: RequestWithIp,
  ): Promise<boolean> {
    return this.signups.request(input, req.ip ?? 'unknown');
  }

  @Public()
  @Query(() => PorteurSignupPreview, { description: "Ce que confirme un lien d'inscription (le jeton n'est pas consommé)." })
  porteurSignupPreview(
    @Args('token', { description: 'Le jeton du lien (après « #jeton= »).' }, TokenPipe) token: string,
  ): Promise<PorteurSignupPreview> {
    return this.signups.preview(token);
  }

  @Public()
  @Mutation(() => PorteurSignupResult, {
    description:
      "Confirme une inscription par le lien reçu : crée le compte (ou demande le mot de passe actuel d'un compte existant), l'organisation et l'appartenance de représentant du porteur. Une organisation déjà connue du territoire (même SIRET) : ORGANISATION_ALREADY_REGISTERED, on y entre sur invitation.",
  })
  completePorteurSignup(
    @Args('input', { description: 'Le jeton reçu et le mot de passe.' }) input: CompletePorteurSignupInput,
    @Context('req') req: RequestWithIp,
  ): Promise<PorteurSignupResult> {
    return this.signups.complete(input, req.ip ?? 'unknown');
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Query(() => Organisation, { description: "L'organisation que je représente." })
  myOrganisation(): Promise<Organisation> {
    return this.space.myOrganisation();
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Mutation(() => Organisation, {
    description: "Déclare l'identité de mon organisation : le SIRET y est obligatoire et ne change plus ensuite (SIRET_LOCKED).",
  })
  declareMyOrganisation(@Args('input', { description: "L'identité déclarée." }) input: OrganisationIdentityInput): Promise<Organisation> {
    return this.space.updateMine(input, true);
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Mutation(() => Organisation, {
    description: "Modifie l'identité de mon organisation (seuls les champs fournis changent ; le SIRET renseigné ne change plus).",
  })
  updateMyOrganisation(@Args('input', { description: 'Les champs à modifier.' }) input: OrganisationIdentityInput): Promise<Organisation> {
    return this.space.updateMine(input, false);
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Query(() => [Membership], { description: 'Les personnes qui représentent mon organisation sur ce territoire.' })
  myColleagues(): Promise<Membership[]> {
    return this.space.colleagues();
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Query(() => [MembershipInvitation], { description: 'Les invitations en attente dans mon organisation.' })
  myOrganisationInvitations(): Promise<MembershipInvitation[]> {
    return this.invitations.ofMyOrganisation();
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Mutation(() => MembershipInvitation, {
    description:
      "Invite un collègue à partager l'espace de mon organisation : l'invitation lui est envoyée par courriel. ALREADY_MEMBER s'il la représente déjà.",
  })
  invitePorteurColleague(
    @Args('input', { description: 'Le collègue.' }) input: InvitePorteurColleagueInput,
  ): Promise<MembershipInvitation> {
    return this.invitations.inviteColleague(input.email, input.displayName);
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Mutation(() => MembershipInvitation, { description: 'Renvoie une invitation de mon organisation (nouveau lien, nouveau délai).' })
  resendPorteurColleagueInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<MembershipInvitation> {
    return this.invitations.resendColleague(invitationId);
  }

  @Allow(Permission.MANAGE_OWN_ORGANISATION)
  @Mutation(() => MembershipInvitation, { description: 'Annule une invitation de mon organisation.' })
  cancelPorteurColleagueInvitation(
    @Args('invitationId', { type: () => ID, description: 'Invitation.' }, uuid('invitationId')) invitationId: string,
  ): Promise<MembershipInvitation> {
    return this.invitations.cancelColleague(invitationId);
  }
}
