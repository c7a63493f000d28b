import { blobStoreContract } from './blob-store.contract';
import { InMemoryBlobStore } from './in-memory-blob-store';

// One store stands for the storage: every `open` returns a handle onto the same map.
const shared = new InMemoryBlobStore();
blobStoreContract('InMemoryBlobStore', async () => shared);
