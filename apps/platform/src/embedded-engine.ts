import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  InProcessEventBus,
  ProjectionRunner,
  ReactorRunner,
  Relay,
  contextOf,
  type IntegrationEvent,
  type IntegrationMapping,
  type IntegrationReactor,
  type Projection,
  type Reactor,
  type RecordedEvent,
  type Subscription,
} from '@ebp/shared-eventsourcing';
import { SqliteEventStore, SqliteReadModelStore } from '@ebp/shared-sqlite';
import { LiveEventsFanout } from '@ebp/shared-nest';

/** One context's policies: over its own domain events, and over other contexts' integration events. */
export interface ReactorLane {
  context: string;
  reactors: Reactor[];
  integrationReactors: IntegrationReactor[];
}

export interface EmbeddedEngineOptions {
  dataDir: string;
  eventStoreSync: 'FULL' | 'NORMAL';
  projections: Projection<object>[];
  lanes: ReactorLane[];
  /** Every context's domain → integration mapping, applied in-process as the relay applies it in the distributed mode. */
  integration: IntegrationMapping;
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
  /** The live feed (LIVE_EVENTS): every batch once the projections and reactors handled it. */
  readonly live = new LiveEventsFanout();
  private readonly lanes: { context: string; runner: ReactorRunner }[];
  private readonly integration: IntegrationMapping;
  private busSubscription?: Subscription;
  private reactorSubscription?: Subscription;
  private liveSubscription?: Subscription;

  constructor(options: EmbeddedEngineOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.eventStore = new SqliteEventStore({ file: join(options.dataDir, 'events.db'), synchronous: options.eventStoreSync });
    this.readModels = new SqliteReadModelStore({ file: join(options.dataDir, 'read-models.db') });
    this.runner = new ProjectionRunner(this.readModels, options.projections);
    this.relay = new Relay(this.eventStore, this.bus, this.readModels, { name: 'relay' });
    this.lanes = options.lanes
      .filter((l) => l.reactors.length || l.integrationReactors.length)
      .map((l) => ({ context: l.context, runner: new ReactorRunner(this.eventStore, this.readModels, l.reactors, undefined, true, l.integrationReactors) }));
    this.integration = options.integration;
  }

  /** A context's reactors see its own domain events and the other contexts' published language only. */
  private async react(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const through = events[events.length - 1].metadata.position;
    const published = this.lanes.some((l) => l.runner.integrationReactors.length) ? events.map(this.integration).filter((e): e is IntegrationEvent => e !== null) : [];
    for (const { context, runner } of this.lanes) {
      await runner.handle(events.filter((e) => contextOf(e.metadata.streamId) === context), through);
      await runner.handleIntegration(published, through);
    }
  }

  private async catchUpReactors(from: number, batchSize = 2000): Promise<void> {
    for (let after = from; ; ) {
      const batch = await this.eventStore.readAll({ after, limit: batchSize });
      if (batch.length === 0) return;
      await this.react(batch);
      after = batch[batch.length - 1].metadata.position;
    }
  }

  /** Projections and reactors catch up from their checkpoints first, then follow the relay. */
  async start(): Promise<void> {
    await this.runner.init();
    await this.runner.catchUp(this.eventStore);
    const reacted = Math.min(...(await Promise.all(this.lanes.map((l) => l.runner.lowestCheckpoint()))));
    if (Number.isFinite(reacted)) await this.catchUpReactors(reacted);
    // The in-process bus feeds only projections and reactors: what they all handled need not be relayed again.
    // After the catch-up every reactor stands at the head the projections reached, or further.
    const handled = await this.runner.lowestCheckpoint();
    if (handled > (await this.readModels.load(this.relay.name))) await this.readModels.save(this.relay.name, handled);
    this.busSubscription = await this.bus.subscribe('projections', (events, watermark) => this.runner.handle(events, watermark));
    this.reactorSubscription = await this.bus.subscribe('reactors', (events) => this.react(events));
    // Last: a live client that reads a read model on a message finds the change applied.
    this.liveSubscription = await this.bus.subscribe('live', async (events) => this.live.publish(events));
    await this.relay.start();
  }

  /** Drains the relay, then closes both databases. */
  async stop(): Promise<void> {
    await this.relay.stop();
    await this.busSubscription?.stop();
    await this.reactorSubscription?.stop();
    await this.liveSubscription?.stop();
    this.live.clear();
    await this.eventStore.close();
    await this.readModels.close();
  }

  /** The lowest checkpoint of every reactor lane: what every policy has reacted to. */
  async reactedThrough(): Promise<number> {
    const all = await Promise.all(this.lanes.map((l) => l.runner.lowestCheckpoint()));
    return all.length ? Math.min(...all) : Infinity;
  }

  async status() {
    const head = await this.eventStore.headPosition();
    const projections = await Promise.all(
      this.runner.names().map(async (name) => ({ name, checkpoint: await this.readModels.load(name) })),
    );
    return { head, relay: this.relay.position(), projections };
  }
}
