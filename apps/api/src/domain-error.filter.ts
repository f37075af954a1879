import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@pilotis/shared';

/**
 * Domain errors are answers, not failures: hand them back to Apollo (which formats them with their code)
 * instead of letting Nest log them as unhandled exceptions. On HTTP routes they become JSON with a status.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'graphql') return error;
    const status = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, REPORT_EXPIRED: 410, RATE_LIMITED: 429, QUOTA_EXCEEDED: 429 }[error.code as string] ?? 400;
    const reply = host.switchToHttp().getResponse<{ status(code: number): { send(body: unknown): void } }>();
    reply.status(status).send({ code: error.code, message: error.message, ...error.details });
  }
}
