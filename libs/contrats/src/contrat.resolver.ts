import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Organisation } from '@pilotis/organisations';
import { uuid } from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { ContratDeVille } from './contrat.entity';
import { CreateContratInput, SetContratQpvsArgs, SetContratSignatoriesArgs, UpdateContratInput } from './contrat.inputs';
import { ContratService } from './contrat.service';
import { Pillar } from './pillar.entity';
import { PillarService } from './pillar.service';

@Resolver(() => ContratDeVille)
export class ContratResolver {
  constructor(
    private readonly contrats: ContratService,
    private readonly pillarService: PillarService,
  ) {}

  @Allow(Permission.READ)
  @Query(() => [ContratDeVille], { name: 'contrats', description: 'Les contrats de ville du territoire, du plus récent au plus ancien.' })
  listContrats(): Promise<ContratDeVille[]> {
    return this.contrats.list();
  }

  @Allow(Permission.READ)
  @Query(() => ContratDeVille, { name: 'contrat', description: 'Un contrat de ville du territoire.' })
  getContrat(@Args('id', { type: () => ID, description: 'Identifiant du contrat.' }, uuid('id')) id: string): Promise<ContratDeVille> {
    return this.contrats.get(id);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => ContratDeVille, { description: 'Crée un contrat de ville avec ses trois piliers.' })
  createContrat(@Args('input', { description: 'Le contrat à créer.' }) input: CreateContratInput): Promise<ContratDeVille> {
    return this.contrats.create(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => ContratDeVille, { description: "Modifie l'intitulé, les années ou l'état d'un contrat." })
  updateContrat(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateContratInput): Promise<ContratDeVille> {
    return this.contrats.update(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => ContratDeVille, { description: "Remplace l'ensemble des signataires d'un contrat." })
  setContratSignatories(@Args() args: SetContratSignatoriesArgs): Promise<ContratDeVille> {
    return this.contrats.setSignatories(args.contratId, args.organisationIds);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => ContratDeVille, { description: "Remplace l'ensemble des quartiers prioritaires couverts par un contrat." })
  setContratQpvs(@Args() args: SetContratQpvsArgs): Promise<ContratDeVille> {
    return this.contrats.setQpvs(args.contratId, args.qpvIds);
  }

  @ResolveField(() => [Pillar], { description: 'Piliers et axes transversaux, dans leur ordre.' })
  pillars(@Parent() contrat: ContratDeVille): Promise<Pillar[]> {
    return this.pillarService.pillarsOf(contrat.id);
  }

  @ResolveField(() => [Organisation], { description: 'Organisations signataires, par ordre alphabétique.' })
  signatories(@Parent() contrat: ContratDeVille): Promise<Organisation[]> {
    return this.contrats.signatoriesOf(contrat.id);
  }

  @ResolveField(() => [Qpv], { description: 'Quartiers prioritaires couverts, par code.' })
  qpvs(@Parent() contrat: ContratDeVille): Promise<Qpv[]> {
    return this.contrats.qpvsOf(contrat.id);
  }
}
