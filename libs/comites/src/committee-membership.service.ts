import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation, OrganisationKind } from '@pilotis/organisations';
import { DomainError, ErrorCode, FieldError } from '@pilotis/shared';

import { COMITES_SQL } from './comites.sql';
import { CommitteeKind, CommitteeMember } from './committee.entity';
import { CommitteeDefault, CommitteeDefaultMember } from './committee-default.entity';
import { lockCommittee } from './committee-locks';
import { CommitteeDefaultMembership, CommitteeMemberCandidate } from './committee-membership.inputs';

interface MemberRow {
  organisationId: string;
  voting: boolean;
}

/**
 * Who may sit on a contract's committees, and the default membership of each kind of committee.
 *
 * Members are the contract's funders and its signatories, nobody else (a porteur does not sit on the
 * committee that decides its own dossier). A **funder of the contract** is what a chef de projet calls « les
 * financeurs du contrat »: an organisation that set money aside for it (an envelope on the contract, any
 * exercise, any kind of money), or that an action of the contract asks for money (a funding line of one of
 * its actions past the draft, whatever its step since: a funder asked once keeps its seat while the
 * contract runs). Two lines do not count: those of a draft (`BROUILLON`: not yet a request addressed to the
 * funder) and a porteur's own contribution to its own action (its funds, not the contract's). A
 * **signatory** is a `ContratSignatory` of the contract (État, EPCI, communes, Région, CAF…).
 * The rule lives in one statement (`COMITES_SQL.memberCandidates`): `setCommitteeMembers` and the defaults
 * refuse anyone else, and `Committee.memberCandidates` serves the list the web app offers.
 */
@Injectable()
export class CommitteeMembership {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async candidates(contratId: string): Promise<CommitteeMemberCandidate[]> {
    const rows = await this.db.query<{
      organisation_id: string;
      name: string;
      kind: OrganisationKind;
      funder: boolean;
      signatory: boolean;
    }>(COMITES_SQL.memberCandidates, [this.db.tenant().tenantId, contratId]);
    return rows.map((r) => ({ organisationId: r.organisation_id, name: r.name, kind: r.kind, funder: r.funder, signatory: r.signatory }));
  }

  /**
   * Refuses (NOT_A_COMMITTEE_CANDIDATE, nothing written) members that are neither funders nor signatories
   * of the contract; `field` is the input's list (`members`), each refused one reported at its index.
   */
  async refuseNonCandidates(contratId: string, members: readonly MemberRow[], field: string): Promise<void> {
    const allowed = new Set((await this.candidates(contratId)).map((c) => c.organisationId));
    const refused = members.map((m, i) => ({ ...m, i })).filter((m) => !allowed.has(m.organisationId));
    if (refused.length === 0) return;
    const orgs = await (await this.db.repository(Organisation)).find({ where: { id: In(refused.map((r) => r.organisationId)) } });
    const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
    const names = refused.map((r) => `« ${nameOf.get(r.organisationId) ?? r.organisationId} »`).join(', ');
    const fields: FieldError[] = refused.map((r) => ({
      field: `${field}.${r.i}.organisationId`,
      reason: 'not_a_candidate',
      message: 'ni financeur ni signataire du contrat de ce comité',
    }));
    throw new DomainError(
      ErrorCode.NOT_A_COMMITTEE_CANDIDATE,
      `${refused.length > 1 ? 'Ces organisations ne sont' : 'Cette organisation n’est'} ni financeur ni signataire du contrat de ce comité : ${names}. Seuls les financeurs et les signataires du contrat en sont membres.`,
      { fields, organisationIds: refused.map((r) => r.organisationId) },
    );
  }

