import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ebp/shared-auth';
import { HealthModule, PortsModule, createHttpApp } from '@ebp/shared-nest';
import { openEventStore, openReadModels, type DistributedConfig } from '@ebp/shared-runtime';
import { ServiceDeskApiModule } from '@ebp/service-desk-api';

@Module({})
class ServiceDeskApiAppModule {}

/** Service-desk commands: append to the event store; reference data is read from MongoDB. */
export async function startServiceDeskApi(config: DistributedConfig): Promise<NestFastifyApplication> {
  const eventStore = await openEventStore(config);
  const readModels = await openReadModels(config);
  const module: DynamicModule = {
    module: ServiceDeskApiAppModule,
    imports: [
      AuthModule.forRoot({ secret: config.jwtSecret }),
      HealthModule.forRoot([
        { name: 'event-store', check: () => eventStore.ping() },
        { name: 'mongodb', check: () => readModels.ping() },
      ]),
      PortsModule.forRoot({ eventStore, readModels }),
      ServiceDeskApiModule,
    ],
  };
  const app = await createHttpApp(module, { title: 'Service desk API', description: 'Service-desk commands', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
