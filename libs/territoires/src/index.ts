export * from './qpv.entity';
