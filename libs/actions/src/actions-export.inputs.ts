import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { ActionFilter } from './action.inputs';
import { ActionStatus } from './action-status';

/**
 * The list's filters as query-string parameters of `GET /actions/export.csv|xlsx`: the same names and the
 * same checks as `ActionFilter` (the `actions` query's), so that an export covers exactly what the list
 * shows. `status` may be repeated or comma-separated.
 */
export class ActionsExportArgs {
  @IsOptional()
  @IsUUID('all')
  contratId?: string;

  @IsOptional()
  @IsUUID('all')
  pillarId?: string;

  @IsOptional()
  @IsUUID('all')
  objectiveId?: string;

  @IsOptional()
  // A query string gives one value as a string, several as an array.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter((v) => v !== '') : value))
  @IsArray()
  @ArrayMaxSize(Object.keys(ActionStatus).length)
  @IsEnum(ActionStatus, { each: true })
  status?: ActionStatus[];

  @IsOptional()
  @IsUUID('all')
  // Chooses the actions, as in the list; their rows keep every line (see `ActionFilter.funderId`).
  funderId?: string;

  @IsOptional()
  @IsUUID('all')
  qpvId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear?: number;

  @IsOptional()
  @IsUUID('all')
  porteurId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** The list's filter that these parameters say. */
export function exportFilter(args: ActionsExportArgs): ActionFilter {
  return {
    contratId: args.contratId ?? null,
    pillarId: args.pillarId ?? null,
    objectiveId: args.objectiveId ?? null,
    status: args.status ?? null,
    funderId: args.funderId ?? null,
    qpvId: args.qpvId ?? null,
    exerciseYear: args.exerciseYear ?? null,
    porteurId: args.porteurId ?? null,
    search: args.search ?? null,
  };
}
