import { PassThrough } from 'node:stream';

import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';

import { Allow, Permission } from '@pilotis/access';
import { csvSink, ExportFormat, xlsxSink } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { notFound } from '@pilotis/shared';

import { COMITES_SQL } from './comites.sql';
import { Committee } from './committee.entity';
import { DAUPHIN_COLUMNS, DauphinLineRow, dauphinRow } from './dauphin-export';

export class DauphinExportArgs {
  @IsUUID('all')
  committeeId: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `GET /committees/dauphin.csv` and `/committees/dauphin.xlsx?committeeId=…`: the crédits spécifiques of a
 * committee (the State's P147 lines of the actions on its agenda), for the State's instructors to key or
 * check in Dauphin. Same headers as GraphQL (`Authorization`, `X-Tenant`), permission EXPORT_DAUPHIN (admin,
 * chef de projet, délégué du préfet). Every export is audited (`committee.dauphin_export`) and committed
 * before the first byte; cells go through `spreadsheetRow` (no formula from user text).
 */
@Controller('committees')
export class DauphinExportController {
  private readonly logger = new Logger(DauphinExportController.name);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  @Allow(Permission.EXPORT_DAUPHIN)
  @Get('dauphin.csv')
  csv(@Query() args: DauphinExportArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.send(args, 'csv', reply);
  }

  @Allow(Permission.EXPORT_DAUPHIN)
  @Get('dauphin.xlsx')
  xlsx(@Query() args: DauphinExportArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.send(args, 'xlsx', reply);
  }

  private async send(args: DauphinExportArgs, format: ExportFormat, reply: FastifyReply): Promise<FastifyReply> {
    const committeeId = args.committeeId.toLowerCase();
    const committee = await (await this.db.repository(Committee)).findOne({ id: committeeId });
    if (!committee) throw notFound('Comité');
    // A committee's agenda is a few dozen actions: the rows are read at once, in the audited transaction.
    const rows = await this.db.query<DauphinLineRow>(COMITES_SQL.dauphinLines, [this.db.tenant().tenantId, committeeId]);
    await this.audit.record({
      operation: 'committee.dauphin_export',
      entityType: 'Committee',
      entityId: committeeId,
      after: {
        format,
        committeeTitle: committee.title,
        lines: rows.length,
        withoutDauphinNumber: rows.filter((r) => r.dauphin_number === null).length,
        decidedCents: rows.reduce((n, r) => n + BigInt(r.decided ?? 0), 0n).toString(),
      },
    });
    // An export that cannot be traced is not sent: the trail is committed before the first byte.
    await this.db.finish(true);
    const date = committee.scheduledAt.toISOString().slice(0, 10);
    const body = new PassThrough();
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="dauphin-comite-${date}.${format}"`)
      .header('cache-control', 'private, no-store')
      .send(body);
    try {
      const sink = format === 'csv' ? csvSink(DAUPHIN_COLUMNS, body) : xlsxSink(DAUPHIN_COLUMNS, body, 'Crédits spécifiques');
      for (const r of rows) await sink.row(dauphinRow(r));
      await sink.end();
    } catch (error) {
      this.logger.error(`dauphin export failed: ${(error as Error).message}`);
      body.destroy(error as Error);
    }
    return reply;
  }
}
