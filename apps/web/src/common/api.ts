import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** An answer of the API that is not data: its stable code and French message, and the faulty fields. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: { field: string; reason: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface Transport {
  /** The access token, or null when signed out. */
  token(): string | null;
  /** Renews the session (refresh token); false when it cannot, and the person must sign in again. */
  renew(): Promise<boolean>;
  /** Asks the person to sign in again, over the page (what they were typing stays); resolves once done. */
  signInAgain(): Promise<void>;
}

let transport: Transport | null = null;
export const setTransport = (t: Transport): void => {
  transport = t;
};

async function post<R>(
  body: string,
  tenant: string | undefined,
  anonymous = false,
): Promise<{ data?: R; errors?: { message: string; extensions?: { code?: string; fields?: ApiError['fields'] } }[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = anonymous ? null : transport?.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (tenant) headers['x-tenant'] = tenant;
  const res = await fetch('/graphql', { method: 'POST', headers, body });
  return res.json();
}

/**
 * Sends one typed operation. An expired session is renewed, or the person signs in again over the page,
 * and the operation is sent again: nothing they were typing is lost.
 */
export async function request<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variables?: V,
  tenant?: string,
  // Off for the session's own operations (sign-in, renewal, sign-out): they must not renew themselves.
  // `anonymous`: sent without the session's token (the public pages of calls for projects refuse one).
  { renewSession = true, anonymous = false }: { renewSession?: boolean; anonymous?: boolean } = {},
): Promise<R> {
  const body = JSON.stringify({ query: print(document), variables: variables ?? {} });
  for (let attempt = 0; ; attempt++) {
    const hadSession = !anonymous && !!transport?.token();
    const answer = await post<R>(body, tenant, anonymous);
    const error = answer.errors?.[0];
    if (!error) return answer.data as R;
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    // Only a session that expired is renewed; a refused sign-in is just refused.
    if (code === 'UNAUTHENTICATED' && renewSession && hadSession && transport && attempt < 2) {
      if (!(await transport.renew())) await transport.signInAgain();
      continue;
    }
    throw new ApiError(code, error.message, error.extensions?.fields ?? []);
  }
}

/**
 * Calls one of the browser's session routes (`/auth/login`, `/auth/refresh`, `/auth/logout`): the refresh
 * token travels in their HttpOnly cookie, never through scripts. A refusal becomes an ApiError.
 */
export async function sessionRoute<R>(path: string, body?: unknown): Promise<R> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as { code?: string; message?: unknown; fields?: ApiError['fields'] } | null;
  if (res.ok) return answer as R;
  const code =
    answer?.code ??
    { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 429: 'RATE_LIMITED' }[res.status] ??
    'INTERNAL_SERVER_ERROR';
  const message = typeof answer?.message === 'string' ? answer.message : 'Le serveur ne répond pas.';
  throw new ApiError(code, message, Array.isArray(answer?.fields) ? answer.fields : []);
}

/** Downloads a file route (CSV export) with the session's headers, and saves it. */
export async function download(path: string, tenant: string | undefined, fileName: string): Promise<void> {
  const headers: Record<string, string> = {};
  const token = transport?.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (tenant) headers['x-tenant'] = tenant;
  const res = await fetch(path, { headers });
  if (!res.ok) throw new ApiError(String(res.status), 'Le téléchargement a échoué.');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** The session's access token, or null when signed out (apps/web/src/app/queue-board.ts trades it for a code). */
export function accessToken(): string | null {
  return transport?.token() ?? null;
}

/**
 * Calls a REST route of the API with the session's headers (a document's upload or deletion) and answers
 * its JSON; a refusal becomes an ApiError with the route's code (FILE_TOO_LARGE, NOT_FOUND…). An expired
 * session is renewed once, as `request()` does.
 */
export async function restCall<R>(path: string, init: { method: string; body?: FormData }, tenant: string | undefined): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = {};
    const token = transport?.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (tenant) headers['x-tenant'] = tenant;
    const res = await fetch(path, { method: init.method, headers, body: init.body });
    const answer = (await res.json().catch(() => null)) as { code?: string; message?: unknown; fields?: ApiError['fields'] } | null;
    if (res.ok) return answer as R;
    const code =
      answer?.code ??
      { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'FILE_TOO_LARGE' }[res.status] ??
      'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && token && transport && attempt < 2) {
      if (!(await transport.renew())) await transport.signInAgain();
      continue;
    }
    const message = typeof answer?.message === 'string' ? answer.message : 'Le serveur ne répond pas.';
    throw new ApiError(code, message, Array.isArray(answer?.fields) ? answer.fields : []);
  }
}
