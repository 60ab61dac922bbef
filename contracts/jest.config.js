const preset = require('../jest.preset.js');

module.exports = { ...preset(__dirname, '../tsconfig.base.json'), displayName: 'contracts', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
