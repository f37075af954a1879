import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

import { DomainError, ErrorCode } from '@pilotis/shared';

const logger = new Logger('GraphQL');

/** PostgreSQL errors that a user's input can cause, and what they mean to the user. */
export function fromPostgres(error: { code?: string; constraint?: string; detail?: string; message?: string }): {
  code: ErrorCode;
  message: string;
} | null {
  switch (error.code) {
    case '23505':
      return { code: ErrorCode.CONFLICT, message: 'Un élément identique existe déjà.' };
    case '23503':
      // A foreign key fails both ways: a row naming one that does not exist (insert or update of the
      // referencing row), or the deletion of a row still named elsewhere — e.g. a mandate that a vote
      // committed in the meantime cites. PostgreSQL's message says which, and its wording is stable.
      return error.message?.startsWith('update or delete on table')
        ? { code: ErrorCode.CONFLICT, message: 'Cet élément est encore utilisé ailleurs : il ne peut pas être supprimé ni modifié.' }
        : { code: ErrorCode.NOT_FOUND, message: "Un élément référencé n'existe pas dans ce territoire." };
    case '23514':
    case '23502':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'Valeur invalide.' };
    case '42501':
      // Row-level security refused the row: it belongs to no tenant the caller is in.
      return { code: ErrorCode.FORBIDDEN, message: "Opération refusée : cet élément n'appartient pas à votre territoire." };
    case '40001':
    case '40P01':
      return { code: ErrorCode.CONFLICT, message: 'Conflit avec une modification simultanée : réessayez.' };
    default:
      return null;
  }
}

/** What the client reads when the server failed: the details stay in the server log. */
export const INTERNAL_ERROR_MESSAGE = 'Erreur interne. Elle a été enregistrée ; réessayez plus tard.';

/**
 * A database error as the client may see it: the mapped code and French message of an error a user can
 * cause, else INTERNAL_SERVER_ERROR; never PostgreSQL's own text, detail or constraint names.
 */
export function databaseErrorForClient(error: unknown): { code: ErrorCode; message: string } {
  const pg = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  return fromPostgres(pg?.driverError ?? pg ?? {}) ?? { code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_ERROR_MESSAGE };
}

const GRAPHQL_CODES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Requête GraphQL illisible.',
  GRAPHQL_VALIDATION_FAILED: 'Requête GraphQL invalide.',
  BAD_USER_INPUT: 'Données invalides.',
  PERSISTED_QUERY_NOT_FOUND: 'Requête persistée introuvable.',
  OPERATION_RESOLUTION_FAILURE: 'Opération introuvable dans la requête.',
  BAD_REQUEST: 'Requête invalide.',
};

/**
 * Turns every error into a stable `extensions.code` and a French message. Domain errors keep their code;
 * PostgreSQL errors a user can cause are mapped; anything else is an internal error whose details stay in
 * the server log, never in the response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // A domain error thrown by a plugin before execution (the input rule) comes wrapped, without a path.
  const original =
    unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const pg = original as { code?: string; driverError?: { code?: string } } | undefined;
  const mapped = fromPostgres(pg?.driverError ?? pg ?? {});
  if (mapped) return { ...base, message: mapped.message, extensions: { code: mapped.code } };

  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  if (code in GRAPHQL_CODES) {
    // graphql-js and Apollo speak English: keep their precise text as `detail` for developers.
    return { ...base, message: GRAPHQL_CODES[code], extensions: { code, detail: formatted.message } };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return { ...base, extensions: { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: INTERNAL_ERROR_MESSAGE,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
