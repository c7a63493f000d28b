import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ProjectionRunner, type Projection, type Subscription } from '@ebp/shared-eventsourcing';
import { auditProjection } from '@ebp/shared-audit';
import { HealthModule, PortsModule, createHttpApp, type BoundedContext } from '@ebp/shared-nest';
import { openBus, openReadModels, topicsOf, type DistributedBus, type DistributedConfig } from '@ebp/shared-runtime';

/**
 * The audit trail's checkpoint in the distributed mode, one per context: each context's domain
 * topic is its own ordered log, so "applied up to p" is known per topic.
 */
export const auditCheckpointOf = (context: string): string => `${auditProjection.name}@${context}`;

/** What the projector runs for one context: its projections and its share of the audit trail. */
export function projectionsOf(context: BoundedContext): Projection<object>[] {
  return [{ ...(auditProjection as Projection<object>), name: auditCheckpointOf(context.name) }, ...context.projections];
}

const PROJECTOR = Symbol('PROJECTOR');

interface Lane {
  context: string;
  topic: string;
  runner: ProjectionRunner;
}

interface ProjectorParts {
  bus: DistributedBus;
  lanes: Lane[];
  group: string;
}

/**
 * Joins one consumer group per context after start-up; the bus commits a batch's offsets only after
 * the runner wrote it, so a crash replays, and the per-document position guard makes replays harmless.
 * The relay's watermarks move the checkpoints past positions of other contexts.
 */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscriptions: Subscription[] = [];

  constructor(@Inject(PROJECTOR) private readonly parts: ProjectorParts) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const lane of this.parts.lanes) {
      await lane.runner.init();
      this.subscriptions.push(
        await this.parts.bus.subscribe(`${this.parts.group}.${lane.context}`, (events, watermark) => lane.runner.handle(events, watermark), [lane.topic]),
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }
}

@Module({})
class ProjectorAppModule {}

export interface RunningProjector {
  app: NestFastifyApplication;
  runners: ProjectionRunner[];
}

/** Kafka → read models in MongoDB, for every context of the list. Serves only health endpoints. */
export async function startProjector(contexts: readonly BoundedContext[], config: DistributedConfig): Promise<RunningProjector> {
  const names = contexts.map((c) => c.name);
  const bus = await openBus(config, names);
  const readModels = await openReadModels(config);
  const topics = topicsOf(config, names).domain;
  const lanes = contexts.map((context, i) => ({ context: context.name, topic: topics[i], runner: new ProjectionRunner(readModels, projectionsOf(context)) }));
  const module: DynamicModule = {
    module: ProjectorAppModule,
    imports: [
      HealthModule.forRoot([
        { name: 'kafka', check: () => bus.ping() },
        { name: 'mongodb', check: () => readModels.ping() },
      ]),
      PortsModule.forRoot({ bus, readModels }),
    ],
    providers: [{ provide: PROJECTOR, useValue: { bus, lanes, group: config.projectorGroup } satisfies ProjectorParts }, ProjectorLifecycle],
  };
  const app = await createHttpApp(module, { title: 'Projector', description: 'Kafka → read models', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return { app, runners: lanes.map((l) => l.runner) };
}
