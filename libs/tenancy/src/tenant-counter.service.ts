import { Injectable } from '@nestjs/common';
import { Db } from '@pilotis/db';

/** Per-tenant sequences, e.g. the number of the next action's public reference. */
@Injectable()
export class TenantCounterService {
  constructor(private readonly db: Db) {}

  async next(name: string): Promise<number> {
    const [row] = await this.db.query<{ value: number }>(
      `insert into tenant_counters (tenant_id, name, value) values ($1, $2, 1)
       on conflict (tenant_id, name) do update set value = tenant_counters.value + 1
       returning value`,
      [this.db.tenant().tenantId, name],
    );
    return row.value;
  }
}
