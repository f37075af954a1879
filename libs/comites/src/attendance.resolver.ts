import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';

import { CommitteeAttendance } from './attendance.entity';
import { SetCommitteeAttendanceInput } from './attendance.inputs';
import { AttendanceService } from './attendance.service';
import { Committee } from './committee.entity';

/** Attendance at the séance: its field on Committee and the chef de projet's mutation. */
@Resolver(() => Committee)
export class CommitteeAttendanceResolver {
  constructor(private readonly service: AttendanceService) {}

  @ResolveField(() => [CommitteeAttendance], {
    description: 'Présences notées à la séance, une par organisation membre renseignée (les autres sont « non renseignées »).',
  })
  attendance(@Parent() committee: Committee): Promise<CommitteeAttendance[]> {
    return this.service.list(committee.id);
  }

  @Allow(Permission.MANAGE_COMMITTEES)
  @Mutation(() => [CommitteeAttendance], {
    description:
      "Note la présence d'une organisation membre à la séance (présente, représentée avec le nom du représentant, excusée) ou l'efface ; rend les présences du comité. Le procès-verbal les reprend telles quelles.",
  })
  setCommitteeAttendance(
    @Args('input', { description: 'La présence.' }) input: SetCommitteeAttendanceInput,
  ): Promise<CommitteeAttendance[]> {
    return this.service.set(input);
  }
}
