import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { startRedis, type PrivateRedis } from '../support/redis-server';
import { describeBookingContract } from './booking-contract';
import { describeOutboxContract } from './outbox-contract';
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
