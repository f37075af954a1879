import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';

import { ApiError, request } from './api';
import { asApiError } from './errors';
import { graphQLKey } from './query';

interface Connection<N> {
  nodes: N[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

/**
 * Every node of a keyset connection, read page after page (`after`) and cached as one answer under the
 * operation's name, so that invalidating the operation refreshes it. For lists a screen needs whole (the
 * partners of a territory for a select) and that stay small: reading stops after `maxPages` pages.
 */
export function useAllPages<R, N, V extends { after?: string | null }>(
  document: TypedDocumentNode<R, V>,
  connection: (answer: R) => Connection<N>,
  options: { tenant?: string; variables?: Omit<V, 'after'>; maxPages?: number; enabled?: boolean } = {},
): UseQueryResult<N[], ApiError> {
  const { tenant, variables, maxPages = 20, enabled } = options;
  return useQuery<N[], ApiError>({
    queryKey: [...graphQLKey(document, { ...variables, all: true } as unknown as V, tenant)],
    queryFn: async () => {
      const nodes: N[] = [];
      let after: string | null = null;
      try {
        for (let page = 0; page < maxPages; page++) {
          const answer: Connection<N> = connection(await request(document, { ...variables, after } as V, tenant));
          nodes.push(...answer.nodes);
          if (!answer.pageInfo.hasNextPage) break;
          after = answer.pageInfo.endCursor ?? null;
        }
      } catch (error) {
        throw asApiError(error);
      }
      return nodes;
    },
    enabled,
  });
}
