import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { EventBus, EventStore, ReadModelStore } from '@ebp/shared-eventsourcing';
import { Lifecycle } from './health';
import { CLOCK, EVENT_BUS, EVENT_STORE, READ_MODEL_STORE, systemClock } from './injection-tokens';

export interface PortInstances {
  eventStore?: EventStore;
  readModels?: ReadModelStore;
  bus?: EventBus;
}

const PORT_INSTANCES = Symbol('PORT_INSTANCES');

/** Hands already-open adapters to the modules and closes them after the HTTP server stopped. */
@Module({})
export class PortsModule implements OnApplicationShutdown {
  constructor(
    @Inject(PORT_INSTANCES) private readonly ports: PortInstances,
    private readonly lifecycle: Lifecycle,
  ) {}

  static forRoot(ports: PortInstances): DynamicModule {
    const providers: Provider[] = [
      { provide: PORT_INSTANCES, useValue: ports },
      { provide: CLOCK, useValue: systemClock },
    ];
    if (ports.eventStore) providers.push({ provide: EVENT_STORE, useValue: ports.eventStore });
    if (ports.readModels) providers.push({ provide: READ_MODEL_STORE, useValue: ports.readModels });
    if (ports.bus) providers.push({ provide: EVENT_BUS, useValue: ports.bus });
    return {
      module: PortsModule,
      global: true,
      providers,
      exports: providers.filter((p): p is Provider & { provide: symbol } => typeof p === 'object' && 'provide' in p && p.provide !== PORT_INSTANCES),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.lifecycle.shuttingDown = true;
    await this.ports.bus?.close();
    await this.ports.eventStore?.close();
    await this.ports.readModels?.close();
  }
}
