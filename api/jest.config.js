const preset = require('../jest.preset.js');

/** API tests: unit specs beside the code, integration tests in test/ against an embedded PostgreSQL (one per run, a fresh database per file). */
module.exports = {
  ...preset(__dirname),
  displayName: 'api',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // Integration tests start a database per file and sign in with argon2 (64 MiB): slow on a busy shared runner.
  testTimeout: 600_000,
};
