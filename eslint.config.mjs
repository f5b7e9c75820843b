// Lint rules for the extension, its webview, tests and scripts (syntax-only: no type information).
import tseslint from 'typescript-eslint';

const awsSdk = ['@aws-sdk/*', '@smithy/*'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'media/dist/', '.vscode-test/', 'test-results/', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: {
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-debugger': 'error',
      'no-duplicate-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(describe|it|context|suite|test|specify)$/][callee.property.name=/^(only|skip)$/]",
          message: 'No .only or .skip in committed tests.',
        },
        {
          selector: "CallExpression[callee.name=/^(xit|xdescribe|xcontext|xspecify)$/]",
          message: 'No skipped tests.',
        },
        {
          selector: "BinaryExpression[operator='instanceof'][right.name='LicenseManagerError']",
          message: 'Use isLicenseManagerError(): errors may cross module copies.',
        },
      ],
    },
  },
  {
    // The extension (outside the AWS layer) loads the SDK lazily through services.aws()/clients().
    files: ['src/**/*.ts'],
    ignores: ['src/aws/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: awsSdk, message: 'Only src/aws/ imports the AWS SDK.' },
            {
              regex: '(^|/)aws/(?!errors$|types$)[^/]+$',
              allowTypeImports: true,
              message: 'Load the AWS layer through services.aws(); import only types (or aws/errors, aws/types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The AWS layer does not depend on VS Code.' }] },
      ],
    },
  },
  {
    // The webview script runs in the browser sandbox.
    files: ['media/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Webview code cannot use the VS Code API.' }], patterns: [{ group: awsSdk }] },
      ],
    },
  },
  {
    // The extension loads its AWS bundle with a computed require; tests may load modules on demand.
    files: ['src/services.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
