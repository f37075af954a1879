import { Db } from '@pilotis/db';
import { notFound } from '@pilotis/shared';

import { Committee } from './committee.entity';

/**
 * The comités' lock order. Every path that touches committees, their agendas, funding lines, votes and
 * envelopes (`CommitteeLifecycle`, `CommitteeDecisions`, `VoteService`, `EnvelopeService`) takes its row
 * locks in this one order (each path a subsequence of it, several rows of one level in id order), so that
 * no two transactions can wait on each other in a cycle, and concurrent calls queue instead of failing
 * with a deadlock:
 *   0. castVote's idempotency key (`vote_requests`, its primary key), when one is given;
 *   1. the committee row: FOR SHARE by castVote and declareConflictOfInterest (votes run side by side),
 *      FOR UPDATE by every committee mutation (`lockCommittee`: members, agenda, opening, close): it waits
 *      for the votes in flight, and a vote arriving after it reads the new status;
 *   2. actions, FOR UPDATE in id order: agenda building, the close (its whole agenda at once), corrections;
 *   3. funding lines: FOR NO KEY UPDATE by castVote (its line: the turn of each vote on one line, whether
 *      the vote exists yet or not) and by declareConflictOfInterest (the organisation's lines of the item,
 *      in id order); updated by the close and by corrections (`FundingLedger.decide`), under their
 *      action's lock;
 *   4. votes (castVote's row, declareConflictOfInterest's withdrawal, an agenda item's removal);
 *   5. envelopes, FOR UPDATE (`EnvelopeService.lock`): grants, corrections, setEnvelope;
 *   6. the tenant's audit chain head (`AuditService.record`), last.
 *
 * A committee's status is checked (`assertCommitteeAllows`) on the row read under level 1, so that it
 * cannot change before the operation commits.
 */
export async function lockCommittee(db: Db, id: string): Promise<Committee> {
  const committee = await (await db.repository(Committee)).findOne({ id: id.toLowerCase() }, { lock: 'pessimistic_write' });
  if (!committee) throw notFound('Comité');
  return committee;
}
