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

/**
 * Runs a query when its variables change; a later answer never overwrites a newer one. The screens not yet
 * on useGraphQLQuery (./query.tsx) still use it. Loading is derived: the last answer is for another
 * request than the current one (no state set from the effect itself).
 */
export function useQuery<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V, tenant?: string, skip = false): Loaded<R> {
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  const id = `${tenant ?? ''}\n${key}\n${round}`;
  const [answer, setAnswer] = useState<{ id: string | null; data: R | null; error: ApiError | null }>({ id: null, data: null, error: null });
  useEffect(() => {
    if (skip) return;
    let current = true;
    request(document, JSON.parse(key) as V, tenant).then(
      (data) => current && setAnswer({ id, data, error: null }),
      (error: unknown) => current && setAnswer({ id, data: null, error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [document, key, tenant, skip, id]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: answer.data, error: answer.error, loading: !skip && answer.id !== id, reload };
}
