import { DomainError, ErrorCode } from '@pilotis/shared';

import { CommitteeKind, CommitteeStatus } from './committee.entity';
import {
  assertCommitteeAllows,
  canCommitteeTransition,
  closeOperation,
  COMMITTEE_OPERATIONS,
  COMMITTEE_TRANSITIONS,
  CommitteeOperation,
  committeeRefusal,
  isClosed,
} from './committee-status';

const S = CommitteeStatus;
const ALL = Object.values(CommitteeStatus);
const OPERATIONS = Object.keys(COMMITTEE_OPERATIONS) as CommitteeOperation[];

/** The life of a committee, written out edge by edge. */
const EXPECTED_ALLOWED: [CommitteeStatus, CommitteeStatus][] = [
  [S.PLANIFIE, S.VOTE_OUVERT],
  [S.PLANIFIE, S.CLOS],
  [S.VOTE_OUVERT, S.CLOS],
  [S.VOTE_OUVERT, S.CLOS_SANS_QUORUM],
];

/** Which operation is allowed where, written out status by status. */
const EXPECTED_OPERATIONS: Record<CommitteeOperation, CommitteeStatus[]> = {
  setMembers: [S.PLANIFIE],
  addAgendaItems: [S.PLANIFIE],
  removeAgendaItem: [S.PLANIFIE],
  openVote: [S.PLANIFIE],
  closeVote: [S.VOTE_OUVERT],
  closeSession: [S.PLANIFIE],
  castVote: [S.VOTE_OUVERT],
  declareConflict: [S.PLANIFIE, S.VOTE_OUVERT],
  recordMinutes: [S.PLANIFIE, S.VOTE_OUVERT, S.CLOS, S.CLOS_SANS_QUORUM],
  recordAttendance: [S.PLANIFIE, S.VOTE_OUVERT, S.CLOS, S.CLOS_SANS_QUORUM],
  correctDecision: [S.CLOS],
};

/** The refusal thrown, as code and message. */
function refusalOf(status: CommitteeStatus, operation: CommitteeOperation): { code: string; message: string } | null {
  try {
    assertCommitteeAllows({ status }, operation);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return { code: (e as DomainError).code, message: (e as DomainError).message };
  }
}

describe('committee life cycle', () => {
  it.each(EXPECTED_ALLOWED)('allows %s → %s', (from, to) => {
    expect(canCommitteeTransition(from, to)).toBe(true);
  });

  it('allows nothing else (the table has exactly the expected edges)', () => {
    const expected = new Set(EXPECTED_ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of ALL) {
      for (const to of ALL) {
        const key = `${from}>${to}`;
        expect([key, canCommitteeTransition(from, to)]).toEqual([key, expected.has(key)]);
      }
    }
  });

  it.each([S.CLOS, S.CLOS_SANS_QUORUM])('%s is terminal', (status) => {
    expect(COMMITTEE_TRANSITIONS[status]).toEqual([]);
    expect(isClosed(status)).toBe(true);
  });

  it.each([S.PLANIFIE, S.VOTE_OUVERT])('%s is not closed', (status) => {
    expect(isClosed(status)).toBe(false);
  });

  it('never closes without quorum a committee whose vote never opened', () => {
    expect(canCommitteeTransition(S.PLANIFIE, S.CLOS_SANS_QUORUM)).toBe(false);
  });
});

