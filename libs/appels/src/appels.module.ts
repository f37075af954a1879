import { Module } from '@nestjs/common';

/** Calls for projects: publishing them, their public pages, the deadlines they set. */
@Module({})
export class AppelsModule {}
