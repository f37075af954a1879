export * from './comites.module';
