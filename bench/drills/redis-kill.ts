import { appOn } from '../../test/support/booking';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { journeyRequests } from '../lib/journey';
import { drive } from '../lib/load';
import { startNode } from '../lib/processes';
import { seedClinicians } from '../lib/setup';
import { startSink } from '../lib/sink';

/**
 * kill -9 Redis under journey load, restart it on the same AOF directory: every request a referrer was
 * shown a reference for must still be there; meanwhile people see the "temporarily unavailable" card.
 */
export async function run({ smoke }: { smoke: boolean }) {
  const redis = await startRedis();
  const sink = await startSink();
  const { app, close } = appOn(redis.url);
  const clinicians = await seedClinicians(app, 10);
  const bot = await startNode(BOT, { ...BOT_ENV, REDIS_URL: redis.url }, await freePort(), sink.url);
  const acknowledged = new Set<string>();
  let unavailableCards = 0;
  let otherFailures = 0;
  const seconds = smoke ? 4 : 12;
  const load = drive(bot.url, 10, seconds, journeyRequests(sink.url, clinicians, {
    onSubmitted: (ref) => acknowledged.add(ref),
    onAnswer: (status, body) => {
      if (body.includes('Temporarily unavailable')) unavailableCards += 1;
      else if (status >= 300) otherFailures += 1;
    },
  }));
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
  await redis.kill();
  const down = Date.now();
  await new Promise((r) => setTimeout(r, 1500));
  await redis.restart();
  const restarted = Date.now();
  let recoveredAt = 0;
  while (!recoveredAt && Date.now() - restarted < 20_000) {
    if (await fetch(`${bot.url}/healthz`).then((r) => r.ok, () => false)) recoveredAt = Date.now();
    else await new Promise((r) => setTimeout(r, 20));
  }
  const result = await load;
  await bot.stop();
  const missing: string[] = [];
  for (const ref of acknowledged) if (!(await app.store.requests.get('fass', ref))) missing.push(ref);
  await close();
  await sink.stop();
  await redis.stop();
  return {
    pass: missing.length === 0 && recoveredAt > 0 && acknowledged.size > 0,
    acknowledged: acknowledged.size, acknowledged_lost: missing.length,
    seen_meanwhile: { unavailable_cards: unavailableCards, other_failures: otherFailures, errors: result.errors },
    redis_down_ms: restarted - down, recovery_ms: recoveredAt ? recoveredAt - restarted : null, turns: result.requests,
  };
}
