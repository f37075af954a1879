import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Db, groupBy, requestLoader } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, invalidField } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionSignature, ConventionStatus, ConventionVersion } from './convention.entity';
import { SignConventionOnBehalfInput } from './convention.inputs';
import { ConventionSigning } from './convention-signing.service';
import { CONVENTIONS_SQL } from './conventions.sql';
import { SignatoryMandates } from './signatory-mandates';

const REFUSALS_BY_VERSION = Symbol('conventions.onBehalfRefusalsByVersion');

/** Signatures recorded « pour le compte de » a signatory organisation without an account, on its mandate. */
@Injectable()
export class SignatureOnBehalfService {
  constructor(
    private readonly db: Db,
    private readonly mandates: SignatoryMandates,
    private readonly signing: ConventionSigning,
    private readonly cls: ClsService,
  ) {}

  /**
   * Records the signature of a signatory without an account (`signConventionOnBehalf`): the signer's name
   * and quality, the mandate's author and scan are required; then the path of every signature
   * (`ConventionSigning.sign`), which checks the organisation and the mandate under the convention's lock.
   */
  async sign(input: SignConventionOnBehalfInput): Promise<Convention> {
    const required = (field: string, value: string | null | undefined, what: string): string => {
      const text = value?.trim() ?? '';
      if (!text) throw invalidField(field, 'required', `${what} est obligatoire`);
      return text;
    };
    return this.signing.sign(input, {
      organisationId: input.organisationId.toLowerCase(),
      signerName: required('signerName', input.signerName, 'le nom du signataire'),
      signerQuality: required('signerQuality', input.signerQuality, 'la qualité du signataire'),
      author: required('mandateAuthor', input.mandateAuthor, "l'auteur du mandat"),
      documentId: required('mandateDocumentId', input.mandateDocumentId, 'le mandat (scan)').toLowerCase(),
    });
  }

  /**
   * Why the caller may not record a signature for this signatory now, or null when it may
   * (`ConventionSignatory.viewerMaySignOnBehalf`): the checks of `sign` but the mandate, read without locks
   * (a hint for the screen; the signature checks again). A page of conventions asks it of every signatory
   * of every version: the versions asked in one turn are answered together, with one query per table.
   */
  async refusal(signatory: ConventionSignatory): Promise<DomainError | null> {
    const loader = requestLoader(this.cls, REFUSALS_BY_VERSION, (versionIds: string[]) => this.refusalsOfVersions(versionIds));
    const refusals = await loader.load(signatory.versionId);
    const refusal = refusals?.get(signatory.organisationId);
    if (refusal === undefined) throw new Error(`Signatory ${signatory.organisationId} not found on version ${signatory.versionId}`);
    return refusal;
  }

  /** Per version, each signatory's refusal (by organisation id), in the order `sign` checks them. */
  private async refusalsOfVersions(versionIds: string[]): Promise<Map<string, Map<string, DomainError | null>>> {
    const versions = await (await this.db.repository(ConventionVersion)).find({ where: { id: In(versionIds) } });
    const conventionIds = [...new Set(versions.map((v) => v.conventionId))];
    const conventions = new Map(
      (await (await this.db.repository(Convention)).find({ where: { id: In(conventionIds) } })).map((c) => [c.id, c]),
    );
    const current = new Set(
      (await this.db.query<{ id: string }>(CONVENTIONS_SQL.currentVersionIds, [this.db.tenant().tenantId, conventionIds])).map((r) => r.id),
    );
    const signatoriesOf = groupBy(
      await (await this.db.repository(ConventionSignatory)).find({ where: { versionId: In(versionIds) }, order: { position: 'ASC' } }),
      (s) => s.versionId,
    );
    const signedOf = groupBy(
      await (await this.db.repository(ConventionSignature)).find({ where: { versionId: In(versionIds) } }),
      (s) => s.versionId,
    );
    const organisations = await this.mandates.organisations([...new Set([...signatoriesOf.values()].flat().map((s) => s.organisationId))]);

    const answer = new Map<string, Map<string, DomainError | null>>();
    for (const version of versions) {
      const convention = conventions.get(version.conventionId) as Convention;
      const signatories = signatoriesOf.get(version.id) ?? [];
      const signed = new Set((signedOf.get(version.id) ?? []).map((s) => s.organisationId));
      const refusalOf = (signatory: ConventionSignatory): DomainError | null => {
        const refusal = this.mandates.refusal(organisations.get(signatory.organisationId));
        if (refusal) return refusal;
        if (convention.status === ConventionStatus.ANNULEE) return conflict('La convention est annulée : elle ne se signe plus.');
        if (!current.has(version.id)) return new DomainError(ErrorCode.VERSION_SUPERSEDED, 'Cette version a été remplacée par un avenant.');
        if (signed.has(signatory.organisationId)) {
          return new DomainError(ErrorCode.ALREADY_SIGNED, 'Cette organisation a déjà signé cette version de la convention.');
        }
        if (convention.sequential) {
          const waiting = signatories.filter((s) => s.position < signatory.position && !signed.has(s.organisationId));
          if (waiting.length > 0) {
            return new DomainError(
              ErrorCode.NOT_YOUR_TURN,
              `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant.`,
            );
          }
        }
        return null;
      };
      answer.set(version.id, new Map(signatories.map((s) => [s.organisationId, refusalOf(s)])));
    }
    return answer;
  }
}
