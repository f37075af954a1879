import { ReactNode, useEffect, useId, useRef, useState } from 'react';

import { ApiError } from './api';
import { ErrorContext, errorText } from './errors';
import { euros } from './format';

/**
 * The French explanation of an API refusal, announced at once (role="alert"): a page that could not be
 * shown (`context="load"`, the default) or an operation that was refused (`context="operation"`).
 */
export function ErrorMessage({ error, context = 'load' }: { error: ApiError | null; context?: ErrorContext }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert">
      {errorText(error, context)}
    </div>
  );
}

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="muted">
      {label}
    </p>
  );
}

/** A labelled field with its own error message, linked for screen readers. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A figure with its label, for dashboards. */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <span className="figure-value">{value}</span>
    </div>
  );
}

export interface FourAmounts {
  requestedCents: number;
  decidedCents: number;
  committedCents: number;
  paidCents: number;
}

/** The four amounts of a figure as table cells, in the order every dashboard shows them. */
export function AmountCells({ amounts }: { amounts: FourAmounts }) {
  return (
    <>
      <td className="num">{euros(amounts.requestedCents)}</td>
      <td className="num">{euros(amounts.decidedCents)}</td>
      <td className="num">{euros(amounts.committedCents)}</td>
      <td className="num">{euros(amounts.paidCents)}</td>
    </>
  );
}

/** The four amounts as figures, for the top of a dashboard. */
export function AmountFigures({ amounts }: { amounts: FourAmounts }) {
  return (
    <>
      <Figure label="Demandé" value={euros(amounts.requestedCents)} />
      <Figure label="Décidé" value={euros(amounts.decidedCents)} />
      <Figure label="Engagé" value={euros(amounts.committedCents)} />
      <Figure label="Payé" value={euros(amounts.paidCents)} />
    </>
  );
}

/**
 * Keyset pages: `cursors` are the end cursors of the pages already passed (none on page 1); going back
 * drops the last one, going on adds the current page's end cursor.
 */
export function Pager({
  label,
  cursors,
  pageInfo,
  loading,
  onGoTo,
}: {
  label: string;
  cursors: string[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | null | undefined;
  loading: boolean;
  onGoTo(cursors: string[]): void;
}) {
  if (cursors.length === 0 && !pageInfo?.hasNextPage) return null;
  const next = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  return (
    <nav aria-label={label} className="pager">
      <button type="button" className="secondary" disabled={cursors.length === 0 || loading} onClick={() => onGoTo(cursors.slice(0, -1))}>
        Page précédente
      </button>
      <span>Page {cursors.length + 1}</span>
      <button type="button" className="secondary" disabled={!next || loading} onClick={() => next && onGoTo([...cursors, next])}>
        Page suivante
      </button>
    </nav>
  );
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
