import { Module } from '@nestjs/common';

import { IndicatorCatalogueResolver } from './indicator-catalogue.resolver';
import { IndicatorCatalogueService } from './indicator-catalogue.service';
import { QpvResolver } from './qpv.resolver';
import { QpvService } from './qpv.service';
import { QpvContourResolver } from './qpv-contour.resolver';
import { QpvContourService } from './qpv-contour.service';

@Module({
  providers: [QpvService, QpvResolver, QpvContourService, QpvContourResolver, IndicatorCatalogueService, IndicatorCatalogueResolver],
  exports: [QpvService, IndicatorCatalogueService],
})
export class TerritoiresModule {}
