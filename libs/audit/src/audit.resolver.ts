import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { decodeCursor, PageArgs, PageOf, toPage, Page } from '@pilotis/shared';
import { AuditEvent } from './audit-event.entity';
import { AuditChainReport, AuditExportArgs, AuditExportPage } from './audit-chain.types';
import { readChainPage, verifyTenantChain } from './audit-chain.sql';

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

  @Allow(Permission.READ_AUDIT)
  @Query(() => AuditChainReport, {
    description: "Vérifie la chaîne d'audit du territoire (empreintes SHA-256, liens, continuité, tête de chaîne), par pages.",
  })
  async verifyAuditChain(): Promise<AuditChainReport> {
    const report = await verifyTenantChain(this.db, this.db.tenant().tenantId);
    return {
      valid: report.valid,
      checked: report.checked,
      firstInvalidSeq: report.firstInvalidSeq,
      firstInvalidEventId: report.firstInvalidEventId,
      reason: report.reason,
    };
  }

  @Allow(Permission.READ_AUDIT)
  @Query(() => AuditExportPage, {
    description: "Export de la chaîne d'audit du territoire par rang croissant, avec les empreintes, pour une vérification hors ligne.",
  })
  async auditExport(@Args() args: AuditExportArgs): Promise<AuditExportPage> {
    const tenantId = this.db.tenant().tenantId;
    const rows = await readChainPage(this.db, tenantId, args.afterSeq, args.first + 1);
    const events = rows.slice(0, args.first);
    return {
      tenantId,
      events: events.map(({ tenantId: _t, ...e }) => e),
      hasMore: rows.length > args.first,
      lastSeq: events.length ? events[events.length - 1].seq : null,
    };
  }
}
