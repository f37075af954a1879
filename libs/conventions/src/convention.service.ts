import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';

import { visibleActionSql } from '@pilotis/access';
import { Action, ActionReferences, escapeLike } from '@pilotis/actions';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { decodeCursor, DomainError, ErrorCode, invalidField, notFound, type Page, toPage } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionSignature, ConventionStatus, ConventionVersion } from './convention.entity';
import { ConventionsArgs } from './convention.inputs';
import { conventionHash } from './convention-text';
import { CONVENTIONS_SQL } from './conventions.sql';

/** A signature as the convention's document shows it: who signed, for which organisation, when, what. */
export interface DocumentSignature {
  id: string;
  organisationId: string;
  organisationName: string;
  signerName: string;
  signedAt: Date;
  /** Recorded « pour le compte de » the organisation: who recorded it and on whose mandate (the signer is `signerName`). */
  onBehalf: { recordedByName: string; signerQuality: string; mandateAuthor: string } | null;
  hash: string;
}

/** One version of a convention with everything its document prints: the signed text, the parties, the signatures. */
export interface ConventionDocument {
  conventionId: string;
  status: ConventionStatus;
  actionReference: string;
  version: ConventionVersion;
  signatories: (ConventionSignatory & { organisationName: string })[];
  signatures: DocumentSignature[];
}

/**
 * Conventions de financement as the caller may read them: the list and its filters, one convention (locked
 * for the writers that change it), its versions, signatories and signatures, a version's text and document,
 * and the check that a stored text still matches its hash. Drafting and avenants are `ConventionDrafting`'s,
 * signatures `ConventionSigning`'s. Rows are read through the repositories; what joins several tables (the
 * visible conventions, the signed version, a document's signatures) is CONVENTIONS_SQL's.
 */
@Injectable()
export class ConventionService {
  private readonly logger = new Logger(ConventionService.name);

  constructor(
    private readonly db: Db,
    private readonly references: ActionReferences,
  ) {}

  // ------------------------------------------------------------------ reads

  /**
   * The visible conventions, filtered, by increasing action number (one convention per action: the number
   * is the keyset).
   */
  async list(args: ConventionsArgs): Promise<Page<Convention>> {
    const { sql, params } = this.visibleSql();
    const f = args.filter ?? {};
    const param = (value: unknown): number => params.push(value);
    const conditions: string[] = [];
    if (f.actionId) conditions.push(`c.action_id = $${param(f.actionId.toLowerCase())}`);
    if (f.contratId) {
      const contratId = f.contratId.toLowerCase();
      // Another territory's contract (or none) is refused rather than answered with an empty list.
      if (!(await this.references.contractYears(contratId))) throw notFound('Contrat');
      conditions.push(CONVENTIONS_SQL.filter.contrat(param(contratId)));
    }
    if (f.status && f.status.length > 0) conditions.push(`c.status = any($${param(f.status)}::text[])`);
    const hasFunder = f.funderId !== undefined && f.funderId !== null;
    const hasYear = f.exerciseYear !== undefined && f.exerciseYear !== null;
    if (hasFunder || hasYear) {
      const funder = hasFunder ? param((f.funderId as string).toLowerCase()) : null;
      const year = hasYear ? param(f.exerciseYear) : null;
      conditions.push(CONVENTIONS_SQL.filter.grantedLine(funder, year));
    }
    const search = f.search?.trim();
    if (search) conditions.push(CONVENTIONS_SQL.filter.search(param(`%${escapeLike(search)}%`)));
    if (f.awaitingMySignature !== undefined && f.awaitingMySignature !== null) {
      // Without an organisation, nothing awaits the caller's signature.
      const awaiting = CONVENTIONS_SQL.filter.awaitingSignatureOf(param(this.db.tenant().organisationId));
      conditions.push(f.awaitingMySignature ? `coalesce(${awaiting}, false)` : `not coalesce(${awaiting}, false)`);
    }
    if (args.after) {
      const [afterNumber] = decodeCursor(args.after, 1);
      if (typeof afterNumber !== 'number' || !Number.isInteger(afterNumber)) {
        throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
      }
      conditions.push(`a.number > $${param(afterNumber)}`);
    }
    const rows = await this.db.query<{ id: string; number: number }>(
      `${sql.replace('select c.id', 'select c.id, a.number')} ${conditions.map((c) => `and ${c}`).join(' ')} order by a.number limit $${param(args.first + 1)}`,
      params,
    );
    const page = toPage(rows, args.first, (r) => [r.number]);
    const conventions = new Map((await this.byIds(page.nodes.map((r) => r.id))).map((c) => [c.id, c]));
    return { nodes: page.nodes.map((r) => conventions.get(r.id) as Convention), pageInfo: page.pageInfo };
  }

  /** A convention the caller may see, or NOT_FOUND. */
  async findVisible(id: string, lock = false): Promise<Convention> {
    const { sql, params } = this.visibleSql();
    params.push(id.toLowerCase());
    const [row] = await this.db.query<{ id: string }>(`${sql} and c.id = $${params.length} ${lock ? 'for update of c' : ''}`, params);
    if (!row) throw notFound('Convention');
    const [convention] = await this.byIds([row.id]);
    return convention;
  }

