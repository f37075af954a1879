import { Module } from '@nestjs/common';

import { Mailer } from './mailer';

/** Outgoing e-mail. Needs the global `ConfigModule` (config.smtp). */
@Module({
  providers: [Mailer],
  exports: [Mailer],
})
export class MailModule {}
