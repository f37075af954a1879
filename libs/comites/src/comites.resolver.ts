import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClsService } from 'nestjs-cls';

import { Allow, Permission, scopeAllows } from '@pilotis/access';
import { Action } from '@pilotis/actions';
import { Db, requestLoader } from '@pilotis/db';
import { invalidField, MultiLineArgs, uuid } from '@pilotis/shared';

import {
  AgendaLine,
  CastVoteInput,
  CommitteeResults,
  CorrectDecisionInput,
  EnvelopeView,
  MAX_AGENDA,
  ScheduleCommitteeInput,
  SetCommitteeMembersInput,
  SetEnvelopeInput,
} from './comites.inputs';
import { COMITES_SQL } from './comites.sql';
import { AgendaItem, Committee, CommitteeKind, CommitteeMember, ConflictOfInterest } from './committee.entity';
import { CommitteeDecisions } from './committee-decisions.service';
import { CommitteeLifecycle } from './committee-lifecycle.service';
import { CommitteeQueries } from './committee-queries.service';
import { CLOSED_STATUSES, closeOperation, committeeAllows, openVoteRefusal } from './committee-status';
import { CommitteeDecision } from './decision.entity';
import { EnvelopeService } from './envelope.service';
import { Vote } from './vote.entity';
import { VoteService } from './vote.service';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pipe for a list of UUID arguments. */
const uuids = (field: string) => ({
  transform(value: unknown): string[] {
    if (!Array.isArray(value) || value.length > MAX_AGENDA)
      throw invalidField(field, 'isArray', `liste de ${MAX_AGENDA} identifiants au plus attendue`);
    return value.map((v: unknown, i) => {
      if (typeof v !== 'string' || !UUID_RE.test(v)) throw invalidField(`${field}.${i}`, 'isUuid', 'identifiant invalide');
      return v.toLowerCase();
    });
  },
});

/** Minutes: at most 200 items. */
const minuteItems = {
  transform(value: unknown): string[] {
    if (!Array.isArray(value) || value.length > 200 || value.some((v) => typeof v !== 'string')) {
      throw invalidField('items', 'isArray', 'liste de 200 textes au plus attendue');
    }
    return value as string[];
  },
};

/** What the served rules of a committee count: voting members, agenda items, voting members who voted. */
interface CommitteeCounts {
  voters: number;
  items: number;
  voted: number;
}
const COMMITTEE_COUNTS = Symbol('comites.committeeCounts');

@Resolver(() => Committee)
export class CommitteeResolver {
  constructor(
    private readonly queries: CommitteeQueries,
    private readonly lifecycle: CommitteeLifecycle,
    private readonly decisions: CommitteeDecisions,
    private readonly envelopeService: EnvelopeService,
    private readonly votes: VoteService,
    private readonly db: Db,
    private readonly cls: ClsService,
  ) {}

  // ------------------------------------------------------------------ queries

  @Allow(Permission.READ)
  @Query(() => [EnvelopeView], {
    description: "Les enveloppes d'un contrat avec leur consommation. Un représentant de financeur ne voit que celles de son organisation.",
  })
  envelopes(
    @Args('contratId', { type: () => ID, description: 'Contrat de ville.' }, uuid('contratId')) contratId: string,
    @Args('funderId', { type: () => ID, nullable: true, description: 'Filtre : organisation financeuse.' }) funderId?: string | null,
    @Args('exerciseYear', { type: () => Int, nullable: true, description: 'Filtre : exercice budgétaire.' }) exerciseYear?: number | null,
  ): Promise<EnvelopeView[]> {
    if (funderId && !UUID_RE.test(funderId)) throw invalidField('funderId', 'isUuid', 'identifiant invalide');
    return this.envelopeService.list(contratId, funderId?.toLowerCase() ?? null, exerciseYear ?? null);
  }

  @Allow(Permission.READ)
  @Query(() => [Committee], {
    description: "Les comités d'un contrat par date. Un représentant de financeur ne voit que ceux dont son organisation est membre.",
  })
  committees(
    @Args('contratId', { type: () => ID, description: 'Contrat de ville.' }, uuid('contratId')) contratId: string,
  ): Promise<Committee[]> {
    return this.queries.list(contratId);
  }

