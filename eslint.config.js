// Flat config: typescript-eslint's recommended rules over src and test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The pure core: no printing, no clock, no global randomness, no I/O. The clock, a seeded random
  // source, streams and the store are passed in. The loaders and the store are the exceptions.
  {
    files: ['src/content/**/*.ts', 'src/quiz/**/*.ts', 'src/cards/**/*.ts', 'src/progress/**/*.ts', 'src/sim/**/*.ts'],
    ignores: ['src/content/load.ts', 'src/content/library.ts', 'src/content/index-file.ts', 'src/progress/store.ts', 'src/progress/store/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'console', message: 'The core returns data; print in a command or renderer.' }, { name: 'process', message: 'Pass what you need in (env, streams).' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take the clock as a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the clock as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Take a seeded random source as a parameter.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:fs', 'node:fs/*', 'node:http', 'node:net', 'node:child_process', 'node:readline', 'conf', '@inquirer/*'], message: 'The core does no I/O.' }] }],
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
            { group: ['**/support/pty.js', '**/support/lab.js'], message: 'Pseudo-terminals and the lab are for test/e2e.' },
            { group: ['**/support/cli.js'], importNames: ['runCli'], message: 'The built CLI is for test/e2e.' },
          ],
        },
      ],
    },
  },
);