  /** The default membership saved for the committees of `kind` of the contract, or null. */
  async defaultOf(contratId: string, kind: CommitteeKind): Promise<CommitteeDefaultMembership | null> {
    const header = await (await this.db.repository(CommitteeDefault)).findOne({ contratId, kind });
    if (!header) return null;
    const members = await (
      await this.db.repository(CommitteeDefaultMember)
    ).find({
      where: { contratId, kind },
      order: { organisationId: 'ASC' },
    });
    return { contratId, kind, members, sourceCommitteeId: header.sourceCommitteeId, savedAt: header.savedAt, quorum: header.quorum };
  }

  /**
   * Saves the committee's current members (their votes, and its quorum) as the default of its kind for its contract,
   * replacing the previous one; an empty membership removes the default. Allowed in every status of the
   * committee (a past session's composition is a fine default), under the committee's lock so that the
   * members saved are the members in force. Refused if a member is no longer a candidate.
   */
  async saveAsDefault(committeeId: string): Promise<CommitteeDefaultMembership | null> {
    const committee = await lockCommittee(this.db, committeeId);
    const members = (
      await (await this.db.repository(CommitteeMember)).find({ where: { committeeId: committee.id }, order: { organisationId: 'ASC' } })
    ).map((m) => ({ organisationId: m.organisationId, voting: m.voting }));
    await this.refuseNonCandidates(committee.contratId, members, 'members');
    const key = { contratId: committee.contratId, kind: committee.kind };
    // The header first: a concurrent save of the same default waits on it until this one commits.
    await this.db.query(COMITES_SQL.defaultHeaderUpsert, [
      this.db.tenant().tenantId,
      key.contratId,
      key.kind,
      committee.id,
      this.db.actor().userId,
      committee.quorum,
    ]);
    const before = await this.defaultMembers(key.contratId, key.kind);
    // The header is locked now: its quorum is still the replaced default's (the upsert sets it only on insert).
    const headers = await this.db.repository(CommitteeDefault);
    const beforeQuorum = (await headers.findOne(key))?.quorum ?? null;
    await headers.update(key, { quorum: committee.quorum });
    const rows = await this.db.repository(CommitteeDefaultMember);
    await rows.delete(key);
    if (members.length > 0) await rows.insert(members.map((m) => ({ ...key, ...m })));
    else await (await this.db.repository(CommitteeDefault)).delete(key);
    await this.audit.record({
      operation: 'committee.default_members',
      entityType: 'Committee',
      entityId: committee.id,
      before: { ...key, members: before, quorum: before.length > 0 ? beforeQuorum : null },
      after: { ...key, members, quorum: members.length > 0 ? committee.quorum : null },
    });
    return this.defaultOf(key.contratId, key.kind);
  }

  /**
   * The default membership of the committee's kind and contract, for a committee just scheduled: its
   * members that are still candidates, those that no longer are (left out, and said in the audit), and
   * its quorum — at most the voting members kept, so that members left out cannot make it unreachable.
   */
  async prefill(contratId: string, kind: CommitteeKind): Promise<{ members: MemberRow[]; leftOut: string[]; quorum: number | null }> {
    const saved = await this.defaultMembers(contratId, kind);
    if (saved.length === 0) return { members: [], leftOut: [], quorum: null };
    const allowed = new Set((await this.candidates(contratId)).map((c) => c.organisationId));
    const members = saved.filter((m) => allowed.has(m.organisationId));
    const savedQuorum = (await (await this.db.repository(CommitteeDefault)).findOne({ contratId, kind }))?.quorum ?? null;
    const voting = members.filter((m) => m.voting).length;
    return {
      members,
      leftOut: saved.filter((m) => !allowed.has(m.organisationId)).map((m) => m.organisationId),
      quorum: savedQuorum === null ? null : Math.min(savedQuorum, Math.max(voting, 1)),
    };
  }

  private async defaultMembers(contratId: string, kind: CommitteeKind): Promise<MemberRow[]> {
    const rows = await (
      await this.db.repository(CommitteeDefaultMember)
    ).find({ where: { contratId, kind }, order: { organisationId: 'ASC' } });
    return rows.map((r) => ({ organisationId: r.organisationId, voting: r.voting }));
  }
}
