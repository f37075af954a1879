import * as argon2 from 'argon2';

import { DomainError, ErrorCode } from '@pilotis/shared';

import { Semaphore } from './semaphore';

/**
 * argon2 is deliberately expensive (CPU and 64 MB of memory per hash): a burst of sign-ins, legitimate or
 * not, computing them all at once would exhaust the process. Hashes are computed a few at a time, in one
 * queue per process shared by every caller (sign-in, invitations, provisioning); a burst beyond the queue
 * is refused at once rather than piling up.
 */
export const MAX_CONCURRENT_HASHES = 4;
export const MAX_QUEUED_HASHES = 64;

export const tooManyConcurrentSignIns = (): DomainError =>
  new DomainError(ErrorCode.RATE_LIMITED, 'Trop de connexions simultanées, réessayez dans un instant.', { retryAfterSeconds: 1 });

export const passwordHashing = new Semaphore(MAX_CONCURRENT_HASHES, MAX_QUEUED_HASHES, tooManyConcurrentSignIns);

export function hashPassword(password: string): Promise<string> {
  return passwordHashing.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return passwordHashing.run(() => argon2.verify(hash, password));
}
