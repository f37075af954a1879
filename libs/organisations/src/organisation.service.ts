import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Not } from 'typeorm';

import { organisationHasAccountSql, visibleOrganisationSql } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db, requestLoader } from '@pilotis/db';
import { conflict, decodeCursor, DomainError, ErrorCode, invalidField, notFound, Page, toPage } from '@pilotis/shared';

import { Organisation } from './organisation.entity';
import { normaliseLegalForm, normalisePhone, normalisePostalCode, normaliseRna, normaliseSiret } from './organisation-identity';

type IdentityChanges = Partial<
  Pick<
    Organisation,
    | 'name'
    | 'kind'
    | 'siret'
    | 'esus'
    | 'rna'
    | 'legalForm'
    | 'iae'
    | 'siaeType'
    | 'ptce'
    | 'addressLine'
    | 'postalCode'
    | 'city'
    | 'contactEmail'
    | 'contactPhone'
  >
>;

/** What an identity form changes, checked (an absent field is left as is; null or blank clears an optional one). */
function identityChanges(input: OrganisationIdentityInput): IdentityChanges {
  const changes: IdentityChanges = {};
  const text = (v: string | null | undefined): string | null => (v ?? '').trim() || null;
  if (input.name !== undefined) changes.name = input.name;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.esus !== undefined) changes.esus = input.esus;
  if (input.iae !== undefined) changes.iae = input.iae;
  if (input.ptce !== undefined) changes.ptce = input.ptce;
  if (input.siaeType !== undefined) changes.siaeType = input.siaeType ?? null;
  if (input.rna !== undefined) changes.rna = normaliseRna(input.rna);
  if (input.legalForm !== undefined) changes.legalForm = normaliseLegalForm(input.legalForm);
  if (input.addressLine !== undefined) changes.addressLine = text(input.addressLine);
  if (input.postalCode !== undefined) changes.postalCode = normalisePostalCode(input.postalCode);
  if (input.city !== undefined) changes.city = text(input.city);
  if (input.contactEmail !== undefined) changes.contactEmail = text(input.contactEmail)?.toLowerCase() ?? null;
  if (input.contactPhone !== undefined) changes.contactPhone = normalisePhone(input.contactPhone);
  return changes;
}
import { CreateOrganisationInput, OrganisationIdentityInput, OrganisationsArgs, UpdateOrganisationInput } from './organisation.inputs';

const HAS_ACCOUNT = Symbol('organisations.hasAccount');

/** Which of the organisations $2 of the tenant $1 have an account (the rule of `organisationHasAccountSql`). */
const HAS_ACCOUNT_SQL = `select o.id, ${organisationHasAccountSql('o.tenant_id', 'o.id')} as has_account
       from organisations o where o.tenant_id = $1 and o.id = any($2::uuid[])`;

/** Makes user text match itself literally in a LIKE pattern (`%` and `_` are wildcards there). */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    const scope = this.db.tenant();
    qb.andWhere(visibleOrganisationSql(scope, ':viewerOrganisationId', 'o'), { viewerOrganisationId: scope.organisationId });
    if (args.kind) qb.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.search) qb.andWhere(`o.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(args.search)}%` });
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      qb.andWhere('(o.name, o.id) > (:name, :id)', { name: String(name), id: String(id) });
    }
    return toPage(await qb.getMany(), args.first, (o) => [o.name, o.id]);
  }

  /** One partner the caller sees (a porteur: its own and its actions' funders; another is NOT_FOUND). */
  async get(id: string): Promise<Organisation> {
    const scope = this.db.tenant();
    const organisation = await (
      await this.db.repository(Organisation)
    )
      .queryBuilder('o')
      .andWhere('o.id = :id', { id })
      .andWhere(visibleOrganisationSql(scope, ':viewerOrganisationId', 'o'), { viewerOrganisationId: scope.organisationId })
      .getOne();
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  /**
   * Changes an organisation's declared identity (its own representatives' form). The SIRET is set once:
   * afterwards, another value is SIRET_LOCKED (the territory's team corrects it). Audited.
   */
  async updateIdentity(id: string, input: OrganisationIdentityInput, requireSiret: boolean): Promise<Organisation> {
    const before = await (await this.db.repository(Organisation)).findOne({ id }, { lock: 'pessimistic_write' });
    if (!before) throw notFound('Organisation');
    const changes = identityChanges(input);
    if (input.siret !== undefined) {
      const siret = normaliseSiret(input.siret);
      if (before.siret && siret !== before.siret) {
        throw new DomainError(
          ErrorCode.SIRET_LOCKED,
          'Le SIRET de votre organisation est déjà renseigné : seule l’équipe du territoire peut le corriger.',
          {
            fields: [{ field: 'siret', reason: 'locked', message: 'SIRET déjà renseigné' }],
          },
        );
      }
      if (!before.siret && siret) {
        await this.assertSiretFree(siret, before.id);
        changes.siret = siret;
      }
    }
    if (requireSiret && !(changes.siret ?? before.siret)) throw invalidField('siret', 'required', 'le SIRET est obligatoire');
    const iae = changes.iae ?? before.iae;
    const siaeType = changes.siaeType !== undefined ? changes.siaeType : before.siaeType;
    if (siaeType && !iae) throw invalidField('siaeType', 'requires_iae', 'un type de SIAE suppose le conventionnement IAE');
    if (!iae && before.siaeType && changes.siaeType === undefined) changes.siaeType = null;
    await (await this.db.repository(Organisation)).update({ id }, { ...changes, updatedAt: () => 'now()' });
    const after = await this.get(id);
    await this.audit.record({ operation: 'organisation.update_identity', entityType: 'Organisation', entityId: id, before, after });
    return after;
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
