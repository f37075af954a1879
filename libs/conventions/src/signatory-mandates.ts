import { Injectable } from '@nestjs/common';

import { onBehalfRoleRefusal } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { forbidden, invalidField, notFound, organisationHasAccount } from '@pilotis/shared';

import { ON_BEHALF_SQL, SignatureMandate } from './signature-on-behalf';

/**
 * The checks of a signature « pour le compte de » that concern the represented organisation and the
 * mandate, shared by the signature itself (`ConventionService.sign`, under the convention's lock) and the
 * rule served to the screen (`SignatureOnBehalfService.refusal`, without the mandate).
 */
@Injectable()
export class SignatoryMandates {
  constructor(private readonly db: Db) {}

  /**
   * Who may record for whom (`onBehalfRoleRefusal`), the organisation has no account
   * (ORGANISATION_HAS_ACCOUNT) and, when given, the mandate is a MANDAT document of this convention.
   */
  async check(conventionId: string, organisationId: string, mandate: SignatureMandate | null): Promise<void> {
    const scope = this.db.tenant();
    const [organisation] = await this.db.query<{ name: string; kind: string; has_account: boolean }>(ON_BEHALF_SQL.organisation, [
      scope.tenantId,
      organisationId,
    ]);
    if (!organisation) throw notFound('Organisation');
    const role = onBehalfRoleRefusal(scope, organisation.kind);
    if (role) throw forbidden(role);
    if (organisation.has_account) throw organisationHasAccount(organisation.name);
    if (!mandate) return;
    const [document] = await this.db.query(ON_BEHALF_SQL.conventionMandate, [scope.tenantId, mandate.documentId, conventionId]);
    if (!document) {
      throw invalidField(
        'mandateDocumentId',
        'not_a_mandate_of_this_convention',
        'le mandat doit être une pièce de type MANDAT jointe à cette convention',
      );
    }
  }
}
