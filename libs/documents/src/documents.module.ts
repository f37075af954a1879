import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';
import { ConventionsModule } from '@pilotis/conventions';
import { PILOTIS_CONFIG, PilotisConfig } from '@pilotis/shared';

import { DocumentController } from './document.controller';
import { ActionDocumentsResolver, BilanResolver, ConventionDocumentsResolver, DocumentResolver } from './document.resolver';
import { DocumentService } from './document.service';
import { DocumentStorage, documentStorage } from './document-storage';

/** Pieces attached to dossiers, conventions and bilans: their metadata, their store, upload and download. */
@Module({
  imports: [ActionsModule, ConventionsModule],
  controllers: [DocumentController],
  providers: [
    { provide: DocumentStorage, useFactory: (config: PilotisConfig) => documentStorage(config.documents), inject: [PILOTIS_CONFIG] },
    DocumentService,
    ActionDocumentsResolver,
    ConventionDocumentsResolver,
    BilanResolver,
    DocumentResolver,
  ],
})
export class DocumentsModule {}
