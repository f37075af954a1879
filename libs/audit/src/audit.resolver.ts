import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { decodeCursor, Page, PageArgs, PageOf, toPage } from '@pilotis/shared';

import { readChainHead, readChainPage, verifyTenantChain } from './audit-chain.sql';
import { AuditChainReport, AuditCheckpointSigned, AuditExportArgs, AuditExportPage } from './audit-chain.types';
import { AuditCheckpoints } from './audit-checkpoints.service';
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
  constructor(
    private readonly db: Db,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  @Allow(Permission.READ_AUDIT)
  @Query(() => AuditEventPage, { description: "Journal d'audit du territoire, du plus récent au plus ancien." })
  async auditEvents(@Args() args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    // A query builder: the keyset compares with the cursor event's exact instant, read in a subquery.
    const qb = (await this.db.repository(AuditEvent))
      .queryBuilder('e')
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
    description:
      "Vérifie la chaîne d'audit du territoire par pages : empreintes SHA-256 et liens depuis l'origine, états avant/après (ou caviardage consigné), tête de chaîne sans événement au-delà, dernier point de contrôle signé.",
  })
  async verifyAuditChain(): Promise<AuditChainReport> {
    const report = await verifyTenantChain(this.db, this.db.tenant().tenantId, { checkpointKey: this.checkpoints.key });
    const checkpoint = report.checkpoints[report.checkpoints.length - 1];
    return {
      valid: report.valid,
      checked: report.checked,
      firstInvalidSeq: report.firstInvalidSeq,
      firstInvalidEventId: report.firstInvalidEventId,
      reason: report.reason,
      headSeq: report.headSeq,
      redacted: report.redacted,
      checkpointSeq: checkpoint?.seq ?? (report.reason === 'checkpoint_signature' ? report.firstInvalidSeq : null),
      checkpointAt: checkpoint?.at ?? null,
      checkpointSignatureChecked: checkpoint ? checkpoint.signature === 'valid' : null,
    };
  }

  @Allow(Permission.READ_AUDIT)
  @Query(() => AuditExportPage, {
    description:
      "Export de la chaîne d'audit du territoire par rang croissant, avec les empreintes et des points de contrôle signés, pour une vérification hors ligne.",
  })
  async auditExport(@Args() args: AuditExportArgs): Promise<AuditExportPage> {
    const tenantId = this.db.tenant().tenantId;
    // The head first: the page stops there, so that the checkpoint signed for it covers every event exported.
    const head = await readChainHead(this.db, tenantId);
    const rows = await readChainPage(this.db, tenantId, args.afterSeq, args.first + 1, head?.seq ?? 0);
    const events = rows.slice(0, args.first);
    const checkpoints: AuditCheckpointSigned[] = [];
    const latest = await this.checkpoints.latest();
    if (latest) checkpoints.push({ seq: latest.seq, hash: latest.hash, at: latest.at, mac: latest.mac, stored: true });
    const fresh = await this.checkpoints.signHead(head);
    if (fresh) checkpoints.push({ seq: fresh.seq, hash: fresh.hash, at: fresh.at, mac: fresh.mac, stored: false });
    return {
      tenantId,
      events: events.map(({ tenantId: _t, ...e }) => e),
      hasMore: rows.length > args.first,
      lastSeq: events.length ? events[events.length - 1].seq : null,
      checkpoints,
    };
  }
}
