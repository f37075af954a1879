export * from './organisation.entity';
export * from './organisation.inputs';
export * from './organisation.service';
export * from './organisation.resolver';
export * from './organisations.module';
