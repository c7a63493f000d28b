import { InProcessEventBus } from './in-memory-bus';
import { eventBusContract } from './testing/event-bus.contract';

eventBusContract('InProcessEventBus', async () => {
  const bus = new InProcessEventBus();
  return { bus, cleanup: () => bus.close() };
});
