// Lint rules for the extension, its webview, tests and scripts; the TypeScript sources are linted with type
// information (promises that are dropped or passed where a void callback is expected).
import tseslint from 'typescript-eslint';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';

const awsSdk = ['@aws-sdk/*', '@smithy/*'];

/** The layers of src/, top to bottom; a folder may import only folders listed as allowed for it. */
const sdkRule = { group: awsSdk, message: 'Only src/aws/ imports the AWS SDK.' };
const awsRuntime = {
  regex: '(^|/)aws/(?!errors$|types$)[^/]+$',
  allowTypeImports: true,
  message: 'Load the AWS layer through services.aws(); import only types (or aws/errors, aws/types).',
};
const up = (folders, message) => ({ regex: `(^|/)(${folders.join('|')})(/|$)`, message });
const commands = up(['commands'], 'Imports go down: only commands/ (and extension.ts) import commands/.');
const tree = up(['tree'], 'Views and flows do not import the tree; share the rule through model/, data/ or state/.');
const views = up(['tree', 'panels', 'documents', 'grants', 'checkout', 'commands'], 'data/ and state/ sit below the views and commands.');
const aboveModel = up(
  ['tree', 'panels', 'documents', 'grants', 'checkout', 'commands', 'data', 'state', 'services', 'extension'],
  'model/ and aws/ are the bottom layer: they import nothing above them.',
);
const noVscode = { name: 'vscode', message: 'model/ and aws/ do not depend on VS Code.' };
/** The restricted-import patterns of one folder (the SDK and runtime AWS rules apply outside aws/). */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

/** Syntax no file may use. */
const baseSyntax = [
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
];

/** Surfaces where VS Code renders text: only src/ui/ reaches them, with texts made by uiText() or t(). */
const uiSurface = 'Show text through src/ui/window (texts are UiText, made by uiText() or t()).';
const uiSyntax = [
  ...baseSyntax,
  {
    selector:
      "MemberExpression[object.object.name='vscode'][object.property.name='window'][property.name=/^(show(Information|Warning|Error)Message|showQuickPick|showInputBox|withProgress|createQuickPick|createInputBox|createStatusBarItem|setStatusBarMessage)$/]",
    message: uiSurface,
  },
  { selector: "NewExpression[callee.object.name='vscode'][callee.property.name=/^(TreeItem|MarkdownString|StatusBarItem)$/]", message: uiSurface },
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(label|description|tooltip|title|detail|placeholder|prompt|validationMessage|text)$/]",
    message: uiSurface,
  },
  { selector: "TSAsExpression[typeAnnotation.typeName.name='UiText']", message: 'Only uiText() and t() make UiText.' },
  {
    selector:
      "ArrowFunctionExpression > CallExpression.body[callee.object.property.name='l10n'][callee.property.name='t'][arguments.0.type='Identifier'], VariableDeclarator[init.object.property.name='l10n'][init.property.name='t']",
    message: 'One translate function: t() or tLines() of src/ui/window (or vscode.l10n.t itself where a pure module takes a Translate); no local wrappers.',
  },
  { selector: "ImportSpecifier[imported.name='window'], VariableDeclarator[init.name='vscode'] > ObjectPattern", message: uiSurface },
];

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
      'no-restricted-syntax': ['error', ...baseSyntax],
    },
  },
  layer(['src/**/*.ts'], [sdkRule, awsRuntime]),
  { files: ['src/**/*.ts'], ignores: ['src/ui/**', 'src/shared/plainText.ts'], rules: { 'no-restricted-syntax': ['error', ...uiSyntax] } },
  layer(['src/tree/**/*.ts'], [sdkRule, awsRuntime, commands]),
  layer(['src/panels/**/*.ts', 'src/documents/**/*.ts', 'src/grants/**/*.ts', 'src/checkout/**/*.ts'], [sdkRule, awsRuntime, commands, tree]),
  layer(['src/data/**/*.ts', 'src/state/**/*.ts'], [sdkRule, awsRuntime, views]),
  layer(['src/model/**/*.ts', 'src/shared/**/*.ts'], [sdkRule, awsRuntime, aboveModel], [noVscode]),
  layer(['src/aws/**/*.ts'], [aboveModel], [noVscode]),
  {
    // No import cycles in the extension (type-only imports are erased by the build and not counted).
    files: ['src/**/*.ts'],
    plugins: importX.recommended.plugins,
    settings: {
      // Dependencies are parsed as TypeScript and resolved like Node with `.ts` sources.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
    // Type-aware rules: every promise is awaited, returned, or handed to a reporter; none is passed where the
    // caller ignores the result (a void callback or a condition). Each file is typed by its nearest tsconfig.
    files: ['src/**/*.ts', 'test/**/*.ts', 'media/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The extension loads its AWS and issuing bundles with a computed require; tests may load modules on demand.
    files: ['src/services.ts', 'src/commands/issuing.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
