export * from './avis.entity';
export * from './avis.inputs';
export * from './avis.rules';
export * from './avis.service';
export * from './avis.resolver';
export * from './instruction.module';
