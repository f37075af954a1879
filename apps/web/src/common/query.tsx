import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  QueryClient,
  QueryClientProvider,
  type QueryKey,
  useMutation,
  type UseMutationResult,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { OperationDefinitionNode } from 'graphql';
import type { ReactNode } from 'react';

import { ApiError, request } from './api';
import { asApiError, errorText } from './errors';

// Every query and mutation fails with an ApiError (the hooks below turn anything thrown into one).
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The application's cache. No retry (a refusal is shown at once, as before: retrying a FORBIDDEN only
 * delays it) and no refetch when the window regains focus: data is fetched again when a page opens, when
 * a mutation invalidates it, or on the polling a page asks for.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

export function QueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The name of a document's operation (`query TenantSettings { … }` → "TenantSettings"). */
export function operationName(document: TypedDocumentNode<unknown, never>): string {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const name = operation?.name?.value;
  if (!name) throw new Error('Every operation of the web app is named: its name is its cache key.');
  return name;
}

/**
 * The cache key of an operation: `[name]` alone names every cached answer of that operation (what an
 * invalidation usually wants), `[name, tenant, variables]` one answer. The tenant is part of the key: the
 * same query answers differently in each territory.
 */
export function graphQLKey<V>(document: TypedDocumentNode<unknown, V>, variables?: V, tenant?: string): QueryKey {
  const name = operationName(document as TypedDocumentNode<unknown, never>);
  return variables === undefined && tenant === undefined ? [name] : [name, tenant ?? null, variables ?? {}];
}

export type GraphQLQueryOptions<R> = Omit<UseQueryOptions<R, ApiError, R>, 'queryKey' | 'queryFn'> & {
  /** The territory (SIREN) the operation is about: the `x-tenant` header, and part of the cache key. */
  tenant?: string;
  /** False for the public pages (an invitation, a password reset): a refusal never asks to sign in again. */
  renewSession?: boolean;
  /** Sent without the session's token, as anyone reads it (the public pages of calls for projects). */
  anonymous?: boolean;
};

/**
 * Runs a typed query through `request()` and caches its answer under `graphQLKey(document, variables,
 * tenant)`. Everything of TanStack Query's `useQuery` is available: `enabled` (instead of a skip flag),
 * `refetchInterval` (polling), `placeholderData: keepPreviousData` (pages that keep their rows while the
 * next page loads)…
 */
export function useGraphQLQuery<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  options: GraphQLQueryOptions<R> = {},
): UseQueryResult<R, ApiError> {
  const { tenant, renewSession, anonymous, ...rest } = options;
  return useQuery<R, ApiError, R>({
    queryKey: graphQLKey(document, variables, tenant),
    queryFn: () =>
      request(document, variables, tenant, { renewSession, anonymous }).catch((error: unknown) => Promise.reject(asApiError(error))),
    ...rest,
  });
}

/** What a mutation refreshes once it succeeds: an operation's document (all its cached answers) or a key. */
export type Invalidation = TypedDocumentNode<unknown, never> | QueryKey;

export interface GraphQLMutationOptions<R, V> {
  tenant?: string;
  /** False for the public pages (an invitation, a password reset): a refusal never asks to sign in again. */
  renewSession?: boolean;
  /** Queries to fetch again after success; the mutation stays pending until they are refreshed. */
  invalidates?: readonly Invalidation[];
  onSuccess?(data: R, variables: V): unknown;
  onError?(error: ApiError, variables: V): unknown;
}

export type GraphQLMutationResult<R, V> = UseMutationResult<R, ApiError, V> & {
  /** The French explanation of the refusal, as the screens show a refused operation; null without error. */
  errorText: string | null;
};

const keyOf = (i: Invalidation): QueryKey => (Array.isArray(i) ? (i as QueryKey) : graphQLKey(i as TypedDocumentNode<unknown, never>));

/**
 * The one way to run a typed mutation: `mutate(variables)` / `mutateAsync(variables)` send it through
 * `request()`; a refusal is an ApiError (its code from `extensions.code`) with its French `errorText`;
 * success invalidates the given queries.
 */
export function useGraphQLMutation<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  options: GraphQLMutationOptions<R, V> = {},
): GraphQLMutationResult<R, V> {
  const client = useQueryClient();
  const { tenant, renewSession, invalidates = [], onSuccess, onError } = options;
  const mutation = useMutation<R, ApiError, V>({
    mutationFn: (variables) =>
      request(document, variables, tenant, { renewSession }).catch((error: unknown) => Promise.reject(asApiError(error))),
    onSuccess: async (data, variables) => {
      await Promise.all(invalidates.map((i) => client.invalidateQueries({ queryKey: keyOf(i) })));
      await onSuccess?.(data, variables);
    },
    onError: (error, variables) => onError?.(error, variables),
  });
  return { ...mutation, errorText: mutation.error ? errorText(mutation.error, 'operation') : null };
}
