import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { TenantJoin } from '@pilotis/db';
import { Qpv } from '@pilotis/territoires';

import { Action } from './action.entity';

/** A QPV where an action takes place. */
@Entity('action_qpvs')
@Index('action_qpvs_qpv_idx', ['tenantId', 'qpvId'])
export class ActionQpv {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  actionId: string;

  @PrimaryColumn('uuid')
  qpvId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('action_qpvs_action_fk', ['action_id', 'id'])
  action?: Action;

  @ManyToOne(() => Qpv)
  @TenantJoin('action_qpvs_qpv_fk', ['qpv_id', 'id'])
  qpv?: Qpv;
}
