import { Module } from '@nestjs/common';

import { MailModule } from '@pilotis/mail';

import { DeadlineEngine } from './deadline-engine';
import { DeadlineJobs } from './deadline-jobs';
import { DeadlinesProcessor, DigestProcessor } from './deadlines.processors';
import { DigestSender } from './digest-sender';
import { DigestSweep } from './digest-sweep';

/** The worker's side of deadlines and reminders (needs the global JobsModule, Db and ConfigModule). */
@Module({
  imports: [MailModule],
  providers: [DeadlineEngine, DeadlineJobs, DigestSender, DigestSweep, DeadlinesProcessor, DigestProcessor],
  exports: [DeadlineJobs, DeadlineEngine, DigestSweep],
})
export class DeadlinesWorkerModule {}
