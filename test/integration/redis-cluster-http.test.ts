import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { cardText } from '../support/bot-client';
import { eventually, startHarness, type Harness } from '../support/bot-harness';
import { submitEligible } from '../support/booking';
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
