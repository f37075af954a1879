import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';

import { TENANCY_SQL } from './tenancy.sql';

/** Per-tenant sequences, e.g. the number of the next action's public reference. */
@Injectable()
export class TenantCounterService {
  constructor(private readonly db: Db) {}

  async next(name: string): Promise<number> {
    const [row] = await this.db.query<{ value: number }>(TENANCY_SQL.nextCounter, [this.db.tenant().tenantId, name]);
    return row.value;
  }
}
