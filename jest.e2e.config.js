const preset = require('./jest.preset');

// One id per run, fixed here in the parent process so that every worker (forked after the config is read)
// and the global set-up/teardown agree on it: concurrent runs never share or drop each other's databases.
process.env.PILOTIS_TEST_RUN ??= `${process.pid}`;

/**
 * End-to-end tests: GraphQL over HTTP against the real PostgreSQL and Redis. The global setup migrates a
 * template database once; each jest worker clones its own database from it (see libs/test-support).
 */
module.exports = {
  ...preset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/apps/**/test/**/*.e2e-spec.ts', '<rootDir>/apps/web/e2e/**/*.e2e-spec.ts', '<rootDir>/libs/**/*.e2e-spec.ts'],
  setupFiles: ['<rootDir>/libs/test-support/src/env.js'],
  globalSetup: '<rootDir>/libs/test-support/src/global-setup.js',
  globalTeardown: '<rootDir>/libs/test-support/src/global-teardown.js',
  // A ceiling that only bounds a hung test: on a machine shared with other work a healthy test may take
  // several times its quiet duration, and must still pass. Tests wait for events, never for a fixed time.
  testTimeout: 600_000,
  maxWorkers: 2,
};
