import { ReactNode, useId } from 'react';
import { ApiError } from './api';
import { euros } from './format';

/** The French explanation of an API refusal, announced to screen readers. */
export function ErrorMessage({ error }: { error: ApiError | null }) {
  if (!error) return null;
  const text =
    error.code === 'FORBIDDEN'
      ? "Vous n'avez pas accès à cette page : elle appartient à un territoire dont vous n'êtes pas membre, ou votre rôle ne le permet pas."
      : error.code === 'NOT_FOUND'
        ? "Cette page n'existe pas, ou plus."
        : error.message;
  return (
    <div role="alert" className="alert">
      {text}
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
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
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
export function Pager({ label, cursors, pageInfo, loading, onGoTo }: { label: string; cursors: string[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } | null | undefined; loading: boolean; onGoTo(cursors: string[]): void }) {
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
