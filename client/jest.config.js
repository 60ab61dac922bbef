// @ts-check
/** Jest configuration of the Angular client: jsdom, zoneless TestBed, specs next to the code. */
const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'client',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@samverka/contracts$': '<rootDir>/../contracts/src/index.ts',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Compiling a component with Angular Material under jsdom took 20–48 s per file on a busy 2-core machine; jest's
  // 5 s default then fails tests that are right. No test waits on real time, so a long timeout costs nothing.
  testTimeout: 120_000,
};
