import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, type Page, uuid } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionSignature, ConventionVersion } from './convention.entity';
import {
  AmendConventionInput,
  CancelConventionInput,
  ConventionPage,
  ConventionsArgs,
  SetConventionBilanDateInput,
  SetPaymentScheduleInput,
  SignConventionInput,
} from './convention.inputs';
import { ConventionLoaders } from './convention.loaders';
import { ConventionService } from './convention.service';
import { ConventionDrafting } from './convention-drafting.service';
import { ConventionSigning } from './convention-signing.service';
import { balancePercent, schedulePayments } from './convention-text';

@Resolver(() => Convention)
export class ConventionResolver {
  constructor(
    private readonly service: ConventionService,
    private readonly drafting: ConventionDrafting,
    private readonly signing: ConventionSigning,
    private readonly loaders: ConventionLoaders,
  ) {}

  // ------------------------------------------------------------------ queries

  @Allow(Permission.READ)
  @Query(() => ConventionPage, {
    description:
      "Les conventions de financement du territoire par numéro d'action croissant, filtrées (critères combinés par ET) et paginées par curseur. Un représentant de financeur ne voit que celles des actions que son organisation finance, un représentant de porteur que celles de ses actions.",
  })
  conventions(@Args() args: ConventionsArgs): Promise<Page<Convention>> {
    return this.service.list(args);
  }

  @Allow(Permission.READ)
  @Query(() => Convention, { description: 'Une convention de financement, avec ses versions, signataires et signatures.' })
  convention(@Args('id', { type: () => ID, description: 'Identifiant de la convention.' }, uuid('id')) id: string): Promise<Convention> {
    return this.service.findVisible(id);
  }

  @Allow(Permission.READ)
  @Query(() => String, { description: "Le texte canonique d'une version de convention (celui dont l'empreinte SHA-256 est signée)." })
  conventionText(
    @Args('versionId', { type: () => ID, description: 'Identifiant de la version.' }, uuid('versionId')) versionId: string,
  ): Promise<string> {
    return this.service.text(versionId);
  }

