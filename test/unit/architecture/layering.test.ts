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

const BOT = "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n";
const CONNECTOR = "import { AuthenticationError } from 'botframework-connector';\nexport const e = AuthenticationError;\n";

describe('layering: domain/, app/ and the conversation layer stay free of transports and databases', () => {
  it.each([
    ['src/domain/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n"],
    ['src/app/probe.ts', BOT],
    ['src/app/probe.ts', "import restify from 'restify';\nexport const s = restify;\n"],
    ['src/domain/probe.ts', "import { createRedisStore } from '../adapters/redis/redis-store';\nexport const s = createRedisStore;\n"],
    ['src/conversation/probe.ts', BOT],
    ['src/conversation/views/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n"],
    ['src/conversation/probe.ts', "import { renderCard } from '../adapters/teams/cards/render';\nexport const r = renderCard;\n"],
    ['src/app/probe.ts', "import { runAction } from '../conversation/dispatch';\nexport const r = runAction;\n"],
  ])('the lint rule refuses %s importing infrastructure or a layer above it', (path, code) => {
    expect(restrictedImports(path, code)).toHaveLength(1);
  }, 30_000);

  it('lets an adapter import them', () => {
    expect(restrictedImports('src/adapters/redis/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n")).toEqual([]);
    expect(restrictedImports('src/adapters/teams/probe.ts', BOT)).toEqual([]);
  }, 30_000);
});

describe('layering: the workspace tab in the browser reaches the server through its API only', () => {
  it.each([
    ['web/src/probe.tsx', "import { readCase } from '../../src/app/workspace/read-case';\nexport const r = readCase;\n"],
    ['web/src/pages/probe.tsx', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['web/src/probe.ts', "import Redis from 'ioredis';\nexport const r = Redis;\n"],
  ])('the lint rule refuses %s importing server code or Node', (path, code) => {
    expect(restrictedImports(path, code)).toHaveLength(1);
  }, 30_000);
});

describe('layering: only the Teams adapter may import the Bot Framework', () => {
  it.each([
    ['src/main.ts', BOT], ['src/http/probe.ts', BOT], ['src/http/probe.ts', CONNECTOR], ['src/notifier.ts', CONNECTOR],
    ['src/adapters/redis/probe.ts', BOT], ['src/cli/probe.ts', BOT],
  ])('the lint rule refuses %s importing botbuilder or botframework-*', (path, code) => {
    expect(restrictedImports(path, code)).toHaveLength(1);
  }, 30_000);
});
