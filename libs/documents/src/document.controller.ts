import type { Multipart } from '@fastify/multipart';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { invalidField, notFound, uuid } from '@pilotis/shared';

import { Document, DocumentKind, DocumentOwnerKind } from './document.entity';
import { DocumentService } from './document.service';

/** The owners' names in the routes. */
const OWNER_OF_PATH: Readonly<Record<string, DocumentOwnerKind>> = {
  actions: DocumentOwnerKind.ACTION,
  conventions: DocumentOwnerKind.CONVENTION,
  bilans: DocumentOwnerKind.BILAN,
  committees: DocumentOwnerKind.COMMITTEE,
};

/** What the routes answer about a document (the GraphQL type's fields). */
export interface DocumentAnswer {
  id: string;
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  actionId: string | null;
  requiredPieceId: string | null;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

const answer = (d: Document): DocumentAnswer => ({
  id: d.id,
  ownerKind: d.ownerKind,
  ownerId: d.ownerId,
  actionId: d.actionId,
  requiredPieceId: d.requiredPieceId,
  kind: d.kind,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedBy: d.uploadedBy,
  uploadedAt: d.uploadedAt.toISOString(),
});

/**
 * The files of documents, over REST (GraphQL lists them: `Action.documents`, `Convention.documents`,
 * `Bilan.documents`), with `Authorization: Bearer …` and `X-Tenant` like every route:
 * - `POST /documents/{actions|conventions|bilans|committees}/:id`, `multipart/form-data` with a `kind` field
 *   (the type of piece) and one `file`: 201 with the document (its SHA-256 included); 413 FILE_TOO_LARGE,
 *   415 FILE_TYPE_NOT_ALLOWED, 400 BAD_USER_INPUT, 404 NOT_FOUND — and then nothing is stored;
 * - `POST /documents/mandates/{committees|conventions}/:id`, the same form with one `file` (the kind is
 *   MANDAT): the scanned mandate of a vote or a signature recorded « pour le compte de » an organisation,
 *   for whoever may record one (RECORD_ON_BEHALF: the délégué du préfet too, who edits neither);
 * - `GET /documents/:id`: the file, as an attachment, with its SHA-256 in `X-Checksum-SHA256` and
 *   `Repr-Digest`, after checking it against the one recorded at its upload;
 * - `DELETE /documents/:id`: 200 with the deleted document.
 * Each route finishes its transaction itself, so that the store follows what the database committed.
 */
@Controller('documents')
export class DocumentController {
  constructor(
    private readonly db: Db,
    private readonly documents: DocumentService,
  ) {}

