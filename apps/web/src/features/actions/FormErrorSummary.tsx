import { ReactNode, useEffect, useRef } from 'react';

import { plural } from '../../common/format';
import { actionErrorLabel, type FieldErrors } from './action-draft';

/**
 * The summary of what is refused, above the form: it takes the focus after each refused attempt (`attempts`
 * grows), so that it is read out.
 */
export function FormErrorSummary({
  errors,
  failure,
  attempts,
  title,
  children,
}: {
  errors: FieldErrors;
  failure: string | null;
  attempts: number;
  title: string;
  children?: ReactNode;
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempts > 0) summary.current?.focus();
  }, [attempts]);
  const count = Object.keys(errors).length;
  if (count === 0 && !failure) return null;
  return (
    <div className="alert" tabIndex={-1} ref={summary} role="alert">
      {failure && <p>{failure}</p>}
      {count > 0 && (
        <>
          <p>
            <strong>
              {title} : {plural(count, 'champ est à corriger', 'champs sont à corriger')}.
            </strong>
          </p>
          <ul>
            {Object.entries(errors).map(([k, m]) => (
              <li key={k}>
                {actionErrorLabel(k)} : {m}
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </div>
  );
}
