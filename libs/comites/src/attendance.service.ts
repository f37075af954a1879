import { Injectable } from '@nestjs/common';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { invalidField } from '@pilotis/shared';

import { AttendanceStatus, CommitteeAttendance } from './attendance.entity';
import { SetCommitteeAttendanceInput } from './attendance.inputs';
import { CommitteeMember } from './committee.entity';
import { lockCommittee } from './committee-locks';
import { assertCommitteeAllows } from './committee-status';

/**
 * Attendance at a committee's séance, recorded by the chef de projet for each member organisation (present,
 * represented by a named person, excused) and printed as such in the procès-verbal. It sits beside the
 * membership: it neither adds nor removes a member, and an organisation that is not a member has none.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(committeeId: string): Promise<CommitteeAttendance[]> {
    return (await this.db.repository(CommitteeAttendance)).find({ where: { committeeId }, order: { organisationId: 'ASC' } });
  }

  /**
   * Records (or clears, with no status) one member's attendance. Allowed in every status of the committee,
   * like its minutes: the procès-verbal is drawn up after the séance, from what was noted in it.
   */
  async set(input: SetCommitteeAttendanceInput): Promise<CommitteeAttendance[]> {
    const committee = await lockCommittee(this.db, input.committeeId);
    assertCommitteeAllows(committee, 'recordAttendance');
    const organisationId = input.organisationId.toLowerCase();
    const member = await (await this.db.repository(CommitteeMember)).findOne({ committeeId: committee.id, organisationId });
    if (!member) throw invalidField('organisationId', 'not_a_member', "cette organisation n'est pas membre du comité");
    const status = input.status ?? null;
    const representativeName = input.representativeName?.trim() ? input.representativeName.trim() : null;
    if (status === AttendanceStatus.REPRESENTE && representativeName === null) {
      throw invalidField('representativeName', 'required', 'le nom du représentant est obligatoire pour une organisation représentée');
    }
    if (status !== AttendanceStatus.REPRESENTE && representativeName !== null) {
      throw invalidField('representativeName', 'not_represented', 'un représentant ne se note que pour une organisation représentée');
    }
    const rows = await this.db.repository(CommitteeAttendance);
    const before = await rows.findOne({ committeeId: committee.id, organisationId });
    if (before) await rows.delete({ committeeId: committee.id, organisationId });
    if (status !== null) {
      await rows.insert({ committeeId: committee.id, organisationId, status, representativeName, recordedBy: this.db.actor().userId });
    }
    await this.audit.record({
      operation: 'committee.attendance',
      entityType: 'Committee',
      entityId: committee.id,
      before: before
        ? { organisationId, status: before.status, representativeName: before.representativeName }
        : { organisationId, status: null },
      after: { organisationId, status, representativeName },
    });
    return this.list(committee.id);
  }
}
