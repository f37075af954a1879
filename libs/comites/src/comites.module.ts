import { Module } from '@nestjs/common';
import { ConventionsModule } from '@pilotis/conventions';
import { ActionsModule } from '@pilotis/actions';
import { FinanceModule } from '@pilotis/finance';
import { AgendaItemVoteResolver } from './agenda-item-vote.resolver';
import { AgendaItemResolver, CommitteeResolver } from './comites.resolver';
import { CommitteeService } from './committee.service';
import { EnvelopeService } from './envelope.service';
import { VoteService } from './vote.service';

/** Comités: envelopes, committees, agenda, per-funder votes, decisions and corrections (domain.md §3). */
@Module({
  // Closing a committee decides its actions' status (on each line's ledger) and drafts the conventions of
  // those it programmed.
  imports: [ActionsModule, ConventionsModule, FinanceModule],
  providers: [EnvelopeService, CommitteeService, VoteService, CommitteeResolver, AgendaItemResolver, AgendaItemVoteResolver], exports: [CommitteeService, EnvelopeService] })
export class ComitesModule {}
