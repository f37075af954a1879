import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';
import { ComitesModule } from '@pilotis/comites';
import { ConventionsModule } from '@pilotis/conventions';
import { PILOTIS_CONFIG, PilotisConfig } from '@pilotis/shared';

import { DocumentController } from './document.controller';
import {
  ActionDocumentsResolver,
  BilanResolver,
  CommitteeDocumentsResolver,
  ConventionDocumentsResolver,
  DocumentResolver,
  SignatureMandateResolver,
  VoteMandateResolver,
} from './document.resolver';
import { DocumentService } from './document.service';
import { DocumentStorage, documentStorage } from './document-storage';
import { DocumentSweepService } from './document-sweep.service';
import { VirusScanner } from './virus-scanner';

const storageProvider = {
  provide: DocumentStorage,
  useFactory: (config: PilotisConfig) => documentStorage(config.documents),
  inject: [PILOTIS_CONFIG],
};

/** Pieces attached to dossiers, conventions, bilans and committees: their metadata, their store, upload and download. */
@Module({
  imports: [ActionsModule, ComitesModule, ConventionsModule],
  controllers: [DocumentController],
  providers: [
    storageProvider,
    VirusScanner,
    DocumentService,
    ActionDocumentsResolver,
    ConventionDocumentsResolver,
    BilanResolver,
    CommitteeDocumentsResolver,
    VoteMandateResolver,
    SignatureMandateResolver,
    DocumentResolver,
  ],
})
export class DocumentsModule {}

/** Documents in the worker: the store and the daily sweep of its orphan files. */
@Module({
  providers: [storageProvider, DocumentSweepService],
  exports: [DocumentSweepService],
})
export class DocumentsWorkerModule {}
