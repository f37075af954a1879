import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

import { DomainError, ErrorCode } from '@pilotis/shared';

import { databaseErrorForClient } from './graphql/error-formatting';

const STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REPORT_EXPIRED: 410,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_INFECTED: 422,
  SCAN_UNAVAILABLE: 503,
  FILE_INTEGRITY: 500,
  TEXT_INTEGRITY: 500,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  DOSSIER_NOT_EDITABLE: 409,
  DOSSIER_FILED_BY_PORTEUR: 409,
  FIELD_NOT_REOPENED: 409,
};

interface Reply {
  status(code: number): { send(body: unknown): void };
}

/**
 * Domain errors are answers, not failures: hand them back to Apollo (which formats them with their code)
 * instead of letting Nest log them as unhandled exceptions. On HTTP routes they become JSON with a status.
 * On HTTP routes, anything else that is not an HTTP error (a database error, a bug) is logged here and
 * answered like GraphQL answers it: a French message and a stable code, never PostgreSQL's text.
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('HTTP');

  override catch(error: unknown, host: ArgumentsHost): DomainError | void {
    // GraphQL: domain errors go back to Apollo; anything else is left to Nest and then formatError.
    if (host.getType<string>() === 'graphql') return error instanceof DomainError ? error : undefined;
    const reply = host.switchToHttp().getResponse<Reply>();
    if (error instanceof DomainError) {
      reply.status(STATUS[error.code] ?? 400).send({ code: error.code, message: error.message, ...error.details });
      return;
    }
    if (error instanceof HttpException || this.isHttpError(error)) return super.catch(error, host);
    const answer = databaseErrorForClient(error);
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (answer.code === ErrorCode.INTERNAL_SERVER_ERROR) this.logger.error(text);
    else this.logger.warn(`${answer.code}: ${text}`);
    reply
      .status(answer.code === ErrorCode.INTERNAL_SERVER_ERROR ? 500 : (STATUS[answer.code] ?? 400))
      .send({ code: answer.code, message: answer.message });
  }
}
