/**
 * `npx tsx bench/count-commands.ts`: the Redis commands a journey costs, read from MONITOR while one
 * connection runs JOURNEYS whole journeys (12 turns each) against the compiled bot. Loopback only.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { appOn } from '../test/support/booking';
import { freePort, startRedis } from '../test/support/redis-server';
import { build, BOT_ENV } from './lib/build';
import { journeyRequests } from './lib/journey';
import { drive } from './lib/load';
import { startNode } from './lib/processes';
import { seedClinicians } from './lib/setup';
import { startSink } from './lib/sink';

const JOURNEYS = Number(process.env.JOURNEYS ?? 20);

async function main(): Promise<void> {
  build();
  const redis = await startRedis();
  const sink = await startSink();
  const { app, close } = appOn(redis.url);
  const clinicians = await seedClinicians(app, 20);
  const bot = await startNode(resolve(__dirname, '../dist/main.js'), { ...BOT_ENV, REDIS_URL: redis.url }, await freePort(), sink.url);
  await new Promise((r) => setTimeout(r, 300));
  const monitor = spawn('redis-cli', ['-p', String(redis.port), 'monitor']);
  let text = '';
  monitor.stdout.on('data', (d: Buffer) => { text += d.toString(); });
  await new Promise((r) => setTimeout(r, 200));
  const load = await drive(bot.url, 1, 60, journeyRequests(sink.url, clinicians), JOURNEYS * 12);
  await new Promise((r) => setTimeout(r, 300));
  monitor.kill();
  const byName = new Map<string, number>();
  let total = 0;
  let client = 0;
  for (const line of text.split('\n')) {
    const m = /^\S+ \[\d+ ([^\]]+)\] "([^"]+)"(?: "([^"]*)")?(?: "([^"]*)")?/.exec(line);
    if (!m) continue;
    const name = `${m[1] === 'lua' ? '(lua) ' : ''}${m[2]!.toLowerCase()}`;
    if (m[1] !== 'lua') client += 1;
    const arg = `${m[3] ?? ''}${m[3] === 'cb:directory' ? ` ${(m[4] ?? '').split(':')[0]}` : ''}`.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+/g, '#').slice(0, 60);
    const key = /eval/.test(name) ? `${name} ${arg.slice(0, 12)}` : `${name} ${arg}`;
    byName.set(key, (byName.get(key) ?? 0) + 1);
    total += 1;
  }
  const journeys = load.requests / 12;
  process.stdout.write(`${load.requests} turns (${journeys} journeys), ${total} commands, ${(total / load.requests).toFixed(1)} per turn, ${(client / load.requests).toFixed(1)} of them sent by the bot (the rest run in scripts)\n`);
  for (const [k, n] of [...byName.entries()].sort((a, b) => b[1] - a[1])) process.stdout.write(`${(n / journeys).toFixed(1).padStart(7)}  ${k}\n`);
  await bot.stop();
  await close();
  await sink.stop();
  await redis.stop();
}

void main();
