import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Not } from 'typeorm';

import { organisationHasAccountSql } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db, requestLoader } from '@pilotis/db';
import { compactIdentifier, conflict, decodeCursor, invalidField, isValidSiret, notFound, Page, toPage } from '@pilotis/shared';

import { Organisation } from './organisation.entity';
import { CreateOrganisationInput, OrganisationsArgs, UpdateOrganisationInput } from './organisation.inputs';

const HAS_ACCOUNT = Symbol('organisations.hasAccount');

/** Which of the organisations $2 of the tenant $1 have an account (the rule of `organisationHasAccountSql`). */
const HAS_ACCOUNT_SQL = `select o.id, ${organisationHasAccountSql('o.tenant_id', 'o.id')} as has_account
       from organisations o where o.tenant_id = $1 and o.id = any($2::uuid[])`;

/** Makes user text match itself literally in a LIKE pattern (`%` and `_` are wildcards there). */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SIRET as stored: digits only, checksum verified; blank means "no SIRET". */
function normaliseSiret(raw: string | null | undefined): string | null {
  const siret = compactIdentifier(raw ?? '');
  if (!siret) return null;
  if (!isValidSiret(siret)) throw invalidField('siret', 'invalid_siret', 'SIRET invalide (14 chiffres, clé de contrôle)');
  return siret;
}

@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /**
   * Whether each organisation has an account in the territory (a live membership bound to it: its people
   * vote and sign themselves; otherwise a vote or a signature is recorded « pour le compte de » it),
   * batched per request.
   */
  async hasAccount(organisationId: string): Promise<boolean> {
    const loader = requestLoader(this.cls, HAS_ACCOUNT, async (ids: string[]) => {
      const rows = await this.db.query<{ id: string; has_account: boolean }>(HAS_ACCOUNT_SQL, [this.db.tenant().tenantId, ids]);
      return new Map(rows.map((r) => [r.id, r.has_account]));
    });
    return (await loader.load(organisationId)) ?? false;
  }

  /** The tenant's partners by name, then id (the keyset of the cursor). */
  async list(args: OrganisationsArgs): Promise<Page<Organisation>> {
    // A query builder: an escaped ILIKE search and a row-value keyset, which find options cannot say.
    const qb = (await this.db.repository(Organisation))
      .queryBuilder('o')
      .orderBy('o.name')
      .addOrderBy('o.id')
      .take(args.first + 1);
    if (args.kind) qb.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.search) qb.andWhere(`o.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(args.search)}%` });
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      qb.andWhere('(o.name, o.id) > (:name, :id)', { name: String(name), id: String(id) });
    }
    return toPage(await qb.getMany(), args.first, (o) => [o.name, o.id]);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await (await this.db.repository(Organisation)).findOne({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    const siret = normaliseSiret(input.siret);
    await this.assertSiretFree(siret, null);
    const id = randomUUID();
    // The timestamps are left to their defaults.
    await (await this.db.repository(Organisation)).insert({ id, name: input.name, kind: input.kind, siret, esus: input.esus });
    const created = await this.get(id);
    await this.audit.record({ operation: 'organisation.create', entityType: 'Organisation', entityId: id, after: created });
    return created;
  }

  async update(input: UpdateOrganisationInput): Promise<Organisation> {
    const before = await this.get(input.id);
    const changes: Partial<Pick<Organisation, 'name' | 'kind' | 'siret' | 'esus'>> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.esus !== undefined) changes.esus = input.esus;
    if (input.siret !== undefined) {
      changes.siret = normaliseSiret(input.siret);
      await this.assertSiretFree(changes.siret, before.id);
    }
    await (await this.db.repository(Organisation)).update({ id: before.id }, { ...changes, updatedAt: () => 'now()' });
    const after = await this.get(before.id);
    await this.audit.record({ operation: 'organisation.update', entityType: 'Organisation', entityId: before.id, before, after });
    return after;
  }

  /**
   * A SIRET identifies one establishment: two partners with the same one are a duplicate entry. Checked
   * first for a clear message; the unique index `organisations_siret_key` still holds under concurrency.
   */
  private async assertSiretFree(siret: string | null, exceptId: string | null): Promise<void> {
    if (!siret) return;
    const row = await (await this.db.repository(Organisation)).findOne({ siret, ...(exceptId ? { id: Not(exceptId) } : {}) });
    if (row) throw conflict(`Le SIRET ${siret} est déjà celui de « ${row.name} ».`);
  }
}
