// The public surface of @pilotis/documents: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps.
export { DocumentsModule, DocumentsWorkerModule } from './documents.module';

// Entities: registered by the composition root (libs/schema).
export { Document } from './document.entity';

// Used by other libraries, tests and platform scripts.
export { DocumentStorage, FileSystemDocumentStorage, S3DocumentStorage, documentStorage, type StoredFile } from './document-storage';
export { type DocumentSweepResult, DocumentSweepService, ORPHAN_GRACE_MS } from './document-sweep.service';
