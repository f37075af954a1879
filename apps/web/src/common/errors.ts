import { ApiError } from './api';

/** Turns anything thrown (a network failure, a bug) into an ApiError, so that every screen shows one kind. */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', 'Le serveur ne répond pas.');

/**
 * Where the refusal happened: a page that could not be shown (`load`), or an operation the person asked for
 * (`operation`). The same code reads differently: a FORBIDDEN page is one they cannot open, a FORBIDDEN
 * operation one their role does not allow.
 */
export type ErrorContext = 'load' | 'operation';

/** The French explanation of an API refusal, from its stable code (`extensions.code`) and message. */
export function errorText(error: ApiError, context: ErrorContext = 'load'): string {
  if (context === 'load') {
    if (error.code === 'FORBIDDEN')
      return "Vous n'avez pas accès à cette page : elle appartient à un territoire dont vous n'êtes pas membre, ou votre rôle ne le permet pas.";
    if (error.code === 'NOT_FOUND') return "Cette page n'existe pas, ou plus.";
    return error.message;
  }
  switch (error.code) {
    case 'FORBIDDEN':
      return `Votre rôle ne permet pas cette opération. ${error.message}`;
    case 'NOT_FOUND':
      return "Cet élément n'existe pas, ou plus, ou vous n'y avez pas accès.";
    case 'NOT_YOUR_TURN':
      return `Ce n'est pas encore à votre organisation de signer. ${error.message}`;
    case 'VERSION_SUPERSEDED':
      return `La convention a changé depuis que vous l'avez ouverte : un avenant l'a remplacée. La liste est mise à jour ; relisez la nouvelle version avant de signer. (${error.message})`;
    case 'SIGNATURE_STARTED':
      return `La convention a déjà reçu une signature : son échéancier ne se modifie plus que par un avenant. ${error.message}`;
    case 'ALREADY_SIGNED':
      return 'Votre organisation a déjà signé cette version de la convention.';
    case 'ENVELOPE_EXCEEDED':
      return `Ce montant dépasse ce qui reste de votre enveloppe. ${error.message}`;
    case 'NO_ENVELOPE':
      return `Aucune enveloppe n'est définie pour cette ligne : le chef de projet doit la définir avant tout octroi. ${error.message}`;
    case 'COMMITTEE_LOCKED':
      return `Le comité n'accepte plus cette modification. ${error.message}`;
    case 'COMMITTEE_NOT_CLOSED':
      return "Le procès-verbal n'est établi que pour un comité clos avec ses décisions.";
    case 'BAD_USER_INPUT':
      return error.fields.length > 0 ? `Saisie incorrecte : ${error.fields.map((f) => f.message).join(' ; ')}.` : error.message;
    default:
      return error.message;
  }
}

/** The field errors of an answer by the input's last path segment (`input.mandateAuthor` → `mandateAuthor`), for a form. */
export function fieldMessages(error: ApiError): Record<string, string> {
  return Object.fromEntries(error.fields.map((f) => [f.field.split('.').pop() ?? f.field, f.message]));
}
