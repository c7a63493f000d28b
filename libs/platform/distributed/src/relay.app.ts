import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { Relay } from '@ebp/shared-eventsourcing';
import { HealthModule, PortsModule, createHttpApp } from '@ebp/shared-nest';
import { openBus, openEventStore, openReadModels, type DistributedConfig } from '@ebp/shared-runtime';

const RELAY = Symbol('RELAY');

/** Starts after the app is up; drains the batch in flight before the adapters close. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(RELAY) private readonly relay: Relay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
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
    providers: [{ provide: RELAY, useValue: relay }, RelayLifecycle],
  };
  const app = await createHttpApp(module, { title: 'Relay', description: 'Event store → Kafka', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return { app, relay };
}
