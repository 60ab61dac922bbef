// Shared jest settings of the Node projects (api, workflows, migrations, templates): TypeScript through ts-jest
// (transpile only: `tsc` type-checks in the build), and the workspace's path aliases.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = (projectDir, tsconfig = 'tsconfig.spec.json') => ({
  testEnvironment: 'node',
  rootDir: projectDir,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: require('path').resolve(projectDir, tsconfig) }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
  // The tests run on slow, shared CI machines (2 cores, other work beside them): jest's 5 s default fails there
  // although nothing is wrong. A project needing more (the API's database, ops' real processes) sets its own.
  testTimeout: 60_000,
});
