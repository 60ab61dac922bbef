const preset = require('../jest.preset.js');

module.exports = { ...preset(__dirname, '../tsconfig.base.json'), displayName: 'scripts', testMatch: ['<rootDir>/**/*.spec.ts'] };
