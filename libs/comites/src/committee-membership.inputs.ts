import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

import { OrganisationKind } from '@pilotis/organisations';

import { CommitteeKind } from './committee.entity';
import { CommitteeDefaultMember } from './committee-default.entity';

@ObjectType({ description: "Organisation qui peut siéger aux comités d'un contrat : un de ses financeurs ou de ses signataires." })
export class CommitteeMemberCandidate {
  @Field(() => ID, { description: 'Organisation.' })
  organisationId: string;

  @Field({ description: 'Nom.' })
  name: string;

  @Field(() => OrganisationKind, { description: 'Nature du partenaire.' })
  kind: OrganisationKind;

  @Field({
    description:
      "Vrai si l'organisation finance le contrat : une enveloppe sur ce contrat, ou une ligne de financement d'une de ses actions déposées (hors apport du porteur à sa propre action).",
  })
  funder: boolean;

  @Field({ description: "Vrai si l'organisation est signataire du contrat." })
  signatory: boolean;
}

@ObjectType({ description: "Composition par défaut des comités d'une nature pour un contrat, reprise par chaque nouveau comité." })
export class CommitteeDefaultMembership {
  @Field(() => ID, { description: 'Contrat de ville.' })
  contratId: string;

  @Field(() => CommitteeKind, { description: 'Nature des comités concernés.' })
  kind: CommitteeKind;

  @Field(() => [CommitteeDefaultMember], { description: 'Organisations membres et leur voix délibérative.' })
  members: CommitteeDefaultMember[];

  @Field(() => ID, { nullable: true, description: 'Comité dont la composition a été reprise.' })
  sourceCommitteeId: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Quorum (organisations votantes) repris avec la composition ; nul pour une composition enregistrée sans lui (quorum 1).',
  })
  quorum: number | null;

  @Field(() => GraphQLISODateTime, { description: "Date de l'enregistrement." })
  savedAt: Date;
}
