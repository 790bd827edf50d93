import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botFramework = ['botbuilder', 'botbuilder-*', 'botframework-*'];
const infrastructure = [...botFramework, 'ioredis', 'restify', 'pino', 'node:fs', 'fs', 'node:net', 'net', 'node:http', 'http'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'dist-web/**', 'node_modules/**', 'coverage/**', 'bench/results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Microsoft's Bot Framework stays at the Teams edge, so that moving to another SDK or chat platform is one folder's work.
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/teams/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: botFramework, message: 'Only src/adapters/teams may import botbuilder or botframework-*: the rest speaks the conversation layer.' }],
      }],
    },
  },
  {
    // The domain decides, the use cases orchestrate and the conversation layer says what people see: none may reach for a
    // transport, a database or the disk.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/ports/**/*.ts', 'src/conversation/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: infrastructure, message: 'domain/, app/, ports/ and conversation/ stay free of transports and databases: put this in an adapter.' },
          { group: ['**/adapters/**', '**/http/**', '**/main'], message: 'domain/, app/, ports/ and conversation/ must not depend on adapters.' },
        ],
      }],
    },
  },
  {
    // The use cases and the domain know nothing of screens.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: infrastructure, message: 'domain/, app/ and ports/ stay free of transports and databases: put this in an adapter.' },
          { group: ['**/adapters/**', '**/http/**', '**/main', '**/conversation/**'], message: 'domain/, app/ and ports/ must not depend on adapters or on the conversation layer.' },
        ],
      }],
    },
  },
  {
    // The tab runs in the browser and speaks to the server through its API only: no server code, no Node.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...infrastructure, '**/src/**', 'node:*', 'jose', 'zod'], message: 'web/ is the browser app: it reaches the server through /api/tab, never its code or Node.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