  @Allow(Permission.READ)
  @Query(() => Committee, {
    description: 'Un comité, avec ses membres, son ordre du jour, les votes visibles et, une fois clos, ses résultats.',
  })
  committee(@Args('id', { type: () => ID, description: 'Identifiant du comité.' }, uuid('id')) id: string): Promise<Committee> {
    return this.queries.findVisible(id);
  }

  // ------------------------------------------------------------------ mutations

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => EnvelopeView, {
    description:
      "Définit l'enveloppe d'un financeur (contrat, exercice, nature). Elle ne peut descendre sous ce qui est déjà accordé (ENVELOPE_EXCEEDED).",
  })
  setEnvelope(@Args('input', { description: "L'enveloppe." }) input: SetEnvelopeInput): Promise<EnvelopeView> {
    return this.envelopeService.set(input);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, { description: 'Planifie un comité (des financeurs, de pilotage ou technique).' })
  scheduleCommittee(@Args('input', { description: 'Le comité à planifier.' }) input: ScheduleCommitteeInput): Promise<Committee> {
    return this.lifecycle.schedule(input);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, {
    description: "Remplace les membres d'un comité (et son quorum) ; figé après l'ouverture du vote (COMMITTEE_LOCKED).",
  })
  setCommitteeMembers(@Args('input', { description: 'Les membres.' }) input: SetCommitteeMembersInput): Promise<Committee> {
    return this.lifecycle.setMembers(input);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, {
    description:
      "Inscrit à l'ordre du jour d'un comité des financeurs des actions à arbitrer de son contrat (une action n'est inscrite qu'à un comité non clos) ; figé après l'ouverture du vote.",
  })
  addAgendaItems(
    @Args('committeeId', { type: () => ID, description: 'Comité.' }, uuid('committeeId')) committeeId: string,
    @Args('actionIds', { type: () => [ID], description: 'Actions à inscrire.' }, uuids('actionIds')) actionIds: string[],
  ): Promise<Committee> {
    return this.lifecycle.addAgendaItems(committeeId, actionIds);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, { description: "Retire un point de l'ordre du jour ; figé après l'ouverture du vote." })
  removeAgendaItem(
    @Args('agendaItemId', { type: () => ID, description: "Point de l'ordre du jour." }, uuid('agendaItemId')) agendaItemId: string,
  ): Promise<Committee> {
    return this.lifecycle.removeAgendaItem(agendaItemId);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, {
    description: "Ouvre le vote d'un comité des financeurs : membres, ordre du jour et quorum sont désormais figés.",
  })
  openVote(@Args('committeeId', { type: () => ID, description: 'Comité.' }, uuid('committeeId')) committeeId: string): Promise<Committee> {
    return this.lifecycle.openVote(committeeId);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, {
    description:
      "Clôt un comité. Sans quorum : rien n'est décidé et les actions restent à arbitrer. Avec quorum : chaque ligne reçoit sa décision et chaque action devient programmée, partiellement programmée ou refusée.",
  })
  closeCommittee(
    @Args('committeeId', { type: () => ID, description: 'Comité.' }, uuid('committeeId')) committeeId: string,
  ): Promise<Committee> {
    return this.lifecycle.close(committeeId);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => Committee, { description: "Enregistre le relevé de décisions d'un comité de pilotage (remplace le précédent)." })
  @MultiLineArgs('items')
  recordMinutes(
    @Args('committeeId', { type: () => ID, description: 'Comité de pilotage.' }, uuid('committeeId')) committeeId: string,
    @Args('items', { type: () => [String], description: 'Décisions prises, une par élément.' }, minuteItems) items: string[],
  ): Promise<Committee> {
    return this.lifecycle.recordMinutes(committeeId, items);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => CommitteeDecision, {
    description:
      "Corrige une décision en vigueur : une nouvelle décision, rattachée à l'ancienne (inchangée), avec son auteur et son motif.",
  })
  correctDecision(@Args('input', { description: 'La correction.' }) input: CorrectDecisionInput): Promise<CommitteeDecision> {
    return this.decisions.correct(input);
  }

  @Allow(Permission.VOTE)
  @Mutation(() => Vote, {
    description:
      "Vote de l'organisation du représentant sur sa propre ligne d'une action inscrite, tant que le vote est ouvert ; un nouveau vote remplace le précédent, un vote identique au vote en vigueur ne change rien. Un octroi ne peut dépasser le reste de l'enveloppe (ENVELOPE_EXCEEDED).",
  })
  castVote(@Args('input', { description: 'Le vote.' }) input: CastVoteInput): Promise<Vote> {
    return this.votes.cast(input);
  }

  @Allow(Permission.VOTE)
  @Mutation(() => Boolean, {
    description:
      "Déclare, pour sa propre organisation, un conflit d'intérêts sur un point : elle ne vote pas sur cette action (ses votes éventuels sont retirés).",
  })
  @MultiLineArgs('reason')
  declareConflictOfInterest(
    @Args('agendaItemId', { type: () => ID, description: "Point de l'ordre du jour." }, uuid('agendaItemId')) agendaItemId: string,
    @Args('reason', { description: 'Motif.' }) reason: string,
  ): Promise<boolean> {
    return this.votes.declareConflict(agendaItemId, reason);
  }

  // ------------------------------------------------------------------ fields

  @ResolveField(() => [CommitteeMember], { description: 'Organisations membres.' })
  members(@Parent() committee: Committee): Promise<CommitteeMember[]> {
    return this.queries.members(committee.id);
  }

  @ResolveField(() => [AgendaItem], { description: 'Ordre du jour (comité des financeurs).' })
  agendaItems(@Parent() committee: Committee): Promise<AgendaItem[]> {
    return this.queries.agenda(committee.id);
  }

  // What the caller may do now, from the committee's operation table and the checks of the mutations
  // themselves (libs/comites/src/committee-status.ts, CommitteeLifecycle.openVoteRefusal): a client shows
  // these, it never decides them.

  @ResolveField(() => Boolean, {
    description:
      "Vrai si l'appelant peut encore changer les membres, le quorum, l'ordre du jour et les enveloppes : comité planifié et droit de gérer les comités.",
  })
  viewerMayEdit(@Parent() committee: Committee): boolean {
    return this.mayManage() && committeeAllows(committee.status, 'setMembers');
  }

  @ResolveField(() => Boolean, { description: "Vrai si l'appelant peut ouvrir le vote maintenant (mêmes vérifications que openVote)." })
  async viewerMayOpenVote(@Parent() committee: Committee): Promise<boolean> {
    return this.mayManage() && this.mayOpenInStatus(committee) && openVoteRefusal(committee.quorum, await this.counts(committee)) === null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Pourquoi le vote ne peut pas s'ouvrir maintenant (aucun membre votant, ordre du jour vide, quorum trop haut) ; null s'il le peut, ou hors d'un comité des financeurs planifié.",
  })
  async openVoteRefusal(@Parent() committee: Committee): Promise<string | null> {
    if (!this.mayOpenInStatus(committee)) return null;
    return openVoteRefusal(committee.quorum, await this.counts(committee))?.message ?? null;
  }

  @ResolveField(() => Boolean, {
    description:
      "Vrai si l'appelant peut clore le comité maintenant : vote ouvert (comité des financeurs) ou séance planifiée (pilotage, technique).",
  })
  viewerMayClose(@Parent() committee: Committee): boolean {
    return this.mayManage() && committeeAllows(committee.status, closeOperation(committee.kind));
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      "Membres votants ayant voté au moins une fois : le compte que la clôture compare au quorum. Pour qui gère les comités, ou une fois le comité clos ; null sinon (le vote est secret tant qu'il est ouvert).",
  })
  async votersWhoVoted(@Parent() committee: Committee): Promise<number | null> {
    if (!this.mayManage() && !CLOSED_STATUSES.has(committee.status)) return null;
    return (await this.counts(committee)).voted;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Vrai si assez de membres votants ont voté pour que la clôture décide (sinon elle clôt sans quorum) ; même visibilité que votersWhoVoted.',
  })
  async quorumReached(@Parent() committee: Committee): Promise<boolean | null> {
    const voters = await this.votersWhoVoted(committee);
    return voters === null ? null : voters >= committee.quorum;
  }

  /** The committee's counts, one statement for every committee and field of the request. */
  private counts(committee: Committee): Promise<CommitteeCounts> {
    const loader = requestLoader(this.cls, COMMITTEE_COUNTS, async (ids: string[]) => {
      const rows = await this.db.query<CommitteeCounts & { id: string }>(COMITES_SQL.committeeCounts, [this.db.tenant().tenantId, ids]);
      return new Map(rows.map((r) => [r.id, r]));
    });
    return loader.load(committee.id).then((c) => c ?? { voters: 0, items: 0, voted: 0 });
  }

  private mayManage(): boolean {
    return scopeAllows(this.db.tenant(), Permission.MANAGE_COMMITTEES);
  }

  private mayOpenInStatus(committee: Committee): boolean {
    return committee.kind === CommitteeKind.COMITE_DES_FINANCEURS && committeeAllows(committee.status, 'openVote');
  }

  @ResolveField(() => CommitteeResults, { nullable: true, description: 'Résultats, une fois le comité clos (vide avant).' })
  results(@Parent() committee: Committee): Promise<CommitteeResults | null> {
    return this.queries.results(committee);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  constructor(private readonly committees: CommitteeQueries) {}

  @ResolveField(() => Action, { description: 'Action inscrite.' })
  action(@Parent() item: AgendaItem): Promise<Action> {
    return this.committees.actionOf(item.actionId);
  }

  @ResolveField(() => [AgendaLine], {
    description:
      "Lignes de financement de l'action avec le vote de leur financeur (tant que le vote est ouvert, un votant ne voit que ceux de son organisation).",
  })
  lines(@Parent() item: AgendaItem): Promise<AgendaLine[]> {
    return this.committees.agendaLines(item);
  }

  @ResolveField(() => [ConflictOfInterest], {
    description: "Conflits d'intérêts déclarés sur ce point : les organisations concernées n'y votent pas (publics, par transparence).",
  })
  conflictsOfInterest(@Parent() item: AgendaItem): Promise<ConflictOfInterest[]> {
    return this.committees.conflictsOf(item.id);
  }
}

