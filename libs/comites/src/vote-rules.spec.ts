import { CommitteeStatus } from './committee.entity';
import { ViewerVoteFacts, viewerVoteRefusal } from './vote-rules';

const ORG = 'org-region';
const allowed: ViewerVoteFacts = {
  mayVote: true,
  organisationId: ORG,
  member: { voting: true },
  porteurId: 'org-asso',
  declared: false,
  funderIds: [ORG, 'org-ville'],
  status: CommitteeStatus.VOTE_OUVERT,
};
const codeOf = (change: Partial<ViewerVoteFacts>) => viewerVoteRefusal({ ...allowed, ...change })?.code ?? null;

describe('viewerVoteRefusal', () => {
  it('allows a voting member with a line of its own, the vote open', () => {
    expect(viewerVoteRefusal(allowed)).toBeNull();
  });

  it('refuses with the code castVote would give', () => {
    expect(codeOf({ mayVote: false })).toBe('FORBIDDEN');
    expect(codeOf({ organisationId: null })).toBe('NOT_A_MEMBER');
    expect(codeOf({ member: undefined })).toBe('NOT_A_MEMBER');
    expect(codeOf({ member: { voting: false } })).toBe('NOT_A_MEMBER');
    expect(codeOf({ porteurId: ORG })).toBe('CONFLICT_OF_INTEREST');
    expect(codeOf({ declared: true })).toBe('CONFLICT_OF_INTEREST');
    expect(codeOf({ funderIds: ['org-ville'] })).toBe('FORBIDDEN');
    expect(codeOf({ status: CommitteeStatus.PLANIFIE })).toBe('COMMITTEE_LOCKED');
    expect(codeOf({ status: CommitteeStatus.CLOS })).toBe('COMMITTEE_LOCKED');
  });

  it('tells a conflict before the missing line and before the closed vote: the reason that matters to the voter', () => {
    expect(viewerVoteRefusal({ ...allowed, porteurId: ORG, funderIds: [], status: CommitteeStatus.PLANIFIE })?.message).toMatch(
      /porte cette action/,
    );
    expect(viewerVoteRefusal({ ...allowed, declared: true, status: CommitteeStatus.PLANIFIE })?.message).toMatch(/conflit d'intérêts/);
  });
});