describe('operations per status', () => {
  it('has exactly the expected operations, each in exactly the expected statuses', () => {
    expect([...OPERATIONS].sort()).toEqual((Object.keys(EXPECTED_OPERATIONS) as CommitteeOperation[]).sort());
    for (const operation of OPERATIONS) {
      for (const status of ALL) {
        const key = `${operation}@${status}`;
        expect([key, refusalOf(status, operation) === null]).toEqual([key, EXPECTED_OPERATIONS[operation].includes(status)]);
        expect([key, committeeRefusal(status, operation) === null]).toEqual([key, EXPECTED_OPERATIONS[operation].includes(status)]);
      }
    }
  });

  it('leads only along edges of the life cycle, and every edge is some operation', () => {
    const reached = new Set<string>();
    for (const operation of OPERATIONS) {
      const rule = COMMITTEE_OPERATIONS[operation];
      for (const from of rule.allowedIn) {
        for (const to of rule.leadsTo) {
          expect([operation, from, to, canCommitteeTransition(from, to)]).toEqual([operation, from, to, true]);
          reached.add(`${from}>${to}`);
        }
      }
    }
    expect([...reached].sort()).toEqual(EXPECTED_ALLOWED.map(([from, to]) => `${from}>${to}`).sort());
  });

  it('freezes members, agenda and quorum once the vote opens, with the message naming what is frozen', () => {
    for (const operation of ['setMembers', 'addAgendaItems', 'removeAgendaItem', 'openVote'] as const) {
      expect(refusalOf(S.VOTE_OUVERT, operation)).toEqual({
        code: ErrorCode.COMMITTEE_LOCKED,
        message: 'Le vote est ouvert : les membres, l’ordre du jour et le quorum sont figés.',
      });
      expect(refusalOf(S.CLOS, operation)).toEqual({ code: ErrorCode.COMMITTEE_LOCKED, message: 'Le comité est clos.' });
      expect(refusalOf(S.CLOS_SANS_QUORUM, operation)).toEqual({
        code: ErrorCode.COMMITTEE_LOCKED,
        message: 'Le comité est clos (sans quorum).',
      });
    }
  });

  it('refuses a vote before the opening and after the close, COMMITTEE_LOCKED', () => {
    expect(refusalOf(S.PLANIFIE, 'castVote')).toEqual({
      code: ErrorCode.COMMITTEE_LOCKED,
      message: "Le vote de ce comité n'est pas encore ouvert.",
    });
    expect(refusalOf(S.CLOS, 'castVote')).toEqual({ code: ErrorCode.COMMITTEE_LOCKED, message: 'Le comité est clos.' });
    expect(refusalOf(S.CLOS_SANS_QUORUM, 'castVote')).toEqual({
      code: ErrorCode.COMMITTEE_LOCKED,
      message: 'Le comité est clos (sans quorum).',
    });
  });

  it('refuses to close a comité des financeurs whose vote is not open yet as INVALID_TRANSITION, and a closed one as COMMITTEE_LOCKED', () => {
    expect(refusalOf(S.PLANIFIE, 'closeVote')).toEqual({
      code: ErrorCode.INVALID_TRANSITION,
      message: "Le vote n'est pas ouvert : ouvrez-le avant de clore le comité.",
    });
    expect(refusalOf(S.CLOS, 'closeVote')?.code).toBe(ErrorCode.COMMITTEE_LOCKED);
    expect(refusalOf(S.CLOS_SANS_QUORUM, 'closeVote')?.code).toBe(ErrorCode.COMMITTEE_LOCKED);
  });

  it('closes a steering or technical committee straight from planifié, and only from there', () => {
    expect(closeOperation(CommitteeKind.COMITE_DES_FINANCEURS)).toBe('closeVote');
    expect(closeOperation(CommitteeKind.COMITE_DE_PILOTAGE)).toBe('closeSession');
    expect(closeOperation(CommitteeKind.COMITE_TECHNIQUE)).toBe('closeSession');
    expect(refusalOf(S.PLANIFIE, 'closeSession')).toBeNull();
    expect(refusalOf(S.CLOS, 'closeSession')).toEqual({ code: ErrorCode.COMMITTEE_LOCKED, message: 'Le comité est clos.' });
  });

  it('uses INVALID_TRANSITION for nothing but the early close: every other refusal is COMMITTEE_LOCKED', () => {
    for (const operation of OPERATIONS) {
      for (const status of ALL) {
        const refusal = refusalOf(status, operation);
        if (refusal === null || (operation === 'closeVote' && status === S.PLANIFIE)) continue;
        expect([operation, status, refusal.code]).toEqual([operation, status, ErrorCode.COMMITTEE_LOCKED]);
      }
    }
  });

  it('corrects decisions only on a closed committee that reached its quorum', () => {
    for (const status of [S.PLANIFIE, S.VOTE_OUVERT, S.CLOS_SANS_QUORUM])
      expect(refusalOf(status, 'correctDecision')?.code).toBe(ErrorCode.COMMITTEE_LOCKED);
    expect(refusalOf(S.CLOS, 'correctDecision')).toBeNull();
  });
});
