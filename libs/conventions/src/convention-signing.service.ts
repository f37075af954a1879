import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ACTION_STATUS_LABELS, ActionService, ActionStatus, BOUND_STATUSES } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, forbidden, invalidField } from '@pilotis/shared';

import { Convention, ConventionSignature, ConventionStatus, ConventionVersion } from './convention.entity';
import { SignConventionInput } from './convention.inputs';
import { ConventionService } from './convention.service';
import { DRAFTABLE, lockConventionAction } from './convention-action';
import { SignatoryMandates } from './signatory-mandates';
import { SignatureMandate } from './signature-on-behalf';

/**
 * Signatures of a convention by the representatives of each signatory organisation, or recorded « pour le
 * compte de » one without an account: under the convention's row lock, on the hash of the version in force,
 * in order when signing is sequential; the last one binds the co-funding and makes the action conventionnée.
 */
@Injectable()
export class ConventionSigning {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly actions: ActionService,
    private readonly mandates: SignatoryMandates,
    private readonly conventions: ConventionService,
  ) {}

  /**
   * Signs the version in force for the caller's organisation or, with a mandate, « pour le compte de » a
   * signatory without an account (`SignatureOnBehalfService`, which checks the mandate's fields first): the
   * same path — the same hash of the same stored text, the same order and completion —, after the checks of
   * the represented organisation and its mandate (`SignatoryMandates`). Audited `convention.sign` or
   * `convention.sign_on_behalf`.
   */
  async sign(input: SignConventionInput, mandate: SignatureMandate | null = null): Promise<Convention> {
    const scope = this.db.tenant();
    const actor = this.db.actor();
    // The row lock serialises the signatures of one convention: the last one sees every other and closes it.
    const convention = await this.conventions.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est annulée : elle ne se signe plus.');
    const version = await this.conventions.currentVersion(convention.id);
    this.conventions.assertTextIntact(version);
    const signatories = await this.conventions.signatories(version.id);
    const organisationId = mandate ? mandate.organisationId : scope.organisationId;
    const mine = organisationId ? signatories.find((s) => s.organisationId === organisationId) : undefined;
    if (!mine) {
      if (mandate)
        throw invalidField('organisationId', 'not_a_signatory', "cette organisation n'est pas signataire de la version en vigueur");
      throw forbidden(
        "Vous ne représentez aucune organisation signataire de cette convention : vous ne pouvez signer que pour l'organisation de votre adhésion.",
      );
    }
    if (mandate) await this.mandates.check(convention.id, mine.organisationId, mandate);
    const hash = input.versionHash.trim().toLowerCase();
    if (hash !== version.hash) {
      const old = await (await this.db.repository(ConventionVersion)).findOne({ conventionId: convention.id, hash });
      if (old) {
        throw new DomainError(
          ErrorCode.VERSION_SUPERSEDED,
          `La version ${old.number} a été remplacée par la version ${version.number} (avenant) : relisez et signez la version en vigueur.`,
        );
      }
      throw invalidField('versionHash', 'mismatch', "cette empreinte n'est celle d'aucune version de la convention");
    }
    const signatures = await this.conventions.signatures(version.id);
    if (signatures.some((s) => s.organisationId === mine.organisationId)) {
      throw new DomainError(
        ErrorCode.ALREADY_SIGNED,
        `${mandate ? 'Cette' : 'Votre'} organisation a déjà signé cette version de la convention.`,
      );
    }
    if (convention.sequential) {
      const signed = new Set(signatures.map((s) => s.organisationId));
      const waiting = signatories.filter((s) => s.position < mine.position && !signed.has(s.organisationId));
      if (waiting.length > 0) {
        throw new DomainError(
          ErrorCode.NOT_YOUR_TURN,
          `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant ${mandate ? 'cette' : 'votre'} organisation (rang ${mine.position}).`,
        );
      }
    }
    const signatureId = randomUUID();
    await (
      await this.db.repository(ConventionSignature)
    ).insert({
      id: signatureId,
      versionId: version.id,
      organisationId: mine.organisationId,
      signedByUserId: actor.userId,
      hash: version.hash,
      onBehalf: mandate !== null,
      signerName: mandate?.signerName ?? null,
      signerQuality: mandate?.signerQuality ?? null,
      mandateAuthor: mandate?.author ?? null,
      mandateDocumentId: mandate?.documentId ?? null,
    });
    const signedCount = signatures.length + 1;
    const complete = signedCount === signatories.length;
    const status = complete ? ConventionStatus.SIGNEE : ConventionStatus.EN_SIGNATURE;
    await (await this.db.repository(Convention)).update({ id: convention.id }, { status, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: mandate ? 'convention.sign_on_behalf' : 'convention.sign',
      entityType: 'Convention',
      entityId: convention.id,
      before: { status: convention.status, signedCount: signatures.length },
      after: {
        status,
        signatureId,
        versionId: version.id,
        versionNumber: version.number,
        organisationId: mine.organisationId,
        role: mine.role,
        hash: version.hash,
        signedCount,
        signatoryCount: signatories.length,
        ...(mandate && {
          onBehalf: {
            recordedBy: actor.userId,
            signerName: mandate.signerName,
            signerQuality: mandate.signerQuality,
            mandateAuthor: mandate.author,
            mandateDocumentId: mandate.documentId,
          },
        }),
      },
    });
    if (complete) {
      await this.markActionConventionnee(convention.actionId);
      // Funders' systems and reminders learn that the co-funding is bound (relayed by the worker).
      await this.outbox.publish('convention.signed', {
        conventionId: convention.id,
        actionId: convention.actionId,
        versionId: version.id,
        versionNumber: version.number,
        hash: version.hash,
        signatoryCount: signatories.length,
      });
    }
    return await this.conventions.get(convention.id);
  }

  /**
   * All signed: the action becomes conventionnée, in this transaction. An avenant signed on an action
   * already bound (conventionnée, en cours, bilan attendu) changes no status.
   */
  private async markActionConventionnee(actionId: string): Promise<void> {
    const action = await lockConventionAction(this.db, actionId);
    if (BOUND_STATUSES.has(action.status)) return;
    if (!DRAFTABLE.has(action.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : elle ne peut pas devenir conventionnée.`,
      );
    }
    await this.actions.applyDecidedTransition(action, ActionStatus.CONVENTIONNEE, {
      comment: 'Convention signée par tous les signataires.',
    });
  }
}
