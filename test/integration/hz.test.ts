import { startHarness } from '../support/bot-harness';
import { startRedis } from '../support/redis-server';
it('x', async () => {
  const redis = await startRedis();
  const h = await startHarness({ REDIS_URL: redis.url });
  let t = Date.now();
  const up = await fetch(`${h.bot.url}/healthz`); console.log('up', up.status, Date.now() - t); t = Date.now();
  await redis.kill(); console.log('killed', Date.now() - t); t = Date.now();
  const down = await fetch(`${h.bot.url}/healthz`); console.log('down', down.status, Date.now() - t); t = Date.now();
  await h.bot.stop(); console.log('stopped', Date.now() - t); t = Date.now();
  await redis.stop(); console.log('redis stopped', Date.now() - t);
}, 30000);
