export * from './qpv.entity';
export * from './qpv-code';
export * from './referentiel';
export * from './territoires.module';
