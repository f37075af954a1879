import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { Clock, conflict, DomainError, ErrorCode, InjectConfig, notFound, PilotisConfig } from '@pilotis/shared';

import { reportPath } from './generators/report-file';
import { Report, ReportState } from './report.entity';

/** 410 on this route: the file is gone for good, a new request makes another. */
function reportExpired(expiresAt: Date | null): DomainError {
  const on = expiresAt ? ` le ${expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}` : '';
  return new DomainError(ErrorCode.REPORT_EXPIRED, `Ce rapport a expiré${on} : son fichier a été supprimé. Demandez un nouveau rapport.`);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /reports/:id/download`, with the same `Authorization: Bearer …` and `X-Tenant` headers as GraphQL
 * (the global access guard checks both). Only the requester gets the file, only once it is DONE and until
 * its retention ends (410 REPORT_EXPIRED after, even before the hourly clean-up has deleted the file);
 * anyone else, in this tenant or another, gets 404.
 */
@Controller('reports')
export class ReportDownloadController {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  @Allow(Permission.READ)
  @Get(':id/download')
  async download(@Param('id') id: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (!UUID_RE.test(id)) throw notFound('Rapport');
    const { tenantId } = this.db.tenant();
    const report = await (await this.db.repository(Report)).findOne({ id: id.toLowerCase(), requestedBy: this.db.actor().userId });
    // The file is read outside any transaction: give the connection back before streaming.
    await this.db.finish(true);
    if (!report) throw notFound('Rapport');
    if (
      report.state === ReportState.EXPIRED ||
      (report.state === ReportState.DONE && report.expiresAt && report.expiresAt <= this.clock.now())
    ) {
      throw reportExpired(report.expiresAt);
    }
    if (report.state !== ReportState.DONE || !report.fileName || !report.contentType || !report.sha256) {
      throw conflict(`Le rapport n'est pas prêt (état ${report.state}) : réessayez une fois sa génération terminée.`);
    }
    const extension = report.fileName.split('.').pop() as string;
    const file = reportPath(this.config.reportsDir, tenantId, report.id, extension);
    const size = await stat(file)
      .then((s) => s.size)
      .catch(() => null);
    if (size === null) throw notFound('Fichier du rapport');
    return reply
      .header('content-type', report.contentType)
      .header('content-disposition', `attachment; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`)
      .header('content-length', size)
      .header('x-content-sha256', report.sha256)
      .header('cache-control', 'private, no-store')
      .send(createReadStream(file));
  }
}
