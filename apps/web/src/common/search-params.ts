import { useSearchParams } from 'react-router-dom';

/**
 * Changes some parameters of the address, keeping the others: a value sets its parameter, an empty one
 * removes it. It starts from the address as it is now (`window.location`), not from the render's copy of the
 * parameters: two changes in a row before the page renders again (one filter cleared, then another chosen)
 * would otherwise let the second bring back what the first removed.
 */
export function useSetSearchParams(): (changes: Record<string, string>) => void {
  const [, setParams] = useSearchParams();
  return (changes) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
}
