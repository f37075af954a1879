import { PassThrough } from 'node:stream';

import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { Allow, Permission } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';

import { ExportFormat } from './actions-export';
import { ActionsExportArgs, exportFilter } from './actions-export.inputs';
import { ActionsExportService } from './actions-export.service';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `GET /actions/export.csv` and `/actions/export.xlsx`: every action the list's filters match (query-string
 * parameters named as `ActionFilter`'s fields), streamed. Same access as GraphQL: `Authorization: Bearer …`
 * (or an API key) and `X-Tenant`, checked by the global guard, and the list's permission (READ): whoever
 * reads the list may take it away, with what the list shows them — an organisation-bound person (a
 * funder's or porteur's representative) its organisation's actions and, of the ledger, only what it sees
 * on screen (`ActionsExportService`).
 */
@Controller('actions')
export class ActionsExportController {
  private readonly logger = new Logger(ActionsExportController.name);

  constructor(
    private readonly db: Db,
    private readonly exports: ActionsExportService,
    private readonly audit: AuditService,
  ) {}

  @Allow(Permission.READ)
  @Get('export.csv')
  csv(@Query() args: ActionsExportArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.send(args, 'csv', reply);
  }

  @Allow(Permission.READ)
  @Get('export.xlsx')
  xlsx(@Query() args: ActionsExportArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.send(args, 'xlsx', reply);
  }

  private async send(args: ActionsExportArgs, format: ExportFormat, reply: FastifyReply): Promise<FastifyReply> {
    // Everything that can be refused is settled before the first byte: after it, the status is sent.
    const filter = exportFilter(args);
    const prepared = await this.exports.prepare(filter);
    // Who took which list away, committed before the first byte: an export that cannot be traced is not
    // sent, and one cut short still left its trace. The trail keeps the filters and the format (the file
    // holds what they select, as the caller may see it). The rows are then read in a transaction of their own.
    await this.audit.record({
      operation: 'actions.export',
      entityType: 'tenant',
      entityId: this.db.tenant().tenantId,
      after: { format, filter, funderColumns: prepared.funders.length },
    });
    await this.db.commitAndContinue();
    const fileName = `actions-${this.db.tenant().siren}${args.exerciseYear ? `-${args.exerciseYear}` : ''}.${format}`;
    const body = new PassThrough();
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(body);
    // The rows are read in the request's transaction while the response flows; it ends with the file.
    try {
      await this.exports.write(prepared, format, body);
      await this.db.finish(true);
    } catch (error) {
      this.logger.error(`actions export failed: ${(error as Error).message}`);
      await this.db.finish(false);
      // The status is gone: cutting the response short is how a client learns the file is incomplete.
      body.destroy(error as Error);
    }
    return reply;
  }
}
