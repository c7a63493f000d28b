import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { ReactorRunner, Relay, type EventBus, type Subscription } from '@ebp/shared-eventsourcing';
import { serviceDeskReactors } from '@ebp/service-desk-domain';
import { HealthModule, PortsModule, createHttpApp } from '@ebp/shared-nest';
import { openBus, openEventStore, openReadModels, type DistributedConfig } from '@ebp/shared-runtime';

const RELAY = Symbol('RELAY');

interface RelayParts {
  relay: Relay;
  bus: EventBus;
  reactors: ReactorRunner;
  reactorGroup: string;
}

/**
 * Starts after the app is up; drains the batch in flight before the adapters close. The relay
 * process also runs the reactors (policies), because they append to the event store it holds.
 */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private reactorSubscription?: Subscription;

  constructor(@Inject(RELAY) private readonly parts: RelayParts) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.parts.relay.start();
    if (this.parts.reactors.reactors.length) {
      this.reactorSubscription = await this.parts.bus.subscribe(this.parts.reactorGroup, (events) => this.parts.reactors.handle(events));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reactorSubscription?.stop();
    await this.parts.relay.stop();
  }
}

@Module({})
class RelayAppModule {}

export interface RunningRelay {
  app: NestFastifyApplication;
  relay: Relay;
}

/** Event store → Kafka, from a checkpoint kept in MongoDB. Serves only health endpoints. */
export async function startRelay(config: DistributedConfig): Promise<RunningRelay> {
  const eventStore = await openEventStore(config);
  const bus = await openBus(config);
  const checkpoints = await openReadModels(config);
  const relay = new Relay(eventStore, bus, checkpoints, { name: 'relay', batchSize: config.relayBatchSize });
  const reactors = new ReactorRunner(eventStore, checkpoints, serviceDeskReactors, undefined, false);
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
    providers: [{ provide: RELAY, useValue: { relay, bus, reactors, reactorGroup: config.reactorGroup } satisfies RelayParts }, RelayLifecycle],
  };
  const app = await createHttpApp(module, { title: 'Relay', description: 'Event store → Kafka', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return { app, relay };
}
