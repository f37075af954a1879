import { Module } from '@nestjs/common';

import { QpvResolver } from './qpv.resolver';
import { QpvService } from './qpv.service';

@Module({ providers: [QpvService, QpvResolver], exports: [QpvService] })
export class TerritoiresModule {}
