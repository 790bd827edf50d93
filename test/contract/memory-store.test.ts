import { createInMemoryStore } from '../../src/adapters/memory/in-memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('in-memory', async () => {
  const store = createInMemoryStore();
  return { store, close: () => store.close() };
});
