import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Page, PageOf, uuid } from '@pilotis/shared';

import { Qpv } from './qpv.entity';
import { CreateQpvInput, ImportQpvsInput, QpvImportReport, QpvsArgs, UpdateQpvInput } from './qpv.inputs';
import { QpvService } from './qpv.service';

const QpvPage = PageOf(Qpv, 'QpvPage');

@Resolver(() => Qpv)
export class QpvResolver {
  constructor(private readonly qpvs: QpvService) {}

  @Allow(Permission.READ)
  @Query(() => QpvPage, { name: 'qpvs', description: 'Les quartiers prioritaires du territoire, par code.' })
  list(@Args() args: QpvsArgs): Promise<Page<Qpv>> {
    return this.qpvs.list(args);
  }

  @Allow(Permission.READ)
  @Query(() => Qpv, { name: 'qpv', description: 'Un quartier prioritaire du territoire.' })
  get(@Args('id', { type: () => ID, description: 'Identifiant du quartier.' }, uuid('id')) id: string): Promise<Qpv> {
    return this.qpvs.get(id);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Qpv, { description: "Ajoute un quartier prioritaire dont les communes sont toutes dans l'intercommunalité." })
  createQpv(@Args('input', { description: 'Le quartier à créer.' }) input: CreateQpvInput): Promise<Qpv> {
    return this.qpvs.create(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Qpv, { description: "Modifie le nom, les communes ou l'état « en veille » d'un quartier prioritaire." })
  updateQpv(@Args('input', { description: 'Les changements.' }) input: UpdateQpvInput): Promise<Qpv> {
    return this.qpvs.update(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => QpvImportReport, {
    description:
      'Importe la liste officielle des QPV (CSV) : crée ou met à jour, par code, les quartiers du territoire. ' +
      "Tout ou rien : si une ligne est fautive, rien n'est enregistré et le compte rendu la signale.",
  })
  importQpvs(@Args('input', { description: 'Le fichier et le mode (essai ou import).' }) input: ImportQpvsInput): Promise<QpvImportReport> {
    return this.qpvs.importCsv(input);
  }
}
