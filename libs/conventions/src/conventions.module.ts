import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';

import { ConventionLoaders } from './convention.loaders';
import { ConventionResolver, ConventionSignatoryResolver, ConventionVersionResolver } from './convention.resolver';
import { ConventionService } from './convention.service';

/** Conventions de financement: drafts, avenants and multi-signatory signatures. */
@Module({
  imports: [ActionsModule],
  providers: [ConventionService, ConventionLoaders, ConventionResolver, ConventionVersionResolver, ConventionSignatoryResolver],
  exports: [ConventionService],
})
export class ConventionsModule {}