  // ------------------------------------------------------------------ mutations

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Convention, {
    description:
      "Rédige la convention d'une action programmée ou partiellement programmée (sinon INVALID_TRANSITION) : signataires le porteur et chaque financeur ayant une ligne accordée, montants décidés, avance de 50 % par défaut.",
  })
  draftConvention(
    @Args('actionId', { type: () => ID, description: "Identifiant de l'action." }, uuid('actionId')) actionId: string,
    @Args('sequential', {
      type: () => Boolean,
      defaultValue: false,
      description: "Signature séquentielle (dans l'ordre des signataires) plutôt que parallèle.",
    })
    sequential: boolean,
  ): Promise<Convention> {
    return this.drafting.draft(actionId, sequential);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Convention, {
    description:
      "Fixe l'échéancier d'un financeur (avance, tranches datées ou conditionnelles, date limite de son bilan ; le solde est le reste) : crée une nouvelle version, donc une nouvelle empreinte. Seulement tant que personne n'a signé la version en vigueur (SIGNATURE_STARTED ensuite : passer par un avenant).",
  })
  setPaymentSchedule(@Args('input', { description: "L'échéancier du financeur." }) input: SetPaymentScheduleInput): Promise<Convention> {
    return this.drafting.setPaymentSchedule(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Convention, {
    description:
      "Crée un avenant : nouvelle version rédigée à partir des lignes décidées en vigueur ; toutes les signatures sont à recueillir de nouveau. Sur une convention signée, la version signée reste en vigueur (signedVersion) jusqu'à la signature de l'avenant par tous.",
  })
  amendConvention(@Args('input', { description: "L'avenant." }) input: AmendConventionInput): Promise<Convention> {
    return this.drafting.amend(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Convention, {
    description:
      "Fixe la date limite du bilan dans la convention (ou revient au délai habituel) : crée un avenant, à signer de nouveau par tous ; l'échéance du bilan suit cette date.",
  })
  setConventionBilanDate(
    @Args('input', { description: 'La convention et la date.' }) input: SetConventionBilanDateInput,
  ): Promise<Convention> {
    return this.drafting.setBilanDate(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Convention, {
    description:
      "Annule une convention (motif obligatoire). Une convention dont une version est signée de tous ne s'annule qu'une fois l'action abandonnée (CONFLICT sinon). Rédiger de nouveau la convention de l'action la rétablit par une nouvelle version.",
  })
  cancelConvention(@Args('input', { description: "L'annulation." }) input: CancelConventionInput): Promise<Convention> {
    return this.drafting.cancel(input);
  }

  @Allow(Permission.SIGN)
  @Mutation(() => Convention, {
    description:
      "Signe la version en vigueur d'une convention pour l'organisation de son adhésion (FORBIDDEN si elle n'est pas signataire, VERSION_SUPERSEDED pour une version remplacée, ALREADY_SIGNED, NOT_YOUR_TURN en signature séquentielle). La dernière signature rend la convention signée et l'action conventionnée.",
  })
  signConvention(@Args('input', { description: 'La signature.' }) input: SignConventionInput): Promise<Convention> {
    return this.signing.sign(input);
  }

  // ------------------------------------------------------------------ fields

  @ResolveField(() => ConventionVersion, {
    description: 'Dernière version : le projet, ou l’avenant à signer ; celle que les signataires signent.',
  })
  currentVersion(@Parent() convention: Convention): Promise<ConventionVersion> {
    return this.loaders.currentVersion(convention.id);
  }

  @ResolveField(() => ConventionVersion, {
    nullable: true,
    description:
      "Dernière version signée de tous : celle qui engage les signataires, y compris pendant la signature d'un avenant (null avant la première signature complète).",
  })
  signedVersion(@Parent() convention: Convention): Promise<ConventionVersion | null> {
    return this.loaders.signedVersion(convention.id);
  }

  @ResolveField(() => [ConventionVersion], { description: 'Toutes les versions, de la première au dernier avenant.' })
  versions(@Parent() convention: Convention): Promise<ConventionVersion[]> {
    return this.loaders.versions(convention.id);
  }

  @ResolveField(() => Int, { description: 'Nombre de signataires ayant signé la version en vigueur (k dans « k sur n »).' })
  async signedCount(@Parent() convention: Convention): Promise<number> {
    return (await this.loaders.progress(convention.id)).signedCount;
  }

  @ResolveField(() => Int, { description: 'Nombre de signataires de la version en vigueur (n dans « k sur n »).' })
  async signatoryCount(@Parent() convention: Convention): Promise<number> {
    return (await this.loaders.progress(convention.id)).signatoryCount;
  }
}

@Resolver(() => ConventionVersion)
export class ConventionVersionResolver {
  constructor(private readonly loaders: ConventionLoaders) {}

  @ResolveField(() => [ConventionSignatory], { description: 'Signataires de cette version, par rang.' })
  signatories(@Parent() version: ConventionVersion): Promise<ConventionSignatory[]> {
    return this.loaders.signatories(version.id);
  }

  @ResolveField(() => [ConventionSignature], { description: 'Signatures recueillies sur cette version.' })
  signatures(@Parent() version: ConventionVersion): Promise<ConventionSignature[]> {
    return this.loaders.signatures(version.id);
  }
}

@Resolver(() => ConventionSignatory)
export class ConventionSignatoryResolver {
  constructor(private readonly loaders: ConventionLoaders) {}

  @ResolveField(() => Organisation, { description: 'Organisation signataire.' })
  async organisation(@Parent() signatory: ConventionSignatory): Promise<Organisation> {
    return this.loaders.organisation(signatory.organisationId);
  }

  @ResolveField(() => CentsScalar, { description: "Montant de l'avance versée à la signature, en centimes." })
  advanceCents(@Parent() signatory: ConventionSignatory): bigint {
    return schedulePayments(signatory.amountCents, signatory).advanceCents;
  }

  @ResolveField(() => [CentsScalar], { description: 'Montant de chaque tranche, dans l’ordre des tranches, en centimes.' })
  trancheCents(@Parent() signatory: ConventionSignatory): bigint[] {
    return schedulePayments(signatory.amountCents, signatory).trancheCents;
  }

  @ResolveField(() => Int, { description: "Part du solde versé après le bilan : ce que l'avance et les tranches laissent, en pour cent." })
  balancePercent(@Parent() signatory: ConventionSignatory): number {
    return balancePercent(signatory);
  }

  @ResolveField(() => CentsScalar, { description: "Solde versé après le bilan, en centimes (ce que l'avance et les tranches laissent)." })
  balanceCents(@Parent() signatory: ConventionSignatory): bigint {
    return schedulePayments(signatory.amountCents, signatory).balanceCents;
  }
}