const OPEN_COMMITTEE_OF_ACTION = Symbol('comites.openCommitteeOfAction');

/** What the committees say of an action: the open committee it waits for. */
@Resolver(() => Action)
export class ActionCommitteeResolver {
  constructor(
    private readonly db: Db,
    private readonly cls: ClsService,
    private readonly queries: CommitteeQueries,
  ) {}

  @ResolveField(() => [Committee], {
    description:
      "Comités des financeurs dont l'ordre du jour porte l'action (planifiés, au vote ou clos), du plus ancien au plus récent ; un représentant d'organisation ne voit que ceux où siège son organisation.",
  })
  committees(@Parent() action: Action): Promise<Committee[]> {
    return this.queries.ofAction(action.id);
  }

  @ResolveField(() => ID, {
    nullable: true,
    description:
      "Comité non clos (planifié ou au vote) dont l'ordre du jour porte l'action, s'il y en a un : une action n'attend qu'un comité à la fois, elle ne peut être inscrite à un autre.",
  })
  async openCommitteeId(@Parent() action: Action): Promise<string | null> {
    const loader = requestLoader(this.cls, OPEN_COMMITTEE_OF_ACTION, async (actionIds: string[]) => {
      const rows = await this.db.query<{ action_id: string; committee_id: string }>(COMITES_SQL.actionsOnOpenAgendas, [
        this.db.tenant().tenantId,
        actionIds,
        [...CLOSED_STATUSES],
      ]);
      return new Map(rows.map((r) => [r.action_id, r.committee_id]));
    });
    return (await loader.load(action.id)) ?? null;
  }
}
