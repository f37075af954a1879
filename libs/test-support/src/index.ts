// Helpers for the end-to-end tests of every app. Side effects stay out of this entry point: a test that
// needs the web build's stand-in imports '@pilotis/test-support/web-dist-fixture' first, before anything
// loads the API; jest.e2e.config.js names env.js and the global set-up/teardown by path.
export * from './action-fixtures';
export * from './csv';
export * from './fixtures';
export * from './graphql';
export * from './secret-scan';
export * from './smtp';
export * from './test-app';
export * from './test-env';
export * from './wait';
export * from './worker-process';
