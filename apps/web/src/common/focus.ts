import { RefObject, useEffect, useRef } from 'react';

/** Moves the focus to an element once `when` becomes true (a confirmation that opens, a message that comes). */
export function useFocusWhen<T extends HTMLElement>(when: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
