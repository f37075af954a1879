import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission, Public } from '@pilotis/access';
import { Page, PageOf, uuid } from '@pilotis/shared';

import { Organisation } from './organisation.entity';
import { CreateOrganisationInput, LegalForm, OrganisationsArgs, UpdateOrganisationInput } from './organisation.inputs';
import { OrganisationService } from './organisation.service';
import { LEGAL_FORMS } from './organisation-identity';

const OrganisationPage = PageOf(Organisation, 'OrganisationPage');

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @Allow(Permission.READ)
  @Query(() => OrganisationPage, { description: 'Les partenaires du territoire (financeurs et porteurs), par ordre alphabétique.' })
  organisations(@Args() args: OrganisationsArgs): Promise<Page<Organisation>> {
    return this.service.list(args);
  }

  @Allow(Permission.READ)
  @Query(() => Organisation, { description: 'Un partenaire du territoire.' })
  organisation(
    @Args('id', { type: () => ID, description: "Identifiant de l'organisation." }, uuid('id')) id: string,
  ): Promise<Organisation> {
    return this.service.get(id);
  }

  @Allow(Permission.MANAGE_PARTNERS)
  @Mutation(() => Organisation, { description: 'Enregistre un nouveau partenaire.' })
  createOrganisation(@Args('input', { description: 'Le partenaire à créer.' }) input: CreateOrganisationInput): Promise<Organisation> {
    return this.service.create(input);
  }

  @Allow(Permission.MANAGE_PARTNERS)
  @Mutation(() => Organisation, { description: 'Modifie un partenaire.' })
  updateOrganisation(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateOrganisationInput): Promise<Organisation> {
    return this.service.update(input);
  }

  @Public()
  @Query(() => [LegalForm], { description: "Les formes juridiques qu'un porteur peut déclarer (codes INSEE), sans en-tête X-Tenant." })
  legalForms(): LegalForm[] {
    return Object.entries(LEGAL_FORMS).map(([code, label]) => ({ code, label }));
  }

  @ResolveField(() => String, { nullable: true, description: 'Libellé de la forme juridique.' })
  legalFormLabel(@Parent() organisation: Organisation): string | null {
    return organisation.legalForm ? (LEGAL_FORMS[organisation.legalForm] ?? null) : null;
  }

  @ResolveField(() => Boolean, {
    description:
      "Vrai si l'organisation a un compte dans le territoire (une adhésion active la représente) : ses représentants votent et signent eux-mêmes ; sinon, on enregistre pour son compte, sur mandat.",
  })
  hasAccount(@Parent() organisation: Organisation): Promise<boolean> {
    return this.service.hasAccount(organisation.id);
  }
}
