import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  InProcessEventBus,
  ProjectionRunner,
  ReactorRunner,
  Relay,
  type Projection,
  type Reactor,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { SqliteEventStore, SqliteReadModelStore } from '@ebp/shared-sqlite';

export interface EmbeddedEngineOptions {
  dataDir: string;
  eventStoreSync: 'FULL' | 'NORMAL';
  projections: Projection<object>[];
  reactors: Reactor[];
}

/**
 * The embedded default: SQLite event store → relay → in-process bus → projections → SQLite
 * read models, all in this process, all files under the data directory.
 */
export class EmbeddedEngine {
  readonly eventStore: SqliteEventStore;
  readonly readModels: SqliteReadModelStore;
  readonly bus = new InProcessEventBus();
  readonly runner: ProjectionRunner;
  readonly relay: Relay;
  readonly reactors: ReactorRunner;
  private busSubscription?: Subscription;
  private reactorSubscription?: Subscription;

  constructor(options: EmbeddedEngineOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.eventStore = new SqliteEventStore({ file: join(options.dataDir, 'events.db'), synchronous: options.eventStoreSync });
    this.readModels = new SqliteReadModelStore({ file: join(options.dataDir, 'read-models.db') });
    this.runner = new ProjectionRunner(this.readModels, options.projections);
    this.relay = new Relay(this.eventStore, this.bus, this.readModels, { name: 'relay' });
    this.reactors = new ReactorRunner(this.eventStore, this.readModels, options.reactors);
  }

  /** Projections catch up from their checkpoints first, then follow the relay. */
  async start(): Promise<void> {
    await this.runner.init();
    await this.runner.catchUp(this.eventStore);
    await this.reactors.catchUp();
    // The in-process bus feeds only projections and reactors: what they all handled need not be relayed again.
    const handled = Math.min(await this.runner.lowestCheckpoint(), await this.reactors.lowestCheckpoint());
    if (handled > (await this.readModels.load(this.relay.name))) await this.readModels.save(this.relay.name, handled);
    this.busSubscription = await this.bus.subscribe('projections', (events) => this.runner.handle(events));
    this.reactorSubscription = await this.bus.subscribe('reactors', (events) => this.reactors.handle(events));
    await this.relay.start();
  }

  /** Drains the relay, then closes both databases. */
  async stop(): Promise<void> {
    await this.relay.stop();
    await this.busSubscription?.stop();
    await this.reactorSubscription?.stop();
    await this.eventStore.close();
    await this.readModels.close();
  }

  async status() {
    const head = await this.eventStore.headPosition();
    const projections = await Promise.all(
      this.runner.names().map(async (name) => ({ name, checkpoint: await this.readModels.load(name) })),
    );
    return { head, relay: this.relay.position(), projections };
  }
}
