'use strict';
/**
 * Two jest projects share one coverage report:
 * - components: Lightning Web Components and the pure domain modules that live beside them, run by
 *   sfdx-lwc-jest against the TypeScript sources (Babel strips the types; `npm run typecheck` checks them);
 * - node: the build tools, offline checks, scripts and dev tools.
 */
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const nodeTransform = [
  'babel-jest',
  {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { node: '20' } }], '@babel/preset-typescript']
  }
];

module.exports = {
  projects: [
    {
      ...lwcJestConfig,
      displayName: 'components',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
      moduleFileExtensions: ['ts', 'js', 'html', 'css', 'json'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.ts']
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/tools', '<rootDir>/scripts', '<rootDir>/local-org'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: { '^.+\\.ts$': nodeTransform }
    }
  ],
  collectCoverageFrom: [
    'force-app/**/lwc/**/*.ts',
    'tools/**/*.ts',
    'scripts/**/*.ts',
    'local-org/**/*.ts',
    '!**/__tests__/**',
    '!**/__fixtures__/**',
    '!**/*.d.ts',
    '!tools/cli/**',
    '!**/cli.ts'
  ],
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
  coverageThreshold: { global: { lines: 85 } }
};
