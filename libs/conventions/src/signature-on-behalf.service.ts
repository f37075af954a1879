import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

import { Db, requestLoader } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, invalidField } from '@pilotis/shared';

import { Convention, ConventionSignatory, ConventionStatus, ConventionVersion } from './convention.entity';
import { SignConventionOnBehalfInput } from './convention.inputs';
import { ConventionService } from './convention.service';
import { ConventionSigning } from './convention-signing.service';
import { SignatoryMandates } from './signatory-mandates';

const REFUSALS_BY_VERSION = Symbol('conventions.onBehalfRefusalsByVersion');

/** Signatures recorded « pour le compte de » a signatory organisation without an account, on its mandate. */
@Injectable()
export class SignatureOnBehalfService {
  constructor(
    private readonly db: Db,
    private readonly conventions: ConventionService,
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
   * (a hint for the screen; the signature checks again). Computed once per version for all its signatories
   * (a page of conventions asks it of every signatory): a few queries per version, not per signatory.
   */
  async refusal(signatory: ConventionSignatory): Promise<DomainError | null> {
    const loader = requestLoader(this.cls, REFUSALS_BY_VERSION, async (versionIds: string[]) => {
      const byVersion = new Map<string, Map<string, DomainError | null>>();
      for (const versionId of versionIds) byVersion.set(versionId, await this.refusalsOfVersion(versionId));
      return byVersion;
    });
    const refusals = await loader.load(signatory.versionId);
    const refusal = refusals?.get(signatory.organisationId);
    if (refusal === undefined) throw new Error(`Signatory ${signatory.organisationId} not found on version ${signatory.versionId}`);
    return refusal;
  }

  /** Each signatory's refusal (by organisation id), in the order `sign` checks them. */
  private async refusalsOfVersion(versionId: string): Promise<Map<string, DomainError | null>> {
    const version = await (await this.db.repository(ConventionVersion)).findOneOrFail({ id: versionId });
    const convention = await (await this.db.repository(Convention)).findOneOrFail({ id: version.conventionId });
    const superseded = (await this.conventions.currentVersion(convention.id)).id !== version.id;
    const signatories = await this.conventions.signatories(version.id);
    const signed = new Set((await this.conventions.signatures(version.id)).map((s) => s.organisationId));
    const organisations = await this.mandates.organisations(signatories.map((s) => s.organisationId));
    const refusalOf = (signatory: ConventionSignatory): DomainError | null => {
      const refusal = this.mandates.refusal(organisations.get(signatory.organisationId));
      if (refusal) return refusal;
      if (convention.status === ConventionStatus.ANNULEE) return conflict('La convention est annulée : elle ne se signe plus.');
      if (superseded) return new DomainError(ErrorCode.VERSION_SUPERSEDED, 'Cette version a été remplacée par un avenant.');
      if (signed.has(signatory.organisationId)) {
        return new DomainError(ErrorCode.ALREADY_SIGNED, 'Cette organisation a déjà signé cette version de la convention.');
      }
      if (convention.sequential) {
        const waiting = signatories.filter((s) => s.position < signatory.position && !signed.has(s.organisationId));
        if (waiting.length > 0) {
          return new DomainError(ErrorCode.NOT_YOUR_TURN, `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant.`);
        }
      }
      return null;
    };
    return new Map(signatories.map((s) => [s.organisationId, refusalOf(s)]));
  }
}
