import { eventStoreContract } from './event-store.contract';
import { InMemoryEventStore, InMemoryReadModelStore } from './in-memory-stores';
import { readModelStoreContract } from './read-model-store.contract';

eventStoreContract('InMemoryEventStore', async () => {
  const store = new InMemoryEventStore();
  return { store, cleanup: () => store.close() };
});

readModelStoreContract('InMemoryReadModelStore', async () => {
  const store = new InMemoryReadModelStore();
  return { store, cleanup: () => store.close() };
});
