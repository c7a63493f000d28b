import type { IntegrationEvent, IntegrationMapping } from './integration';
import type { CheckpointStore, EventBus, EventStore, IntegrationPublisher, Subscription } from './ports';

export interface RelayOptions {
  name?: string;
  batchSize?: number;
  /** Also publish the published language: each context's mapping, to its integration topic. */
  integration?: { map: IntegrationMapping; publisher: IntegrationPublisher };
}

/**
 * Moves events from the store to the bus (and their integration events to the publisher), from its
 * checkpoint. The checkpoint is saved only after both accepted a batch, so a crash in between
 * re-publishes (at-least-once), never loses.
 */
export class Relay {
  private subscription?: Subscription;
  private published = 0;
  private inFlight: Promise<void> = Promise.resolve();
  readonly name: string;

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    private readonly checkpoints: CheckpointStore,
    private readonly options: RelayOptions = {},
  ) {
    this.name = options.name ?? 'relay';
  }

  async start(): Promise<void> {
    const after = await this.checkpoints.load(this.name);
    this.published = after;
    this.subscription = this.store.subscribeToAll({ after, batchSize: this.options.batchSize ?? 500 }, (events) => {
      const work = (async () => {
        const last = events[events.length - 1].metadata.position;
        await this.bus.publish(events, { watermark: last });
        const integration = this.options.integration;
        if (integration) {
          const published = events.map(integration.map).filter((e): e is IntegrationEvent => e !== null);
          if (published.length) await integration.publisher.publishIntegration(published);
        }
        await this.checkpoints.save(this.name, last);
        this.published = last;
      })();
      this.inFlight = work.catch(() => undefined);
      return work;
    });
  }

  /** Last position handed to the bus and checkpointed. */
  position(): number {
    return this.published;
  }

  /** Stops after the batch in flight is published and checkpointed. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.inFlight;
    this.subscription = undefined;
  }
}
