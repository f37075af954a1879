export * from './convention.entity';
export * from './convention-text';
export * from './convention.inputs';
export * from './convention.service';
export * from './convention.resolver';
export * from './conventions.module';
