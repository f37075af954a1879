import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Role } from '@pilotis/access';
import { ActionStatus } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { badInput, notFound } from '@pilotis/shared';

import { Avis } from './avis.entity';
import { GiveAvisInput } from './avis.inputs';
import { assertInInstruction, validateAvis } from './avis.rules';
import { INSTRUCTION_SQL } from './instruction.sql';

const AVIS_BY_ACTION = Symbol('instruction.avisByAction');

/** Audit snapshot: the avis without its relations. */
const avisSnapshot = (a: Avis): Record<string, unknown> => ({
  id: a.id,
  actionId: a.actionId,
  authorUserId: a.authorUserId,
  organisationId: a.organisationId,
  opinion: a.opinion,
  comment: a.comment,
});

/** Instruction avis: one current opinion per author and action, given while the action is in instruction. */
@Injectable()
export class AvisService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /** The avis on an action the caller may see (NOT_FOUND otherwise: INSTRUCTION_SQL's check), newest first. */
  async listForAction(actionId: string): Promise<Avis[]> {
    await this.visibleAction(actionId, false);
    return (await this.db.repository(Avis)).find({ where: { actionId: actionId.toLowerCase() }, order: { updatedAt: 'DESC', id: 'ASC' } });
  }

  /** Action.avis, batched: the parent action was already checked visible by the actions resolver. */
  async forAction(actionId: string): Promise<Avis[]> {
    const loader = requestLoader(this.cls, AVIS_BY_ACTION, async (actionIds: string[]) => {
      const rows = await (
        await this.db.repository(Avis)
      ).find({ where: { actionId: In(actionIds) }, order: { updatedAt: 'DESC', id: 'ASC' } });
      return groupBy(rows, (a) => a.actionId);
    });
    // A porteur's representative does not read the instruction of its own dossier.
    if (this.db.tenant().role === Role.PORTEUR_REPRESENTATIVE) return [];
    return (await loader.load(actionId)) ?? [];
  }

  /** The action is read and locked through INSTRUCTION_SQL (its visibility is a condition on another table); the avis, through the repository. */
  async give(input: GiveAvisInput): Promise<Avis> {
    const scope = this.db.tenant();
    const actor = this.db.actor();
    // Locked: a concurrent transition out of instruction waits for this avis, or this avis sees it.
    const action = await this.visibleAction(input.actionId, true);
    const comment = input.comment ?? '';
    const errors = validateAvis(input.opinion, comment);
    if (errors.length > 0) throw badInput(errors);
    assertInInstruction(action.status, action.reference);

    const avis = await this.db.repository(Avis);
    const existing = await avis.findOne({ actionId: action.id, authorUserId: actor.userId });
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await avis.update({ id }, { opinion: input.opinion, comment, organisationId: scope.organisationId, updatedAt: () => 'now()' });
    } else {
      await avis.insert({
        id,
        actionId: action.id,
        authorUserId: actor.userId,
        organisationId: scope.organisationId,
        opinion: input.opinion,
        comment,
      });
    }
    const after = await avis.findOneOrFail({ id });
    await this.audit.record({
      operation: 'avis.give',
      entityType: 'Avis',
      entityId: id,
      before: existing ? avisSnapshot(existing) : null,
      after: { ...avisSnapshot(after), actionReference: action.reference },
    });
    return after;
  }

  /**
   * The action if the caller may see it: a funder's representative only the actions its organisation is
   * asked to fund, a porteur's representative only its own; anyone else every action of the tenant.
   */
  private async visibleAction(actionId: string, lock: boolean): Promise<{ id: string; reference: string; status: ActionStatus }> {
    const scope = this.db.tenant();
    const params: unknown[] = [scope.tenantId, actionId.toLowerCase()];
    let filter = '';
    if (scope.role === Role.FUNDER_REPRESENTATIVE) {
      params.push(scope.organisationId);
      filter = INSTRUCTION_SQL.fundedByOrganisation;
    } else if (scope.role === Role.PORTEUR_REPRESENTATIVE) {
      // The instruction is internal to the EPCI and the funders: a porteur does not read it.
      filter = 'and false';
    }
    const [row] = await this.db.query<{ id: string; reference: string; status: ActionStatus }>(
      INSTRUCTION_SQL.visibleAction(filter, lock ? 'for update of a' : ''),
      params,
    );
    if (!row) throw notFound('Action');
    return row;
  }
}
