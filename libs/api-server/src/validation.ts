import { ValidationError, ValidationPipe } from '@nestjs/common';

import { badInput, FieldError } from '@pilotis/shared';

/** French explanations of class-validator constraints; the constraint name itself is the stable reason. */
const REASONS: Record<string, string> = {
  isEmail: 'adresse e-mail invalide',
  isNotEmpty: 'obligatoire',
  maxLength: 'trop long',
  minLength: 'trop court',
  isInt: 'nombre entier attendu',
  isNumber: 'nombre attendu (deux décimales au plus)',
  min: 'trop petit',
  max: 'trop grand',
  isUuid: 'identifiant invalide',
  isEnum: 'valeur non reconnue',
  isDateString: 'date invalide (AAAA-MM-JJ)',
  isISO8601: 'date invalide (AAAA-MM-JJ)',
  matches: 'format invalide',
  arrayMaxSize: 'trop d’éléments',
  arrayMinSize: 'pas assez d’éléments',
  arrayUnique: 'éléments en double',
  isString: 'texte attendu',
  isBoolean: 'booléen attendu',
  whitelistValidation: 'champ non autorisé',
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([reason, english]) => ({
      field,
      reason,
      message: REASONS[reason] ?? english,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validates every input type and argument; failures are BAD_USER_INPUT listing each field. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => badInput(flatten(errors)),
  });
}
