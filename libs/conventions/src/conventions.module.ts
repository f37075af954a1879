import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';

import { ConventionHistory } from './convention.history';
import { ConventionLoaders } from './convention.loaders';
import { ConventionResolver, ConventionSignatoryResolver, ConventionVersionResolver } from './convention.resolver';
import { ConventionService } from './convention.service';

/** Conventions de financement: drafts, avenants and multi-signatory signatures. */
@Module({
  imports: [ActionsModule],
  providers: [
    ConventionService,
    ConventionLoaders,
    ConventionResolver,
    ConventionVersionResolver,
    ConventionSignatoryResolver,
    ConventionHistory,
  ],
  exports: [ConventionService],
})
export class ConventionsModule {}
