import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { ProjectionRunner, type EventBus, type Projection, type Subscription } from '@ebp/shared-eventsourcing';
import { auditProjection } from '@ebp/shared-audit';
import { HealthModule, PortsModule, createHttpApp } from '@ebp/shared-nest';
import { openBus, openReadModels, type DistributedConfig } from '@ebp/shared-runtime';
import { serviceDeskProjections } from '@ebp/service-desk-read-models';

/** The same projections the embedded platform runs. */
export const projectorProjections: Projection<object>[] = [auditProjection as Projection<object>, ...serviceDeskProjections];

const PROJECTOR = Symbol('PROJECTOR');

interface ProjectorParts {
  bus: EventBus;
  runner: ProjectionRunner;
  group: string;
}

/**
 * Joins the consumer group after start-up; the bus commits a batch's offsets only after the
 * runner wrote it, so a crash replays, and the per-document position guard makes replays harmless.
 */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription?: Subscription;

  constructor(@Inject(PROJECTOR) private readonly parts: ProjectorParts) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.parts.runner.init();
    this.subscription = await this.parts.bus.subscribe(this.parts.group, (events) => this.parts.runner.handle(events));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}

@Module({})
class ProjectorAppModule {}

export interface RunningProjector {
  app: NestFastifyApplication;
  runner: ProjectionRunner;
}

/** Kafka → read models in MongoDB. Serves only health endpoints. */
export async function startProjector(config: DistributedConfig, projections = projectorProjections): Promise<RunningProjector> {
  const bus = await openBus(config);
  const readModels = await openReadModels(config);
  const runner = new ProjectionRunner(readModels, projections);
  const module: DynamicModule = {
    module: ProjectorAppModule,
    imports: [
      HealthModule.forRoot([
        { name: 'kafka', check: () => bus.ping() },
        { name: 'mongodb', check: () => readModels.ping() },
      ]),
      PortsModule.forRoot({ bus, readModels }),
    ],
    providers: [{ provide: PROJECTOR, useValue: { bus, runner, group: config.projectorGroup } satisfies ProjectorParts }, ProjectorLifecycle],
  };
  const app = await createHttpApp(module, { title: 'Projector', description: 'Kafka → read models', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return { app, runner };
}
