import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-cluster';
import { describeBookingContract } from './booking-contract';
import { describeOutboxContract } from './outbox-contract';
import { describeRequestIndexContract } from './request-index-contract';
import { auditEntry, buildDraft, buildNotification } from '../support/builders';
import { describeStoreContract, SERVICES } from './store-contract';

let cluster: PrivateRedisCluster;
beforeAll(async () => { cluster = await startRedisCluster(); }, 30_000);
afterAll(async () => cluster.stop());

describeStoreContract('redis cluster', async () => {
  await cluster.flush();
  const store = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  return { store, close: () => store.close() };
});

// Two stores on two cluster clients, as two bot processes would be.
describeBookingContract('redis cluster', async () => {
  await cluster.flush();
  const store = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  const peer = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  return { store, peer, close: async () => { await Promise.all([store.close(), peer.close()]); } };
});

// Two notifier processes: each store has its own cluster client, including its own blocking reader.
describeOutboxContract('redis cluster', async () => {
  await cluster.flush();
  const store = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  const peer = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  return { store, peer, close: async () => { await Promise.all([store.close(), peer.close()]); } };
});

describeRequestIndexContract('redis cluster', async () => {
  await cluster.flush();
  const store = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
  return { store, close: () => store.close() };
});

describe('Redis Cluster routing', () => {
  it('stores each service on the primary that serves its hash tag, three services on three primaries', async () => {
    await cluster.flush();
    const store = createRedisStore(cluster.client(), { draftTtlMs: 60_000 });
    const draftIds = new Map<string, string>();
    for (const service of SERVICES) {
      const draft = buildDraft({ service, ownerId: 'owner-r' });
      draftIds.set(service, draft.id);
      await store.drafts.save(draft, auditEntry('draft.start', draft.id));
      await store.outbox.append(buildNotification({ service }));
    }
    await store.close();
    const homes = await Promise.all(SERVICES.map((service) => cluster.nodeFor(`cb:{${service}}:audit`)));
    expect(new Set(homes).size).toBe(SERVICES.length);
    for (const [i, service] of SERVICES.entries()) {
      const tag = `cb:{${service}}`;
      expect((await cluster.keysOn(homes[i]!)).sort())
        .toEqual([`${tag}:audit`, `${tag}:draft-active:owner-r`, `${tag}:draft:${draftIds.get(service)}`, `${tag}:outbox`]);
    }
  });
});