  @Allow(Permission.MANAGE_ACTIONS)
  @Post(':owner/:id')
  @HttpCode(201)
  async upload(
    @Param('owner') owner: string,
    @Param('id', uuid('id')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentAnswer> {
    const ownerKind = OWNER_OF_PATH[owner];
    if (!ownerKind) throw notFound('Propriétaire de document');
    await this.documents.admit(ownerKind, id);
    // The body comes after the checks, outside any transaction: see `Db.commitAndContinue`.
    await this.db.commitAndContinue();
    const form = await this.readForm(request);
    const document = await this.documents.upload({ ownerKind, ownerId: id, kind: form.kind, fileName: form.fileName, data: form.data });
    try {
      await this.db.finish(true);
    } catch (error) {
      await this.documents.discard(document);
      throw error;
    }
    return answer(document);
  }

  /**
   * A file answering one of the call's required pieces, on the porteur's own dossier:
   * `POST /documents/dossiers/:actionId?piece=<pieceId>` (fields `file` and, optionally, `kind`).
   */
  @Allow(Permission.FILE_DOSSIER)
  @Post('dossiers/:id')
  @HttpCode(201)
  async uploadDossierPiece(
    @Param('id', uuid('id')) id: string,
    @Query('piece', uuid('piece')) pieceId: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentAnswer> {
    await this.documents.admitDossierPiece(id, pieceId);
    // The body comes after the checks, outside any transaction: see `Db.commitAndContinue`.
    await this.db.commitAndContinue();
    const form = await this.readForm(request);
    const document = await this.documents.uploadDossierPiece({
      actionId: id,
      pieceId,
      kind: form.kind,
      fileName: form.fileName,
      data: form.data,
    });
    try {
      await this.db.finish(true);
    } catch (error) {
      await this.documents.discard(document);
      throw error;
    }
    return answer(document);
  }

  /** `DELETE /documents/dossiers/:documentId`: the porteur removes a piece's file while the piece is editable. */
  @Allow(Permission.FILE_DOSSIER)
  @Delete('dossiers/:id')
  async deleteDossierPiece(@Param('id', uuid('id')) id: string): Promise<DocumentAnswer> {
    const document = await this.documents.deleteDossierPiece(id);
    await this.db.finish(true);
    await this.documents.removeFile(document);
    return answer(document);
  }

  @Allow(Permission.RECORD_ON_BEHALF)
  @Post('mandates/:owner/:id')
  @HttpCode(201)
  async uploadMandate(
    @Param('owner') owner: string,
    @Param('id', uuid('id')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentAnswer> {
    const ownerKind = OWNER_OF_PATH[owner];
    if (ownerKind !== DocumentOwnerKind.COMMITTEE && ownerKind !== DocumentOwnerKind.CONVENTION) throw notFound('Propriétaire de mandat');
    await this.documents.admit(ownerKind, id, { mandateOnly: true });
    // The body comes after the checks, outside any transaction: see `Db.commitAndContinue`.
    await this.db.commitAndContinue();
    const form = await this.readForm(request);
    const document = await this.documents.upload(
      { ownerKind, ownerId: id, kind: form.kind ?? DocumentKind.MANDAT, fileName: form.fileName, data: form.data },
      { mandateOnly: true },
    );
    try {
      await this.db.finish(true);
    } catch (error) {
      await this.documents.discard(document);
      throw error;
    }
    return answer(document);
  }

  @Allow(Permission.READ)
  @Get(':id')
  async download(@Param('id', uuid('id')) id: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { document, open } = await this.documents.download(id);
    await this.db.finish(true);
    // Streamed from the store, checked again on the way: a download is never held whole in memory.
    const body = await open();
    return reply
      .header('content-type', document.contentType)
      .header('content-length', String(document.sizeBytes))
      .header('content-disposition', contentDisposition(document.fileName))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-checksum-sha256', document.sha256)
      .header('repr-digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
      .send(body);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Delete(':id')
  async delete(@Param('id', uuid('id')) id: string): Promise<DocumentAnswer> {
    const document = await this.documents.delete(id);
    await this.db.finish(true);
    await this.documents.removeFile(document);
    return answer(document);
  }

  /**
   * The `kind` field and the one `file` of the form, in any order; the file is read whole (it is checked
   * and hashed before it is stored) and no further than the configured maximum.
   */
  private async readForm(request: FastifyRequest): Promise<{ kind: string | undefined; fileName: string; data: Buffer }> {
    if (!request.isMultipart())
      throw invalidField('file', 'not_multipart', 'le fichier est attendu en multipart/form-data (champs kind et file)');
    let kind: string | undefined;
    let file: { fileName: string; data: Buffer } | undefined;
    try {
      for await (const part of request.parts() as AsyncIterable<Multipart>) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file) {
            part.file.resume();
            throw invalidField(part.fieldname, 'unexpected_file', 'un seul fichier est attendu, dans le champ « file »');
          }
          file = { fileName: part.filename, data: await part.toBuffer() };
        } else if (part.fieldname === 'kind' && typeof part.value === 'string') {
          kind = part.value;
        }
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw this.documents.tooLarge();
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
        throw invalidField('file', 'too_many_parts', 'un seul fichier et le champ kind sont attendus');
      }
      throw error;
    }
    if (!file) throw invalidField('file', 'required', 'aucun fichier reçu (champ « file »)');
    // `kind` needs no hygiene check of its own: only a value of the enum is accepted.
    return { kind, ...file };
  }
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
