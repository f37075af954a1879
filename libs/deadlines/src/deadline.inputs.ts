import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { MultiLine, PageArgs, PageOf } from '@pilotis/shared';

import { Deadline, DeadlineKind, DeadlineState } from './deadline.entity';
import { Notification } from './notification.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Critères de recherche des échéances (facultatifs, combinés par ET).' })
export class DeadlineFilter {
  @Field(() => [DeadlineKind], { nullable: true, description: 'Natures retenues.' })
  @IsOptional()
  @IsEnum(DeadlineKind, { each: true })
  kinds?: DeadlineKind[] | null;

  @Field(() => [DeadlineState], { nullable: true, description: 'États retenus (au jour présent).' })
  @IsOptional()
  @IsEnum(DeadlineState, { each: true })
  states?: DeadlineState[] | null;

  @Field(() => ID, { nullable: true, description: 'Échéances de cette action (son bilan, sa convention, ses versements).' })
  @IsOptional()
  @IsUUID('all')
  actionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Échéances de ce comité (gel de l'ordre du jour, vote)." })
  @IsOptional()
  @IsUUID('all')
  committeeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Échéances de ce contrat : les siennes (comités, fin du contrat) et celles de ses actions (bilans, conventions, versements).',
  })
  @IsOptional()
  @IsUUID('all')
  contratId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Échéances dont cette personne répond.' })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'Date au plus tôt (AAAA-MM-JJ, incluse).' })
  @IsOptional()
  @Matches(DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Date au plus tard (AAAA-MM-JJ, incluse).' })
  @IsOptional()
  @Matches(DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  to?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Inclure les échéances annulées (objet disparu).' })
  @IsBoolean()
  includeCancelled = false;
}

@ArgsType()
export class DeadlinesArgs extends PageArgs {
  @Field(() => DeadlineFilter, { nullable: true, description: 'Critères de recherche.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineFilter)
  filter?: DeadlineFilter | null;
}

export const DeadlinePage = PageOf(Deadline, 'DeadlinePage');

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Seulement les relances non lues.' })
  @IsBoolean()
  unreadOnly = false;
}

export const NotificationPage = PageOf(Notification, 'NotificationPage');

@ObjectType({ description: "Personne qui répond d'une échéance." })
export class DeadlinePerson {
  @Field(() => ID, { description: 'Utilisateur.' })
  userId: string;

  @Field({ description: 'Nom affiché.' })
  displayName: string;
}

@InputType({ description: 'Une étape de relance.' })
@ObjectType('ReminderStepView', { description: 'Une étape de relance.' })
export class ReminderStepInput {
  @Field(() => Int, { description: "Jours par rapport à l'échéance : négatif avant (−30 = J-30), 0 le jour même, positif après." })
  @IsInt()
  @Min(-365)
  @Max(365)
  offsetDays: number;

  @Field({ description: 'Escalade : la relance va au chef de projet et au délégué du préfet plutôt qu’aux responsables.' })
  @IsBoolean()
  escalation: boolean;
}

@ObjectType({ description: 'Réglages des échéances et des relances du territoire.' })
export class TenantSettingsView {
  @Field(() => [ReminderStepInput], { description: 'Étapes de relance.' })
  reminderSteps: ReminderStepInput[];

  @Field({ description: "Nom de l'expéditeur des courriels." })
  senderName: string;

  @Field({ description: 'Fuseau horaire du territoire (IANA), pour les dates des échéances.' })
  timeZone: string;

  @Field(() => Int, { description: 'Délai de signature des conventions, en jours après la décision.' })
  signatureDelayDays: number;

  @Field(() => Int, { description: "Gel de l'ordre du jour, en jours avant le comité." })
  agendaFreezeDays: number;

  @Field(() => Int, { description: "Délai du bilan, en mois après la fin de l'exercice." })
  bilanDelayMonths: number;

  @Field(() => Int, { description: 'Délai de versement, en jours après la signature (avance) ou le bilan (solde).' })
  paymentDelayDays: number;
}

@InputType({ description: 'Réglages modifiés (les champs absents ne changent pas).' })
export class UpdateTenantSettingsInput {
  @Field(() => [ReminderStepInput], { nullable: true, description: 'Étapes de relance (1 à 10, décalages distincts).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReminderStepInput)
  reminderSteps?: ReminderStepInput[] | null;

  @Field(() => String, { nullable: true, description: "Nom de l'expéditeur des courriels (100 caractères au plus)." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  senderName?: string | null;

  @Field(() => String, { nullable: true, description: 'Fuseau horaire IANA (Europe/Paris, America/Cayenne, Indian/Reunion…).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Délai de signature des conventions, en jours (1 à 365).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  signatureDelayDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Gel de l'ordre du jour, en jours avant le comité (0 à 90)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  agendaFreezeDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Délai du bilan, en mois après l'exercice (1 à 24)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  bilanDelayMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Délai de versement, en jours (0 à 365).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentDelayDays?: number | null;
}

@InputType({ description: "Réception du bilan d'une action pour un exercice." })
export class RecordBilanInput {
  @Field(() => ID, { description: 'Action.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => Int, { description: 'Exercice du bilan.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear: number;
}

@InputType({ description: 'Une échéance marquée tenue à la main (versement fait, pièce reçue hors de Pilotis…).' })
export class MarkDeadlineMetInput {
  @Field(() => ID, { description: 'Échéance.' })
  @IsUUID('all')
  deadlineId: string;

  @Field({ description: 'Comment elle a été tenue (1 000 caractères au plus).' })
  @IsString()
  @MinLength(1, { message: 'le commentaire est obligatoire' })
  @MaxLength(1000)
  @Matches(/\S/, { message: 'le commentaire est obligatoire' })
  @MultiLine()
  note: string;
}

@ObjectType({
  description:
    "Un récapitulatif du jour par courriel qui n'a pas pu être envoyé à un membre du territoire (les relances qu'il portait restent dans l'application).",
})
export class FailedEmailDigest {
  @Field(() => ID, { description: 'Identifiant du récapitulatif (ses tâches sont `digest.<id>.<n>` sur le tableau des files).' })
  id: string;

  @Field(() => ID, { description: 'Destinataire.' })
  userId: string;

  @Field({ description: 'Nom du destinataire.' })
  displayName: string;

  @Field({ description: 'Adresse e-mail du destinataire.' })
  email: string;

  @Field({ description: 'Jour du récapitulatif (AAAA-MM-JJ, heure de Paris).' })
  digestDate: string;

  @Field(() => Int, { description: 'Relances de ce territoire qu’il portait.' })
  reminderCount: number;

  @Field(() => Int, { description: 'Envois au serveur de courrier tentés.' })
  attempts: number;

  @Field(() => Int, {
    description:
      "Tâches d'envoi lancées : une tâche interrompue à répétition (processus arrêté en plein envoi) est remplacée, dans une limite.",
  })
  jobAttempts: number;

  @Field({ description: "Motif de l'échec : la réponse du serveur de courrier, ou la raison de l'échec de la dernière tâche." })
  lastError: string;

  @Field(() => GraphQLISODateTime, { description: 'Abandonné le.' })
  failedAt: Date;
}

export const FailedEmailDigestPage = PageOf(FailedEmailDigest, 'FailedEmailDigestPage');
