import { migrateRequestIndexes } from '../../src/adapters/redis/migrate-indexes';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { buildRequest } from '../support/builders';
import { startRedis, type PrivateRedis } from '../support/redis-server';
import { describeBookingContract } from './booking-contract';
import { describeOutboxContract } from './outbox-contract';
import { describeRequestIndexContract } from './request-index-contract';
import { describeStoreContract } from './store-contract';

let server: PrivateRedis;
beforeAll(async () => { server = await startRedis(); });
afterAll(async () => server.stop());

describeStoreContract('redis', async () => {
  const admin = server.client();
  await admin.flushall();
  const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  return { store, close: () => store.close() };
});

// Two stores on two connections, as two bot processes would be.
describeBookingContract('redis', async () => {
  await server.client().flushall();
  const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  const peer = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  return { store, peer, close: async () => { await Promise.all([store.close(), peer.close()]); } };
});

// Two notifier processes: each store has its own connections, including its own blocking reader.
describeOutboxContract('redis', async () => {
  await server.client().flushall();
  const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  const peer = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  return { store, peer, close: async () => { await Promise.all([store.close(), peer.close()]); } };
});

describeRequestIndexContract('redis', async () => {
  await server.client().flushall();
  const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  return { store, close: () => store.close() };
});

describe('requests saved before the indexes existed', () => {
  it('are indexed by status (since they entered it) and linked conversation, once, at start-up', async () => {
    const c = server.client();
    await c.flushall();
    const old = buildRequest({ reference: 'FASS-2025-0007', status: 'waitlisted', waitlistedAt: '2025-06-01T09:00:00.000Z', updatedAt: '2025-06-02T09:00:00.000Z',
      links: [{ conversationId: '19:old-net@thread.tacv2', kind: 'groupChat', by: 'x', at: '2025-06-01T09:00:00.000Z' }] });
    // As a version before the indexes wrote it: the document and the service's list only.
    await c.hset('cb:{fass}:req:FASS-2025-0007', 'doc', JSON.stringify(old), 'v', '1');
    await c.zadd('cb:{fass}:reqs', Date.parse(old.submittedAt), old.reference);
    expect(await migrateRequestIndexes(c, ['fass', 'pps'])).toBe(1);
    expect(await migrateRequestIndexes(c, ['fass', 'pps'])).toBe(0);
    const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
    try {
      expect((await store.requests.listByStatus('fass', 'waitlisted', { limit: 5 })).map((r) => r.reference)).toEqual(['FASS-2025-0007']);
      expect(await c.zscore('cb:{fass}:status:waitlisted', 'FASS-2025-0007')).toBe(String(Date.parse('2025-06-01T09:00:00.000Z')));
      expect(await store.requests.linkedTo('fass', '19:old-net@thread.tacv2')).toEqual(['FASS-2025-0007']);
    } finally {
      await store.close();
    }
  });
});
