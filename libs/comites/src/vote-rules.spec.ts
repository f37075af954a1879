import { CommitteeStatus } from './committee.entity';
import { OnBehalfFacts, onBehalfRefusal, ViewerVoteFacts, viewerVoteRefusal } from './vote-rules';

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

describe('onBehalfRefusal', () => {
  const ARCHIPEL = 'org-archipel';
  const recordable: OnBehalfFacts = {
    scope: { role: 'CHEF_DE_PROJET' },
    organisationId: ARCHIPEL,
    organisationName: 'Archipel Habitat',
    organisationKind: 'BAILLEUR_SOCIAL',
    hasAccount: false,
    member: { voting: true },
    porteurId: 'org-asso',
    declared: false,
    status: CommitteeStatus.VOTE_OUVERT,
  };
  const refusal = (change: Partial<OnBehalfFacts>) => onBehalfRefusal({ ...recordable, ...change });

  it('lets a chef de projet or an admin record for any organisation without an account, the délégué for the State only', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ scope: { role: 'TENANT_ADMIN' } })).toBeNull();
    expect(refusal({ scope: { role: 'DELEGUE_PREFET' }, organisationKind: 'ETAT' })).toBeNull();
    expect(refusal({ scope: { role: 'DELEGUE_PREFET' } })?.code).toBe('FORBIDDEN');
    expect(refusal({ scope: { role: 'FUNDER_REPRESENTATIVE' } })?.code).toBe('FORBIDDEN');
    expect(refusal({ scope: { role: 'AUDITOR' } })?.code).toBe('FORBIDDEN');
  });

  it("refuses an organisation with an account, then applies the represented organisation's own vote rules", () => {
    expect(refusal({ hasAccount: true })?.code).toBe('ORGANISATION_HAS_ACCOUNT');
    expect(refusal({ hasAccount: true })?.message).toMatch(/^Archipel Habitat a un compte/);
    expect(refusal({ member: undefined })?.message).toBe("Cette organisation n'est pas membre votant de ce comité.");
    expect(refusal({ member: { voting: false } })?.code).toBe('NOT_A_MEMBER');
    expect(refusal({ porteurId: ARCHIPEL })?.code).toBe('CONFLICT_OF_INTEREST');
    expect(refusal({ declared: true })?.code).toBe('CONFLICT_OF_INTEREST');
    expect(refusal({ status: CommitteeStatus.CLOS })?.code).toBe('COMMITTEE_LOCKED');
  });
});
