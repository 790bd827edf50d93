import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const infrastructure = ['botbuilder', 'botbuilder-*', 'botframework-*', 'ioredis', 'restify', 'pino', 'node:fs', 'fs', 'node:net', 'net', 'node:http', 'http'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'bench/results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain decides and the use cases orchestrate; neither may reach for a transport, a database or the disk.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: infrastructure, message: 'domain/, app/ and ports/ stay free of transports and databases: put this in an adapter.' },
          { group: ['**/adapters/**', '**/http/**', '**/main'], message: 'domain/, app/ and ports/ must not depend on adapters.' },
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
