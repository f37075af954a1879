import { Field, ID, ObjectType } from '@nestjs/graphql';

import { organisationHasAccountSql } from '@pilotis/access';

/** A signature recorded « pour le compte de » a signatory without an account: who signed the paper, on whose mandate. */
export interface SignatureMandate {
  organisationId: string;
  signerName: string;
  signerQuality: string;
  author: string;
  documentId: string;
}

/**
 * How a signature was recorded « pour le compte de » its organisation, which has no account: who signed the
 * paper and in which quality, who recorded it, on whose mandate, and the mandate's scan (`mandateDocument`,
 * resolved by the documents context, which owns it).
 */
@ObjectType({ description: "Signature enregistrée pour le compte d'une organisation sans compte, sur son mandat." })
export class SignatureOnBehalf {
  @Field({ description: "Personne qui a signé pour l'organisation." })
  signerName: string;

  @Field({ description: 'Sa qualité.' })
  signerQuality: string;

  @Field(() => ID, { description: 'Personne du territoire qui a enregistré la signature.' })
  recordedBy: string;

  @Field(() => String, { nullable: true, description: 'Son nom.' })
  recordedByName: string | null;

  @Field({ description: "Auteur du mandat, à l'organisation." })
  mandateAuthor: string;

  @Field(() => ID, { description: 'Identifiant du mandat (scan), une pièce de la convention.' })
  mandateDocumentId: string;
}

/** What a signature on behalf reads besides the convention. $1 is always the tenant. */
export const ON_BEHALF_SQL = {
  /** The organisation $2: its name, kind, and whether it has an account (then its people sign themselves). */
  /** The organisations $2 (an array): the rule of who may record for whom needs their kind and accounts. */
  organisations: `select o.id, o.name, o.kind, ${organisationHasAccountSql('o.tenant_id', 'o.id')} as has_account
         from organisations o where o.tenant_id = $1 and o.id = any($2::uuid[])`,

  /**
   * The mandate $2: a document of kind MANDAT of the convention $3. The documents table is the documents
   * context's (which builds on this one): read by its key, never written here.
   */
  conventionMandate: `select id from documents
        where tenant_id = $1 and id = $2 and owner_kind = 'CONVENTION' and convention_id = $3 and kind = 'MANDAT'`,
} as const;
