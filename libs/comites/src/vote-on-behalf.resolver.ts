import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';

import { CastVoteOnBehalfInput } from './comites.inputs';
import { Vote } from './vote.entity';
import { VoteService } from './vote.service';
import { VoteOnBehalf } from './vote-on-behalf.types';

/** Votes recorded « pour le compte de » a funder without an account, on its mandate. */
@Resolver(() => Vote)
export class VoteOnBehalfResolver {
  constructor(
    private readonly votes: VoteService,
    private readonly db: Db,
  ) {}

  @Allow(Permission.RECORD_ON_BEHALF)
  @Mutation(() => Vote, {
    description:
      "Enregistre, tant que le vote est ouvert, le vote d'un financeur sans compte pour son compte, sur son mandat (auteur et scan, une pièce MANDAT du comité) : chef de projet, administrateur, et le délégué du préfet pour les organisations de l'État. Mêmes règles que son propre vote (membre votant, conflit d'intérêts, porteur, montant, enveloppe, état du comité) ; ORGANISATION_HAS_ACCOUNT si l'organisation a un compte : ses représentants votent eux-mêmes.",
  })
  castVoteOnBehalf(@Args('input', { description: 'Le vote et son mandat.' }) input: CastVoteOnBehalfInput): Promise<Vote> {
    return this.votes.castOnBehalf(input);
  }

  @ResolveField(() => VoteOnBehalf, {
    nullable: true,
    description: "Si le vote a été enregistré pour le compte de l'organisation (sans compte), sur son mandat ; nul sinon.",
  })
  async onBehalf(@Parent() vote: Vote): Promise<VoteOnBehalf | null> {
    if (!vote.onBehalf || !vote.castBy || !vote.mandateAuthor || !vote.mandateDocumentId) return null;
    // `users` is a platform table: plain SQL, one row by its key (the recorder's display name only).
    const [row] = await this.db.query<{ display_name: string }>('select display_name from users where id = $1', [vote.castBy]);
    return {
      recordedBy: vote.castBy,
      recordedByName: row?.display_name ?? null,
      mandateAuthor: vote.mandateAuthor,
      mandateDocumentId: vote.mandateDocumentId,
    };
  }
}
