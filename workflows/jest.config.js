const preset = require('../jest.preset.js');

module.exports = { ...preset(__dirname, '../tsconfig.base.json'), displayName: 'workflows', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
