import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { Objective, Pillar } from '@pilotis/contrats';
import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { centsTransformer } from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { CallForProjects } from './call-for-projects.entity';

// What a call targets, each set replaced as a whole by updateCall. The link tables have no id of their
// own: their key is tenant, call, member; each member is of the call's tenant by its composite key.

/** A pillar (or transversal axis) of the call's contract that the call targets. */
@Entity('call_pillars')
@Index('call_pillars_pillar_idx', ['tenantId', 'pillarId'])
export class CallPillar {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  callId: string;

  @PrimaryColumn('uuid')
  pillarId: string;

  @ManyToOne(() => CallForProjects, { onDelete: 'CASCADE' })
  @TenantJoin('call_pillars_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @ManyToOne(() => Pillar, { onDelete: 'CASCADE' })
  @TenantJoin('call_pillars_pillar_fk', ['pillar_id', 'id'])
  pillar?: Pillar;
}

/** An objective (under one of the contract's pillars) that the call targets. */
@Entity('call_objectives')
@Index('call_objectives_objective_idx', ['tenantId', 'objectiveId'])
export class CallObjective {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  callId: string;

  @PrimaryColumn('uuid')
  objectiveId: string;

  @ManyToOne(() => CallForProjects, { onDelete: 'CASCADE' })
  @TenantJoin('call_objectives_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @TenantJoin('call_objectives_objective_fk', ['objective_id', 'id'])
  objective?: Objective;
}

/** A QPV the call is for. */
@Entity('call_qpvs')
@Index('call_qpvs_qpv_idx', ['tenantId', 'qpvId'])
export class CallQpv {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  callId: string;

  @PrimaryColumn('uuid')
  qpvId: string;

  @ManyToOne(() => CallForProjects, { onDelete: 'CASCADE' })
  @TenantJoin('call_qpvs_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @ManyToOne(() => Qpv)
  @TenantJoin('call_qpvs_qpv_fk', ['qpv_id', 'id'])
  qpv?: Qpv;
}

/**
 * A funder taking part in the call, with the envelope it indicates (integer cents; indicative: what it
 * grants is decided in committee against its real envelopes). The note is internal: never on the public page.
 */
@Entity('call_funders')
@Index('call_funders_organisation_idx', ['tenantId', 'organisationId'])
@Check('call_funders_envelope_check', '"envelope_cents" >= 0')
@Check('call_funders_note_check', 'length("internal_note") <= 2000')
export class CallFunder {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  callId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => CallForProjects, { onDelete: 'CASCADE' })
  @TenantJoin('call_funders_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @ManyToOne(() => Organisation)
  @TenantJoin('call_funders_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Column('bigint', { transformer: centsTransformer })
  envelopeCents: bigint;

  @Column('text', { default: '' })
  internalNote: string;
}
