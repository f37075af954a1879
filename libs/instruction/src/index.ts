export * from './instruction.module';
