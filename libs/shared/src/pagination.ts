import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { invalidField } from './errors';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Nombre d'éléments demandés (1 à ${MAX_PAGE_SIZE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field({ nullable: true, description: 'Curseur opaque : la valeur `pageInfo.endCursor` de la page précédente.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType({ description: 'Position dans une liste paginée par curseur.' })
export class PageInfo {
  @Field({ nullable: true, description: 'Curseur du dernier élément de la page, à passer en `after`.' })
  endCursor?: string;

  @Field({ description: 'Vrai s’il reste des éléments après cette page.' })
  hasNextPage: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds the GraphQL type of a page of `T` (nodes + pageInfo). */
export function PageOf<T>(classRef: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name, { description: `Une page de ${classRef.name}.` })
  class PageType implements Page<T> {
    @Field(() => [classRef], { description: 'Les éléments de la page.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Position dans la liste.' })
    pageInfo: PageInfo;
  }
  return PageType;
}

/** Cursors are opaque to clients: base64url of the keyset values of the last row. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => ['string', 'number'].includes(typeof v)))
      return key as (string | number)[];
  } catch {
    // fall through to the error below
  }
  throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
}

/** Cuts the extra row fetched to know whether a next page exists. */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage, endCursor: last ? encodeCursor(keyOf(last)) : undefined } };
}
