import { Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { DomainError } from '@pilotis/shared';

import { AgendaItem } from './committee.entity';
import { VoteService } from './vote.service';

/**
 * What the caller may do on an agenda item, as the vote rules decide it (`vote-rules.ts`): the screen shows
 * the vote or its refusal from these fields and keeps no copy of the rules.
 */
@Resolver(() => AgendaItem)
export class AgendaItemVoteResolver {
  /** One reading per item object and request: the three fields below share it. */
  private readonly refusals = new WeakMap<AgendaItem, Promise<DomainError | null>>();

  constructor(private readonly votes: VoteService) {}

  private refusal(item: AgendaItem): Promise<DomainError | null> {
    let refusal = this.refusals.get(item);
    if (!refusal) {
      refusal = this.votes.viewerRefusal(item);
      this.refusals.set(item, refusal);
    }
    return refusal;
  }

  @ResolveField(() => Boolean, {
    description: 'Vrai si je peux voter maintenant sur ce point (sur les lignes de mon organisation), selon les règles du vote.',
  })
  async viewerMayVote(@Parent() item: AgendaItem): Promise<boolean> {
    return (await this.refusal(item)) === null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Pourquoi je ne peux pas voter sur ce point (pas membre votant, conflit d'intérêts, organisation porteuse, pas de ligne, vote non ouvert…) ; nul si je le peux.",
  })
  async viewerVoteRefusal(@Parent() item: AgendaItem): Promise<string | null> {
    return (await this.refusal(item))?.message ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Code stable de ce refus (NOT_A_MEMBER, CONFLICT_OF_INTEREST, FORBIDDEN, COMMITTEE_LOCKED…), celui que castVote renverrait ; nul si je peux voter.',
  })
  async viewerVoteRefusalCode(@Parent() item: AgendaItem): Promise<string | null> {
    return (await this.refusal(item))?.code ?? null;
  }
}
