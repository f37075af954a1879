// The public surface of @pilotis/comites: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ComitesModule } from './comites.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Envelope } from './envelope.entity';
export { AgendaItem, Committee, CommitteeMember, ConflictOfInterest } from './committee.entity';
export { CommitteeAttendance } from './attendance.entity';
export { CommitteeDefault, CommitteeDefaultMember } from './committee-default.entity';
export { Vote, VoteRequest } from './vote.entity';
export { CommitteeDecision } from './decision.entity';

// Used by other libraries.
export { EnvelopeView } from './comites.inputs';
export { EnvelopeService } from './envelope.service';
export { CommitteeQueries } from './committee-queries.service';
export { VoteOnBehalf } from './vote-on-behalf.types';
