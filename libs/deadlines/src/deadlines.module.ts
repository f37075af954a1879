import { Module } from '@nestjs/common';
import { DeadlineEngine } from './deadline-engine';
import { DeadlineService } from './deadline.service';
import { DeadlineResolver, NotificationResolver, TenantSettingsResolver } from './deadline.resolver';

/** The API's side of deadlines: reading them, my reminders, settings, bilans received. */
@Module({
  providers: [DeadlineEngine, DeadlineService, DeadlineResolver, NotificationResolver, TenantSettingsResolver],
})
export class DeadlinesModule {}
