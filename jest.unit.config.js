const preset = require('./jest.preset');

/** Unit tests: dense logic, no services. */
module.exports = {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
};
