import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';
import { ConventionsModule } from '@pilotis/conventions';
import { FinanceModule } from '@pilotis/finance';

import { AgendaItemVoteResolver } from './agenda-item-vote.resolver';
import { CommitteeAttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';
import { ActionCommitteeResolver, AgendaItemResolver, CommitteeResolver } from './comites.resolver';
import { CommitteeDecisions } from './committee-decisions.service';
import { CommitteeLifecycle } from './committee-lifecycle.service';
import { CommitteeMembershipResolver } from './committee-membership.resolver';
import { CommitteeMembership } from './committee-membership.service';
import { CommitteeQueries } from './committee-queries.service';
import { DauphinExportController } from './dauphin-export.controller';
import { DecisionHistory } from './decision.history';
import { EnvelopeService } from './envelope.service';
import { VoteService } from './vote.service';
import { VoteOnBehalfResolver } from './vote-on-behalf.resolver';

/** Comités: envelopes, committees, agenda, per-funder votes, decisions and corrections. */
@Module({
  // Closing a committee decides its actions' status (on each line's ledger) and drafts the conventions of
  // those it programmed.
  imports: [ActionsModule, ConventionsModule, FinanceModule],
  controllers: [DauphinExportController],
  providers: [
    EnvelopeService,
    CommitteeQueries,
    CommitteeDecisions,
    CommitteeLifecycle,
    CommitteeMembership,
    CommitteeMembershipResolver,
    VoteService,
    AttendanceService,
    CommitteeResolver,
    CommitteeAttendanceResolver,
    AgendaItemResolver,
    AgendaItemVoteResolver,
    VoteOnBehalfResolver,
    ActionCommitteeResolver,
    DecisionHistory,
  ],
  exports: [CommitteeQueries, CommitteeLifecycle, CommitteeDecisions, EnvelopeService],
})
export class ComitesModule {}
