export * from './qpv.entity';
export * from './qpv-code';
export * from './qpv-import';
export * from './qpv.inputs';
export * from './qpv.service';
export * from './referentiel';
export * from './territoires.module';
