import type { ClsStore } from 'nestjs-cls';
import type { QueryRunner } from 'typeorm';

/** What is known about the caller of the current request, job or command. */
export interface Actor {
  /** The person; for a request made with an API key, the key's id (audit events name it as the actor). */
  userId: string;
  /** Set when the request was authenticated with an API key rather than a person's token. */
  apiKey?: { id: string; name: string };
  email?: string;
  platformAdmin?: boolean;
  /** The account's session epoch the access token was issued in (see User.sessionEpoch). */
  sessionEpoch?: number;
}

/** The tenant a request works in, resolved from `X-Tenant` against the caller's live membership. */
export interface TenantScope {
  tenantId: string;
  siren: string;
  role: string;
  /** The partner organisation the member represents (a funder's representative), if any. */
  organisationId: string | null;
  membershipId: string;
  /** An API key's scopes (absent for a member: the role alone decides). */
  apiKeyScopes?: readonly string[];
}

export interface TransactionState {
  /** Resolves to the open query runner; memoised so that concurrent resolvers share one transaction. */
  ready: Promise<QueryRunner>;
  runner?: QueryRunner;
  finished: boolean;
  /** Run once the transaction has committed (never after a rollback): see Db.afterCommit. */
  afterCommit?: (() => Promise<unknown>)[];
}

export interface PilotisStore extends ClsStore {
  actor?: Actor;
  tenant?: TenantScope;
  tx?: TransactionState;
  /** Authentication is resolved once per HTTP request even when several root fields are guarded. */
  authResolved?: Promise<void>;
  requestId?: string;
  ip?: string;
}
