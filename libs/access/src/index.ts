export * from './roles';
export * from './access.decorators';
export * from './visibility';
