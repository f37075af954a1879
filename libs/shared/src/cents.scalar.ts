import { CustomScalar, Scalar } from '@nestjs/graphql';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { GraphQLError, Kind, ValueNode } from 'graphql';

import { MAX_AMOUNT_CENTS } from './money';

function parse(value: unknown): bigint {
  let cents: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value)) cents = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) cents = BigInt(value);
  else if (typeof value === 'bigint') cents = value;
  else
    throw new GraphQLError('Montant invalide : un nombre entier de centimes est attendu.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  if (cents > MAX_AMOUNT_CENTS || cents < -MAX_AMOUNT_CENTS)
    throw new GraphQLError('Montant invalide : il dépasse le plafond autorisé.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return cents;
}

/**
 * Integer cents. Accepts an integer or a string of digits; always answers an integer.
 * Fields declare it as `@Field(() => CentsScalar)`: the type function below must name this class (Nest maps
 * a field's type reference to the scalar whose type function returns that same reference).
 */
@Scalar('Cents', () => CentsScalar)
export class CentsScalar implements CustomScalar<number, bigint> {
  description =
    "Montant en centimes d'euro, entier (jamais de décimales). Exemple : 150000 pour 1 500,00 €. Accepte un entier ou une chaîne de chiffres.";

  parseValue(value: unknown): bigint {
    return parse(value);
  }

  serialize(value: unknown): number {
    const cents = typeof value === 'bigint' ? value : parse(value);
    return Number(cents);
  }

  parseLiteral(ast: ValueNode): bigint {
    // Both literal kinds carry their digits as text: parse them without going through a float.
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parse(ast.value);
    throw new GraphQLError('Montant invalide : un nombre entier de centimes est attendu.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/** class-validator: a value of the Cents scalar (a bigint once parsed); the scalar itself checks the ceiling. */
export function IsCents(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCents',
      validator: { validate: (value: unknown) => typeof value === 'bigint', defaultMessage: () => 'montant en centimes attendu' },
    },
    options,
  );
}
