import { Module } from '@nestjs/common';

import { QpvResolver } from './qpv.resolver';
import { QpvService } from './qpv.service';
import { QpvContourResolver } from './qpv-contour.resolver';
import { QpvContourService } from './qpv-contour.service';

@Module({ providers: [QpvService, QpvResolver, QpvContourService, QpvContourResolver], exports: [QpvService] })
export class TerritoiresModule {}
