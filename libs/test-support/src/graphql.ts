import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; fields?: { field: string; reason: string }[]; [key: string]: unknown };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
}

export interface Caller {
  token?: string;
  /** SIREN sent as X-Tenant. */
  tenant?: string;
  /** An API key, sent as X-Api-Key. */
  apiKey?: string;
  /** Any other header (Idempotency-Key…). */
  headers?: Record<string, string>;
}

/** Sends one GraphQL operation over HTTP, exactly as a client would. */
export async function gql<T = Record<string, any>>(
  app: NestFastifyApplication,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GqlResponse<T>> {
  const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (caller.token) req.set('authorization', `Bearer ${caller.token}`);
  if (caller.tenant) req.set('x-tenant', caller.tenant);
  if (caller.apiKey) req.set('x-api-key', caller.apiKey);
  for (const [name, value] of Object.entries(caller.headers ?? {})) req.set(name, value);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
}

/** The code of the first error, for `expect(codeOf(res)).toBe('FORBIDDEN')`. */
export function codeOf(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

/** Fails with the errors when there are any, and returns the data. */
export function ok<T>(res: GqlResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  if (!res.data) throw new Error(`No data (HTTP ${res.status})`);
  return res.data;
}
