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
      roots: ['<rootDir>/tools', '<rootDir>/scripts', '<rootDir>/local-org', '<rootDir>/workbench'],
      // local-org/test holds the local org's contract tests (jsforce against the running server).
      testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/local-org/test/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      // Browser tests (*.browser.test.ts) start an org, seed it and drive Chromium: they get a longer timeout.
      setupFilesAfterEnv: ['<rootDir>/workbench/test/browser-timeout.ts'],
      // Builds the workbench's bundle once before the workers start, rather than once per browser test file.
      globalSetup: '<rootDir>/workbench/test/global-setup.ts',
      // cookie 2 (used by fastify's inject) and @faker-js/faker (used by the seed generator) ship ESM only: Babel
      // turns them into CommonJS for jest. PGlite's CommonJS build loads node modules with dynamic import(), which
      // jest only allows with --experimental-vm-modules: Babel turns those imports into require().
      transform: {
        '^.+\\.ts$': nodeTransform,
        '/node_modules/(cookie|@faker-js/faker)/.+\\.js$': nodeTransform,
        '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': nodeTransform
      },
      transformIgnorePatterns: ['/node_modules/(?!(cookie|@faker-js/faker|@electric-sql/pglite)/)']
    }
  ],
  collectCoverageFrom: [
    'force-app/**/lwc/**/*.ts',
    'tools/**/*.ts',
    'scripts/**/*.ts',
    'local-org/**/*.ts',
    'workbench/**/*.ts',
    // The workbench's browser modules run in Chromium, not in Node: the browser tests exercise them. Its test
    // helpers are not product code, and instrumenting them would break the functions they send into the page.
    '!workbench/client/**',
    '!workbench/test/**',
    '!workbench/start.ts',
    '!**/__tests__/**',
    '!**/__fixtures__/**',
    '!**/*.d.ts',
    '!tools/cli/**',
    '!**/cli.ts'
  ],
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
  coverageThreshold: { global: { lines: 85 } }
};
