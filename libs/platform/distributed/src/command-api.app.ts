import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ebp/shared-auth';
import { HealthModule, PortsModule, createHttpApp, type BoundedContext } from '@ebp/shared-nest';
import { openEventStore, openReadModels, type DistributedConfig } from '@ebp/shared-runtime';

@Module({})
class CommandApiModule {}

/** One context's commands: append to the event store; reference data is read from MongoDB. */
export async function startCommandApi(context: BoundedContext, config: DistributedConfig): Promise<NestFastifyApplication> {
  const eventStore = await openEventStore(config);
  const readModels = await openReadModels(config);
  const module: DynamicModule = {
    module: CommandApiModule,
    imports: [
      AuthModule.forRoot({ secret: config.jwtSecret }),
      HealthModule.forRoot([
        { name: 'event-store', check: () => eventStore.ping() },
        { name: 'mongodb', check: () => readModels.ping() },
      ]),
      PortsModule.forRoot({ eventStore, readModels }),
      context.commands,
    ],
  };
  const app = await createHttpApp(module, { title: `${context.title} API`, description: `${context.title} commands`, logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
