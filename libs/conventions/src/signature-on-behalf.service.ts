import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, invalidField } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionStatus, ConventionVersion } from './convention.entity';
import { SignConventionOnBehalfInput } from './convention.inputs';
import { ConventionService } from './convention.service';
import { SignatoryMandates } from './signatory-mandates';

/** Signatures recorded « pour le compte de » a signatory organisation without an account, on its mandate. */
@Injectable()
export class SignatureOnBehalfService {
  constructor(
    private readonly db: Db,
    private readonly conventions: ConventionService,
    private readonly mandates: SignatoryMandates,
  ) {}

  /**
   * Records the signature of a signatory without an account (`signConventionOnBehalf`): the signer's name
   * and quality, the mandate's author and scan are required; then the path of every signature
   * (`ConventionService.sign`), which checks the organisation and the mandate under the convention's lock.
   */
  async sign(input: SignConventionOnBehalfInput): Promise<Convention> {
    const required = (field: string, value: string | null | undefined, what: string): string => {
      const text = value?.trim() ?? '';
      if (!text) throw invalidField(field, 'required', `${what} est obligatoire`);
      return text;
    };
    return this.conventions.sign(input, {
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
   * (a hint for the screen; the signature checks again).
   */
  async refusal(signatory: ConventionSignatory): Promise<DomainError | null> {
    const version = await (await this.db.repository(ConventionVersion)).findOneOrFail({ id: signatory.versionId });
    const convention = await (await this.db.repository(Convention)).findOneOrFail({ id: version.conventionId });
    try {
      await this.mandates.check(convention.id, signatory.organisationId, null);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    if (convention.status === ConventionStatus.ANNULEE) return conflict('La convention est annulée : elle ne se signe plus.');
    if ((await this.conventions.currentVersion(convention.id)).id !== version.id) {
      return new DomainError(ErrorCode.VERSION_SUPERSEDED, 'Cette version a été remplacée par un avenant.');
    }
    const signatures = await this.conventions.signatures(version.id);
    if (signatures.some((s) => s.organisationId === signatory.organisationId)) {
      return new DomainError(ErrorCode.ALREADY_SIGNED, 'Cette organisation a déjà signé cette version de la convention.');
    }
    if (convention.sequential) {
      const signed = new Set(signatures.map((s) => s.organisationId));
      const waiting = (await this.conventions.signatories(version.id)).filter(
        (s) => s.position < signatory.position && !signed.has(s.organisationId),
      );
      if (waiting.length > 0) {
        return new DomainError(ErrorCode.NOT_YOUR_TURN, `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant.`);
      }
    }
    return null;
  }
}
