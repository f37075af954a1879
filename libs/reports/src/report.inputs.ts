import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { FinanceExportColumn, ReportKind } from './report.entity';

/**
 * A report request: its kind and that kind's parameters (the others stay empty). Checked per kind by
 * the service, with a field error naming what is missing or does not apply.
 */
@InputType({ description: 'Demande de rapport : sa nature et les paramètres de cette nature (les autres restent vides).' })
export class RequestReportInput {
  @Field(() => ReportKind, { description: 'Nature du rapport.' })
  @IsEnum(ReportKind)
  kind: ReportKind;

  @Field(() => ID, { nullable: true, description: 'Procès-verbal : le comité (clos).' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de comité invalide' })
  committeeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Classeur de programmation (obligatoire) ou export financier (facultatif) : le contrat de ville.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de contrat invalide' })
  contratId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Classeur de programmation (obligatoire) ou export financier (facultatif) : l’exercice budgétaire (année).',
  })
  @IsOptional()
  @IsInt({ message: "l'exercice est une année" })
  @Min(2000, { message: "l'exercice est une année entre 2000 et 2100" })
  @Max(2100, { message: "l'exercice est une année entre 2000 et 2100" })
  exerciseYear?: number | null;

  @Field(() => [FinanceExportColumn], {
    nullable: true,
    description: 'Export financier : les colonnes, dans l’ordre voulu (au moins une, sans doublon).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30, { message: 'trop de colonnes' })
  @ArrayUnique({ message: 'chaque colonne ne figure qu’une fois' })
  @IsEnum(FinanceExportColumn, { each: true, message: 'colonne inconnue' })
  columns?: FinanceExportColumn[] | null;

  @Field(() => ID, { nullable: true, description: 'Compte rendu financier : l’action.' })
  @IsOptional()
  @IsUUID('all', { message: "identifiant d'action invalide" })
  actionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Compte rendu financier : le financeur (son organisation, pour un représentant de financeur).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de financeur invalide' })
  funderId?: string | null;
}
