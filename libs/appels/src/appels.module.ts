import { Module } from '@nestjs/common';

import { CallResolver, PublicCallResolver } from './call.resolver';
import { CallService } from './call.service';
import { PublicCallsService } from './public-calls.service';

/** Calls for projects: publishing them, their public pages, the deadlines they set. */
@Module({
  providers: [CallService, PublicCallsService, CallResolver, PublicCallResolver],
  exports: [CallService],
})
export class AppelsModule {}
