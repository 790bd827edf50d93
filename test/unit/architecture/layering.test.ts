import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Lints a snippet as if it lived at `path`, through the project's own ESLint config (the CLI: its config is ESM). */
function restrictedImports(path: string, code: string): string[] {
  const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: ROOT, input: code, encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering: domain/ and app/ stay free of transports and databases', () => {
  it.each([
    ['src/domain/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n"],
    ['src/app/probe.ts', "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n"],
    ['src/app/probe.ts', "import restify from 'restify';\nexport const s = restify;\n"],
    ['src/domain/probe.ts', "import { createRedisStore } from '../adapters/redis/redis-store';\nexport const s = createRedisStore;\n"],
  ])('the lint rule refuses %s importing infrastructure', (path, code) => {
    expect(restrictedImports(path, code)).toHaveLength(1);
  }, 30_000);

  it('lets an adapter import them', () => {
    expect(restrictedImports('src/adapters/redis/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n")).toEqual([]);
  }, 30_000);
});
