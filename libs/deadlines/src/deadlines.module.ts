import { Module } from '@nestjs/common';

import { DeadlineResolver, NotificationResolver, TenantSettingsResolver } from './deadline.resolver';
import { DeadlineService } from './deadline.service';
import { DeadlineEngine } from './deadline-engine';

/** The API's side of deadlines: reading them, my reminders, settings, bilans received. */
@Module({
  providers: [DeadlineEngine, DeadlineService, DeadlineResolver, NotificationResolver, TenantSettingsResolver],
  exports: [DeadlineService],
})
export class DeadlinesModule {}