  async currentVersion(conventionId: string): Promise<ConventionVersion> {
    const version = await (await this.db.repository(ConventionVersion)).findOne({ conventionId }, { order: { number: 'DESC' } });
    if (!version) throw new Error(`Convention ${conventionId} without a version`);
    return version;
  }

  async signatories(versionId: string): Promise<ConventionSignatory[]> {
    return (await this.db.repository(ConventionSignatory)).find({ where: { versionId }, order: { position: 'ASC' } });
  }

  async signatures(versionId: string): Promise<ConventionSignature[]> {
    return (await this.db.repository(ConventionSignature)).find({ where: { versionId }, order: { signedAt: 'ASC', id: 'ASC' } });
  }

  /** The canonical text of a version of a convention the caller may see. */
  async text(versionId: string): Promise<string> {
    const version = await (await this.db.repository(ConventionVersion)).findOne({ id: versionId.toLowerCase() });
    if (!version) throw notFound('Version de convention');
    await this.findVisible(version.conventionId).catch(() => {
      throw notFound('Version de convention');
    });
    return version.text;
  }

  /**
   * A version of a visible convention (the one in force when `versionNumber` is omitted) with what its
   * document prints. NOT_FOUND for a convention the caller may not see or a version it does not have.
   */
  async document(conventionId: string, versionNumber?: number | null): Promise<ConventionDocument> {
    const convention = await this.findVisible(conventionId);
    const versions = await this.db.repository(ConventionVersion);
    const version =
      versionNumber == null
        ? await this.currentVersion(convention.id)
        : await versions.findOne({ conventionId: convention.id, number: versionNumber });
    if (!version) throw notFound('Version de convention');
    this.assertTextIntact(version);
    const action = await (await this.db.repository(Action)).findOneOrFail({ id: convention.actionId });
    const signatories = await this.signatories(version.id);
    const names = new Map(
      (await (await this.db.repository(Organisation)).find({ where: { id: In(signatories.map((s) => s.organisationId)) } })).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const signatures = await this.db.query<{
      id: string;
      organisation_id: string;
      organisation_name: string;
      signer_name: string;
      signed_at: Date;
      hash: string;
      on_behalf: boolean;
      recorded_by_name: string;
      signer_quality: string | null;
      mandate_author: string | null;
    }>(CONVENTIONS_SQL.documentSignatures, [this.tenantId(), version.id]);
    return {
      conventionId: convention.id,
      status: convention.status,
      actionReference: action.reference,
      version,
      signatories: signatories.map((s) => Object.assign(s, { organisationName: names.get(s.organisationId) ?? '' })),
      signatures: signatures.map((g) => ({
        id: g.id,
        organisationId: g.organisation_id,
        organisationName: g.organisation_name,
        signerName: g.signer_name,
        signedAt: g.signed_at,
        hash: g.hash,
        onBehalf: g.on_behalf
          ? { recordedByName: g.recorded_by_name, signerQuality: g.signer_quality ?? '', mandateAuthor: g.mandate_author ?? '' }
          : null,
      })),
    };
  }

  /** The number of the last version signed by every one of its signatories, or null. */
  async signedVersionNumber(conventionId: string): Promise<number | null> {
    const [row] = await this.db.query<{ number: number | null }>(CONVENTIONS_SQL.signedVersionNumber, [this.tenantId(), conventionId]);
    return row?.number ?? null;
  }

  /** A convention by id, as just written (no visibility check: the caller has just found or written it). */
  async get(id: string): Promise<Convention> {
    return (await this.byIds([id]))[0];
  }

  /**
   * The stored text of a version still hashes to its recorded hash: what is printed or signed is what was
   * hashed at drafting. A row altered directly in the database (its text, not its hash, which the audit
   * chain also holds) is refused rather than printed or signed under a hash it no longer has.
   */
  assertTextIntact(version: Pick<ConventionVersion, 'id' | 'number' | 'text' | 'hash'>): void {
    if (conventionHash(version.text) === version.hash) return;
    this.logger.error(`convention version ${version.id} no longer matches its hash`);
    throw new DomainError(
      ErrorCode.TEXT_INTEGRITY,
      `Le texte enregistré de la version ${version.number} ne correspond plus à son empreinte : il n'est ni imprimé ni signé. Prévenez l'administrateur.`,
    );
  }

  /**
   * The visible conventions, as SQL: a funder's representative sees those of actions its organisation
   * funds, a porteur's representative only those of its own actions, anyone else all of the tenant's.
   */
  private visibleSql(): { sql: string; params: unknown[] } {
    const scope = this.db.tenant();
    const params: unknown[] = [scope.tenantId, scope.organisationId];
    const sql = CONVENTIONS_SQL.visibleConventionIds(visibleActionSql(scope, '$2'));
    return { sql, params };
  }

  private async byIds(ids: string[]): Promise<Convention[]> {
    if (ids.length === 0) return [];
    return (await this.db.repository(Convention)).find({ where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private tenantId(): string {
    return this.db.tenant().tenantId;
  }
}
