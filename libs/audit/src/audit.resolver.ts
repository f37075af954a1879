import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { decodeCursor, PageArgs, PageOf, toPage, Page } from '@pilotis/shared';
import { AuditEvent } from './audit-event.entity';

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field({ nullable: true, description: "Type d'objet, par exemple `Action`." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: "Identifiant de l'objet." })
  @IsOptional()
  @IsUUID()
  entityId?: string;
}

const AuditEventPage = PageOf(AuditEvent, 'AuditEventPage');

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly db: Db) {}

  @Allow(Permission.READ_AUDIT)
  @Query(() => AuditEventPage, { description: "Journal d'audit du territoire, du plus récent au plus ancien." })
  async auditEvents(@Args() args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    const qb = (await this.db.manager())
      .createQueryBuilder(AuditEvent, 'e')
      .where('e.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(args.first + 1);
    if (args.entityType) qb.andWhere('e.entityType = :entityType', { entityType: args.entityType });
    if (args.entityId) qb.andWhere('e.entityId = :entityId', { entityId: args.entityId });
    if (args.after) {
      // The cursor holds the id only: the database compares its exact (microsecond) instant.
      const [id] = decodeCursor(args.after, 1);
      qb.andWhere(
        '(e.occurredAt, e.id) < (select c.occurred_at, c.id from audit_events c where c.tenant_id = e.tenant_id and c.id = :id)',
        { id },
      );
    }
    return toPage(await qb.getMany(), args.first, (e) => [e.id]);
  }
}
