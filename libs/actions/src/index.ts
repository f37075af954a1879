export * from './action-status';
export * from './action.entity';
export * from './action-qpv.entity';
export * from './funding-line.entity';
export * from './actions.module';
