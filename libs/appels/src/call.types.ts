import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

import { OrganisationKind } from '@pilotis/organisations';
import { CentsScalar } from '@pilotis/shared';

import { CallStatus } from './call-for-projects.entity';

@ObjectType({ description: 'Une date et une heure dans le fuseau du territoire.' })
export class CivilDateTimeView {
  @Field({ description: 'Date (AAAA-MM-JJ).' })
  date: string;

  @Field({ description: 'Heure (HH:MM).' })
  time: string;
}

@ObjectType({ description: "Un financeur qui participe à l'appel." })
export class CallFunderView {
  @Field(() => ID, { description: 'Organisation financeuse.' })
  organisationId: string;

  @Field({ description: "Nom de l'organisation." })
  name: string;

  @Field(() => OrganisationKind, { description: 'Nature du financeur.' })
  kind: OrganisationKind;

  @Field(() => CentsScalar, { description: 'Enveloppe indicative, en centimes.' })
  envelopeCents: bigint;

  @Field(() => String, { nullable: true, description: 'Note interne (null pour les rôles liés à une organisation).' })
  internalNote: string | null;
}

// The public page's types: what anyone may read of a published call, and nothing else (no internal id but
// the call's, no internal note, no dossier count).

@ObjectType({ description: 'Pilier ou axe visé par un appel (page publique).' })
export class PublicCallPillar {
  @Field({ description: 'Intitulé.' })
  title: string;
}

@ObjectType({ description: 'Objectif visé par un appel (page publique).' })
export class PublicCallObjective {
  @Field({ description: 'Numéro (« 1.2 »).' })
  code: string;

  @Field({ description: 'Intitulé.' })
  title: string;
}

@ObjectType({ description: 'Quartier prioritaire visé (page publique).' })
export class PublicCallQpv {
  @Field({ description: 'Code officiel.' })
  code: string;

  @Field({ description: 'Nom du quartier.' })
  name: string;
}

@ObjectType({ description: 'Financeur participant et son enveloppe indicative (page publique).' })
export class PublicCallFunder {
  @Field({ description: 'Nom.' })
  name: string;

  @Field(() => CentsScalar, { description: 'Enveloppe indicative, en centimes.' })
  envelopeCents: bigint;
}

@ObjectType({ description: 'Pièce demandée à chaque dossier (page publique).' })
export class PublicCallPiece {
  @Field(() => Int, { description: 'Rang.' })
  position: number;

  @Field({ description: 'Libellé.' })
  label: string;

  @Field({ description: 'Précisions.' })
  description: string;

  @Field({ description: 'Obligatoire.' })
  mandatory: boolean;
}

@ObjectType({ description: 'Un appel à projets publié, tel que le public le lit, sans compte.' })
export class PublicCall {
  @Field(() => ID, { description: "Identifiant de l'appel." })
  id: string;

  @Field({ description: 'Intitulé.' })
  title: string;

  @Field({ description: "Texte de l'appel." })
  description: string;

  @Field(() => Int, { description: 'Exercice financé.' })
  exercise: number;

  @Field(() => CallStatus, { description: 'État (toujours publié).' })
  status: CallStatus;

  @Field(() => GraphQLISODateTime, { description: 'Ouverture des dépôts (instant, ISO 8601).' })
  opensAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Clôture des dépôts (instant, ISO 8601).' })
  closesAt: Date;

  @Field(() => CivilDateTimeView, { description: 'Ouverture, dans le fuseau du territoire.' })
  opensAtLocal: CivilDateTimeView;

  @Field(() => CivilDateTimeView, { description: 'Clôture, dans le fuseau du territoire.' })
  closesAtLocal: CivilDateTimeView;

  @Field({ description: 'Fuseau du territoire (Europe/Paris).' })
  timeZone: string;

  @Field({ description: 'Ouvert aux dépôts en ce moment.' })
  open: boolean;

  @Field(() => String, { nullable: true, description: "Date limite de l'instruction (AAAA-MM-JJ)." })
  instructionDueDate: string | null;

  @Field(() => String, { nullable: true, description: 'Date du comité (AAAA-MM-JJ).' })
  committeeDate: string | null;

  @Field(() => [OrganisationKind], { description: 'Natures de structures éligibles (vide : toutes).' })
  eligibleKinds: OrganisationKind[];

  @Field(() => [PublicCallPillar], { description: 'Piliers visés.' })
  pillars: PublicCallPillar[];

  @Field(() => [PublicCallObjective], { description: 'Objectifs visés.' })
  objectives: PublicCallObjective[];

  @Field(() => [PublicCallQpv], { description: 'Quartiers visés.' })
  qpvs: PublicCallQpv[];

  @Field(() => [PublicCallFunder], { description: 'Financeurs participants.' })
  funders: PublicCallFunder[];

  @Field(() => [PublicCallPiece], { description: 'Pièces demandées.' })
  requiredPieces: PublicCallPiece[];
}

@ObjectType({ description: "Les appels à projets ouverts (ou à venir) d'un territoire, page publique." })
export class PublicCallList {
  @Field({ description: 'Nom du territoire.' })
  territoryName: string;

  @Field({ description: 'SIREN du territoire.' })
  siren: string;

  @Field(() => [PublicCall], { description: 'Appels publiés dont la clôture est à venir, la plus proche en premier.' })
  calls: PublicCall[];
}
