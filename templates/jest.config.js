const preset = require('../jest.preset.js');

module.exports = { ...preset(__dirname, '../tsconfig.base.json'), displayName: 'templates', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
