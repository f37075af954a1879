import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from './api';
import { asApiError } from './errors';

export interface Loaded<R> {
  data: R | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Runs a query when its variables change; a later answer never overwrites a newer one. */
export function useQuery<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V, tenant?: string, skip = false): Loaded<R> {
  const [state, setState] = useState<{ data: R | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    request(document, JSON.parse(key) as V, tenant).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current && setState({ data: null, error: asApiError(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [document, key, tenant, skip, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
