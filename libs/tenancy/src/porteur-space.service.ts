import { Injectable } from '@nestjs/common';

import { Role } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { Organisation, OrganisationIdentityInput, OrganisationService, PORTEUR_KINDS } from '@pilotis/organisations';
import { invalidField, notFound } from '@pilotis/shared';

import { Membership } from './membership.entity';

/**
 * A porteur's own space in a territory: its organisation's identity and the colleagues who share it.
 * Everything is the caller's membership's organisation; no argument ever names another.
 */
@Injectable()
export class PorteurSpaceService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationService,
  ) {}

  myOrganisation(): Promise<Organisation> {
    return this.organisations.get(this.ownOrganisation());
  }

  /**
   * Declares (SIRET required, set once) or updates the identity of the caller's organisation. A funder's
   * kind is refused: a porteur's form cannot turn it into a funder.
   */
  async updateMine(input: OrganisationIdentityInput, declare: boolean): Promise<Organisation> {
    if (input.kind !== undefined && !PORTEUR_KINDS.has(input.kind)) {
      throw invalidField('kind', 'not_a_porteur_kind', 'nature réservée aux financeurs : choisissez celle de votre organisation');
    }
    return this.organisations.updateIdentity(this.ownOrganisation(), input, declare);
  }

  /** The live members who represent the caller's organisation, by name. */
  async colleagues(): Promise<Membership[]> {
    // A query builder for the ordering by the joined account's name, which find options cannot say.
    return (await this.db.repository(Membership))
      .queryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .andWhere('m.organisationId = :org', { org: this.ownOrganisation() })
      .andWhere('m.role = :role', { role: Role.PORTEUR_REPRESENTATIVE })
      .andWhere('m.revokedAt IS NULL')
      .orderBy('u.displayName')
      .addOrderBy('u.email')
      .getMany();
  }

  private ownOrganisation(): string {
    const organisationId = this.db.tenant().organisationId;
    // A bound membership that names no organisation has no space (the role allows it; there is nothing to show).
    if (!organisationId) throw notFound('Organisation');
    return organisationId;
  }
}
