import { Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * How a vote was recorded « pour le compte de » its organisation, which has no account: by whom, on whose
 * mandate, and the mandate's scan (`mandateDocument`, resolved by the documents context, which owns it).
 */
@ObjectType({ description: "Vote enregistré pour le compte d'une organisation sans compte, sur son mandat." })
export class VoteOnBehalf {
  @Field(() => ID, { description: 'Personne du territoire qui a enregistré le vote.' })
  recordedBy: string;

  @Field(() => String, { nullable: true, description: 'Son nom.' })
  recordedByName: string | null;

  @Field({ description: "Auteur du mandat, à l'organisation (« Mme Claire Martin, directrice »)." })
  mandateAuthor: string;

  @Field(() => ID, { description: 'Identifiant du mandat (scan), une pièce du comité.' })
  mandateDocumentId: string;
}
