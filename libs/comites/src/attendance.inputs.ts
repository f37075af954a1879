import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { AttendanceStatus } from './attendance.entity';

@InputType({ description: "La présence d'une organisation membre à la séance d'un comité." })
export class SetCommitteeAttendanceInput {
  @Field(() => ID, { description: 'Comité.' })
  @IsUUID('all')
  committeeId: string;

  @Field(() => ID, { description: 'Organisation membre du comité.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => AttendanceStatus, { nullable: true, description: 'Présente, représentée ou excusée ; vide : effacer la saisie.' })
  @IsOptional()
  @IsEnum(AttendanceStatus)
  status?: AttendanceStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Nom du représentant (obligatoire pour une organisation représentée, refusé sinon ; 200 caractères au plus).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'le nom compte au plus 200 caractères' })
  representativeName?: string | null;
}
