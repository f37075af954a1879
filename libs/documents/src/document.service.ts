import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Permission, scopeAllows } from '@pilotis/access';
import { ActionService, DossierService } from '@pilotis/actions';
import { CallRequiredPiece } from '@pilotis/appels';
import { AuditService } from '@pilotis/audit';
import { CommitteeQueries } from '@pilotis/comites';
import { ConventionService } from '@pilotis/conventions';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { BilanReceipt } from '@pilotis/deadlines';
import { conflict, DomainError, ErrorCode, forbidden, InjectConfig, invalidField, notFound, PilotisConfig } from '@pilotis/shared';

import { Document, DocumentKind, DocumentOwnerKind, KINDS_OF_OWNER } from './document.entity';
import { ACCEPTED_TYPES, cleanFileName, detectContentType } from './document-content';
import { DocumentStorage } from './document-storage';
import { DOCUMENTS_SQL } from './documents.sql';
import { VirusScanner } from './virus-scanner';

/** The request's batch loaders: documents per owner (one per kind of owner), uploaders' names, mandates' uses. */
const DOCUMENTS_BY_OWNER: Record<DocumentOwnerKind, symbol> = {
  [DocumentOwnerKind.ACTION]: Symbol('documents.byAction'),
  [DocumentOwnerKind.CONVENTION]: Symbol('documents.byConvention'),
  [DocumentOwnerKind.BILAN]: Symbol('documents.byBilan'),
  [DocumentOwnerKind.COMMITTEE]: Symbol('documents.byCommittee'),
};
const UPLOADER_NAMES = Symbol('documents.uploaderNames');
const MANDATE_USES = Symbol('documents.mandateUses');

/** An owner the caller may see, with the columns a document of it carries. */
interface Owner {
  kind: DocumentOwnerKind;
  id: string;
  actionId: string | null;
  conventionId: string | null;
  bilanId: string | null;
  committeeId: string | null;
}

/** A file answering one of a call's required pieces, on the porteur's own dossier. */
export interface DossierPieceUpload {
  actionId: string;
  pieceId: string;
  kind: string | undefined;
  fileName: string;
  data: Buffer;
}

export interface Upload {
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  kind: string | undefined;
  fileName: string;
  data: Buffer;
}

