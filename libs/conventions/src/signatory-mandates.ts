import { Injectable } from '@nestjs/common';

import { onBehalfRoleRefusal } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { DomainError, forbidden, invalidField, notFound, organisationHasAccount } from '@pilotis/shared';

import { ON_BEHALF_SQL, SignatureMandate } from './signature-on-behalf';

/**
 * The checks of a signature « pour le compte de » that concern the represented organisation and the
 * mandate, shared by the signature itself (`ConventionSigning.sign`, under the convention's lock) and the
 * rule served to the screen (`SignatureOnBehalfService.refusal`, without the mandate).
 */
/** An organisation as the on-behalf rule reads it. */
export interface MandatedOrganisation {
  id: string;
  name: string;
  kind: string;
  has_account: boolean;
}

@Injectable()
export class SignatoryMandates {
  constructor(private readonly db: Db) {}

  /** The organisations among `ids` of the caller's tenant, by id (one query for a whole list of signatories). */
  async organisations(ids: string[]): Promise<Map<string, MandatedOrganisation>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<MandatedOrganisation>(ON_BEHALF_SQL.organisations, [this.db.tenant().tenantId, ids]);
    return new Map(rows.map((o) => [o.id, o]));
  }

  /**
   * Why the caller may not record for this organisation (`onBehalfRoleRefusal`, ORGANISATION_HAS_ACCOUNT),
   * or null: the part of the rule that does not depend on the mandate.
   */
  refusal(organisation: MandatedOrganisation | undefined): DomainError | null {
    if (!organisation) return notFound('Organisation');
    const role = onBehalfRoleRefusal(this.db.tenant(), organisation.kind);
    if (role) return forbidden(role);
    if (organisation.has_account) return organisationHasAccount(organisation.name);
    return null;
  }

  /**
   * Who may record for whom, the organisation has no account and, when given, the mandate is a MANDAT
   * document of this convention; throws the first refusal.
   */
  async check(conventionId: string, organisationId: string, mandate: SignatureMandate | null): Promise<void> {
    const refusal = this.refusal((await this.organisations([organisationId])).get(organisationId));
    if (refusal) throw refusal;
    if (!mandate) return;
    const [document] = await this.db.query(ON_BEHALF_SQL.conventionMandate, [this.db.tenant().tenantId, mandate.documentId, conventionId]);
    if (!document) {
      throw invalidField(
        'mandateDocumentId',
        'not_a_mandate_of_this_convention',
        'le mandat doit être une pièce de type MANDAT jointe à cette convention',
      );
    }
  }
}
