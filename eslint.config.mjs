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
  {
    files: ['force-app/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      ...tseslint.configs.eslintRecommended.rules,
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import/no-unresolved': 'off'
    }
  },
  // Node code: the tools, scripts and dev tools.
  ...tseslint.config({
    files: ['tools/**/*.ts', 'scripts/**/*.ts'],
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
