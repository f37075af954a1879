import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Public } from '@pilotis/access';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(): Promise<{ status: string; database: string }> {
    await this.dataSource.query('select 1');
    return { status: 'ok', database: 'ok' };
  }
}
