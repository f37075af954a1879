import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Db, groupBy, requestLoader } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { ConventionSignatory, ConventionSignature, ConventionVersion } from './convention.entity';

const VERSIONS = Symbol('conventions.versions');
const SIGNATORIES = Symbol('conventions.signatories');
const SIGNATURES = Symbol('conventions.signatures');
const ORGANISATIONS = Symbol('conventions.organisations');

/**
 * Per-request batched reads behind the GraphQL fields of conventions: a list of conventions with their
 * versions, signatories, signatures and "k of n" costs one query per kind, not one per convention.
 */
@Injectable()
export class ConventionLoaders {
  constructor(
    private readonly db: Db,
    private readonly cls: ClsService,
  ) {}

  async versions(conventionId: string): Promise<ConventionVersion[]> {
    const loader = requestLoader(this.cls, VERSIONS, async (ids: string[]) =>
      groupBy(
        await (
          await this.db.repository(ConventionVersion)
        ).find({
          where: { conventionId: In(ids) },
          order: { number: 'ASC' },
        }),
        (v) => v.conventionId,
      ),
    );
    return (await loader.load(conventionId)) ?? [];
  }

  /** The last version signed by all of its signatories, from the same batched reads. */
  async signedVersion(conventionId: string): Promise<ConventionVersion | null> {
    const versions = await this.versions(conventionId);
    const complete = await Promise.all(
      versions.map(async (v) => {
        const [signatories, signatures] = await Promise.all([this.signatories(v.id), this.signatures(v.id)]);
        return signatories.length > 0 && signatures.length === signatories.length;
      }),
    );
    for (let i = versions.length - 1; i >= 0; i--) if (complete[i]) return versions[i];
    return null;
  }

  /** The latest version (every convention has at least its first): the one to sign. */
  async currentVersion(conventionId: string): Promise<ConventionVersion> {
    const versions = await this.versions(conventionId);
    const current = versions[versions.length - 1];
    if (!current) throw new Error(`Convention ${conventionId} without a version`);
    return current;
  }

  async signatories(versionId: string): Promise<ConventionSignatory[]> {
    const loader = requestLoader(this.cls, SIGNATORIES, async (ids: string[]) =>
      groupBy(
        await (
          await this.db.repository(ConventionSignatory)
        ).find({
          where: { versionId: In(ids) },
          order: { position: 'ASC' },
        }),
        (s) => s.versionId,
      ),
    );
    return (await loader.load(versionId)) ?? [];
  }

  async signatures(versionId: string): Promise<ConventionSignature[]> {
    const loader = requestLoader(this.cls, SIGNATURES, async (ids: string[]) =>
      groupBy(
        await (
          await this.db.repository(ConventionSignature)
        ).find({
          where: { versionId: In(ids) },
          order: { signedAt: 'ASC', id: 'ASC' },
        }),
        (s) => s.versionId,
      ),
    );
    return (await loader.load(versionId)) ?? [];
  }

  async organisation(organisationId: string): Promise<Organisation> {
    const loader = requestLoader(this.cls, ORGANISATIONS, async (ids: string[]) => {
      const rows = await (await this.db.repository(Organisation)).find({ where: { id: In(ids) } });
      return new Map(rows.map((o) => [o.id, o]));
    });
    const organisation = await loader.load(organisationId);
    if (!organisation) throw new Error(`Signatory organisation ${organisationId} not found`);
    return organisation;
  }

  /** "k of n" on the version in force, from the same batched reads as the fields above. */
  async progress(conventionId: string): Promise<{ signedCount: number; signatoryCount: number }> {
    const current = await this.currentVersion(conventionId);
    const [signatories, signatures] = await Promise.all([this.signatories(current.id), this.signatures(current.id)]);
    return { signedCount: signatures.length, signatoryCount: signatories.length };
  }
}
