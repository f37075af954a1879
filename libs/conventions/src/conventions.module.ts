import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';

import { ConventionHistory } from './convention.history';
import { ConventionLoaders } from './convention.loaders';
import { ConventionResolver, ConventionSignatoryResolver, ConventionVersionResolver } from './convention.resolver';
import { ConventionService } from './convention.service';
import { SignatoryOnBehalfResolver, SignatureOnBehalfResolver } from './signature-on-behalf.resolver';

/** Conventions de financement: drafts, avenants and multi-signatory signatures. */
@Module({
  imports: [ActionsModule],
  providers: [
    ConventionService,
    ConventionLoaders,
    ConventionResolver,
    ConventionVersionResolver,
    ConventionSignatoryResolver,
    SignatureOnBehalfResolver,
    SignatoryOnBehalfResolver,
    ConventionHistory,
  ],
  exports: [ConventionService],
})
export class ConventionsModule {}
