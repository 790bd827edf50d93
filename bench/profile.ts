/**
 * `npx tsx bench/profile.ts`: the bot under journey load with --cpu-prof, then the top functions by self
 * time and by package, to see what bounds a turn. Loopback only, bounded in time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appOn } from '../test/support/booking';
import { freePort, startRedis } from '../test/support/redis-server';
import { journeyRequests } from './lib/journey';
import { drive } from './lib/load';
import { startNode } from './lib/processes';
import { seedClinicians } from './lib/setup';
import { startSink } from './lib/sink';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const redis = await startRedis();
  const sink = await startSink();
  const { app, close } = appOn(redis.url);
  const clinicians = await seedClinicians(app, 20);
  const dir = mkdtempSync(join(tmpdir(), 'cb-prof-'));
  const bot = await startNode(resolve(root, 'dist/main.js'), { REDIS_URL: redis.url, LOG_LEVEL: 'warn', DEMO_DATA: 'false', INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0' }, await freePort(), sink.url, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const load = await drive(bot.url, 50, Number(process.env.SECONDS ?? 8), journeyRequests(sink.url, clinicians));
  await bot.stop();
  await new Promise((r) => setTimeout(r, 500));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[] };
  const total = profile.samples.length;
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  const hits = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples) {
    const n = hits.get(id)!;
    const url = n.callFrame.url.replace(`file://${root}/`, '');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + 1);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('dist/') ? 'project' : url.startsWith('node:') ? 'node' : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : 'other');
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + 1);
  }
  const top = (m: Map<string, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  process.stdout.write(`journey load: ${load.rps.toFixed(0)} turns/s\n\nby package:\n${top(byPkg, 15)}\n\nby function (self time):\n${top(byFn, 25)}\n`);
  await close();
  await sink.stop();
  await redis.stop();
}

void main();
