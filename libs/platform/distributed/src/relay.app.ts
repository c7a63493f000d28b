import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ReactorRunner, Relay, type Subscription } from '@ebp/shared-eventsourcing';
import { HealthModule, PortsModule, createHttpApp, integrationMappingOf, type BoundedContext } from '@ebp/shared-nest';
import { openBus, openEventStore, openReadModels, topicsOf, type DistributedBus, type DistributedConfig } from '@ebp/shared-runtime';

const RELAY = Symbol('RELAY');

/** The reactors of one context: over its own domain topic, and over the integration topics it consumes. */
interface ReactorLane {
  context: BoundedContext;
  runner: ReactorRunner;
}

interface RelayParts {
  relay: Relay;
  bus: DistributedBus;
  lanes: ReactorLane[];
  reactorGroup: string;
  config: DistributedConfig;
}

/**
 * Starts after the app is up; drains the batch in flight before the adapters close. The relay
 * process also runs the reactors (policies), because they append to the event store it holds.
 * A context's reactors see its own domain events and other contexts' integration events only.
 */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscriptions: Subscription[] = [];

  constructor(@Inject(RELAY) private readonly parts: RelayParts) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.parts.relay.start();
    const { bus, config, reactorGroup } = this.parts;
    for (const { context, runner } of this.parts.lanes) {
      if (context.reactors.length) {
        const [own] = topicsOf(config, [context.name]).domain;
        this.subscriptions.push(await bus.subscribe(`${reactorGroup}.${context.name}`, (events) => runner.handle(events), [own]));
      }
      const sources = [...new Set(context.consumes.flatMap((r) => r.from))];
      if (sources.length) {
        const topics = topicsOf(config, sources).integration;
        this.subscriptions.push(await bus.subscribeIntegration(`${reactorGroup}.${context.name}.integration`, topics, (events) => runner.handleIntegration(events)));
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.parts.relay.stop();
  }
}

@Module({})
class RelayAppModule {}

export interface RunningRelay {
  app: NestFastifyApplication;
  relay: Relay;
}

/** Event store → Kafka (domain and integration topics), from a checkpoint kept in MongoDB. Serves only health endpoints. */
export async function startRelay(contexts: readonly BoundedContext[], config: DistributedConfig): Promise<RunningRelay> {
  const eventStore = await openEventStore(config);
  const bus = await openBus(config, contexts.map((c) => c.name));
  const checkpoints = await openReadModels(config);
  const relay = new Relay(eventStore, bus, checkpoints, {
    name: 'relay',
    batchSize: config.relayBatchSize,
    integration: { map: integrationMappingOf(contexts), publisher: bus },
  });
  // Kafka interleaves partitions: only the reactors' idempotency guards against redelivery (ordered = false).
  const lanes = contexts.map((context) => ({ context, runner: new ReactorRunner(eventStore, checkpoints, context.reactors, undefined, false, context.consumes) }));
  const module: DynamicModule = {
    module: RelayAppModule,
    imports: [
      HealthModule.forRoot([
        { name: 'event-store', check: () => eventStore.ping() },
        { name: 'kafka', check: () => bus.ping() },
        { name: 'mongodb', check: () => checkpoints.ping() },
      ]),
      PortsModule.forRoot({ eventStore, bus, readModels: checkpoints }),
    ],
    providers: [{ provide: RELAY, useValue: { relay, bus, lanes, reactorGroup: config.reactorGroup, config } satisfies RelayParts }, RelayLifecycle],
  };
  const app = await createHttpApp(module, { title: 'Relay', description: 'Event store → Kafka', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return { app, relay };
}
