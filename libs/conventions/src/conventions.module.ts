import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';

import { ConventionHistory } from './convention.history';
import { ConventionLoaders } from './convention.loaders';
import { ConventionResolver, ConventionSignatoryResolver, ConventionVersionResolver } from './convention.resolver';
import { ConventionService } from './convention.service';
import { ConventionDrafting } from './convention-drafting.service';
import { ConventionSigning } from './convention-signing.service';
import { SignatoryMandates } from './signatory-mandates';
import { SignatoryOnBehalfResolver, SignatureOnBehalfResolver } from './signature-on-behalf.resolver';
import { SignatureOnBehalfService } from './signature-on-behalf.service';

/** Conventions de financement: drafts, avenants and multi-signatory signatures. */
@Module({
  imports: [ActionsModule],
  providers: [
    ConventionService,
    ConventionDrafting,
    ConventionSigning,
    SignatoryMandates,
    SignatureOnBehalfService,
    ConventionLoaders,
    ConventionResolver,
    ConventionVersionResolver,
    ConventionSignatoryResolver,
    SignatureOnBehalfResolver,
    SignatoryOnBehalfResolver,
    ConventionHistory,
  ],
  exports: [ConventionService, ConventionDrafting],
})
export class ConventionsModule {}
