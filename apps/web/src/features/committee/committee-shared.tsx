import { useEffect, useRef } from 'react';
import type { CommitteeKind, CommitteeStatus, DecisionKind, VoteDecision } from '../../gql/graphql';

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  COMITE_DES_FINANCEURS: 'Comité des financeurs',
  COMITE_DE_PILOTAGE: 'Comité de pilotage',
  COMITE_TECHNIQUE: 'Comité technique',
};

export const COMMITTEE_STATUS_LABELS: Record<CommitteeStatus, string> = {
  PLANIFIE: 'Planifié',
  VOTE_OUVERT: 'Vote ouvert',
  CLOS: 'Clos',
  CLOS_SANS_QUORUM: 'Clos sans quorum',
};

/** A funder's vote on its line. */
export const VOTE_LABELS: Record<VoteDecision, string> = { GRANT: 'Accordé', REFUSE: 'Refusé', ABSTAIN: 'Abstention' };

/** The decision written at the close, per line. */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  GRANT: 'Accordé',
  REFUSE: 'Refusé',
  ABSTAIN: 'Abstention',
  NO_VOTE: 'Aucun vote',
  CORRECTION: 'Corrigé',
};

/** Calls `tick` every `ms` milliseconds while `active`. */
export function usePolling(active: boolean, tick: () => void, ms: number): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  });
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => latest.current(), ms);
    return () => window.clearInterval(timer);
  }, [active, ms]);
}
