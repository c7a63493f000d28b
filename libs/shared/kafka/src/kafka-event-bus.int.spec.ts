import { eventBusContract } from '@ebp/shared-eventsourcing/testing';
import { describeWithEngine } from '@ebp/shared-testing';
import { testBus, uniqueTopic } from './testing/kafka-test-kit';

// Closing a bus and deleting its topics and groups can take longer than jest's 5 s hook default.
jest.setTimeout(60_000);

// The contract names its streams `contract.thing-<uuid>` (one context), so a topic per context would be
// shared by every run; topicResolver sends each fixture's events to a topic of its own instead.
describeWithEngine('kafka', 'KafkaEventBus', (url) => {
  eventBusContract('KafkaEventBus', async () => {
    const bus = testBus(url(), [uniqueTopic()]);
    return { bus, cleanup: () => bus.dispose() };
  });
});
