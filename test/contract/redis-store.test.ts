import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { startRedis, type PrivateRedis } from '../support/redis-server';
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
