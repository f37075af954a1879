import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { ClsService } from 'nestjs-cls';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { REDIS } from '@pilotis/auth';
import { Db } from '@pilotis/db';
import { civilDateTimeIn, Clock, DomainError, ErrorCode, InjectConfig, invalidField, notFound, PilotisConfig } from '@pilotis/shared';

import { CallService } from './call.service';
import { PublicCall, PublicCallList } from './call.types';
import { CallForProjects, CallStatus } from './call-for-projects.entity';

const PUBLIC_READ = Symbol('appels.publicRead');
const SIREN = /^\d{9}$/;

/** Headers that make a request a member's or a service account's: a public read is made without them. */
const PRIVATE_HEADERS = ['authorization', 'x-api-key', 'x-tenant'];

export interface PublicRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The public pages of a territory's calls, read without an account. The territory is found from its SIREN
 * by `public_territory(siren)` (SECURITY DEFINER: its id and name, nothing else), then the request's
 * transaction enters that tenant and reads under row-level security like any other, keeping only
 * published calls and only what a porteur needs to read.
 *
 * A request that enters a tenant this way must not carry anything else: no token, no API key, no
 * X-Tenant (a member's operation beside it would otherwise run in the tenant entered here), and one public
 * read per request. Reads are limited per client address in Redis (PER_MINUTE), as sign-in is.
 */
@Injectable()
export class PublicCallsService {
  static readonly PER_MINUTE = 120;
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly db: Db,
    private readonly cls: ClsService,
    private readonly calls: CallService,
    private readonly clock: Clock,
    @Inject(REDIS) redis: Redis,
    @InjectConfig() config: PilotisConfig,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: false,
      keyPrefix: `${config.redisPrefix}:public-calls:ip`,
      points: PublicCallsService.PER_MINUTE,
      // The window is the clock's minute, named in the key (below); Redis only forgets the key later.
      duration: 300,
    });
  }

  async list(siren: string, req: PublicRequest): Promise<PublicCallList> {
    const territory = await this.enter(siren, req);
    const all = await (
      await this.db.repository(CallForProjects)
    ).find({
      where: { status: CallStatus.PUBLIE },
      order: { closesAt: 'ASC', id: 'ASC' },
    });
    const now = this.clock.now();
    const calls: PublicCall[] = [];
    for (const call of all.filter((c) => (c.closesAt as Date) > now)) calls.push(await this.view(call, territory.timeZone));
    return { territoryName: territory.name, siren, calls };
  }

  async get(siren: string, id: string, req: PublicRequest): Promise<PublicCall> {
    const territory = await this.enter(siren, req);
    const call = await (await this.db.repository(CallForProjects)).findOne({ id, status: CallStatus.PUBLIE });
    if (!call) throw notFound('Appel à projets');
    return this.view(call, territory.timeZone);
  }

  private async enter(siren: string, req: PublicRequest): Promise<{ name: string; timeZone: string }> {
    // Claimed synchronously, before any await: two public reads of one request cannot both pass.
    if (this.cls.get(PUBLIC_READ)) throw invalidField('siren', 'one_per_request', 'une seule lecture publique par requête');
    this.cls.set(PUBLIC_READ, true);
    if (PRIVATE_HEADERS.some((h) => req.headers[h] !== undefined) || this.db.maybeTenant()) {
      throw invalidField('siren', 'anonymous_only', 'les pages publiques se lisent sans compte ni en-tête de territoire');
    }
    await this.consume(req.ip ?? 'unknown');
    if (!SIREN.test(siren)) throw notFound('Territoire');
    const [territory] = await this.db.query<{ id: string; name: string }>('select id, name from public_territory($1)', [siren]);
    if (!territory) throw notFound('Territoire');
    await this.db.enterTenant({ tenantId: territory.id, siren, role: 'PUBLIC', organisationId: null, membershipId: '' });
    return { name: territory.name, timeZone: await this.calls.timeZone() };
  }

  /**
   * A fixed window per minute of the application's clock (the injectable one, so that a test or a busy
   * machine cannot see a window slide under it): at most PER_MINUTE reads per address and minute.
   */
  private async consume(ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const minute = Math.floor(now / 60_000);
    try {
      await this.limiter.consume(`${ip}:${minute}`);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
      throw new DomainError(ErrorCode.RATE_LIMITED, `Trop de demandes. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  private async view(call: CallForProjects, timeZone: string): Promise<PublicCall> {
    const opensAt = call.opensAt as Date;
    const closesAt = call.closesAt as Date;
    const now = this.clock.now();
    return {
      id: call.id,
      title: call.title,
      description: call.description,
      exercise: call.exercise,
      status: call.status,
      opensAt,
      closesAt,
      opensAtLocal: civilDateTimeIn(opensAt, timeZone),
      closesAtLocal: civilDateTimeIn(closesAt, timeZone),
      timeZone,
      open: opensAt <= now && now < closesAt,
      instructionDueDate: call.instructionDueDate,
      committeeDate: call.committeeDate,
      eligibleKinds: call.eligibleKinds,
      pillars: (await this.calls.pillarsOf(call.id)).map((p) => ({ title: p.title })),
      objectives: (await this.calls.objectivesOf(call.id)).map((o) => ({ code: o.code, title: o.title })),
      qpvs: (await this.calls.qpvsOf(call.id)).map((q) => ({ code: q.code, name: q.name })),
      funders: (await this.calls.fundersOf(call.id, false)).map((f) => ({ name: f.name, envelopeCents: f.envelopeCents })),
      requiredPieces: (await this.calls.piecesOf(call.id)).map((p) => ({
        position: p.position,
        label: p.label,
        description: p.description,
        mandatory: p.mandatory,
      })),
    };
  }
}
