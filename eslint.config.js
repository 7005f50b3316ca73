// Flat config: typescript-eslint's recommended rules over src and test, the house layout (stylistic
// rules set to the code's own style, so that `eslint --fix` is the formatter) and the boundaries of
// the pure core.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The pure core: the rules of the app, with no terminal, clock, randomness or I/O of their own. */
const CORE = ['src/content/**/*.ts', 'src/quiz/**/*.ts', 'src/cards/**/*.ts', 'src/progress/**/*.ts', 'src/report/**/*.ts', 'src/sim/**/*.ts', 'src/lib/**/*.ts'];
/** The core never reaches up into the shell (imports between src folders never cycle: scripts/check-house.mjs). */
const BOUNDARY = { group: ['**/ui/*', '**/commands/*', '**/lab/*', '**/cli.js', '**/main.js'], message: 'The core never imports the shell (ui/, commands/, lab/): pass what it needs in.' };
const NO_IO = { group: ['node:fs', 'node:fs/*', 'node:http', 'node:net', 'node:child_process', 'node:readline', 'conf', '@inquirer/*'], message: 'The core does no I/O.' };

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': [
        'error',
        2,
        {
          SwitchCase: 1,
          offsetTernaryExpressions: true,
          // Object types inside unions and a string continued inside a ternary's call are laid out
          // one level deeper than the rule's model; keep today's layout.
          ignoredNodes: ['TSUnionType > TSTypeLiteral', 'TSUnionType > TSTypeLiteral > *', 'TSTypeLiteral > TSPropertySignature', 'TSTypeLiteral > TSPropertySignature *', 'ConditionalExpression CallExpression > BinaryExpression > *'],
        },
      ],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0 }],
      '@stylistic/linebreak-style': ['error', 'unix'],
      '@stylistic/no-tabs': 'error',
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-before-function-paren': ['error', { anonymous: 'always', named: 'never', asyncArrow: 'always' }],
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/type-annotation-spacing': 'error',
      '@stylistic/quote-props': ['error', 'as-needed'],
      '@stylistic/max-len': ['error', { code: 240, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The core's loaders and store read files, but stay below the shell.
  { files: CORE, rules: { 'no-restricted-imports': ['error', { patterns: [BOUNDARY] }] } },
  // The pure core: no printing, no clock, no global randomness, no I/O. The clock, a seeded random
  // source, streams and the store are passed in. The loaders and the store are the exceptions.
  {
    files: CORE,
    ignores: ['src/content/load.ts', 'src/content/library.ts', 'src/content/index-file.ts', 'src/progress/store.ts', 'src/progress/store/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'console', message: 'The core returns data; print in a command or renderer.' }, { name: 'process', message: 'Pass what you need in (env, streams).' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take the clock as a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the clock as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Take a seeded random source as a parameter.' },
      ],
      'no-restricted-imports': ['error', { patterns: [BOUNDARY, NO_IO] }],
    },
  },
  // The unit tier stays in-process and fast: servers, child processes, terminals and the built CLI
  // belong in test/integration or test/e2e (see vitest.config.ts).
  {
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:child_process', 'node:http', 'node:https', 'node:net', 'node-pty', 'esbuild', 'redis', 'playwright-core'], message: 'Unit tests start no process or server: move this test to test/integration or test/e2e.' },
            { group: ['**/support/pty.js', '**/support/lab.js'], message: 'Pseudo-terminals and the lab are for test/integration or test/e2e.' },
            { group: ['**/support/cli.js'], importNames: ['runCli'], message: 'The built CLI is for test/integration or test/e2e.' },
          ],
        },
      ],
    },
  },
);
