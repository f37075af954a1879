import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PrimaryColumn } from 'typeorm';

/**
 * Base of every tenant table: `tenant_id` is NOT NULL and leads the primary key (then every unique
 * constraint, index and foreign key, declared on each entity). Row-level security, FORCEd in the
 * migrations, compares it with the transaction's `app.tenant_id`.
 */
@ObjectType({ isAbstract: true })
export abstract class TenantEntity {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;
}
