import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcRecommendedTs from '@salesforce/eslint-config-lwc/recommended-ts.js';

export default [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'reports/**',
      '.atlas/**',
      'types/generated/**',
      'force-app/**/lwc/**/*.js',
      '**/__fixtures__/**'
    ]
  },
  // Components: Salesforce's LWC rules for TypeScript, plus typescript-eslint's own checks.
  ...lwcRecommendedTs.map((config) => ({ ...config, files: ['force-app/**/*.ts'] })),
  // typescript-eslint's parser replaces the Babel parser of the LWC configuration, so its rules see TS-ESTree.
  { ...tseslint.configs.base, files: ['force-app/**/*.ts'] },
  {
    files: ['force-app/**/*.ts'],
    rules: {
      ...tseslint.configs.eslintRecommended.rules,
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // TypeScript resolves and checks modules and their exports (npm run typecheck); eslint-plugin-import reads
      // the built .js beside a .ts file instead, and type-only modules build to empty JavaScript.
      'import/no-unresolved': 'off',
      'import/export': 'off',
      'import/named': 'off'
    }
  },
  // Tests drive wire adapters directly (adapter.emit(…)), which components must never do.
  {
    files: ['force-app/**/__tests__/**/*.ts'],
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' }
  },
  // Node code: the tools, scripts and dev tools.
  ...tseslint.config({
    files: ['tools/**/*.ts', 'scripts/**/*.ts', 'local-org/**/*.ts', 'workbench/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  }),
  {
    files: ['*.js', '*.cjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    ...js.configs.recommended
  }
];
