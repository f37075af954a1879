import { Module } from '@nestjs/common';

import { IndicatorCatalogueResolver } from './indicator-catalogue.resolver';
import { IndicatorCatalogueService } from './indicator-catalogue.service';
import { QpvResolver } from './qpv.resolver';
import { QpvService } from './qpv.service';

@Module({
  providers: [QpvService, QpvResolver, IndicatorCatalogueService, IndicatorCatalogueResolver],
  exports: [QpvService, IndicatorCatalogueService],
})
export class TerritoiresModule {}
