import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { Qpv } from '@pilotis/territoires';

import { ContratDeVille } from './contrat.entity';

/** An organisation that signs the contract (État, EPCI, communes, Région, CAF…). */
@Entity('contrat_signatories')
@Index('contrat_signatories_organisation_idx', ['tenantId', 'organisationId'])
export class ContratSignatory {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  contratId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('contrat_signatories_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @ManyToOne(() => Organisation)
  @TenantJoin('contrat_signatories_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/** A QPV covered by the contract. */
@Entity('contrat_qpvs')
@Index('contrat_qpvs_qpv_idx', ['tenantId', 'qpvId'])
export class ContratQpv {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  contratId: string;

  @PrimaryColumn('uuid')
  qpvId: string;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('contrat_qpvs_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @ManyToOne(() => Qpv)
  @TenantJoin('contrat_qpvs_qpv_fk', ['qpv_id', 'id'])
  qpv?: Qpv;
}
