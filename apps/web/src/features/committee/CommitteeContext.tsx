import { createContext, ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import type { CommitteeDetailQuery } from '../../gql/graphql';

export const COMMITTEE = graphql(`
  query CommitteeDetail($id: ID!) {
    committee(id: $id) {
      id
      kind
      title
      status
      quorum
      viewerMayEdit
      viewerMayOpenVote
      openVoteRefusal
      viewerMayClose
      votersWhoVoted
      quorumReached
      place
      scheduledAt
      openedAt
      closedAt
      contratId
      members {
        organisationId
        voting
      }
      membersFromDefault
      memberCandidates {
        organisationId
        name
        funder
        signatory
      }
      defaultMembership {
        savedAt
        members {
          organisationId
          voting
        }
      }
      attendance {
        organisationId
        status
        representativeName
      }
      agendaItems {
        id
        position
        actionId
        action {
          id
          title
          reference
          status
          totalBudgetCents
          porteur {
            id
            name
          }
          avis {
            id
            opinion
            comment
            organisationId
            updatedAt
          }
        }
        conflictsOfInterest {
          organisationId
          reason
        }
        viewerMayVote
        viewerVoteRefusal
        viewerVoteRefusalCode
        lines {
          fundingLineId
          funderId
          kind
          exerciseYear
          amountRequestedCents
          decision
          votedAmountCents
          comment
          funderHasAccount
          viewerMayRecordOnBehalf
          viewerOnBehalfRefusal
          onBehalf {
            recordedByName
            mandateAuthor
            mandateDocument {
              id
              fileName
              downloadPath
            }
          }
        }
      }
      results {
        items {
          agendaItemId
          actionId
          actionStatus
          lines {
            fundingLineId
            funderId
            amountRequestedCents
            decidedAmountCents
            kind
          }
        }
        byFunder {
          funderId
          requestedCents
          decidedCents
        }
        envelopes {
          id
          funderId
          exerciseYear
          kind
          amountCents
          consumedCents
          remainingCents
        }
      }
    }
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export type CommitteeData = CommitteeDetailQuery['committee'];
export type Item = CommitteeData['agendaItems'][number];
export type Line = Item['lines'][number];

/** While the vote is open, every page on the committee follows it at this pace. */
export const VOTE_POLL_MS = 4000;

/** What is announced when the committee changes step, by one's own action or seen by polling. */
const STEP_ANNOUNCEMENTS: Record<string, string> = {
  VOTE_OUVERT: 'Le vote est ouvert : les financeurs membres peuvent décider.',
  CLOS: 'Le comité est clos : les résultats sont affichés ci-dessous.',
  CLOS_SANS_QUORUM: 'Le comité est clos sans quorum : rien n’est décidé.',
};

/** What the committee's screens share: the committee as loaded, who is looking at it, and the page's announcer. */
export interface CommitteeContextValue {
  /** The territory (SIREN): the tenant of every request about the committee. */
  siren: string;
  committee: CommitteeData;
  /** The name of a partner organisation of the territory. */
  nameOf(organisationId: string): string;
  /** Partner organisations of the territory, by name. */
  organisations: [string, string][];
  /** The viewer's role allows preparing, opening and closing committees (MANAGE_COMMITTEES). */
  manager: boolean;
  /** The viewer's organisation, when it is a voting member and the role may vote. */
  voterOrg: string | null;
  /** Says something to every user of the page (the polite status region under the title). */
  announce(text: string): void;
}

const CommitteeContext = createContext<CommitteeContextValue | null>(null);

export function CommitteeProvider({ value, children }: { value: CommitteeContextValue; children: ReactNode }) {
  return <CommitteeContext.Provider value={value}>{children}</CommitteeContext.Provider>;
}

/** The committee of the page; only inside a CommitteeProvider, that is once the committee is loaded. */
export function useCommittee(): CommitteeContextValue {
  const value = useContext(CommitteeContext);
  if (!value) throw new Error('useCommittee() is used under a CommitteeProvider, once the committee is loaded.');
  return value;
}

/**
 * Loads a committee for its page: the query (polled while the vote is open, so that every page follows
 * the votes and sees the close), the announcement of each new step, and the context value once loaded.
 * Who may do what comes from the session's permissions (myTenants.permissions); whether one may vote on
 * a point comes from the API (AgendaItem.viewerMayVote), never from a rule copied here.
 */
export function useCommitteePage(siren: string, id: string) {
  const { tenants } = useSession();
  const me = tenants.find((t) => t.tenant.siren === siren);
  const query = useGraphQLQuery(
    COMMITTEE,
    { id },
    { tenant: siren, refetchInterval: (q) => (q.state.data?.committee.status === 'VOTE_OUVERT' ? VOTE_POLL_MS : false) },
  );
  const [announcement, setAnnouncement] = useState('');
  const c = query.data?.committee;
  const status = c?.status;
  const previousStatus = useRef(status);
  useEffect(() => {
    if (status && previousStatus.current && previousStatus.current !== status) setAnnouncement(STEP_ANNOUNCEMENTS[status] ?? '');
    previousStatus.current = status;
  }, [status]);
  const organisationNodes = query.data?.organisations.nodes;
  const names = useMemo(() => new Map((organisationNodes ?? []).map((o) => [o.id, o.name])), [organisationNodes]);
  const manager = !!me?.permissions.includes('MANAGE_COMMITTEES');
  const myOrg = me?.organisationId ?? null;
  const mayVote = !!me?.permissions.includes('VOTE');
  const value = useMemo<CommitteeContextValue | null>(() => {
    if (!c) return null;
    const voter = !!myOrg && mayVote && c.members.some((m) => m.organisationId === myOrg && m.voting);
    return {
      siren,
      committee: c,
      nameOf: (orgId) => names.get(orgId) ?? 'Organisation inconnue',
      organisations: [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr')),
      manager,
      voterOrg: voter ? myOrg : null,
      announce: setAnnouncement,
    };
  }, [c, siren, names, manager, myOrg, mayVote, setAnnouncement]);
  return { query, announcement, value };
}
