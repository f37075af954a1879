import { PassThrough } from 'node:stream';

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { Allow, Permission } from '@pilotis/access';
import { ConventionService } from '@pilotis/conventions';
import { Db } from '@pilotis/db';
import { invalidField, notFound } from '@pilotis/shared';

import { writeConventionDocument } from './generators/convention-document';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /reports/conventions/:id/pdf[?version=n]`: the document of a convention version (the one in force
 * by default), generated on request from the stored, hashed version. Same headers as GraphQL
 * (`Authorization: Bearer …`, `X-Tenant`) and the convention's own visibility: whoever may read the
 * convention may read its document; anyone else, in this tenant or another, gets 404.
 */
@Controller('reports/conventions')
export class ConventionDocumentController {
  constructor(
    private readonly db: Db,
    private readonly conventions: ConventionService,
  ) {}

  @Allow(Permission.READ)
  @Get(':id/pdf')
  async download(
    @Param('id') id: string,
    @Query('version') version: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    if (!UUID_RE.test(id)) throw notFound('Convention');
    if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) throw invalidField('version', 'invalid', 'numéro de version invalide');
    const document = await this.conventions.document(id, version === undefined ? null : Number(version));
    await this.db.finish(true);
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeConventionDocument(document, out);
    const pdf = Buffer.concat(chunks);
    const fileName = `convention-${document.actionReference}-v${document.version.number}.pdf`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('x-convention-hash', document.version.hash)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }
}
