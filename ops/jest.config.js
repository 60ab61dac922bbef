const preset = require('../jest.preset.js');

/**
 * Operations tests: the built API (`dist/api`, run through `scripts/start.mjs`) as a real process against a real
 * PostgreSQL — killed, restarted, backed up and restored. Each test file starts the servers it needs.
 */
module.exports = {
  ...preset(__dirname),
  displayName: 'ops',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../api/test/global-setup.mjs',
  globalTeardown: '<rootDir>/../api/test/global-teardown.mjs',
  testTimeout: 180000,
};
