import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { cardText } from '../support/bot-client';
import { eventually, startHarness, type Harness } from '../support/bot-harness';
import { submitEligible } from '../support/booking';
import { buildAnswers } from '../support/builders';
import { answerStep } from '../support/journey';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-cluster';

const sw = { id: 'aad-sw-cluster', name: 'Synthetic Social Worker' };
let cluster: PrivateRedisCluster;
let h: Harness;
beforeAll(async () => {
  cluster = await startRedisCluster();
  h = await startHarness({ REDIS_CLUSTER_NODES: cluster.env });
}, 30_000);
afterAll(async () => {
  await h?.stop();
  await cluster?.stop();
});

describe('the bot on a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  it('takes a request to its reference, keeps it on the primary serving {fass}, lists it back and delivers its notification', async () => {
    const { reference, outcome } = await submitEligible(h.client, sw);
    expect(cardText(outcome)).toContain('This request fits the service');
    expect(cardText(await h.client.say(sw, 'my requests'))).toContain(reference);

    const key = `cb:{fass}:req:${reference}`;
    expect(await cluster.keysOn(await cluster.nodeFor(key))).toContain(key);
    // Another process's view, through its own cluster client: what a second bot instance would read.
    const other = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
    try {
      expect(await other.requests.get('fass', reference)).toMatchObject({ status: 'awaiting_booking', ownerId: sw.id });
      // The inline notifier read the "submitted" event from the outbox stream (its blocking reader is a Cluster too) and acknowledged it.
      await eventually(() => h.logs.lines.some((l) => l.includes('"evt":"notify"') && l.includes(`"ref":"${reference}"`)), 'the submitted notification handled');
      await eventually(async () => (await other.outbox.backlog('fass')) === 0, 'the outbox drained');
    } finally {
      await other.close();
    }
  });
});

describe('the bot when a Redis Cluster primary is lost', () => {
  it('tells the referrer at once that nothing was saved, and /healthz says the store is down', async () => {
    const about = (await h.client.say(sw, 'request consultation'))[0]!;
    const up = await fetch(`${h.bot.url}/healthz`);
    expect(up.status).toBe(200);

    const fassHome = await cluster.nodeFor('cb:{fass}:audit');
    await cluster.kill(fassHome);
    const started = Date.now();
    const answered = await answerStep(h.client, sw, about, buildAnswers().about);
    expect(cardText(answered)).toContain('Temporarily unavailable');
    expect(Date.now() - started).toBeLessThan(5000);

    // Once the other primaries count the lost one's slots as unserved, no node accepts a write; a PING still answers.
    const survivor = cluster.nodes.find((n) => n.port !== fassHome)!.port;
    await eventually(async () => (await cluster.stateOn(survivor)) === 'fail', 'the cluster noticing', 15_000);
    for (let i = 0; i < 3; i += 1) {
      const down = await fetch(`${h.bot.url}/healthz`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'degraded', store: 'down', node: process.version }]);
    }
    expect(h.logs.lines.join('\n')).toContain('"evt":"redis_error","code":"ECONNREFUSED"');
  }, 30_000);
});
