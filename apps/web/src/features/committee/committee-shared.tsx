import { ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import type { CommitteeKind, CommitteeStatus, ConventionStatus, DecisionKind, VoteDecision } from '../../gql/graphql';


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

export const CONVENTION_STATUS_LABELS: Record<ConventionStatus, string> = {
  BROUILLON: 'À signer (aucune signature)',
  EN_SIGNATURE: 'En signature',
  SIGNEE: 'Signée',
  ANNULEE: 'Annulée',
};

/** Integer cents as a French amount to edit: 750000 → "7 500,00" (ordinary spaces, comma). */
export function centsToInput(cents: number): string {
  const whole = Math.trunc(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** What an API refusal means, in French, for the screens of committees and conventions. */
export function problemText(error: ApiError): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return `Votre rôle ne permet pas cette opération. ${error.message}`;
    case 'NOT_FOUND':
      return "Cet élément n'existe pas, ou plus, ou vous n'y avez pas accès.";
    case 'NOT_YOUR_TURN':
      return `Ce n'est pas encore à votre organisation de signer. ${error.message}`;
    case 'VERSION_SUPERSEDED':
      return `La convention a changé depuis que vous l'avez ouverte : un avenant l'a remplacée. La liste est mise à jour ; relisez la nouvelle version avant de signer. (${error.message})`;
    case 'ALREADY_SIGNED':
      return 'Votre organisation a déjà signé cette version de la convention.';
    case 'ENVELOPE_EXCEEDED':
      return `Ce montant dépasse ce qui reste de votre enveloppe. ${error.message}`;
    case 'NO_ENVELOPE':
      return `Aucune enveloppe n'est définie pour cette ligne : le chef de projet doit la définir avant tout octroi. ${error.message}`;
    case 'COMMITTEE_LOCKED':
      return `Le comité n'accepte plus cette modification. ${error.message}`;
    case 'COMMITTEE_NOT_CLOSED':
      return "Le procès-verbal n'est établi que pour un comité clos avec ses décisions.";
    case 'BAD_USER_INPUT':
      return error.fields.length > 0 ? `Saisie incorrecte : ${error.fields.map((f) => f.message).join(' ; ')}.` : error.message;
    default:
      return error.message;
  }
}

/** The French explanation of a refused operation, announced at once. */
export function Problem({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert">
      {problemText(error)}
    </div>
  );
}

/** Turns anything thrown into an ApiError. */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas. Réessayez dans un instant.');

/** Calls `tick` every `ms` milliseconds while `active`. */
export function usePolling(active: boolean, tick: () => void, ms: number): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => latest.current(), ms);
    return () => window.clearInterval(timer);
  }, [active, ms]);
}

/**
 * A button whose action is confirmed first, on the page (no browser dialog): the question and its two
 * answers replace the button, and the focus moves to the confirmation.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  disabled?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openRef} type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="actions-row">
        <button
          ref={confirmRef}
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => {
              setBusy(false);
              setAsking(false);
            });
          }}
        >
          {busy ? 'Un instant…' : confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
          Annuler
        </button>
      </div>
    </div>
  );
}
