export * from './app.factory';
export * from './app.module';
export { WEB_DIST, serveWebApp } from './web';
