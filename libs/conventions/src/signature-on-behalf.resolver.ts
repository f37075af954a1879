import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { DomainError } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionSignature } from './convention.entity';
import { SignConventionOnBehalfInput } from './convention.inputs';
import { SignatureOnBehalf } from './signature-on-behalf';
import { SignatureOnBehalfService } from './signature-on-behalf.service';

/** Signatures recorded « pour le compte de » a signatory without an account, on its mandate. */
@Resolver(() => ConventionSignature)
export class SignatureOnBehalfResolver {
  constructor(
    private readonly service: SignatureOnBehalfService,
    private readonly db: Db,
  ) {}

  @Allow(Permission.RECORD_ON_BEHALF)
  @Mutation(() => Convention, {
    description:
      "Enregistre la signature de la version en vigueur pour le compte d'une organisation signataire sans compte, sur son mandat (nom et qualité du signataire, auteur et scan du mandat, une pièce MANDAT de la convention) : chef de projet, administrateur, et le délégué du préfet pour les organisations de l'État. Même empreinte et mêmes règles que signConvention (VERSION_SUPERSEDED, ALREADY_SIGNED, NOT_YOUR_TURN) ; ORGANISATION_HAS_ACCOUNT si l'organisation a un compte.",
  })
  signConventionOnBehalf(
    @Args('input', { description: 'La signature et son mandat.' }) input: SignConventionOnBehalfInput,
  ): Promise<Convention> {
    return this.service.sign(input);
  }

  @ResolveField(() => SignatureOnBehalf, {
    nullable: true,
    description: "Si la signature a été enregistrée pour le compte de l'organisation (sans compte), sur son mandat ; nul sinon.",
  })
  async onBehalf(@Parent() signature: ConventionSignature): Promise<SignatureOnBehalf | null> {
    if (!signature.onBehalf) return null;
    // `users` is a platform table: plain SQL, one row by its key (the recorder's display name only).
    const [row] = await this.db.query<{ display_name: string }>('select display_name from users where id = $1', [signature.signedByUserId]);
    return {
      signerName: signature.signerName ?? '',
      signerQuality: signature.signerQuality ?? '',
      recordedBy: signature.signedByUserId,
      recordedByName: row?.display_name ?? null,
      mandateAuthor: signature.mandateAuthor ?? '',
      mandateDocumentId: signature.mandateDocumentId ?? '',
    };
  }
}

/** Whether the viewer may record a signatory's signature for it: the rule of signConventionOnBehalf, served. */
@Resolver(() => ConventionSignatory)
export class SignatoryOnBehalfResolver {
  private readonly refusals = new WeakMap<ConventionSignatory, Promise<DomainError | null>>();

  constructor(private readonly service: SignatureOnBehalfService) {}

  private refusal(signatory: ConventionSignatory): Promise<DomainError | null> {
    let refusal = this.refusals.get(signatory);
    if (!refusal) {
      refusal = this.service.refusal(signatory);
      this.refusals.set(signatory, refusal);
    }
    return refusal;
  }

  @ResolveField(() => Boolean, {
    description:
      'Vrai si je peux enregistrer maintenant la signature de ce signataire pour son compte (« Signer pour le compte de ») : règle servie.',
  })
  async viewerMaySignOnBehalf(@Parent() signatory: ConventionSignatory): Promise<boolean> {
    return (await this.refusal(signatory)) === null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Pourquoi je ne peux pas signer pour son compte (il a un compte, rôle, déjà signé, pas son tour…) ; nul si je le peux.',
  })
  async viewerSignOnBehalfRefusal(@Parent() signatory: ConventionSignatory): Promise<string | null> {
    return (await this.refusal(signatory))?.message ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Code stable de ce refus (ORGANISATION_HAS_ACCOUNT, FORBIDDEN, ALREADY_SIGNED, NOT_YOUR_TURN…) ; nul si je le peux.',
  })
  async viewerSignOnBehalfRefusalCode(@Parent() signatory: ConventionSignatory): Promise<string | null> {
    return (await this.refusal(signatory))?.code ?? null;
  }
}
