import { createInMemoryStore } from '../../src/adapters/memory/in-memory-store';
import { describeBookingContract } from './booking-contract';
import { describeOutboxContract } from './outbox-contract';
import { describeRequestIndexContract } from './request-index-contract';
import { describeStoreContract } from './store-contract';

describeStoreContract('in-memory', async () => {
  const store = createInMemoryStore();
  return { store, close: () => store.close() };
});

// One process: its one store is also the "other" handle.
describeBookingContract('in-memory', async () => {
  const store = createInMemoryStore();
  return { store, peer: store, close: () => store.close() };
});

describeOutboxContract('in-memory', async () => {
  const store = createInMemoryStore();
  return { store, peer: store, close: () => store.close() };
});

describeRequestIndexContract('in-memory', async () => {
  const store = createInMemoryStore();
  return { store, close: () => store.close() };
});
