import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ebp/shared-auth';
import { AuditModule, auditProjection } from '@ebp/shared-audit';
import { ConsistencyModule, HealthModule, LiveEventsModule, PortsModule, auditPayloadReadersOf, createHttpApp, type BoundedContext } from '@ebp/shared-nest';
import { openReadModels, type DistributedConfig } from '@ebp/shared-runtime';
import { KafkaLiveEvents } from './live-events.kafka';
import { auditCheckpointOf, projectionsOf } from './projector.app';

@Module({})
class QueryApiModule {}

/** Every context's read models and the audit trail over HTTP, from MongoDB; live feeds (SSE) from Kafka. */
export async function startQueryApi(contexts: readonly BoundedContext[], config: DistributedConfig): Promise<NestFastifyApplication> {
  const readModels = await openReadModels(config);
  const live = new KafkaLiveEvents(config, contexts.map((c) => c.name));
  await live.start();
  const module: DynamicModule = {
    module: QueryApiModule,
    imports: [
      AuthModule.forRoot({ secret: config.jwtSecret }),
      HealthModule.forRoot([{ name: 'mongodb', check: () => readModels.ping() }]),
      PortsModule.forRoot({ readModels }),
      LiveEventsModule.forRoot(live),
      ConsistencyModule.forRoot({
        allProjections: contexts.flatMap((c) => projectionsOf(c).map((p) => p.name)),
        // The projector keeps the audit trail's checkpoint per context (see projector.app.ts).
        checkpointsOf: (name) => (name === auditProjection.name ? contexts.map((c) => auditCheckpointOf(c.name)) : [name]),
      }),
      ...contexts.map((c) => c.queries),
      AuditModule.withPayloadReaders(auditPayloadReadersOf(contexts)),
    ],
  };
  const app = await createHttpApp(module, { title: 'Query API', description: 'Read models of every context and the audit trail', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
