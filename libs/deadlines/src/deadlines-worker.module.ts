import { Module } from '@nestjs/common';
import { MailModule } from '@pilotis/mail';
import { DeadlineEngine } from './deadline-engine';
import { DeadlineJobs } from './deadline-jobs';
import { DigestSender } from './digest-sender';
import { DigestSweep } from './digest-sweep';
import { DeadlinesProcessor, DigestProcessor } from './deadlines.processors';

/** The worker's side of deadlines and reminders (needs the global JobsModule, Db and ConfigModule). */
@Module({
  imports: [MailModule],
  providers: [DeadlineEngine, DeadlineJobs, DigestSender, DigestSweep, DeadlinesProcessor, DigestProcessor],
  exports: [DeadlineJobs, DeadlineEngine, DigestSweep],
})
export class DeadlinesWorkerModule {}