/** A file to send: its metadata and its bytes, checked against the recorded checksum. */
export interface Download {
  document: Document;
  /** The file as it is sent, checked on the way (call it once the request's transaction is over). */
  open(): Promise<Readable>;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The size and SHA-256 of a stream, read through once. */
async function digestOf(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.from(chunk as Uint8Array);
    hash.update(bytes);
    size += bytes.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** The store's key of a document: never made from anything a client sent. */
export const storageKey = (document: Pick<Document, 'tenantId' | 'id'>): string => `${document.tenantId}/${document.id}`;

/**
 * Documents: who may see and attach them is exactly who may see and edit their owner. Reading follows the
 * owner's own visibility rule (`ActionService.findVisible`, `ConventionService.findVisible`, a bilan by its
 * action, `CommitteeQueries.findVisible`): an owner of another tenant, or outside an organisation-bound
 * person's view, is not found, and so are its documents. Attaching and deleting need MANAGE_ACTIONS (the
 * resolvers' and routes' `@Allow`), the permission that edits actions, conventions and bilans, and on a
 * committee MANAGE_COMMITTEES as well. A mandate (kind MANDAT, on a committee or a convention) may also be
 * brought by whoever records « pour le compte de » (RECORD_ON_BEHALF, its own route); a document that is
 * the mandate of a vote or a signature is not deleted (CONFLICT). Every upload, download and deletion is
 * audited.
 *
 * The routes finish the transaction themselves, so that the store follows the database: a file is written
 * before its row and removed if the row does not commit; a row is deleted and committed before its file.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly actions: ActionService,
    private readonly conventions: ConventionService,
    private readonly committees: CommitteeQueries,
    private readonly storage: DocumentStorage,
    @InjectConfig() private readonly config: PilotisConfig,
    private readonly cls: ClsService,
    private readonly scanner: VirusScanner,
    private readonly dossiers: DossierService,
  ) {}

  // ------------------------------------------------------------------ reads

  /** The documents of an owner the caller already holds (a resolved parent: visible by construction). */
  async listOf(ownerKind: DocumentOwnerKind, ownerId: string): Promise<Document[]> {
    // A page of conventions (or actions) asks for each one's documents: one query for the page.
    const loader = requestLoader(this.cls, DOCUMENTS_BY_OWNER[ownerKind], async (ownerIds: string[]) => {
      const rows = await (
        await this.db.repository(Document)
      ).find({ where: { ownerKind, ownerId: In(ownerIds) }, order: { uploadedAt: 'ASC', id: 'ASC' } });
      return groupBy(rows, (d) => d.ownerId);
    });
    return (await loader.load(ownerId)) ?? [];
  }

  /** The display name of whoever uploaded a document, batched across the documents of the request. */
  async uploaderName(userId: string): Promise<string | null> {
    const loader = requestLoader(this.cls, UPLOADER_NAMES, async (ids: string[]) => {
      // `users` is a platform table: plain SQL, by their keys (the display name only).
      const rows = await this.db.query<{ id: string; display_name: string }>(DOCUMENTS_SQL.uploaderNames, [ids]);
      return new Map(rows.map((r) => [r.id, r.display_name]));
    });
    return (await loader.load(userId)) ?? null;
  }

  /**
   * A document by its id, for a parent the caller already holds that cites it (a vote's or a signature's
   * mandate: visible with it, a document of the same committee or convention).
   */
  async byId(id: string): Promise<Document | null> {
    return (await this.db.repository(Document)).findOne({ id });
  }

  /** The bilans received for an action the caller already holds, by exercise. */
  async bilansOf(actionId: string): Promise<BilanReceipt[]> {
    return (await this.db.repository(BilanReceipt)).find({ where: { actionId }, order: { exerciseYear: 'ASC' } });
  }

  /**
   * Whether the caller may attach and delete documents of this kind of owner (the permissions that edit
   * it: MANAGE_ACTIONS, and for a committee MANAGE_COMMITTEES too).
   */
  mayEdit(ownerKind: DocumentOwnerKind): boolean {
    const scope = this.db.tenant();
    if (!scopeAllows(scope, Permission.MANAGE_ACTIONS)) return false;
    return ownerKind !== DocumentOwnerKind.COMMITTEE || scopeAllows(scope, Permission.MANAGE_COMMITTEES);
  }

  /** Whether the caller may delete this document: edit its owner, and it is no vote's or signature's mandate. */
  async mayDelete(document: Document): Promise<boolean> {
    if (!this.mayEdit(document.ownerKind)) return false;
    if (document.kind !== DocumentKind.MANDAT) return true;
    return !(await this.isMandateInUse(document));
  }

  private async isMandateInUse(document: Pick<Document, 'tenantId' | 'id'>): Promise<{ votes: number; signatures: number } | null> {
    // Each mandate listed on a page asks whether it may be deleted: one query for the page's mandates.
    const loader = requestLoader(this.cls, MANDATE_USES, async (ids: string[]) => {
      const rows = await this.db.query<{ id: string; votes: number; signatures: number }>(DOCUMENTS_SQL.mandateUses, [
        this.db.tenant().tenantId,
        ids,
      ]);
      return new Map(rows.map((r) => [r.id, { votes: r.votes, signatures: r.signatures }]));
    });
    const use = await loader.load(document.id);
    return use && (use.votes > 0 || use.signatures > 0) ? use : null;
  }

  /** FORBIDDEN unless the caller may attach to this kind of owner (a mandate only, on the mandates' route). */
  private assertMayAttach(ownerKind: DocumentOwnerKind, options: { mandateOnly?: boolean }): void {
    if (options.mandateOnly ? !this.mayAttachMandate(ownerKind) : !this.mayEdit(ownerKind)) {
      throw forbidden("Vous n'avez pas le droit de joindre des pièces ici.");
    }
  }

  /** Whether the caller may bring a mandate (kind MANDAT) to an owner of this kind without editing it. */
  mayAttachMandate(ownerKind: DocumentOwnerKind): boolean {
    return KINDS_OF_OWNER[ownerKind].includes(DocumentKind.MANDAT) && scopeAllows(this.db.tenant(), Permission.RECORD_ON_BEHALF);
  }

  /**
   * A document and its bytes, for a download: the document of an owner the caller may see, or NOT_FOUND;
   * FILE_INTEGRITY when the stored file no longer matches its checksum. The download is audited (call
   * `db.finish` before sending).
   */
  async download(id: string): Promise<Download> {
    const document = await this.findVisible(id);
    const key = storageKey(document);
    // The bytes are checked before anything is served or recorded: a first pass hashes the stored file as
    // a stream (never held whole); the send then hashes it again as it goes (`verifiedStream`).
    const stored = await this.storage.open(key);
    const found = stored ? await digestOf(stored) : null;
    if (!found || found.size !== document.sizeBytes || found.sha256 !== document.sha256) throw this.integrityError(document);
    await this.audit.record({
      operation: 'document.download',
      entityType: 'Document',
      entityId: document.id,
      after: this.snapshotOf(document),
    });
    return { document, open: () => this.verifiedStream(document) };
  }

  /**
   * The stored file as sent: hashed on the way, and cut short with an error if it no longer matches (a file
   * replaced between the check and the send) — the client then sees an incomplete download, never other bytes
   * under this checksum.
   */
  private async verifiedStream(document: Document): Promise<Readable> {
    const stream = await this.storage.open(storageKey(document));
    if (!stream) throw this.integrityError(document);
    const hash = createHash('sha256');
    let size = 0;
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
      flush: (done) => {
        if (size === document.sizeBytes && hash.digest('hex') === document.sha256) return done();
        this.logger.error(`document ${document.id} changed while it was being sent: the download was cut short`);
        done(new Error('document changed while it was being sent'));
      },
    });
    return stream.pipe(check);
  }

  private integrityError(document: Document): DomainError {
    this.logger.error(`document ${document.id} (tenant ${document.tenantId}) does not match its checksum or is missing from the store`);
    return new DomainError(
      ErrorCode.FILE_INTEGRITY,
      `Le fichier « ${document.fileName} » ne correspond plus à l'empreinte enregistrée à son dépôt : il n'est pas servi. Prévenez l'administrateur.`,
    );
  }

  // ------------------------------------------------------------------ writes

  /**
   * What an upload must pass before its body is read (the controller then lets the connection go while
   * the client sends it): the owner exists and the caller may see it (NOT_FOUND), and the caller has not
   * used its hourly quota of uploads in this territory (QUOTA_EXCEEDED). Concurrent uploads of one person
   * may each pass the count: the quota bounds a person's pace, not an exact number.
   */
  async admit(ownerKind: DocumentOwnerKind, ownerId: string, options: { mandateOnly?: boolean } = {}): Promise<void> {
    this.assertMayAttach(ownerKind, options);
    await this.visibleOwner(ownerKind, ownerId);
    await this.assertQuota();
  }

  /** The caller has not used its hourly quota of uploads in this territory (QUOTA_EXCEEDED). */
  private async assertQuota(): Promise<void> {
    const limit = this.config.documents.uploadsPerHour;
    const [{ count }] = await this.db.query<{ count: number }>(
      `select count(*)::int as count from documents where tenant_id = $1 and uploaded_by = $2 and uploaded_at > now() - interval '1 hour'`,
      [this.db.tenant().tenantId, this.db.actor().userId],
    );
    if (count >= limit) {
      throw new DomainError(
        ErrorCode.QUOTA_EXCEEDED,
        `Vous avez déposé ${count} fichiers dans ce territoire depuis une heure : c'est le plafond (${limit}). Réessayez plus tard.`,
        { quota: 'documents_per_hour', limit },
      );
    }
  }

  /**
   * Stores a file and records its document. Refusals leave nothing behind: the size (FILE_TOO_LARGE), the
   * antivirus (FILE_INFECTED, SCAN_UNAVAILABLE), the owner (NOT_FOUND, checked again: `admit` ran in an
   * earlier transaction), the type of piece and the content (FILE_TYPE_NOT_ALLOWED) before the store is
   * touched. The caller commits, then calls `discard` if the commit fails.
   */
  async upload(upload: Upload, options: { mandateOnly?: boolean; requiredPieceId?: string } = {}): Promise<Document> {
    // A dossier's piece was checked by `uploadDossierPiece` (the porteur's own dossier, the piece reopened).
    if (!options.requiredPieceId) this.assertMayAttach(upload.ownerKind, options);
    if (upload.data.length > this.config.documents.maxBytes) throw this.tooLarge();
    if (upload.data.length === 0) throw invalidField('file', 'empty', 'le fichier est vide');
    // The antivirus first (FILE_INFECTED, SCAN_UNAVAILABLE), before this upload's transaction opens again:
    // a slow scan holds no pooled connection.
    await this.scanner.assertClean(upload.data, upload.fileName);
    const owner = await this.visibleOwner(upload.ownerKind, upload.ownerId);
    const kinds = options.mandateOnly ? [DocumentKind.MANDAT] : KINDS_OF_OWNER[owner.kind];
    if (!kinds.includes(upload.kind as DocumentKind)) {
      throw invalidField('kind', upload.kind ? 'not_for_owner' : 'required', `type de pièce attendu parmi : ${kinds.join(', ')}`);
    }
    const type = detectContentType(upload.data);
    if (!type) {
      throw new DomainError(
        ErrorCode.FILE_TYPE_NOT_ALLOWED,
        `Ce fichier n'est pas d'un type accepté (${ACCEPTED_TYPES}) : son contenu a été lu, quel que soit son nom.`,
        { accepted: ACCEPTED_TYPES },
      );
    }
    const { tenantId } = this.db.tenant();
    const document: Document = {
      tenantId,
      id: randomUUID(),
      ownerKind: owner.kind,
      ownerId: owner.id,
      actionId: owner.actionId,
      conventionId: owner.conventionId,
      bilanId: owner.bilanId,
      committeeId: owner.committeeId,
      requiredPieceId: options.requiredPieceId ?? null,
      kind: upload.kind as DocumentKind,
      fileName: cleanFileName(upload.fileName, type),
      contentType: type.mime,
      sizeBytes: upload.data.length,
      sha256: sha256(upload.data),
      uploadedBy: this.db.actor().userId,
      uploadedAt: new Date(),
    };
    await this.storage.put(storageKey(document), upload.data, type.mime);
    try {
      const { uploadedAt: _uploadedAt, ...row } = document;
      await (await this.db.repository(Document)).insert(row);
      const stored = await (await this.db.repository(Document)).findOneOrFail({ id: document.id });
      await this.audit.record({
        operation: 'document.upload',
        entityType: 'Document',
        entityId: stored.id,
        after: this.snapshotOf(stored),
      });
      return stored;
    } catch (error) {
      await this.discard(document);
      throw error;
    }
  }

  /**
   * What a dossier piece's upload must pass before its body is read: the porteur's own dossier, a piece of
   * its call that is editable now (a draft, or reopened by a demande de compléments: FIELD_NOT_REOPENED,
   * DOSSIER_NOT_EDITABLE), no file for it yet (CONFLICT: remove the former first), and the hourly quota.
   */
  async admitDossierPiece(actionId: string, pieceId: string): Promise<void> {
    await this.assertDossierPieceFree(actionId, pieceId);
    await this.assertQuota();
  }

  /** Stores the file of a dossier's piece: the checks of `admitDossierPiece` again, then `upload`'s. */
  async uploadDossierPiece(upload: DossierPieceUpload): Promise<Document> {
    if (upload.data.length > this.config.documents.maxBytes) throw this.tooLarge();
    const action = await this.assertDossierPieceFree(upload.actionId, upload.pieceId);
    return this.upload(
      {
        ownerKind: DocumentOwnerKind.ACTION,
        ownerId: action.id,
        kind: upload.kind ?? DocumentKind.AUTRE,
        fileName: upload.fileName,
        data: upload.data,
      },
      { requiredPieceId: upload.pieceId.toLowerCase() },
    );
  }

  /** Deletes the file of a dossier's piece (the porteur, while the piece is editable); the caller commits, then `removeFile`. */
  async deleteDossierPiece(id: string): Promise<Document> {
    const document = await this.findVisible(id);
    if (!document.requiredPieceId || !document.actionId) throw notFound('Pièce du dossier');
    await this.dossiers.assertPieceEditable(document.actionId, document.requiredPieceId);
    await (await this.db.repository(Document)).delete({ id: document.id });
    await this.audit.record({
      operation: 'document.delete',
      entityType: 'Document',
      entityId: document.id,
      before: this.snapshotOf(document),
      after: null,
    });
    return document;
  }

  private async assertDossierPieceFree(actionId: string, pieceId: string): Promise<{ id: string }> {
    const action = await this.dossiers.assertPieceEditable(actionId, pieceId);
    const existing = await (await this.db.repository(Document)).findOne({ actionId: action.id, requiredPieceId: pieceId.toLowerCase() });
    if (existing) {
      throw conflict(`Un fichier (« ${existing.fileName} ») répond déjà à cette pièce : supprimez-le d'abord pour le remplacer.`);
    }
    return action;
  }

  /** The call's required pieces of a dossier the caller holds, each with the file answering it (or none). */
  async requiredPiecesOf(action: {
    id: string;
    callId: string | null;
  }): Promise<{ piece: CallRequiredPiece; document: Document | null }[]> {
    if (!action.callId) return [];
    const pieces = await (
      await this.db.repository(CallRequiredPiece)
    ).find({ where: { callId: action.callId }, order: { position: 'ASC' } });
    const documents = await this.listOf(DocumentOwnerKind.ACTION, action.id);
    return pieces.map((piece) => ({ piece, document: documents.find((d) => d.requiredPieceId === piece.id) ?? null }));
  }

  /** Removes a stored file whose row will not be committed. */
  async discard(document: Pick<Document, 'tenantId' | 'id'>): Promise<void> {
    await this.storage.delete(storageKey(document)).catch((error: unknown) => {
      this.logger.error(`document ${document.id}: could not remove the file of a document that was not recorded: ${String(error)}`);
    });
  }

  /**
   * Deletes a document's row (audited); the caller commits, then calls `removeFile`. A document cited as the
   * mandate of a vote or a signature is refused with a clear CONFLICT; one cited by a vote committed between
   * this check and the deletion is still kept by the foreign key (without UPDATE on documents, the runtime
   * role cannot lock the row first).
   */
  async delete(id: string): Promise<Document> {
    const document = await this.findVisible(id);
    if (!this.mayEdit(document.ownerKind)) throw forbidden("Vous n'avez pas le droit de supprimer cette pièce.");
    const use = await this.isMandateInUse(document);
    if (use) {
      throw conflict(
        `La pièce « ${document.fileName} » est le mandat ${use.votes > 0 ? "d'un vote enregistré" : "d'une signature enregistrée"} pour le compte d'une organisation : elle ne peut pas être supprimée.`,
      );
    }
    await (await this.db.repository(Document)).delete({ id: document.id });
    await this.audit.record({
      operation: 'document.delete',
      entityType: 'Document',
      entityId: document.id,
      before: this.snapshotOf(document),
      after: null,
    });
    return document;
  }

  /** The file of a deleted document, once its deletion is committed (a failure leaves an orphan file, logged). */
  async removeFile(document: Pick<Document, 'tenantId' | 'id'>): Promise<void> {
    await this.storage.delete(storageKey(document)).catch((error: unknown) => {
      this.logger.error(`document ${document.id}: deleted, but its file could not be removed from the store: ${String(error)}`);
    });
  }

  tooLarge(): DomainError {
    const max = this.config.documents.maxBytes;
    return new DomainError(
      ErrorCode.FILE_TOO_LARGE,
      `Ce fichier dépasse la taille maximale d'une pièce (${formatBytes(max)}) : il n'a pas été enregistré.`,
      { maxBytes: max },
    );
  }

  // ------------------------------------------------------------------ access

  /** A document whose owner the caller may see; any other (another tenant's, a hidden owner's) is not found. */
  private async findVisible(id: string): Promise<Document> {
    const document = await (await this.db.repository(Document)).findOne({ id: id.toLowerCase() });
    if (!document) throw notFound('Document');
    await this.visibleOwner(document.ownerKind, document.ownerId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === ErrorCode.NOT_FOUND ? notFound('Document') : error;
    });
    return document;
  }

  /** The owner, by the owner's own visibility rule, or NOT_FOUND. */
  private async visibleOwner(kind: DocumentOwnerKind, id: string): Promise<Owner> {
    switch (kind) {
      case DocumentOwnerKind.ACTION: {
        const action = await this.actions.findVisible(id);
        return { kind, id: action.id, actionId: action.id, conventionId: null, bilanId: null, committeeId: null };
      }
      case DocumentOwnerKind.CONVENTION: {
        const convention = await this.conventions.findVisible(id);
        return { kind, id: convention.id, actionId: convention.actionId, conventionId: convention.id, bilanId: null, committeeId: null };
      }
      case DocumentOwnerKind.BILAN: {
        const bilan = await (await this.db.repository(BilanReceipt)).findOne({ id: id.toLowerCase() });
        if (!bilan) throw notFound('Bilan');
        // A bilan is seen by whoever sees its action.
        await this.actions.findVisible(bilan.actionId).catch(() => {
          throw notFound('Bilan');
        });
        return { kind, id: bilan.id, actionId: bilan.actionId, conventionId: null, bilanId: bilan.id, committeeId: null };
      }
      case DocumentOwnerKind.COMMITTEE: {
        const committee = await this.committees.findVisible(id);
        return { kind, id: committee.id, actionId: null, conventionId: null, bilanId: null, committeeId: committee.id };
      }
    }
  }

  /** What the audit trail keeps of a document: its metadata, never its content. */
  private snapshotOf(d: Document): Record<string, unknown> {
    return {
      requiredPieceId: d.requiredPieceId,
      ownerKind: d.ownerKind,
      ownerId: d.ownerId,
      actionId: d.actionId,
      kind: d.kind,
      fileName: d.fileName,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedBy: d.uploadedBy,
    };
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`.replace('.', ',');
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${bytes} octets`;
}
